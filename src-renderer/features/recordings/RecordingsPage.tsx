import { Anchor, Button, Paper, Table, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatDuration } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { ImportModal } from './ImportModal';

export function RecordingsPage() {
  const { t } = useTranslation('recordings');
  const recordings = useChannel('recordings.list', {}, ['recordings']);
  const topics = useChannel('recordings.topics', {}, []);
  const [importing, setImporting] = useState(false);
  const topicLabel = (key: string | null) => topics.data?.find((tp) => tp.key === key)?.label ?? key ?? '—';

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Button leftSection={<IconUpload size={16} />} onClick={() => setImporting(true)} data-testid="open-import">
            {t('import')}
          </Button>
        }
      />
      <ErrorAlert error={recordings.error} />
      <Paper withBorder radius="md">
        {recordings.data?.length === 0 ? (
          <Text p="xl" c="dimmed" ta="center">
            {t('empty')}
          </Text>
        ) : (
          <Table
            striped
            highlightOnHover
            verticalSpacing="sm"
            horizontalSpacing="md"
            aria-label={t('tableLabel')}
            data-testid="recordings-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.callAt')}</Table.Th>
                <Table.Th>{t('columns.advisor')}</Table.Th>
                <Table.Th>{t('columns.topic')}</Table.Th>
                <Table.Th>{t('columns.duration')}</Table.Th>
                <Table.Th>{t('columns.file')}</Table.Th>
                <Table.Th>{t('columns.format')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {recordings.data?.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/recordings/${r.id}`} fw={600}>
                      {r.callAt ? formatDateTime(r.callAt) : r.originalName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {r.advisorName ?? (
                      <Text c="dimmed" span size="sm">
                        {t('noAdvisor')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{topicLabel(r.topic)}</Table.Td>
                  <Table.Td ff="monospace">{formatDuration(r.durationSeconds)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" truncate="end" maw={280}>
                      {r.originalName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {r.codec} · {t('channels', { count: r.channels })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <ImportModal opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}
