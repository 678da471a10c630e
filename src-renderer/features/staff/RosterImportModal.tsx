import { Alert, Button, Code, FileInput, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterImportResult } from '@contract';
import { api, ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The contract accepts 7 MB of base64, i.e. a little over 5 MB of file; refuse earlier with a clear reason. */
const maxBytes = 5 * 1024 * 1024;

/**
 * Base64 in the browser: no Node Buffer in the renderer. Chunked because spreading a whole file
 * into String.fromCharCode overflows the argument stack for larger files.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function RosterImportModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation('staff');
  const { t: tc } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [result, setResult] = useState<RosterImportResult | null>(null);

  const reset = () => {
    setFile(null);
    setError(null);
    setResult(null);
  };
  const close = () => {
    if (busy) return;
    reset();
    onClose();
  };

  const runImport = async () => {
    if (!file) return;
    setError(null);
    setResult(null);
    if (file.size > maxBytes) {
      setError(new Error(t('roster.tooLarge', { fileName: file.name })));
      return;
    }
    setBusy(true);
    try {
      let contentBase64: string;
      try {
        contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      } catch {
        throw new Error(t('roster.readFailed', { fileName: file.name }));
      }
      setResult(await api.call('staff.importRoster', { fileName: file.name, contentBase64 }));
    } catch (e) {
      setError(e instanceof Error ? e : new ApiError('internal', { detail: String(e) }, String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('roster.title')} size="lg" closeButtonProps={{ 'aria-label': tc('actions.close') }}>
      <Stack data-testid="roster-import">
        {result ? (
          <>
            <Alert
              color="teal"
              variant="light"
              icon={<IconCircleCheck aria-hidden />}
              title={t('roster.done')}
              role="status"
              data-testid="roster-result"
            >
              {t('roster.result', { created: result.created, updated: result.updated })}
            </Alert>
            {result.errors.length > 0 ? (
              <Stack gap="xs">
                <Title order={3} fz="md">
                  {t('roster.rejected')}
                </Title>
                <Text size="sm">{t('roster.rejectedIntro', { count: result.errors.length })}</Text>
                <Table striped withTableBorder verticalSpacing="xs" aria-label={t('roster.rejected')} data-testid="roster-errors">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={70}>{t('roster.row')}</Table.Th>
                      <Table.Th>{t('roster.reason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.errors.map((rowError, index) => (
                      <Table.Tr key={`${rowError.row}-${index}`}>
                        <Table.Td ff="monospace">{rowError.row}</Table.Td>
                        <Table.Td>{rowError.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={reset}>
                {t('roster.another')}
              </Button>
              <Button onClick={close}>{tc('actions.close')}</Button>
            </Group>
          </>
        ) : (
          <>
            <Stack gap={6}>
              <Text size="sm">{t('roster.intro')}</Text>
              <Code block>{t('roster.header')}</Code>
              <Text size="sm">{t('roster.exampleLabel')}</Text>
              <Code block>{t('roster.example')}</Code>
              <Text size="sm" c="gray.7">
                {t('roster.rules')}
              </Text>
            </Stack>
            <ErrorAlert error={error} title={t('roster.failed')} />
            <FileInput
              label={t('roster.file')}
              placeholder={t('roster.filePlaceholder')}
              accept=".csv,text/csv"
              value={file}
              onChange={(f) => {
                setFile(f);
                setError(null);
              }}
              leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
              clearable
              data-testid="roster-file"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={busy}>
                {tc('actions.cancel')}
              </Button>
              <Button onClick={() => void runImport()} disabled={!file} loading={busy} data-testid="roster-submit">
                {t('roster.submit')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
