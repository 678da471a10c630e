import { Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '@contract';
import { formatDateTime, formatNumber } from '../../components/format';

const megabytes = (bytes: number) => `${formatNumber(bytes / 1_000_000, 1)} MB`;

/** The backup folder's listing, newest first, each with its restore button. */
export function BackupTable({ backups, onRestore }: { backups: BackupInfo[]; onRestore(backup: BackupInfo): void }) {
  const { t } = useTranslation('backups');
  return (
    <Table striped verticalSpacing="xs" data-testid="backup-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('when')}</Table.Th>
          <Table.Th>{t('kind')}</Table.Th>
          <Table.Th ta="right">{t('size')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((b) => (
          <Table.Tr key={b.fileName} data-testid="backup-row">
            <Table.Td>
              <Text size="sm" title={b.fileName}>
                {formatDateTime(b.createdAt)}
              </Text>
            </Table.Td>
            <Table.Td>{t(`kind_${b.kind}`, { detail: b.detail ?? '' })}</Table.Td>
            <Table.Td ta="right">{megabytes(b.sizeBytes)}</Table.Td>
            <Table.Td ta="right">
              <Button size="xs" variant="light" onClick={() => onRestore(b)}>
                {t('restore')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
