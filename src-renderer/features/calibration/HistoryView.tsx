import { LineChart } from '@mantine/charts';
import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CalibrationHistory } from '@contract';
import { useChannel } from '../../api/use-channel';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { LineLegend } from '../../components/charts/LineLegend';
import type { TableData } from '../../components/charts/table-data';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatNumber, formatScore } from '../../components/format';
import { formatAlpha } from './ComparisonView';
import { AlphaBadge, amber, wholeLabel } from './labels';
import { pct } from './model';

/** Distinct dash patterns and colours, so coaches' lines differ without relying on colour. */
const lineStyles = [
  { color: 'klankbord.7', dash: undefined },
  { color: 'blue.8', dash: '8 4' },
  { color: 'grape.8', dash: '2 3' },
  { color: 'orange.9', dash: '10 3 2 3' },
  { color: 'teal.9', dash: '4 2' },
  { color: 'gray.8', dash: '1 5' },
] as const;
const still = { isAnimationActive: false } as const;

type HistoryCriterion = CalibrationHistory['criteria'][number];

const meanOf = (values: Array<number | null>): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
};

/** Below Krippendorff's 0.667, or on average fewer than two thirds agreeing with the reference. */
export function needsGuidance(c: HistoryCriterion): boolean {
  const mean = meanOf(c.sessions.map((s) => s.agreementPct));
  return (c.alpha.value !== null && c.alpha.value < 0.667) || (mean !== null && mean < 200 / 3);
}

/** Criteria that keep disagreeing first: flagged ones, then the lowest alpha, then the lowest mean agreement. */
export function sortByDisagreement(criteria: HistoryCriterion[]): HistoryCriterion[] {
  const alphaKey = (c: HistoryCriterion) => c.alpha.value ?? Number.POSITIVE_INFINITY;
  const meanKey = (c: HistoryCriterion) => meanOf(c.sessions.map((s) => s.agreementPct)) ?? Number.POSITIVE_INFINITY;
  return [...criteria].sort(
    (a, b) => Number(needsGuidance(b)) - Number(needsGuidance(a)) || alphaKey(a) - alphaKey(b) || meanKey(a) - meanKey(b),
  );
}

export function HistoryView() {
  const { t } = useTranslation('calibration');
  const history = useChannel('calibration.history', {}, ['calibration', 'evaluations']);
  const h = history.data;
  if (!h) return <ErrorAlert error={history.error} />;
  if (h.coaches.length === 0 && h.criteria.length === 0) {
    return (
      <Paper withBorder radius="md" p="md">
        <Text size="sm" c="dimmed" data-testid="history-empty">
          {t('history.empty')}
        </Text>
      </Paper>
    );
  }
  return (
    <Stack gap="lg" data-testid="calibration-history">
      <CoachHistory history={h} />
      <CriterionHistory history={h} />
    </Stack>
  );
}

/** Every closed session any coach took part in, oldest first: the chart's x axis and the table's columns. */
function sessionsOf(history: CalibrationHistory) {
  const byId = new Map<number, { sessionId: number; title: string; closedAt: string }>();
  for (const c of history.coaches) for (const s of c.sessions) byId.set(s.sessionId, s);
  return [...byId.values()].sort((a, b) => a.closedAt.localeCompare(b.closedAt));
}

function coachTable(history: CalibrationHistory, t: TFunction<'calibration'>): TableData {
  const sessions = sessionsOf(history);
  return {
    columns: [
      { label: t('history.coach') },
      ...sessions.map((s) => ({ label: `${s.title} (${formatDate(s.closedAt)})`, kind: 'pct' as const })),
      { label: t('history.mean'), kind: 'pct' },
    ],
    rows: history.coaches.map((c) => [
      c.name,
      ...sessions.map((s) => pct(c.sessions.find((x) => x.sessionId === s.sessionId)?.alignment ?? null)),
      pct(c.meanAlignment),
    ]),
  };
}

