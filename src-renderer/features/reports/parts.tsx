import { Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { criticalClasses, type MonthHeadline, type TeamMonth } from '@contract';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { TableActions } from '../../components/charts/TableActions';
import { fileSlug, type TableData } from '../../components/charts/table-data';
import { formatNumber, formatPeriod, formatScore } from '../../components/format';
import { criticalTable, distributionTable } from './month-tables';

/** Both the dashboard and the printed report: the same numbers, drawn the same way. */

const still = { isAnimationActive: false } as const;

/** A titled block with its table's copy and CSV buttons in the corner. */
export function Section({
  title,
  table,
  fileName,
  children,
  hint,
  testId,
}: {
  title: string;
  table: TableData;
  fileName: string;
  children: ReactNode;
  hint?: string;
  testId?: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" className="kb-section" data-testid={testId}>
      <Group justify="space-between" align="center" mb="xs">
        <Title order={2} fz="lg">
          {title}
        </Title>
        <TableActions title={title} table={table} fileName={fileName} />
      </Group>
      {hint ? (
        <Text size="xs" c="gray.7" mb="xs">
          {hint}
        </Text>
      ) : null}
      {children}
    </Paper>
  );
}

type CardKind = 'pct' | 'int' | 'days';

function formatValue(value: number | null, kind: CardKind): string {
  if (value === null) return '—';
  return kind === 'pct' ? formatScore(value) : formatNumber(value, kind === 'int' ? 0 : 1);
}

/** The change against the previous month in words and an arrow: never colour alone. */
function Delta({ current, previous, kind, month }: { current: number | null; previous: number | null; kind: CardKind; month: string }) {
  const { t } = useTranslation('reports');
  if (current === null || previous === null) {
    return (
      <Text size="xs" c="gray.7">
        {t('dashboard.delta.none', { month })}
      </Text>
    );
  }
  const d = current - previous;
  const amount =
    kind === 'pct' ? t('dashboard.points', { value: formatNumber(Math.abs(d), 1) }) : formatNumber(Math.abs(d), kind === 'int' ? 0 : 1);
  const Icon = Math.abs(d) < 0.05 ? IconArrowRight : d > 0 ? IconArrowUpRight : IconArrowDownRight;
  const text =
    Math.abs(d) < 0.05
      ? t('dashboard.delta.same', { month })
      : t(d > 0 ? 'dashboard.delta.up' : 'dashboard.delta.down', { value: amount, month });
  return (
    <Group gap={4} wrap="nowrap">
      <Icon size={14} aria-hidden />
      <Text size="xs" c="gray.7" data-testid="delta">
        {text}
      </Text>
    </Group>
  );
}

function Card({
  label,
  value,
  detail,
  current,
  previous,
  kind,
  month,
  testId,
}: {
  label: string;
  value: string;
  detail?: string;
  current: number | null;
  previous: number | null;
  kind: CardKind;
  month: string;
  testId: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId} className="kb-card">
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.25} data-testid="value">
        {value}
      </Text>
      {detail ? (
        <Text size="xs" c="gray.7">
          {detail}
        </Text>
      ) : null}
      <Delta current={current} previous={previous} kind={kind} month={month} />
    </Paper>
  );
}

