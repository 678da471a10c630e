import { Button, Code, Group, Modal, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFolderPlus, IconPencil, IconRefresh, IconTrash, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload, Source } from '@contract';
import { api } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatNumber } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { SourceModal } from './SourceModal';

type Progress = EventPayload<'scan.progress'>;

export function SourcesPage() {
  const { t } = useTranslation('sources');
  const { t: tc } = useTranslation();
  const sources = useChannel('sources.list', {}, ['sources']);
  const [form, setForm] = useState<{ opened: boolean; source: Source | null }>({ opened: false, source: null });
  const [removing, setRemoving] = useState<Source | null>(null);
  const [progress, setProgress] = useState<Record<number, Progress>>({});
  const [started, setStarted] = useState<Set<number>>(new Set());

  useEffect(
    () =>
      api.onEvent('scan.progress', (p) =>
        setProgress((all) => {
          if (!p.done) return { ...all, [p.sourceId]: p };
          const rest = { ...all };
          delete rest[p.sourceId];
          return rest;
        }),
      ),
    [],
  );

  const scan = async (source: Source) => {
    setStarted((s) => new Set(s).add(source.id));
    try {
      const run = await api.call('sources.scan', { id: source.id });
      if (run.status === 'done') notifySuccess(t('scanDone', { seen: run.filesSeen, new: run.filesNew }));
    } catch (error) {
      notifyError(error);
    } finally {
      setStarted((s) => {
        const next = new Set(s);
        next.delete(source.id);
        return next;
      });
      sources.reload();
    }
  };

  const cancel = (source: Source) => {
    api.call('sources.cancelScan', { id: source.id }).catch(notifyError);
  };

  const remove = async () => {
    if (!removing) return;
    try {
      await api.call('sources.remove', { id: removing.id });
      notifySuccess(t('removed', { name: removing.name }));
      setRemoving(null);
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Button
            leftSection={<IconFolderPlus size={16} aria-hidden />}
            onClick={() => setForm({ opened: true, source: null })}
            data-testid="add-source"
          >
            {t('add')}
          </Button>
        }
      />
      <ErrorAlert error={sources.error} />
      {sources.data?.length === 0 ? (
        <Paper withBorder radius="md">
          <Text p="xl" c="dimmed" ta="center">
            {t('empty')}
          </Text>
        </Paper>
      ) : null}
      <Stack gap="md" component="ul" aria-label={t('listLabel')} p={0} m={0} style={{ listStyle: 'none' }}>
        {sources.data?.map((source) => (
          <li key={source.id}>
            <SourceCard
              source={source}
              progress={progress[source.id] ?? null}
              scanning={started.has(source.id) || source.scanning}
              onScan={() => void scan(source)}
              onCancel={() => cancel(source)}
              onEdit={() => setForm({ opened: true, source })}
              onRemove={() => setRemoving(source)}
            />
          </li>
        ))}
      </Stack>

      <SourceModal opened={form.opened} source={form.source} onClose={() => setForm((f) => ({ ...f, opened: false }))} />
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('removeTitle')}
        closeButtonProps={{ 'aria-label': tc('actions.close') }}
      >
        <Stack>
          <Text size="sm">{t('removeText', { name: removing?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {tc('actions.cancel')}
            </Button>
            <Button color="red.8" onClick={() => void remove()} data-testid="confirm-remove-source">
              {t('removeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

interface CardProps {
  source: Source;
  progress: Progress | null;
  scanning: boolean;
  onScan(): void;
  onCancel(): void;
  onEdit(): void;
  onRemove(): void;
}

function SourceCard({ source, progress, scanning, onScan, onCancel, onEdit, onRemove }: CardProps) {
  const { t } = useTranslation('sources');
  const run = source.lastRun;
  const counts = [
    ['files', source.counts.files],
    ['matched', source.counts.matched],
    ['unmatched', source.counts.unmatched],
    ['unreadable', source.counts.unreadable],
    ['inStore', source.counts.inStore],
  ] as const;
  const count = progress?.count ?? 0;
  const expected = progress?.expected ?? null;
  const headingId = `source-${source.id}-name`;

  return (
    <Paper withBorder radius="md" p="lg" aria-labelledby={headingId} component="section" data-testid="source-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={2} fz="lg" id={headingId}>
            {source.name}
          </Title>
          <Text ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
            {source.rootPath}
          </Text>
          <Group gap={6}>
            <Text size="sm" c="dimmed">
              {t('patternsLabel')}:
            </Text>
            {source.patterns.map((p) => (
              <Code key={p}>{p}</Code>
            ))}
          </Group>
          <Text size="sm" c="dimmed">
            {t('channelLine', { channel: source.advisorChannel })}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button leftSection={<IconRefresh size={16} aria-hidden />} onClick={onScan} loading={scanning} data-testid="scan-source">
            {t('scan')}
          </Button>
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit} disabled={scanning}>
            {t('edit')}
          </Button>
          <Button
            variant="default"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={onRemove}
            disabled={scanning}
            data-testid="remove-source"
          >
            {t('remove')}
          </Button>
        </Group>
      </Group>

      {scanning ? (
        <Group mt="md" gap="md" wrap="nowrap" data-testid="scan-progress">
          <Stack gap={4} style={{ flex: 1 }}>
            <Text size="sm" fw={500} aria-live="polite">
              {t('scanning')}{' '}
              {expected !== null && expected > 0
                ? t('scanProgress', { count: formatNumber(count, 0), expected: formatNumber(expected, 0) })
                : t('scanProgressOpen', { count: formatNumber(count, 0) })}
            </Text>
            <Progress
              aria-label={t('scanLabel', { name: source.name })}
              value={expected !== null && expected > 0 ? Math.min(100, (count / expected) * 100) : 100}
              striped={expected === null || expected === 0}
              animated={expected === null || expected === 0}
              size="lg"
            />
          </Stack>
          <Button variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={onCancel} data-testid="cancel-scan">
            {t('cancelScan')}
          </Button>
        </Group>
      ) : null}

      <SimpleGrid cols={5} mt="md" spacing="sm">
        {counts.map(([key, value]) => (
          <Paper key={key} bg="gray.0" p="sm" radius="sm" data-testid={`count-${key}`}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t(`counts.${key}`)}
            </Text>
            <Text fz="xl" fw={700}>
              {formatNumber(value, 0)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>

      <Stack gap={2} mt="sm" data-testid="last-scan">
        {run ? (
          <>
            <Text size="sm">
              <Text span fw={600}>
                {t('lastScan')}:
              </Text>{' '}
              {formatDateTime(run.finishedAt ?? run.startedAt)} · {t(`runStatus.${run.status}`)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('runCounts', { seen: run.filesSeen, new: run.filesNew, changed: run.filesChanged, unmatched: run.filesUnmatched })}
              {run.filesMissing ? ` · ${t('runMissing', { count: run.filesMissing })}` : ''}
            </Text>
            {run.problem ? (
              <Text size="sm" c="red.9">
                {run.problem}
              </Text>
            ) : null}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('neverScanned')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
