import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  NumberInput,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconExternalLink, IconFilterOff, IconPlayerPlayFilled } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MatchStatus, SourceFile, SourceFileQuery } from '@contract';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatDuration, formatPeriod, recentPeriods } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { LibraryPlayer, type LibraryTrack } from './LibraryPlayer';
import { MatchStatusBadge } from './StatusBadge';

const PAGE_SIZE = 50;
const MONTHS = 24;

interface Filters {
  advisorId: string | null;
  period: string | null;
  topic: string | null;
  minMinutes: number | null;
  maxMinutes: number | null;
  evaluated: 'all' | 'yes' | 'no';
  status: MatchStatus | null;
  sourceId: string | null;
}
const noFilters: Filters = {
  advisorId: null,
  period: null,
  topic: null,
  minMinutes: null,
  maxMinutes: null,
  evaluated: 'all',
  status: null,
  sourceId: null,
};

const fileName = (relativePath: string) => relativePath.split(/[\\/]/).pop() ?? relativePath;
const minutes = (v: string | number) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function LibraryPage() {
  const { t } = useTranslation('sources');
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [page, setPage] = useState(1);
  const [track, setTrack] = useState<LibraryTrack | null>(null);
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const advisors = useChannel('staff.list', { roles: ['advisor'] }, ['staff']);
  const topics = useChannel('recordings.topics', {}, []);
  const sources = useChannel('sources.list', {}, ['sources']);
  const topicLabel = (key: string | null) => (key ? (topics.data?.find((tp) => tp.key === key)?.label ?? key) : '—');

  const months = useMemo(() => recentPeriods(MONTHS).map((value) => ({ value, label: formatPeriod(value) })), []);

  const query: SourceFileQuery = {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    ...(filters.advisorId ? { advisorId: Number(filters.advisorId) } : {}),
    ...(filters.period ? { period: filters.period } : {}),
    ...(filters.topic ? { topic: filters.topic } : {}),
    ...(filters.minMinutes !== null ? { minDuration: filters.minMinutes * 60 } : {}),
    ...(filters.maxMinutes !== null ? { maxDuration: filters.maxMinutes * 60 } : {}),
    ...(filters.evaluated !== 'all' ? { evaluated: filters.evaluated === 'yes' } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.sourceId ? { sourceId: Number(filters.sourceId) } : {}),
  };
  const files = useChannel('sources.files', query, ['sources', 'recordings', 'evaluations', 'samples']);
  const total = files.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PageHeader title={t('library.title')} subtitle={t('library.subtitle')} />
      <Paper withBorder radius="md" p="md" mb="md" component="section" aria-label={t('library.filters')}>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Select
            label={t('library.advisor')}
            placeholder={t('library.all')}
            searchable
            clearable
            data={(advisors.data ?? []).map((a) => ({ value: String(a.id), label: `${a.name} (${a.employeeNumber})` }))}
            value={filters.advisorId}
            onChange={(v) => set({ advisorId: v })}
            data-testid="filter-advisor"
          />
          <Select
            label={t('library.month')}
            placeholder={t('library.all')}
            clearable
            data={months}
            value={filters.period}
            onChange={(v) => set({ period: v })}
            data-testid="filter-month"
          />
          <Select
            label={t('library.topic')}
            placeholder={t('library.all')}
            clearable
            data={(topics.data ?? []).map((tp) => ({ value: tp.key, label: tp.label }))}
            value={filters.topic}
            onChange={(v) => set({ topic: v })}
          />
          <Select
            label={t('library.source')}
            placeholder={t('library.all')}
            clearable
            data={(sources.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
            value={filters.sourceId}
            onChange={(v) => set({ sourceId: v })}
          />
          <NumberInput
            label={t('library.minDuration')}
            min={0}
            step={1}
            decimalScale={1}
            value={filters.minMinutes ?? ''}
            onChange={(v) => set({ minMinutes: minutes(v) })}
          />
          <NumberInput
            label={t('library.maxDuration')}
            min={0}
            step={1}
            decimalScale={1}
            value={filters.maxMinutes ?? ''}
            onChange={(v) => set({ maxMinutes: minutes(v) })}
          />
          <Select
            label={t('library.evaluated')}
            allowDeselect={false}
            data={(['all', 'yes', 'no'] as const).map((v) => ({ value: v, label: t(`library.evaluatedOptions.${v}`) }))}
            value={filters.evaluated}
            onChange={(v) => set({ evaluated: v === 'yes' || v === 'no' ? v : 'all' })}
          />
          <Select
            label={t('library.status')}
            placeholder={t('library.all')}
            clearable
            data={(['matched', 'unmatched', 'unreadable'] as const).map((v) => ({ value: v, label: t(`status.${v}`) }))}
            value={filters.status}
            onChange={(v) => set({ status: v === 'matched' || v === 'unmatched' || v === 'unreadable' ? v : null })}
          />
        </SimpleGrid>
        <Group justify="space-between" mt="sm">
          <Text size="sm" fw={600} aria-live="polite" data-testid="library-total">
            {t('library.total', { count: total })}
          </Text>
          <Button variant="subtle" size="xs" leftSection={<IconFilterOff size={14} aria-hidden />} onClick={() => set(noFilters)}>
            {t('library.clear')}
          </Button>
        </Group>
      </Paper>

      {/* In the flow above the list (not sticky over it), so it never covers a row's buttons. */}
      <LibraryPlayer track={track} onClose={() => setTrack(null)} />
      <ErrorAlert error={files.error} />
      <Paper withBorder radius="md">
        {files.data && files.data.total === 0 ? (
          <Text p="xl" c="dimmed" ta="center">
            {sources.data?.length === 0 ? t('library.noSources') : t('library.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={1000}>
            <Table
              striped
              highlightOnHover
              verticalSpacing="xs"
              horizontalSpacing="md"
              aria-label={t('library.tableLabel')}
              data-testid="library-table"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>
                    <VisuallyHidden>{t('library.columns.play')}</VisuallyHidden>
                  </Table.Th>
                  <Table.Th>{t('library.columns.callAt')}</Table.Th>
                  <Table.Th>{t('library.columns.advisor')}</Table.Th>
                  <Table.Th>{t('library.columns.topic')}</Table.Th>
                  <Table.Th>{t('library.columns.duration')}</Table.Th>
                  <Table.Th>{t('library.columns.file')}</Table.Th>
                  <Table.Th>{t('library.columns.format')}</Table.Th>
                  <Table.Th>{t('library.columns.status')}</Table.Th>
                  <Table.Th>{t('library.columns.evaluated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {files.data?.rows.map((f) => (
                  <FileRow
                    key={f.id}
                    file={f}
                    topic={topicLabel(f.topic)}
                    current={track?.sourceFileId === f.id}
                    onPlay={() => setTrack({ sourceFileId: f.id, name: f.relativePath })}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {pages > 1 ? (
        <Group justify="center" mt="md">
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            aria-label={t('library.pagination')}
            getControlProps={(control) => ({ 'aria-label': t(`library.pageControls.${control}`) })}
            getItemProps={(n) => ({ 'aria-label': t('library.pageN', { n }) })}
            data-testid="library-pagination"
          />
        </Group>
      ) : null}
    </>
  );
}

function FileRow({ file, topic, current, onPlay }: { file: SourceFile; topic: string; current: boolean; onPlay(): void }) {
  const { t } = useTranslation('sources');
  const label = file.callAt ? formatDateTime(file.callAt) : fileName(file.relativePath);
  return (
    <Table.Tr data-testid="library-row" aria-current={current ? 'true' : undefined}>
      <Table.Td w={48}>
        {file.recordingId !== null ? (
          <ActionIcon
            component={Link}
            to={`/recordings/${file.recordingId}`}
            variant="light"
            aria-label={t('library.openRecording', { name: label })}
          >
            <IconExternalLink size={16} aria-hidden />
          </ActionIcon>
        ) : (
          <ActionIcon
            variant={current ? 'filled' : 'light'}
            onClick={onPlay}
            aria-label={t('library.play', { name: label })}
            disabled={file.status === 'unreadable'}
            data-testid="library-play"
          >
            <IconPlayerPlayFilled size={16} aria-hidden />
          </ActionIcon>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {file.recordingId !== null ? (
          <Anchor component={Link} to={`/recordings/${file.recordingId}`} fw={600}>
            {label}
          </Anchor>
        ) : (
          <Text size="sm" fw={600}>
            {label}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {file.advisorName ?? (
          <Text span size="sm" c="dimmed">
            {file.employeeNumber ?? t('library.noAdvisor')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{topic}</Table.Td>
      <Table.Td ff="monospace">{file.durationSeconds !== null ? formatDuration(file.durationSeconds) : '—'}</Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace" truncate="end" maw={220} title={file.relativePath}>
          {file.relativePath}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">
          {[file.codec, file.channels === 2 ? 'stereo' : file.channels === 1 ? 'mono' : null].filter(Boolean).join(' · ') || '—'}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <MatchStatusBadge status={file.status} />
        {file.problem ? (
          <Text size="xs" c="dimmed" maw={260} style={{ whiteSpace: 'normal' }}>
            {file.problem}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>{file.evaluated ? t('library.yes') : t('library.no')}</Table.Td>
    </Table.Tr>
  );
}