function CoachHistory({ history }: { history: CalibrationHistory }) {
  const { t } = useTranslation('calibration');
  const sessions = sessionsOf(history);
  const table = coachTable(history, t);
  const styled = history.coaches.map((c, i) => ({ coach: c, key: `c${c.coachId}`, ...lineStyles[i % lineStyles.length]! }));
  const data = sessions.map((s) => ({
    session: s.title,
    ...Object.fromEntries(
      styled.map(({ coach, key }) => [key, pct(coach.sessions.find((x) => x.sessionId === s.sessionId)?.alignment ?? null)]),
    ),
  }));
  const description = t('history.chartDescription', {
    lines: history.coaches
      .map((c) =>
        t('history.chartLine', {
          name: c.name,
          values: c.sessions.map((s) => `${s.title} ${formatScore(pct(s.alignment))}`).join(', '),
        }),
      )
      .join('; '),
  });

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="history-coaches" data-testid="history-coaches">
      <Title order={2} fz="lg" id="history-coaches" mb={4}>
        {t('history.coaches')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('history.coachesIntro')}
      </Text>
      <Table verticalSpacing={6} fz="sm" aria-labelledby="history-coaches" mb="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('history.coach')}</Table.Th>
            <Table.Th>{t('history.sessions')}</Table.Th>
            <Table.Th>{t('history.perSession')}</Table.Th>
            <Table.Th>{t('history.mean')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.coaches.map((c) => (
            <Table.Tr key={c.coachId} data-testid="history-coach-row">
              <Table.Td fw={600}>{c.name}</Table.Td>
              <Table.Td>{c.sessions.length}</Table.Td>
              <Table.Td>
                <PerSession items={c.sessions.map((s) => ({ id: s.sessionId, label: s.title, value: formatScore(pct(s.alignment)) }))} />
              </Table.Td>
              <Table.Td fw={600} data-testid="history-coach-mean">
                {formatScore(pct(c.meanAlignment))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {/* A line needs two sessions; before that the table says it all. */}
      {sessions.length > 1 ? (
        <ChartFigure
          title={t('history.chartTitle')}
          description={description}
          table={table}
          fileName="kalibratie-afstemming"
          testId="history-chart"
          footer={<LineLegend items={styled.map((s) => ({ label: s.coach.name, color: s.color, dash: s.dash }))} />}
        >
          <LineChart
            h={260}
            data={data}
            dataKey="session"
            series={styled.map((s) => ({ name: s.key, label: s.coach.name, color: s.color, strokeDasharray: s.dash }))}
            yAxisProps={{ domain: [0, 100] }}
            valueFormatter={(v: number) => `${formatNumber(v, 1)}%`}
            connectNulls
            accessibilityLayer={false}
            lineProps={still}
            curveType="linear"
            withDots
          />
        </ChartFigure>
      ) : null}
    </Paper>
  );
}

/** One line per session, oldest first: several sessions on one line would blur which number is which. */
function PerSession({ items }: { items: Array<{ id: number; label: string; value: string }> }) {
  return (
    <Stack gap={0}>
      {items.map((item) => (
        <Text key={item.id} size="xs">
          {item.label}: <b>{item.value}</b>
        </Text>
      ))}
    </Stack>
  );
}

function CriterionHistory({ history }: { history: CalibrationHistory }) {
  const { t } = useTranslation('calibration');
  const sorted = sortByDisagreement(history.criteria);
  const titles = new Map(sessionsOf(history).map((s) => [s.sessionId, s.title]));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="history-criteria" data-testid="history-criteria">
      <Title order={2} fz="lg" id="history-criteria" mb={4}>
        {t('history.criteria')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('history.criteriaIntro')}
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing={6} fz="sm" aria-labelledby="history-criteria">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('history.criterion')}</Table.Th>
              <Table.Th>{t('history.type')}</Table.Th>
              <Table.Th>{t('history.sessions')}</Table.Th>
              <Table.Th>{t('history.perSession')}</Table.Th>
              <Table.Th>{t('history.meanAgreement')}</Table.Th>
              <Table.Th>{t('history.alpha')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((c) => {
              const flagged = needsGuidance(c);
              return (
                <Table.Tr key={c.key} data-testid="history-criterion-row" data-flagged={flagged ? 'true' : 'false'}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {c.title}
                    </Text>
                    {flagged ? (
                      <Badge
                        color={amber}
                        variant="filled"
                        size="sm"
                        mt={2}
                        leftSection={<IconAlertTriangle size={12} aria-hidden />}
                        styles={wholeLabel}
                        data-testid="needs-guidance"
                      >
                        {t('history.needsGuidance')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{t(`history.types.${c.type}`)}</Table.Td>
                  <Table.Td>{c.sessions.length}</Table.Td>
                  <Table.Td>
                    <PerSession
                      items={c.sessions.map((s) => ({
                        id: s.sessionId,
                        label: titles.get(s.sessionId) ?? formatDate(s.closedAt),
                        value: formatScore(s.agreementPct),
                      }))}
                    />
                  </Table.Td>
                  <Table.Td data-testid="history-criterion-mean">{formatScore(meanOf(c.sessions.map((s) => s.agreementPct)))}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={600} data-testid="history-criterion-alpha">
                        {formatAlpha(c.alpha.value)}
                      </Text>
                      <AlphaBadge value={c.alpha.value} unanimous={c.sessions.every((s) => s.agreementPct === 100)} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
