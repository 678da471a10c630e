import type { TFunction } from 'i18next';
import { criticalClasses, type MonthHeadline, type TeamMonth } from '@contract';
import { formatDate, formatPeriod } from '../../components/format';
import type { CellValue, ColumnKind, TableData } from '../../components/charts/table-data';
import i18n from '../../i18n';

/**
 * The month summary as tables: one source for the dashboard's CSV buttons, the printed report and
 * the XLSX workbook, so the three cannot disagree.
 */

type T = TFunction<'reports'>;
const tc = () => i18n.getFixedT(null, 'common');

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

interface SummaryRow {
  key: string;
  kind: ColumnKind;
  pick(h: MonthHeadline): number | null;
}

/** The headline figures in the order the dashboard's cards and the report show them. */
export const summaryRows: SummaryRow[] = [
  { key: 'planned', kind: 'int', pick: (h) => h.planned },
  { key: 'done', kind: 'int', pick: (h) => h.done },
  { key: 'completion', kind: 'pct', pick: (h) => h.completionPct },
  { key: 'n', kind: 'int', pick: (h) => h.n },
  { key: 'avgScore', kind: 'pct', pick: (h) => h.avgScorePct },
  { key: 'criticalAny', kind: 'pct', pick: (h) => h.criticalFree.any },
  ...criticalClasses.map((c): SummaryRow => ({ key: `critical.${c}`, kind: 'pct', pick: (h) => h.criticalFree[c] })),
  { key: 'belowTarget', kind: 'int', pick: (h) => h.advisorsBelowTarget },
  { key: 'open', kind: 'int', pick: (h) => h.actionPointsOpen },
  { key: 'overdue', kind: 'int', pick: (h) => h.actionPointsOverdue },
  { key: 'medianDays', kind: 'decimal', pick: (h) => h.medianDaysToFeedback },
];

export function summaryLabel(key: string, t: T): string {
  return key.startsWith('critical.') ? `${t('dashboard.cards.criticalFree')}: ${tc()(key).toLowerCase()}` : t(`dashboard.metrics.${key}`);
}

export function summaryTable(m: TeamMonth, t: T): TableData {
  return {
    columns: [
      { label: t('dashboard.columns.metric') },
      { label: formatPeriod(m.current.period), kind: 'decimal' },
      { label: formatPeriod(m.previous.period), kind: 'decimal' },
      { label: t('dashboard.columns.difference'), kind: 'decimal' },
    ],
    rowKinds: summaryRows.map((r) => r.kind),
    rows: summaryRows.map((r) => [
      summaryLabel(r.key, t),
      r.pick(m.current),
      r.pick(m.previous),
      diff(r.pick(m.current), r.pick(m.previous)),
    ]),
  };
}

export function coachesTable(m: TeamMonth, t: T): TableData {
  return {
    columns: [
      { label: t('dashboard.columns.coach') },
      { label: t('dashboard.columns.advisors'), kind: 'int' },
      { label: t('dashboard.columns.planned'), kind: 'int' },
      { label: t('dashboard.columns.done'), kind: 'int' },
      { label: t('dashboard.columns.completion'), kind: 'pct' },
      { label: t('dashboard.columns.n'), kind: 'int' },
      { label: t('dashboard.columns.avgScore'), kind: 'pct' },
    ],
    rows: m.coaches.map((c) => [c.name ?? t('dashboard.noCoach'), c.advisors, c.planned, c.done, c.completionPct, c.n, c.avgScorePct]),
  };
}

const completion = (done: number, planned: number) => (planned > 0 ? (Math.min(done, planned) / planned) * 100 : null);

export function advisorsTable(m: TeamMonth, t: T): TableData {
  return {
    columns: [
      { label: t('dashboard.columns.advisor') },
      { label: t('dashboard.columns.team') },
      { label: t('dashboard.columns.coach') },
      { label: t('dashboard.columns.planned'), kind: 'int' },
      { label: t('dashboard.columns.done'), kind: 'int' },
      { label: t('dashboard.columns.completion'), kind: 'pct' },
      { label: t('dashboard.columns.score'), kind: 'pct' },
      { label: t('dashboard.columns.target'), kind: 'pct' },
      { label: t('dashboard.columns.belowTarget') },
      { label: t('dashboard.columns.criticalErrors'), kind: 'int' },
    ],
    rows: m.advisors.map((a) => [
      a.name,
      a.team || null,
      a.coachName ?? t('dashboard.noCoach'),
      a.planned,
      a.done,
      completion(a.done, a.planned),
      a.scorePct,
      a.targetPct,
      a.belowTarget ? t('dashboard.yes') : t('dashboard.no'),
      a.criticalErrors,
    ]),
  };
}

