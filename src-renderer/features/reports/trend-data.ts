import type { TFunction } from 'i18next';
import type { AdvisorTrend, SeriesPoint, TrendActionPoint } from '@contract';
import type { ChartReferenceLineProps } from '@mantine/charts';
import { formatDate, formatPeriod, formatScore } from '../../components/format';
import type { TableData } from '../../components/charts/table-data';
import i18n from '../../i18n';
import { shortPeriod } from './format';

/** Action points numbered A1, A2, … in the order they were agreed: the codes on the chart and in its legend. */
export function codeActionPoints(points: TrendActionPoint[]): Array<TrendActionPoint & { code: string }> {
  return [...points]
    .sort((a, b) => a.agreedOn.localeCompare(b.agreedOn) || a.id - b.id)
    .map((p, i) => ({ ...p, code: i18n.t('reports:trend.actionPoints.code', { n: i + 1 }) }));
}

type Coded = ReturnType<typeof codeActionPoints>[number];

/** What happened to action points in each month of the range: agreed codes and done codes. */
function actionEventsByMonth(points: Coded[]) {
  const events = new Map<string, { agreed: string[]; done: string[] }>();
  const at = (period: string) => {
    const entry = events.get(period) ?? { agreed: [], done: [] };
    events.set(period, entry);
    return entry;
  };
  for (const p of points) {
    at(p.agreedOn.slice(0, 7)).agreed.push(p.code);
    if (p.status === 'done' && p.closedOn) at(p.closedOn.slice(0, 7)).done.push(`${p.code} ✓`);
  }
  return events;
}

export function totalChartData(trend: AdvisorTrend) {
  return trend.months.map((m) => ({
    month: shortPeriod(m.period),
    score: m.scorePct,
    rolling: m.rollingPct,
    team: m.teamPct,
  }));
}

/** Vertical lines for the action points: solid when agreed, dashed when done, each labelled with its codes. */
export function actionPointLines(trend: AdvisorTrend, points: Coded[]): ChartReferenceLineProps[] {
  const index = new Map(trend.months.map((m, i) => [m.period, i]));
  const lines: ChartReferenceLineProps[] = [];
  for (const [period, e] of actionEventsByMonth(points)) {
    const i = index.get(period);
    if (i === undefined) continue;
    const x = shortPeriod(period);
    // Labels in the right half go left of their line, or the chart's edge cuts them off.
    const side = i > trend.months.length / 2 ? 'Right' : 'Left';
    if (e.agreed.length > 0) lines.push({ x, label: e.agreed.join(' '), color: 'indigo.8', labelPosition: `insideTop${side}` });
    if (e.done.length > 0) {
      lines.push({ x, label: e.done.join(' '), color: 'green.9', strokeDasharray: '5 3', labelPosition: `insideBottom${side}` });
    }
  }
  return lines;
}

export function totalTable(trend: AdvisorTrend, points: Coded[], t: TFunction<'reports'>): TableData {
  const events = actionEventsByMonth(points);
  return {
    columns: [
      { label: t('trend.columns.month') },
      { label: t('trend.columns.n'), kind: 'int' },
      { label: t('trend.series.score'), kind: 'pct' },
      { label: t('trend.series.rolling'), kind: 'pct' },
      { label: t('trend.series.team'), kind: 'pct' },
      { label: t('trend.series.target'), kind: 'pct' },
      { label: t('trend.columns.actionPoints') },
    ],
    rows: trend.months.map((m) => {
      const e = events.get(m.period);
      const notes = [
        e && e.agreed.length > 0 ? t('trend.actionPoints.markAgreed', { codes: e.agreed.join(', ') }) : null,
        e && e.done.length > 0 ? t('trend.actionPoints.markDone', { codes: e.done.map((d) => d.replace(' ✓', '')).join(', ') }) : null,
      ].filter(Boolean);
      return [formatPeriod(m.period), m.n, m.scorePct, m.rollingPct, m.teamPct, m.targetPct, notes.join('; ') || null];
    }),
  };
}