/** The headline cards: this month, with the change against the month before. */
export function HeadlineCards({ month: m }: { month: TeamMonth }) {
  const { t } = useTranslation('reports');
  const c: MonthHeadline = m.current;
  const p: MonthHeadline = m.previous;
  const prev = formatPeriod(p.period);
  return (
    <SimpleGrid cols={{ base: 2, md: 3 }} spacing="md" data-testid="headline">
      <Card
        testId="card-completion"
        label={t('dashboard.cards.completion')}
        value={formatValue(c.completionPct, 'pct')}
        detail={t('dashboard.cards.completionValue', { done: c.done, planned: c.planned })}
        current={c.completionPct}
        previous={p.completionPct}
        kind="pct"
        month={prev}
      />
      <Card
        testId="card-avg-score"
        label={t('dashboard.cards.avgScore')}
        value={formatValue(c.avgScorePct, 'pct')}
        detail={t('dashboard.metrics.n') + ': ' + c.n}
        current={c.avgScorePct}
        previous={p.avgScorePct}
        kind="pct"
        month={prev}
      />
      <Card
        testId="card-critical-free"
        label={t('dashboard.cards.criticalFree')}
        value={formatValue(c.criticalFree.any, 'pct')}
        current={c.criticalFree.any}
        previous={p.criticalFree.any}
        kind="pct"
        month={prev}
      />
      <Card
        testId="card-below-target"
        label={t('dashboard.cards.belowTarget')}
        value={formatValue(c.advisorsBelowTarget, 'int')}
        detail={t('report.targetNote', { target: formatScore(m.targetPct) })}
        current={c.advisorsBelowTarget}
        previous={p.advisorsBelowTarget}
        kind="int"
        month={prev}
      />
      <Card
        testId="card-action-points"
        label={t('dashboard.cards.actionPoints')}
        value={formatValue(c.actionPointsOpen, 'int')}
        detail={t('dashboard.cards.overdue', { count: c.actionPointsOverdue })}
        current={c.actionPointsOpen}
        previous={p.actionPointsOpen}
        kind="int"
        month={prev}
      />
      <Card
        testId="card-median-days"
        label={t('dashboard.cards.medianDays')}
        value={formatValue(c.medianDaysToFeedback, 'days')}
        current={c.medianDaysToFeedback}
        previous={p.medianDaysToFeedback}
        kind="days"
        month={prev}
      />
    </SimpleGrid>
  );
}

export function DistributionChart({ month: m, print = false }: { month: TeamMonth; print?: boolean }) {
  const { t } = useTranslation('reports');
  const table = distributionTable(m, t);
  const data = m.distribution.map((b) => ({ bucket: t(`dashboard.buckets.${b.key}`), count: b.count }));
  return (
    <ChartFigure
      title={t('dashboard.sections.distribution')}
      description={t('dashboard.distributionDescription', {
        month: formatPeriod(m.period),
        values: data.map((d) => `${d.bucket}: ${d.count}`).join(', '),
      })}
      table={table}
      fileName={`verdeling-${m.period}${m.team ? `-${fileSlug(m.team)}` : ''}`}
      alwaysShowTable={print}
      headingOrder={2}
      testId="distribution"
    >
      <BarChart
        h={220}
        data={data}
        dataKey="bucket"
        series={[{ name: 'count', label: t('dashboard.columns.count'), color: 'klankbord.7' }]}
        withBarValueLabel
        accessibilityLayer={false}
        barProps={still}
        yAxisProps={{ allowDecimals: false }}
      />
    </ChartFigure>
  );
}

export function CriticalChart({ month: m, print = false }: { month: TeamMonth; print?: boolean }) {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const data = criticalClasses.map((c) => ({ cls: tc(`critical.${c}`), pct: m.current.criticalFree[c] }));
  return (
    <ChartFigure
      title={t('dashboard.sections.critical')}
      description={t('dashboard.criticalDescription', {
        month: formatPeriod(m.period),
        values: data.map((d) => `${d.cls}: ${formatScore(d.pct)}`).join(', '),
      })}
      table={criticalTable(m, t)}
      fileName={`kritiek-${m.period}${m.team ? `-${fileSlug(m.team)}` : ''}`}
      alwaysShowTable={print}
      headingOrder={2}
      testId="critical"
    >
      <BarChart
        h={220}
        data={data}
        dataKey="cls"
        series={[{ name: 'pct', label: formatPeriod(m.period), color: 'blue.8' }]}
        withBarValueLabel
        valueFormatter={(v) => formatScore(v)}
        yAxisProps={{ domain: [0, 100] }}
        accessibilityLayer={false}
        barProps={still}
      />
    </ChartFigure>
  );
}
