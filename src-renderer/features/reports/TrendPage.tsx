import { Alert, Anchor, Badge, Center, Group, List, Loader, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { LineChart } from '@mantine/charts';
import { IconAlertTriangle } from '@tabler/icons-react';
import { format, subMonths } from 'date-fns';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AdvisorTrend, EvaluationSummary } from '@contract';
import { useChannel } from '../../api/use-channel';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { LineLegend } from '../../components/charts/LineLegend';
import { fileSlug } from '../../components/charts/table-data';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatDuration, formatNumber, formatPeriod, formatScore } from '../../components/format';
import { BackLink } from '../../components/BackLink';
import { PageHeader } from '../../components/PageHeader';
import { dashes } from './format';
import {
  actionPointLines,
  actionPointTimeline,
  codeActionPoints,
  criticalChartData,
  criticalDescription,
  criticalTable,
  seriesChartData,
  seriesDescription,
  seriesTable,
  totalChartData,
  totalDescription,
  totalTable,
} from './trend-data';

const ranges = [6, 12, 24] as const;
const axisFormatter = (v: number) => `${formatNumber(v, 1)}%`;
/** Charts are drawn at once: no half-drawn lines in screenshots, prints or for people who asked for less motion. */
const still = { isAnimationActive: false } as const;

export function TrendPage() {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const id = Number(useParams().id);
  const validId = Number.isInteger(id) && id > 0;
  const [months, setMonths] = useState<(typeof ranges)[number]>(12);
  // The range ends with this month on this workstation, like the month pickers elsewhere.
  const now = new Date();
  const to = format(now, 'yyyy-MM');
  const from = format(subMonths(now, months - 1), 'yyyy-MM');
  const trend = useChannel('reports.advisorTrend', validId ? { advisorId: id, from, to, teamLines: true } : null, [
    'evaluations',
    'feedback',
    'staff',
    'settings',
  ]);
  const data = trend.data;

  const back = (name: string | null) => (
    <BackLink to={`/staff/${id}`} testId="trend-back">
      {t('trend.back', { name: name ?? '' })}
    </BackLink>
  );

  if (!validId) return <ErrorAlert error={new Error(t('trend.invalidId'))} />;
  if (trend.error && !data) return <ErrorAlert error={trend.error} />;
  if (!data) {
    return (
      <Center py="xl">
        <Loader aria-label={tc('loading')} />
      </Center>
    );
  }

  return (
    <>
      {back(data.name)}
      <PageHeader
        title={t('trend.title', { name: data.name })}
        subtitle={t('trend.subtitle', { team: data.team || tc('none'), from: formatPeriod(data.from), to: formatPeriod(data.to) })}
        actions={
          <Stack gap={4}>
            <Text size="sm" fw={500} id="trend-range-label">
              {t('trend.range')}
            </Text>
            <SegmentedControl
              aria-labelledby="trend-range-label"
              value={String(months)}
              onChange={(v) => setMonths(Number(v) as (typeof ranges)[number])}
              data={ranges.map((r) => ({ value: String(r), label: t('trend.months', { count: r }) }))}
              data-testid="trend-range"
            />
          </Stack>
        }
      />
      <Stack gap="lg">
        <ErrorAlert error={trend.error} />
        <DeclineAlert trend={data} />
        <TotalChart trend={data} />
        <DetailChart trend={data} />
        <CriticalChart trend={data} />
        <MonthEvaluations advisorId={id} trend={data} />
      </Stack>
    </>
  );
}