export function totalDescription(trend: AdvisorTrend, t: TFunction<'reports'>): string {
  const first = trend.months[0];
  const lastScored = [...trend.months].reverse().find((m) => m.scorePct !== null);
  return t('trend.total.description', {
    from: first ? formatPeriod(first.period) : '',
    to: formatPeriod(trend.to),
    target: formatScore(trend.targetPct),
    last: lastScored
      ? t('trend.total.last', { month: formatPeriod(lastScored.period), score: formatScore(lastScored.scorePct) })
      : t('trend.total.noScores'),
  });
}

export function seriesTable(points: SeriesPoint[], name: string, targetPct: number, t: TFunction<'reports'>): TableData {
  return {
    columns: [
      { label: t('trend.columns.month') },
      { label: t('trend.columns.n'), kind: 'int' },
      { label: name, kind: 'pct' },
      { label: t('trend.series.rolling'), kind: 'pct' },
      { label: t('trend.series.team'), kind: 'pct' },
      { label: t('trend.series.target'), kind: 'pct' },
    ],
    rows: points.map((p) => [formatPeriod(p.period), p.n, p.pct, p.rollingPct, p.teamPct, targetPct]),
  };
}

/** A section's or criterion's chart rows: its score, rolling average and team line per month. */
export function seriesChartData(points: SeriesPoint[]) {
  return points.map((p) => ({ month: shortPeriod(p.period), pct: p.pct, rolling: p.rollingPct, team: p.teamPct }));
}

export function seriesDescription(trend: AdvisorTrend, points: SeriesPoint[], name: string, t: TFunction<'reports'>): string {
  const scored = points.filter((p) => p.pct !== null);
  return t('trend.detail.description', {
    name,
    from: formatPeriod(trend.from),
    to: formatPeriod(trend.to),
    target: formatScore(trend.targetPct),
    values:
      scored.length === 0
        ? t('trend.total.noScores')
        : t('trend.detail.values', { values: scored.map((p) => `${formatPeriod(p.period)} ${formatScore(p.pct)}`).join(', ') }),
  });
}

export function criticalChartData(trend: AdvisorTrend) {
  return trend.months.map((m) => ({
    month: shortPeriod(m.period),
    customer: m.criticalFree.customer,
    business: m.criticalFree.business,
    compliance: m.criticalFree.compliance,
  }));
}

export function criticalTable(trend: AdvisorTrend, t: TFunction<'reports'>): TableData {
  const tc = i18n.getFixedT(null, 'common');
  return {
    columns: [
      { label: t('trend.columns.month') },
      { label: t('trend.columns.n'), kind: 'int' },
      { label: tc('critical.customer'), kind: 'pct' },
      { label: tc('critical.business'), kind: 'pct' },
      { label: tc('critical.compliance'), kind: 'pct' },
      { label: t('trend.series.any'), kind: 'pct' },
    ],
    rows: trend.months.map((m) => [
      formatPeriod(m.period),
      m.n,
      m.criticalFree.customer,
      m.criticalFree.business,
      m.criticalFree.compliance,
      m.criticalFree.any,
    ]),
  };
}

export function criticalDescription(trend: AdvisorTrend, t: TFunction<'reports'>): string {
  const last = [...trend.months].reverse().find((m) => m.n > 0);
  return t('trend.critical.description', {
    from: formatPeriod(trend.from),
    to: formatPeriod(trend.to),
    last: last
      ? t('trend.critical.last', {
          month: formatPeriod(last.period),
          customer: formatScore(last.criticalFree.customer),
          business: formatScore(last.criticalFree.business),
          compliance: formatScore(last.criticalFree.compliance),
        })
      : t('trend.total.noScores'),
  });
}

/** "agreed 3 Oct 2026 · done 12 Nov 2026": one action point's timeline in words. */
export function actionPointTimeline(p: TrendActionPoint, t: TFunction<'reports'>): string {
  const agreed = t('trend.actionPoints.agreed', { date: formatDate(p.agreedOn) });
  const end =
    p.status === 'done'
      ? t('trend.actionPoints.done', { date: formatDate(p.closedOn) })
      : p.status === 'dropped'
        ? t('trend.actionPoints.dropped', { date: formatDate(p.closedOn) })
        : t('trend.actionPoints.open', { date: formatDate(p.dueDate) });
  return `${agreed} · ${end}`;
}
