import { ActionIcon, Alert, Badge, Button, Group, Modal, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { IconFileMusic, IconUpload, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallDetailsFields } from './CallDetailsFields';
import { useImportQueue, type RowStatus } from './import-queue';

const statusColor: Record<RowStatus, string> = { pending: 'gray', uploading: 'blue', imported: 'teal', duplicate: 'yellow', error: 'red' };

export function ImportModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation('recordings');
  const { t: tc } = useTranslation();
  const { rows, running, add, update, remove, run, reset } = useImportQueue();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const pending = rows.filter((r) => r.status === 'pending').length;
  const processed = rows.filter((r) => r.status !== 'pending' && r.status !== 'uploading');
  const finished = !running && processed.length > 0 && pending === 0;

  const close = () => {
    if (running) return;
    if (finished) reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('importTitle')} size="min(1200px, 95vw)">
      <Stack>
        <Paper
          className="drop-zone"
          data-active={dragging ? 'true' : 'false'}
          p="xl"
          radius="md"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void add([...e.dataTransfer.files]);
          }}
          data-testid="drop-zone"
        >
          <Group justify="center" gap="lg">
            <IconUpload size={36} stroke={1.4} aria-hidden />
            <Stack gap={2}>
              <Text fw={600}>{t('dropHere')}</Text>
              <Text size="sm" c="dimmed">
                {t('dropHint')}
              </Text>
            </Stack>
            <Button variant="default" onClick={() => input.current?.click()} disabled={running}>
              {t('chooseFiles')}
            </Button>
            <input
              ref={input}
              type="file"
              multiple
              accept="audio/*,.wav,.mp3,.ogg,.opus,.m4a,.aac,.flac,.webm,.aif,.aiff"
              aria-label={t('filesLabel')}
              className="visually-hidden"
              data-testid="file-input"
              onChange={(e) => {
                void add([...(e.currentTarget.files ?? [])]);
                e.currentTarget.value = '';
              }}
            />
          </Group>
        </Paper>
        <Text size="xs" c="dimmed">
          {t('nameHint')}
        </Text>

        {rows.length > 0 ? (
          <Table verticalSpacing="xs" aria-label={t('filesLabel')} data-testid="import-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.file')}</Table.Th>
                <Table.Th>{t('advisor')}</Table.Th>
                <Table.Th>{t('callAt')}</Table.Th>
                <Table.Th>{t('topic')}</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th aria-label={t('remove')} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key} data-testid="import-row">
                  <Table.Td maw={260}>
                    <Group gap={6} wrap="nowrap">
                      <IconFileMusic size={16} aria-hidden />
                      <Text size="sm" truncate="end" title={row.file.name}>
                        {row.file.name}
                      </Text>
                    </Group>
                    {row.suggestion?.employeeNumber && row.suggestion.advisorId === null ? (
                      <Text size="xs" c="red.9">
                        {t('unknownEmployee', { number: row.suggestion.employeeNumber })}
                      </Text>
                    ) : row.suggestion?.matchedPattern ? (
                      <Text size="xs" c="dimmed">
                        {t('fromName')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  {row.status === 'pending' ? (
                    <CallDetailsFields compact idPrefix={`import-${row.key}`} value={row.details} onChange={(d) => update(row.key, d)} />
                  ) : (
                    <Table.Td colSpan={3}>
                      {row.message ? (
                        <Text size="sm" c="red.9" role="alert">
                          {row.message}
                        </Text>
                      ) : null}
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Badge color={statusColor[row.status]} variant="light" data-testid="import-status">
                      {t(`status.${row.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {row.status === 'pending' ? (
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        onClick={() => remove(row.key)}
                        aria-label={`${t('remove')}: ${row.file.name}`}
                      >
                        <IconX size={16} />
                      </ActionIcon>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}

        {running || processed.length > 0 ? (
          <Stack gap={4}>
            <Progress
              value={(processed.length / rows.length) * 100}
              animated={running}
              aria-label={t('progress', { done: processed.length, total: rows.length })}
            />
            <Text size="sm" c="dimmed" data-testid="import-progress">
              {t('progress', { done: processed.length, total: rows.length })}
            </Text>
          </Stack>
        ) : null}
        {finished ? (
          <Alert color="teal" variant="light" data-testid="import-done">
            {t('done', {
              imported: processed.filter((r) => r.status === 'imported').length,
              duplicates: processed.filter((r) => r.status === 'duplicate').length,
              failed: processed.filter((r) => r.status === 'error').length,
            })}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={running}>
            {running ? t('status.uploading') : finished ? tc('actions.close') : tc('actions.cancel')}
          </Button>
          {pending > 0 ? (
            <Button onClick={() => void run()} loading={running} data-testid="start-import">
              {t('startImport', { count: pending })}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Modal>
  );
}