function DeclineAlert({ trend }: { trend: AdvisorTrend }) {
  const { t } = useTranslation('reports');
  if (trend.decline.length === 0) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('trend.declineTitle')} data-testid="decline-alert">
      <List size="sm" spacing={4}>
        {trend.decline.map((a) => (
          <List.Item key={a.rule} data-rule={a.rule}>
            <Text span fw={700} size="sm">
              {t(`trend.rules.${a.rule}`)}
            </Text>
            {' — '}
            {t(`trend.ruleDetail.${a.rule}`, {
              month: formatPeriod(a.period),
              score: formatScore(a.scorePct),
              reference: formatScore(a.referencePct),
            })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function TotalChart({ trend }: { trend: AdvisorTrend }) {
  const { t } = useTranslation('reports');
  const points = useMemo(() => codeActionPoints(trend.actionPoints), [trend.actionPoints]);
  const target = { y: trend.targetPct, label: t('trend.targetLabel', { target: formatScore(trend.targetPct) }), color: 'red.9' };
  const legend = [
    { label: t('trend.series.score'), color: 'klankbord.7', dash: dashes.solid },
    { label: t('trend.series.rolling'), color: 'blue.8', dash: dashes.dashed },
    { label: t('trend.series.team'), color: 'gray.7', dash: dashes.dotted },
    { label: t('trend.series.target'), color: 'red.9', dash: '10 3 2 3' },
  ];
  return (
    <ChartFigure
      title={t('trend.total.title')}
      description={totalDescription(trend, t)}
      table={totalTable(trend, points, t)}
      fileName={`trend-${fileSlug(trend.name)}-totaal`}
      testId="trend-total"
      headingOrder={2}
      footer={
        <>
          <LineLegend items={legend} />
          <ActionPointLegend points={points} />
        </>
      }
    >
      <LineChart
        h={300}
        data={totalChartData(trend)}
        dataKey="month"
        series={[
          { name: 'score', label: t('trend.series.score'), color: 'klankbord.7' },
          { name: 'rolling', label: t('trend.series.rolling'), color: 'blue.8', strokeDasharray: dashes.dashed },
          { name: 'team', label: t('trend.series.team'), color: 'gray.7', strokeDasharray: dashes.dotted },
        ]}
        referenceLines={[{ ...target, strokeDasharray: '10 3 2 3', labelPosition: 'insideTopLeft' }, ...actionPointLines(trend, points)]}
        yAxisProps={{ domain: [0, 100] }}
        valueFormatter={axisFormatter}
        connectNulls
        accessibilityLayer={false}
        lineProps={still}
        curveType="linear"
      />
    </ChartFigure>
  );
}

function ActionPointLegend({ points }: { points: ReturnType<typeof codeActionPoints> }) {
  const { t } = useTranslation('reports');
  return (
    <Stack gap={4} mt="sm" data-testid="action-point-legend">
      <Text size="sm" fw={600}>
        {t('trend.actionPoints.title')}
      </Text>
      {points.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('trend.actionPoints.none')}
        </Text>
      ) : (
        <>
          <Text size="xs" c="gray.7">
            {t('trend.actionPoints.legend')}
          </Text>
          <List size="sm" spacing={2}>
            {points.map((p) => (
              <List.Item key={p.id}>
                <Text span fw={700} size="sm">
                  {p.code}
                </Text>{' '}
                {p.description}{' '}
                <Text span size="sm" c="gray.7">
                  ({actionPointTimeline(p, t)})
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}

type DetailKind = 'section' | 'criterion';

function DetailChart({ trend }: { trend: AdvisorTrend }) {
  const { t } = useTranslation('reports');
  const kindLabelId = useId();
  const [kind, setKind] = useState<DetailKind>('section');
  const [picked, setPicked] = useState<string | null>(null);
  const options = kind === 'section' ? trend.sections : trend.criteria;
  const current = options.find((o) => o.key === picked) ?? options[0];

  const selectData =
    kind === 'section'
      ? trend.sections.map((s) => ({ value: s.key, label: s.title }))
      : trend.sections
          .map((s) => ({
            group: s.title,
            items: trend.criteria.filter((c) => c.sectionKey === s.key).map((c) => ({ value: c.key, label: c.title })),
          }))
          .filter((g) => g.items.length > 0);

  return (
    <Paper withBorder radius="md" p="md" data-testid="trend-detail">
      <Title order={2} fz="lg" mb="sm">
        {t('trend.detail.title')}
      </Title>
      {options.length === 0 || !current ? (
        <Text size="sm" c="gray.7">
          {t('trend.detail.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Group align="flex-end" gap="lg">
            <Stack gap={4}>
              <Text size="sm" fw={500} id={kindLabelId}>
                {t('trend.detail.kind')}
              </Text>
              <SegmentedControl
                aria-labelledby={kindLabelId}
                value={kind}
                onChange={(v) => {
                  setKind(v as DetailKind);
                  setPicked(null);
                }}
                data={[
                  { value: 'section', label: t('trend.detail.section') },
                  { value: 'criterion', label: t('trend.detail.criterion') },
                ]}
                data-testid="detail-kind"
              />
            </Stack>
            <Select
              label={kind === 'section' ? t('trend.detail.section') : t('trend.detail.criterion')}
              data={selectData}
              value={current.key}
              onChange={(v) => v && setPicked(v)}
              allowDeselect={false}
              searchable
              w={360}
              data-testid="detail-pick"
            />
          </Group>
          <ChartFigure
            title={t('trend.detail.chartTitle', { name: current.title })}
            description={seriesDescription(trend, current.points, current.title, t)}
            table={seriesTable(current.points, current.title, trend.targetPct, t)}
            fileName={`trend-${fileSlug(trend.name)}-${fileSlug(current.title)}`}
            testId="trend-detail-chart"
            footer={
              <LineLegend
                items={[
                  { label: current.title, color: 'klankbord.7', dash: dashes.solid },
                  { label: t('trend.series.rolling'), color: 'blue.8', dash: dashes.dashed },
                  { label: t('trend.series.team'), color: 'gray.7', dash: dashes.dotted },
                  { label: t('trend.series.target'), color: 'red.9', dash: '10 3 2 3' },
                ]}
              />
            }
          >
            <LineChart
              h={240}
              data={seriesChartData(current.points)}
              dataKey="month"
              series={[
                { name: 'pct', label: current.title, color: 'klankbord.7' },
                { name: 'rolling', label: t('trend.series.rolling'), color: 'blue.8', strokeDasharray: dashes.dashed },
                { name: 'team', label: t('trend.series.team'), color: 'gray.7', strokeDasharray: dashes.dotted },
              ]}
              referenceLines={[
                {
                  y: trend.targetPct,
                  label: t('trend.targetLabel', { target: formatScore(trend.targetPct) }),
                  color: 'red.9',
                  strokeDasharray: '10 3 2 3',
                  labelPosition: 'insideTopLeft',
                },
              ]}
              yAxisProps={{ domain: [0, 100] }}
              valueFormatter={axisFormatter}
              connectNulls
              accessibilityLayer={false}
              lineProps={still}
              curveType="linear"
            />
          </ChartFigure>
        </Stack>
      )}
    </Paper>
  );
}

function CriticalChart({ trend }: { trend: AdvisorTrend }) {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const series = [
    { name: 'customer', label: tc('critical.customer'), color: 'klankbord.7', dash: dashes.solid },
    { name: 'business', label: tc('critical.business'), color: 'blue.8', dash: dashes.dashed },
    { name: 'compliance', label: tc('critical.compliance'), color: 'grape.8', dash: dashes.dotted },
  ];
  return (
    <ChartFigure
      title={t('trend.critical.title')}
      description={criticalDescription(trend, t)}
      table={criticalTable(trend, t)}
      fileName={`trend-${fileSlug(trend.name)}-kritiek`}
      testId="trend-critical"
      headingOrder={2}
      footer={<LineLegend items={series} />}
    >
      <LineChart
        h={240}
        data={criticalChartData(trend)}
        dataKey="month"
        series={series.map((s) => ({ name: s.name, label: s.label, color: s.color, strokeDasharray: s.dash }))}
        yAxisProps={{ domain: [0, 100] }}
        valueFormatter={axisFormatter}
        connectNulls
        accessibilityLayer={false}
        lineProps={still}
        curveType="linear"
      />
    </ChartFigure>
  );
}

/** Drill-down from a month of the trend to its evaluations and the moments the coach marked in each call. */
function MonthEvaluations({ advisorId, trend }: { advisorId: number; trend: AdvisorTrend }) {
  const { t } = useTranslation('reports');
  const evaluations = useChannel('evaluations.listForAdvisor', { advisorId }, ['evaluations']);
  const scored = [...trend.months].reverse();
  const [period, setPeriod] = useState<string | null>(null);
  const shown = period ?? scored.find((m) => m.n > 0)?.period ?? trend.to;
  const list = (evaluations.data ?? []).filter((e) => e.period === shown && e.status !== 'draft');

  return (
    <Paper withBorder radius="md" p="md" data-testid="trend-evaluations">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={2} fz="lg">
          {t('trend.evaluations.title')}
        </Title>
        <Select
          label={t('trend.evaluations.month')}
          data={scored.map((m) => ({ value: m.period, label: `${formatPeriod(m.period)} (${m.n})` }))}
          value={shown}
          onChange={(v) => v && setPeriod(v)}
          allowDeselect={false}
          w={220}
          data-testid="evaluations-month"
        />
      </Group>
      <ErrorAlert error={evaluations.error} />
      {evaluations.data && list.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('trend.evaluations.empty', { month: formatPeriod(shown) })}
        </Text>
      ) : (
        <Stack gap="sm">
          {list.map((e) => (
            <EvaluationMoments key={e.id} evaluation={e} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function EvaluationMoments({ evaluation: e }: { evaluation: EvaluationSummary }) {
  const { t } = useTranslation('reports');
  const markers = useChannel('markers.list', { recordingId: e.recordingId }, ['markers']);
  // A recording may carry another coach's notes (a second opinion): only this evaluation's and general ones.
  const mine = (markers.data ?? []).filter((m) => m.evaluationId === e.id || m.evaluationId === null);
  return (
    <div data-testid="trend-evaluation" data-evaluation-id={e.id}>
      <Group gap="sm">
        <Anchor component={Link} to={`/evaluations/${e.id}`} fw={600}>
          {t('trend.evaluations.open', { date: formatDateTime(e.callAt) })}
        </Anchor>
        <Text size="sm" fw={700}>
          {formatScore(e.scorePct)}
        </Text>
        {e.hasCriticalError ? (
          <Badge color="red.8" variant="filled" size="sm">
            {t('trend.evaluations.critical')}
          </Badge>
        ) : null}
        <Text size="sm" c="gray.7">
          {e.coachName}
        </Text>
      </Group>
      {mine.length === 0 ? (
        markers.data ? (
          <Text size="xs" c="gray.7">
            {t('trend.evaluations.noMarkers')}
          </Text>
        ) : null
      ) : (
        <List size="sm" spacing={2} mt={4} aria-label={t('trend.evaluations.markers')}>
          {mine.map((m) => (
            <List.Item key={m.id}>
              <Anchor component={Link} to={`/evaluations/${e.id}?t=${Math.floor(m.atSeconds)}`} size="sm" data-testid="marker-link">
                {t('trend.evaluations.marker', { time: formatDuration(m.atSeconds), text: m.text })}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
