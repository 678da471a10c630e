import { Alert, Button, Code, Group, List, Paper, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconChevronRight, IconClipboardCheck, IconHistory, IconRefresh } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Sample, SampleItem } from '@contract';
import { api } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatDuration, formatPeriod } from '../../components/format';
import { notifyError } from '../../components/notify';
import { RedrawModal } from './RedrawModal';

/** One drawn sample: who drew it with which seed, then per advisor the picks with why each was chosen. */
export function SampleView({ id }: { id: number }) {
  const { t } = useTranslation('sampling');
  const sample = useChannel('samples.get', { id }, ['samples', 'evaluations', 'recordings']);
  const staff = useChannel('staff.list', { includeLeft: true }, ['staff']);
  const topics = useChannel('recordings.topics', {}, []);
  const [redraw, setRedraw] = useState<{ opened: boolean; item: SampleItem | null }>({ opened: false, item: null });

  const data = sample.data?.id === id ? sample.data : undefined;
  const topicLabel = (key: string | null) => topics.data?.find((tp) => tp.key === key)?.label ?? key ?? '—';
  const nameOf = (advisorId: number, s: Sample) =>
    s.items.find((i) => i.advisorId === advisorId)?.advisorName ?? staff.data?.find((p) => p.id === advisorId)?.name ?? `#${advisorId}`;

  if (!data) return <ErrorAlert error={sample.error} />;

  return (
    <Stack gap="md" data-testid="sample-view">
      <div>
        <Title order={2} fz="xl">
          {t('header', { month: formatPeriod(data.period) })}
        </Title>
        <Text size="sm" data-testid="sample-meta">
          {t('meta', { seed: data.seed, name: data.drawnByName, date: formatDateTime(data.drawnAt) })
            .split(data.seed)
            .flatMap((part, i) => (i === 0 ? [part] : [<Code key={i}>{data.seed}</Code>, part]))}
        </Text>
        <Text size="sm" c="gray.7">
          {t('rules', { perAdvisor: data.settings.perAdvisor, min: data.settings.minDurationSeconds })}
        </Text>
      </div>
      <ErrorAlert error={sample.error} />

      {data.shortfalls.length > 0 ? (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('shortfallTitle')}
          styles={{ title: { color: 'var(--mantine-color-text)' }, icon: { color: 'var(--mantine-color-yellow-9)' } }}
          data-testid="sample-shortfalls"
        >
          <List size="sm">
            {data.shortfalls.map((s) => (
              <List.Item key={s.advisorId}>
                {t('shortfall', { name: nameOf(s.advisorId, data), drawn: s.drawn, wanted: s.wanted, note: s.note })}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}

      {data.advisorIds.map((advisorId) => (
        <AdvisorPicks
          key={advisorId}
          name={nameOf(advisorId, data)}
          items={data.items.filter((i) => i.advisorId === advisorId)}
          topicLabel={topicLabel}
          onRedraw={(item) => setRedraw({ opened: true, item })}
        />
      ))}

      <RedrawModal item={redraw.item} opened={redraw.opened} onClose={() => setRedraw((r) => ({ ...r, opened: false }))} />
    </Stack>
  );
}

/** A file name that may wrap after `_`, `-` and `.`, never inside a date or a word. */
function BreakableName({ name }: { name: string }) {
  const parts = name.split(/(?<=[_.-])/);
  return parts.map((part, i) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 ? <wbr /> : null}
    </Fragment>
  ));
}

function AdvisorPicks({
  name,
  items,
  topicLabel,
  onRedraw,
}: {
  name: string;
  items: SampleItem[];
  topicLabel: (key: string | null) => string;
  onRedraw: (item: SampleItem) => void;
}) {
  const { t } = useTranslation('sampling');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const [historyOpen, setHistoryOpen] = useState(false);
  const [opening, setOpening] = useState<number | null>(null);
  const active = items.filter((i) => i.status === 'active').sort((a, b) => a.position - b.position);
  const replaced = items.filter((i) => i.status === 'replaced').sort((a, b) => (a.replacedAt ?? '').localeCompare(b.replacedAt ?? ''));
  const headingId = `picks-${items[0]?.advisorId ?? name}`;

  const evaluate = async (item: SampleItem) => {
    if (item.evaluationId !== null) {
      void navigate(`/evaluations/${item.evaluationId}`);
      return;
    }
    setOpening(item.id);
    try {
      const recording = await api.call('samples.bringIntoStore', { itemId: item.id });
      const evaluation = await api.call('evaluations.start', { recordingId: recording.id });
      void navigate(`/evaluations/${evaluation.id}`);
    } catch (error) {
      notifyError(error);
      setOpening(null);
    }
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="advisor-picks" aria-labelledby={headingId} component="section">
      <Title order={3} fz="md" mb="xs" id={headingId}>
        {name}
      </Title>
      {active.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('noPicks')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={860} type="native">
          <Table verticalSpacing={6} horizontalSpacing="sm" aria-label={t('picksOf', { name })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={48}>{t('columns.position')}</Table.Th>
                <Table.Th w={150}>{t('columns.callAt')}</Table.Th>
                <Table.Th w={150}>{t('columns.topic')}</Table.Th>
                <Table.Th w={70}>{t('columns.duration')}</Table.Th>
                <Table.Th>{t('columns.file')}</Table.Th>
                <Table.Th w={170}>{t('columns.status')}</Table.Th>
                <Table.Th w={280}>{t('columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {active.map((item) => (
                <Fragment key={item.id}>
                  <Table.Tr data-testid="sample-pick" style={{ borderBottom: 0 }}>
                    <Table.Td>{item.position}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.callAt)}</Table.Td>
                    <Table.Td>{topicLabel(item.topic)}</Table.Td>
                    <Table.Td>{item.durationSeconds === null ? '—' : formatDuration(item.durationSeconds)}</Table.Td>
                    <Table.Td ff="monospace" fz="xs">
                      <BreakableName name={item.fileName} />
                    </Table.Td>
                    <Table.Td>
                      <Text
                        size="sm"
                        fw={item.evaluationStatus ? 600 : 400}
                        c={item.evaluationStatus ? 'teal.9' : 'gray.7'}
                        style={{ whiteSpace: 'nowrap' }}
                      >
                        {item.evaluationStatus ? tc(`evaluationStatuses.${item.evaluationStatus}`) : t('status.notStarted')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Button
                          size="xs"
                          leftSection={<IconClipboardCheck size={14} aria-hidden />}
                          loading={opening === item.id}
                          onClick={() => void evaluate(item)}
                          data-testid="evaluate-pick"
                        >
                          {item.evaluationId === null ? t('evaluate') : t('openEvaluation')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          leftSection={<IconRefresh size={14} aria-hidden />}
                          onClick={() => onRedraw(item)}
                          data-testid="redraw-pick"
                        >
                          {t('redraw')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td />
                    <Table.Td colSpan={6} pt={0} pb="sm">
                      <Text size="sm" c="gray.7" data-testid="pick-reason">
                        <Text span fw={600} inherit>
                          {t('why')}
                        </Text>{' '}
                        {item.reason}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {replaced.length > 0 ? (
        <div>
          <UnstyledButton
            mt="xs"
            onClick={() => setHistoryOpen((o) => !o)}
            aria-expanded={historyOpen}
            aria-controls={`${headingId}-history`}
            data-testid="history-toggle"
          >
            <Group gap={4}>
              {historyOpen ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
              <IconHistory size={16} aria-hidden />
              <Text size="sm" fw={500}>
                {t('history', { count: replaced.length })}
              </Text>
            </Group>
          </UnstyledButton>
          {historyOpen ? (
            <Stack gap="xs" mt="xs" id={`${headingId}-history`} data-testid="history">
              {replaced.map((item) => (
                <Paper key={item.id} bg="gray.0" p="xs" radius="sm" data-testid="replaced-pick">
                  <Text size="sm" c="gray.7" td="line-through">
                    {item.position}. {formatDateTime(item.callAt)} · {topicLabel(item.topic)} ·{' '}
                    {item.durationSeconds === null ? '—' : formatDuration(item.durationSeconds)} · {item.fileName}
                  </Text>
                  <Text size="sm" c="gray.8">
                    {t('replaced', { date: formatDateTime(item.replacedAt), reason: item.replaceReason ?? '—' })}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {t('why')} {item.reason}
                  </Text>
                </Paper>
              ))}
            </Stack>
          ) : null}
        </div>
      ) : null}
    </Paper>
  );
}