export function distributionTable(m: TeamMonth, t: T): TableData {
  return {
    columns: [{ label: t('dashboard.columns.bucket') }, { label: t('dashboard.columns.count'), kind: 'int' }],
    rows: m.distribution.map((b) => [t(`dashboard.buckets.${b.key}`), b.count]),
  };
}

export function criticalTable(m: TeamMonth, t: T): TableData {
  const rows: CellValue[][] = [...criticalClasses, 'any' as const].map((c) => [
    c === 'any' ? t('trend.series.any') : tc()(`critical.${c}`),
    m.current.criticalFree[c],
    m.previous.criticalFree[c],
    diff(m.current.criticalFree[c], m.previous.criticalFree[c]),
  ]);
  return {
    columns: [
      { label: t('dashboard.columns.class') },
      { label: formatPeriod(m.current.period), kind: 'pct' },
      { label: formatPeriod(m.previous.period), kind: 'pct' },
      { label: t('dashboard.columns.difference'), kind: 'decimal' },
    ],
    rows,
  };
}

export function missedTable(m: TeamMonth, t: T): TableData {
  return {
    columns: [
      { label: t('dashboard.columns.criterion') },
      { label: t('dashboard.columns.section') },
      { label: t('dashboard.columns.applicable'), kind: 'int' },
      { label: t('dashboard.columns.missed'), kind: 'int' },
      { label: t('dashboard.columns.missRate'), kind: 'pct' },
    ],
    rows: m.topMissed.map((c) => [c.title, c.sectionTitle, c.applicable, c.missed, c.missRatePct]),
  };
}

/** Every criterion of the month with its mean score and how often it was missed: the "per criterium" sheet. */
export function criteriaTable(m: TeamMonth, t: T): TableData {
  return {
    columns: [
      { label: t('dashboard.columns.criterion') },
      { label: t('dashboard.columns.section') },
      { label: t('dashboard.columns.applicable'), kind: 'int' },
      { label: t('dashboard.columns.score'), kind: 'pct' },
      { label: t('dashboard.columns.missed'), kind: 'int' },
      { label: t('dashboard.columns.missRate'), kind: 'pct' },
    ],
    rows: m.criteria.map((c) => [c.title, c.sectionTitle, c.applicable, c.scorePct, c.missed, c.missRatePct]),
  };
}

export function belowTargetTable(m: TeamMonth, t: T): TableData {
  return {
    columns: [
      { label: t('dashboard.columns.advisor') },
      { label: t('dashboard.columns.coach') },
      { label: t('dashboard.columns.n'), kind: 'int' },
      { label: t('dashboard.columns.score'), kind: 'pct' },
      { label: t('dashboard.columns.target'), kind: 'pct' },
    ],
    rows: m.belowTarget.map((a) => [a.name, a.coachName ?? t('dashboard.noCoach'), a.done, a.scorePct, a.targetPct]),
  };
}

export function actionPointsTable(m: TeamMonth, t: T): TableData {
  return {
    columns: [
      { label: t('dashboard.columns.advisor') },
      { label: t('dashboard.columns.actionPoint') },
      { label: t('dashboard.columns.criterion') },
      { label: t('dashboard.columns.dueDate') },
      { label: t('dashboard.columns.status') },
    ],
    rows: m.actionPoints.map((a) => [
      a.advisorName,
      a.description,
      a.criterionTitle,
      formatDate(a.dueDate),
      a.overdue ? t('dashboard.overdue') : t('dashboard.open'),
    ]),
  };
}

export function newHiresTable(m: TeamMonth, t: T): TableData {
  return {
    columns: [
      { label: t('dashboard.columns.advisor') },
      { label: t('dashboard.columns.status') },
      { label: t('dashboard.columns.startDate') },
      { label: t('dashboard.columns.n'), kind: 'int' },
      { label: t('dashboard.columns.score'), kind: 'pct' },
      { label: t('dashboard.columns.teamScore'), kind: 'pct' },
      { label: t('dashboard.columns.difference'), kind: 'decimal' },
    ],
    rows: m.newHires.map((h) => [
      h.name,
      tc()(`statuses.${h.status}`),
      formatDate(h.startDate),
      h.n,
      h.scorePct,
      h.teamPct,
      diff(h.scorePct, h.teamPct),
    ]),
  };
}

/** "KCC Noord" or "alle teams": the report's title part. */
export const teamLabel = (m: TeamMonth, t: T) => m.team || t('report.allTeams');

export const reportTitle = (m: TeamMonth, t: T) => t('report.title', { team: teamLabel(m, t), month: formatPeriod(m.period) });
