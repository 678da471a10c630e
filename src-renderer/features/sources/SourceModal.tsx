import { ActionIcon, Button, Group, Loader, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreviewResult, Source } from '@contract';
import { api, ApiError } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { MatchStatusBadge } from './StatusBadge';

const DEFAULT_PATTERN = '{date:yyyyMMdd}-{time:HHmmss}_{employee}_{topic}.*';
const PREVIEW_ROWS = 20;
const PREVIEW_DELAY_MS = 300;

interface Props {
  opened: boolean;
  /** The source to edit; null adds a new one. */
  source: Source | null;
  onClose(): void;
}

export function SourceModal({ opened, source, onClose }: Props) {
  const { t } = useTranslation('sources');
  const { t: tc } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={source ? t('form.editTitle') : t('form.createTitle')}
      size="90rem"
      closeButtonProps={{ 'aria-label': tc('actions.close') }}
    >
      {/* Keyed so that each opening starts from that source's values. */}
      {opened ? <SourceForm key={source?.id ?? 'new'} source={source} onClose={onClose} /> : null}
    </Modal>
  );
}

/** The answer for one input (folder + patterns); an answer for an older input still shows while the new one loads. */
type PreviewAnswer = { key: string; result: PreviewResult | null; error: Error | null };

function SourceForm({ source, onClose }: { source: Source | null; onClose(): void }) {
  const { t } = useTranslation('sources');
  const { t: tc } = useTranslation();
  const [name, setName] = useState(source?.name ?? '');
  const [rootPath, setRootPath] = useState(source?.rootPath ?? '');
  const [channel, setChannel] = useState<'1' | '2'>(source?.advisorChannel === 2 ? '2' : '1');
  const [patterns, setPatterns] = useState<string[]>(source?.patterns.length ? source.patterns : [DEFAULT_PATTERN]);
  const [answer, setAnswer] = useState<PreviewAnswer>({ key: '', result: null, error: null });
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<Error | null>(null);
  const topics = useChannel('recordings.topics', {}, []);
  const topicLabel = (key: string | null) => (key ? (topics.data?.find((tp) => tp.key === key)?.label ?? key) : '—');

  // Live preview: the same mapping a scan uses, on the first files, about 0.3 s after the last keystroke.
  const previewKey = JSON.stringify({ rootPath: rootPath.trim(), patterns });
  useEffect(() => {
    const input = JSON.parse(previewKey) as { rootPath: string; patterns: string[] };
    if (input.rootPath === '') return;
    let current = true;
    const timer = setTimeout(() => {
      // Empty inputs are left out (they are what someone is about to type in), keeping each index.
      const used = input.patterns.map((p, index) => ({ p: p.trim(), index })).filter((x) => x.p !== '');
      api
        .call('sources.preview', { rootPath: input.rootPath, patterns: used.map((x) => x.p), limit: PREVIEW_ROWS })
        .then((result) => {
          if (!current) return;
          const patternErrors = result.patternErrors.map((e) => ({ ...e, index: used[e.index]?.index ?? e.index }));
          const rows = result.rows.map((r) => ({
            ...r,
            patternIndex: r.patternIndex === null ? null : (used[r.patternIndex]?.index ?? null),
          }));
          setAnswer({ key: previewKey, result: { patternErrors, rows }, error: null });
        })
        .catch((error: unknown) => {
          if (current) setAnswer({ key: previewKey, result: null, error: error instanceof Error ? error : new Error(String(error)) });
        });
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [previewKey]);

  const idle = rootPath.trim() === '';
  const loading = !idle && answer.key !== previewKey;
  const shown = idle ? null : answer.result;
  const previewError = !idle && !loading ? answer.error : null;
  const patternError = (index: number) => shown?.patternErrors.find((e) => e.index === index)?.message;
  const filled = patterns.map((p) => p.trim()).filter((p) => p !== '');

  const save = async () => {
    setSubmitted(true);
    setServerError(null);
    if (name.trim() === '' || rootPath.trim() === '' || filled.length === 0) return;
    setSaving(true);
    try {
      const fields = { name: name.trim(), rootPath: rootPath.trim(), patterns: filled, advisorChannel: channel === '2' ? 2 : 1 } as const;
      const saved = source ? await api.call('sources.update', { id: source.id, ...fields }) : await api.call('sources.create', fields);
      notifySuccess(t('form.saved', { name: saved.name }));
      onClose();
    } catch (error) {
      setServerError(error instanceof Error ? error : new ApiError('internal', { detail: String(error) }, String(error)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="md">
        <Group grow align="flex-start">
          <TextInput
            label={t('form.name')}
            placeholder={t('form.namePlaceholder')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={submitted && name.trim() === '' ? t('form.required') : undefined}
            required
            data-testid="source-name"
          />
          <TextInput
            label={t('form.rootPath')}
            description={t('form.rootPathDescription')}
            placeholder="\\gemeente.local\opnames\kcc"
            value={rootPath}
            onChange={(e) => setRootPath(e.currentTarget.value)}
            error={submitted && rootPath.trim() === '' ? t('form.required') : undefined}
            required
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            data-testid="source-root"
          />
          <Select
            label={t('form.channel')}
            description={t('form.channelDescription')}
            data={[
              { value: '1', label: t('form.channelOption', { channel: 1 }) },
              { value: '2', label: t('form.channelOption', { channel: 2 }) },
            ]}
            value={channel}
            onChange={(v) => setChannel(v === '2' ? '2' : '1')}
            allowDeselect={false}
          />
        </Group>

        <Stack gap={6}>
          <Text fw={600} size="sm" id="patterns-heading">
            {t('form.patterns')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('form.patternsHelp')}
          </Text>
          {patterns.map((pattern, index) => (
            <Group key={index} align="flex-start" gap="xs" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                aria-label={t('form.pattern', { n: index + 1 })}
                value={pattern}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setPatterns((ps) => ps.map((p, i) => (i === index ? value : p)));
                }}
                error={patternError(index) ?? (submitted && filled.length === 0 && index === 0 ? t('form.required') : undefined)}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                data-testid="source-pattern"
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('form.removePattern', { n: index + 1 })}
                disabled={patterns.length === 1}
                onClick={() => setPatterns((ps) => ps.filter((_, i) => i !== index))}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              disabled={patterns.length >= 20}
              onClick={() => setPatterns((ps) => [...ps, ''])}
            >
              {t('form.addPattern')}
            </Button>
          </Group>
        </Stack>

        <Paper withBorder radius="md" p="sm">
          <Group justify="space-between" mb="xs">
            <Title order={2} fz="md">
              {t('form.previewTitle', { count: PREVIEW_ROWS })}
            </Title>
            {loading ? (
              <Group gap={6}>
                <Loader size="xs" aria-hidden />
                <Text size="sm" c="dimmed">
                  {t('form.previewLoading')}
                </Text>
              </Group>
            ) : null}
          </Group>
          <ErrorAlert error={previewError} />
          {idle ? (
            <Text size="sm" c="dimmed">
              {t('form.previewEmpty')}
            </Text>
          ) : null}
          {shown && shown.rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('form.previewNone')}
            </Text>
          ) : null}
          {shown && shown.rows.length > 0 ? (
            <Table.ScrollContainer minWidth={900} mah={360}>
              <Table striped verticalSpacing={4} fz="sm" aria-label={t('form.previewLabel')} data-testid="source-preview">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('columns.file')}</Table.Th>
                    <Table.Th>{t('columns.callAt')}</Table.Th>
                    <Table.Th>{t('columns.employee')}</Table.Th>
                    <Table.Th>{t('columns.advisor')}</Table.Th>
                    <Table.Th>{t('columns.topic')}</Table.Th>
                    <Table.Th>{t('columns.direction')}</Table.Th>
                    <Table.Th>{t('columns.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.rows.map((row) => (
                    <Table.Tr key={row.relativePath}>
                      <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                        {row.relativePath}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.callAt)}</Table.Td>
                      <Table.Td ff="monospace">{row.employeeNumber ?? '—'}</Table.Td>
                      <Table.Td>{row.advisorName ?? '—'}</Table.Td>
                      <Table.Td>{topicLabel(row.topic)}</Table.Td>
                      <Table.Td>{row.direction ? t(`direction.${row.direction}`) : '—'}</Table.Td>
                      <Table.Td>
                        <MatchStatusBadge status={row.status} />
                        {row.problem ? (
                          <Text size="xs" c="dimmed" mt={2}>
                            {row.problem}
                          </Text>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Paper>

        <ErrorAlert error={serverError} title={t('form.createTitle')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tc('actions.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="save-source">
            {tc('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
