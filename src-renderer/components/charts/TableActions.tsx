import { Button, Group } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconCheck, IconCopy, IconFileTypeCsv } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../notify';
import { downloadBlob } from './download';
import { toCsv, toTsv, type TableData } from './table-data';

/** Copy (tab-separated, pastes as a table) and CSV download for any table on screen. */
export function TableActions({ title, table, fileName, testId }: { title: string; table: TableData; fileName: string; testId?: string }) {
  const { t } = useTranslation('charts');
  const clipboard = useClipboard({ timeout: 2000 });
  // The clipboard may be refused (permissions, no focus); the table stays selectable by hand.
  useEffect(() => {
    if (clipboard.error) notifyError(new Error(t('copyFailed')));
  }, [clipboard.error, t]);
  return (
    <Group gap={4} className="kb-no-print" data-testid={testId}>
      <Button
        size="compact-sm"
        variant="subtle"
        leftSection={clipboard.copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
        onClick={() => clipboard.copy(toTsv(table))}
        aria-label={clipboard.copied ? t('copiedLabel', { title }) : t('copyLabel', { title })}
      >
        {clipboard.copied ? t('copied') : t('copy')}
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        leftSection={<IconFileTypeCsv size={14} aria-hidden />}
        onClick={() => downloadBlob(`${fileName}.csv`, new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }))}
        aria-label={t('csvLabel', { title })}
        data-testid="csv"
      >
        {t('csv')}
      </Button>
    </Group>
  );
}
