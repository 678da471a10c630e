import type {
  AdvisorTrend,
  AdvisorTrendInput,
  CriterionSeries,
  CriticalFree,
  DeclineAlert,
  SectionSeries,
  SeriesPoint,
  StaffSparklines,
  TrendActionPoint,
  TrendMonth,
} from '../../contract';
import type { Db } from '../db/connection';
import { AppError, notFound } from '../errors';
import { firstDayOf, lastDayOf, periodsBetween, shiftPeriod } from './periods';
import { localDateOf } from '../clock';
import { achievedFraction } from '../evaluations/scoring';
import { criteriaByIds } from './criteria';
import {
  advisorAnswersQuery,
  advisorEvaluationsQuery,
  advisorsAnswerValuesQuery,
  advisorsMonthlyScoresQuery,
  advisorsSectionScoresQuery,
  monthlyScoresPerAdvisorQuery,
} from './queries';
import { targetLookup } from './targets';

/** "A drop of ≥ 10 points against the rolling average" (issue 5). */
export const DROP_POINTS = 10;
/** Floating-point slack, so a drop of exactly 10 points counts however the means were summed. */
const EPSILON = 1e-9;
const MAX_MONTHS = 120;
const DEFAULT_MONTHS = 12;

/** A running mean: sums and counts, so months can be combined evaluation-weighted. */
interface Tally {
  n: number;
  scored: number;
  scoreSum: number;
}
const emptyTally = (): Tally => ({ n: 0, scored: 0, scoreSum: 0 });
const meanOf = (t: Tally | undefined): number | null => (t && t.scored > 0 ? t.scoreSum / t.scored : null);

/** Several months' tallies together: each evaluation weighs the same, whatever month it fell in. */
function pooledMean(tallies: readonly (Tally | undefined)[]): number | null {
  let scored = 0;
  let sum = 0;
  for (const t of tallies) {
    if (!t) continue;
    scored += t.scored;
    sum += t.scoreSum;
  }
  return scored > 0 ? sum / scored : null;
}

interface CriticalTally {
  n: number;
  customer: number;
  business: number;
  compliance: number;
  any: number;
}

export function criticalFreeOf(t: CriticalTally): CriticalFree {
  const free = (errors: number) => (t.n > 0 ? ((t.n - errors) / t.n) * 100 : null);
  return { customer: free(t.customer), business: free(t.business), compliance: free(t.compliance), any: free(t.any) };
}

export function resolveRange(input: { from?: string; to?: string }, today: string): { from: string; to: string } {
  const to = input.to ?? today.slice(0, 7);
  const from = input.from ?? shiftPeriod(to, -(DEFAULT_MONTHS - 1));
  if (from > to) throw new AppError('report_range_invalid', { from, to, reason: 'de beginmaand ligt na de eindmaand' });
  if (periodsBetween(from, to).length > MAX_MONTHS) {
    throw new AppError('report_range_invalid', { from, to, reason: `kies hoogstens ${MAX_MONTHS} maanden` });
  }
  return { from, to };
}

/**
 * The rules of the decline alert for month `period`, given every month's tally (the three months
 * before the range included). A month without a score never fires and breaks a "running" streak.
 */
export function declineAlerts(period: string, tallies: ReadonlyMap<string, Tally>, targetPct: number): DeclineAlert[] {
  const score = meanOf(tallies.get(period));
  if (score === null) return [];
  const alerts: DeclineAlert[] = [];
  const before = meanOf(tallies.get(shiftPeriod(period, -1)));
  if (score < targetPct && before !== null && before < targetPct) {
    alerts.push({ rule: 'below_target_twice', period, scorePct: score, referencePct: targetPct });
  }
  const reference = pooledMean([1, 2, 3].map((back) => tallies.get(shiftPeriod(period, -back))));
  if (reference !== null && reference - score >= DROP_POINTS - EPSILON) {
    alerts.push({ rule: 'drop_vs_rolling', period, scorePct: score, referencePct: reference });
  }
  return alerts;
}

interface SeriesAcc {
  key: string;
  title: string;
  sectionKey: string;
  /** The version the title and position come from: the newest one seen. */
  version: number;
  order: [number, number];
  byPeriod: Map<string, { n: number; sum: number }>;
}

type SeriesInfo = Omit<SeriesAcc, 'byPeriod'>;

function addTo(map: Map<string, SeriesAcc>, info: SeriesInfo, period: string, n: number, sum: number) {
  let acc = map.get(info.key);
  if (!acc) {
    acc = { ...info, byPeriod: new Map() };
    map.set(info.key, acc);
  } else if (info.version > acc.version) {
    Object.assign(acc, { title: info.title, order: info.order, version: info.version, sectionKey: info.sectionKey });
  }
  const cell = acc.byPeriod.get(period) ?? { n: 0, sum: 0 };
  cell.n += n;
  cell.sum += sum;
  acc.byPeriod.set(period, cell);
}

const byOrder = (a: SeriesAcc, b: SeriesAcc) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.key.localeCompare(b.key);

type Cell = { n: number; sum: number };

/** Pooled over the cells of several months: Σsum / Σn, so each answer or evaluation weighs the same. */
function pooledCells(cells: readonly (Cell | undefined)[], scale: number): number | null {
  let n = 0;
  let sum = 0;
  for (const c of cells) {
    if (!c) continue;
    n += c.n;
    sum += c.sum;
  }
  return n > 0 ? (sum / n) * scale : null;
}

/**
 * The team's figures per key and month: criteria from value counts per (month, criterion id,
 * value) with scoring's achievedFraction, sections from per-evaluation section scores that the
 * database averages (see advisorsSectionScoresQuery). Both aggregate in SQL.
 */
async function teamBreakdown(db: Db, teamIds: readonly number[], from: string, to: string) {
  const criteria = new Map<string, Map<string, Cell>>();
  const sections = new Map<string, Map<string, Cell>>();
  if (teamIds.length === 0) return { criteria, sections };
  const valueRows = await advisorsAnswerValuesQuery(db, teamIds, from, to).execute();
  const info = await criteriaByIds(db, [...new Set(valueRows.map((r) => r.criterion_id))]);
  const add = (map: Map<string, Map<string, Cell>>, key: string, period: string, n: number, sum: number) => {
    const byPeriod = map.get(key) ?? new Map<string, Cell>();
    const cell = byPeriod.get(period) ?? { n: 0, sum: 0 };
    cell.n += n;
    cell.sum += sum;
    byPeriod.set(period, cell);
    map.set(key, byPeriod);
  };
  for (const r of valueRows) {
    const c = info.get(r.criterion_id);
    if (!c) continue;
    const n = Number(r.n);
    add(criteria, c.criterion.key, r.period, n, n * achievedFraction(c.criterion, r.value));
  }
  for (const r of await advisorsSectionScoresQuery(db, teamIds, from, to).execute()) {
    add(sections, r.section_key, r.period, Number(r.n), Number(r.pct_sum));
  }
  return { criteria, sections };
}

/**
 * Section and criterion series, merged across rubric versions by key; each answer's share comes
 * from scoring's achievedFraction. Criteria: mean achieved fraction over the month's applicable
 * answers. Sections: per evaluation Σweight·achieved / Σweight over its applicable answers in the
 * section, then the mean over the month's evaluations — each call weighs the same, as in the total
 * score, rather than pooling answers (which would let calls with fewer n.v.t. answers weigh more).
 * rollingPct pools the month with the two before it (answers are read from two months before the
 * range for that); teamPct is the same figure over the team (`teamIds`) that month, when asked for.
 */
async function breakdown(db: Db, advisorId: number, teamIds: readonly number[] | null, periods: readonly string[]) {
  const from = periods[0]!;
  const to = periods.at(-1)!;
  const rows = await advisorAnswersQuery(db, advisorId, shiftPeriod(from, -2), to).execute();
  const info = await criteriaByIds(db, [...new Set(rows.map((r) => r.criterion_id))]);
  const criteria = new Map<string, SeriesAcc>();
  const perEvaluation = new Map<string, { period: string; section: SeriesInfo; achieved: number; maximum: number }>();
  for (const r of rows) {
    const c = info.get(r.criterion_id);
    if (!c) continue;
    const fraction = achievedFraction(c.criterion, r.value);
    addTo(
      criteria,
      {
        key: c.criterion.key,
        title: c.criterion.title,
        sectionKey: c.section.key,
        version: c.versionId,
        order: [c.section.position, c.position],
      },
      r.period,
      1,
      fraction,
    );
    const cellKey = `${r.evaluation_id}|${c.section.key}`;
    const cell = perEvaluation.get(cellKey) ?? {
      period: r.period,
      section: {
        key: c.section.key,
        title: c.section.title,
        sectionKey: c.section.key,
        version: c.versionId,
        order: [c.section.position, 0],
      },
      achieved: 0,
      maximum: 0,
    };
    cell.achieved += c.criterion.weight * fraction;
    cell.maximum += c.criterion.weight;
    perEvaluation.set(cellKey, cell);
  }
  const sections = new Map<string, SeriesAcc>();
  for (const cell of perEvaluation.values()) {
    if (cell.maximum > 0) addTo(sections, cell.section, cell.period, 1, (cell.achieved / cell.maximum) * 100);
  }
  const team =
    teamIds === null
      ? { criteria: new Map<string, Map<string, Cell>>(), sections: new Map<string, Map<string, Cell>>() }
      : await teamBreakdown(db, teamIds, from, to);
  const points = (acc: SeriesAcc, teamCells: ReadonlyMap<string, Cell> | undefined, scale: number): SeriesPoint[] =>
    periods.map((period) => {
      const cell = acc.byPeriod.get(period);
      return {
        period,
        n: cell?.n ?? 0,
        pct: cell ? (cell.sum / cell.n) * scale : null,
        rollingPct: pooledCells(
          [0, 1, 2].map((back) => acc.byPeriod.get(shiftPeriod(period, -back))),
          scale,
        ),
        teamPct: pooledCells([teamCells?.get(period)], scale),
      };
    });
  // Only series with answers in the range itself: the months before it feed the rolling average.
  const inRange = (acc: SeriesAcc) => periods.some((p) => acc.byPeriod.has(p));
  const sectionSeries: SectionSeries[] = [...sections.values()]
    .filter(inRange)
    .sort(byOrder)
    .map((acc) => ({ key: acc.key, title: acc.title, points: points(acc, team.sections.get(acc.key), 1) }));
  const criterionSeries: CriterionSeries[] = [...criteria.values()]
    .filter(inRange)
    .sort(byOrder)
    .map((acc) => ({ key: acc.key, title: acc.title, sectionKey: acc.sectionKey, points: points(acc, team.criteria.get(acc.key), 100) }));
  return { sectionSeries, criterionSeries };
}

/** Action points agreed up to the range's end that were still open at its start (or are now). */
async function timeline(db: Db, advisorId: number, from: string, to: string): Promise<TrendActionPoint[]> {
  const rows = await db
    .selectFrom('action_item')
    .leftJoin('feedback_session', 'feedback_session.id', 'action_item.feedback_session_id')
    .leftJoin('rubric_criterion', 'rubric_criterion.id', 'action_item.criterion_id')
    .select([
      'action_item.id',
      'action_item.description',
      'action_item.status',
      'action_item.due_date',
      'action_item.created_at',
      'action_item.closed_at',
      'feedback_session.held_on',
      'rubric_criterion.key as criterion_key',
      'rubric_criterion.title as criterion_title',
    ])
    .where('action_item.advisor_id', '=', advisorId)
    .orderBy('action_item.id')
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      description: r.description,
      status: r.status,
      agreedOn: r.held_on ?? localDateOf(r.created_at),
      dueDate: r.due_date,
      closedOn: r.status !== 'open' && r.closed_at ? localDateOf(r.closed_at) : null,
      criterionKey: r.criterion_key,
      criterionTitle: r.criterion_title,
    }))
    .filter((p) => p.agreedOn <= lastDayOf(to) && (p.closedOn === null || p.closedOn >= firstDayOf(from)))
    .sort((a, b) => a.agreedOn.localeCompare(b.agreedOn) || a.id - b.id);
}

/**
 * One advisor's months. Rolling average = mean of all counted evaluations in the month and the two
 * months before it (evaluation-weighted, so a month with 6 calls weighs more than one with 2);
 * the team line = mean over every counted evaluation of the advisor's current team that month;
 * the target is the team's current target for every month (targets keep no history).
 */
export async function advisorTrend(db: Db, input: AdvisorTrendInput, today: string): Promise<AdvisorTrend> {
  const advisor = await db.selectFrom('staff').select(['id', 'name', 'team', 'role']).where('id', '=', input.advisorId).executeTakeFirst();
  if (!advisor) throw notFound(`Medewerker ${input.advisorId}`);
  if (advisor.role !== 'advisor') throw new AppError('not_an_advisor', { name: advisor.name });
  const { from, to } = resolveRange(input, today);
  const periods = periodsBetween(from, to);
  const targetPct = (await targetLookup(db)).forTeam(advisor.team);

  // Three months before the range: the first months' rolling average and drop rule need them.
  const evaluations = await advisorEvaluationsQuery(db, advisor.id, shiftPeriod(from, -3), to).execute();
  const tallies = new Map<string, Tally>();
  const critical = new Map<string, CriticalTally>();
  for (const e of evaluations) {
    const t = tallies.get(e.period) ?? emptyTally();
    t.n += 1;
    if (e.score_pct !== null) {
      t.scored += 1;
      t.scoreSum += e.score_pct;
    }
    tallies.set(e.period, t);
    const c = critical.get(e.period) ?? { n: 0, customer: 0, business: 0, compliance: 0, any: 0 };
    c.n += 1;
    c.customer += e.critical_customer;
    c.business += e.critical_business;
    c.compliance += e.critical_compliance;
    c.any += e.has_critical_error;
    critical.set(e.period, c);
  }

  const teamIds = (await db.selectFrom('staff').select('id').where('role', '=', 'advisor').where('team', '=', advisor.team).execute()).map(
    (s) => s.id,
  );
  const teamRows = await advisorsMonthlyScoresQuery(db, teamIds, from, to).execute();
  const team = new Map(
    teamRows.map((r) => [r.period, { n: Number(r.n), scored: Number(r.scored), scoreSum: Number(r.score_sum ?? 0) } satisfies Tally]),
  );

  const months: TrendMonth[] = periods.map((period) => {
    const own = tallies.get(period);
    return {
      period,
      n: own?.n ?? 0,
      scorePct: meanOf(own),
      rollingPct: pooledMean([0, 1, 2].map((back) => tallies.get(shiftPeriod(period, -back)))),
      teamPct: meanOf(team.get(period)),
      teamN: team.get(period)?.n ?? 0,
      targetPct,
      criticalFree: criticalFreeOf(critical.get(period) ?? { n: 0, customer: 0, business: 0, compliance: 0, any: 0 }),
      alerts: declineAlerts(period, tallies, targetPct),
    };
  });
  const newestScored = [...months].reverse().find((m) => m.scorePct !== null);
  const { sectionSeries, criterionSeries } = await breakdown(db, advisor.id, input.teamLines ? teamIds : null, periods);
  return {
    advisorId: advisor.id,
    name: advisor.name,
    team: advisor.team,
    from,
    to,
    targetPct,
    months,
    sections: sectionSeries,
    criteria: criterionSeries,
    actionPoints: await timeline(db, advisor.id, from, to),
    decline: newestScored?.alerts ?? [],
  };
}

/** Every advisor's monthly mean score over the last `months` months up to `to`. */
export async function staffSparklines(db: Db, input: { months?: number; to?: string }, today: string): Promise<StaffSparklines> {
  const to = input.to ?? today.slice(0, 7);
  const periods = periodsBetween(shiftPeriod(to, -((input.months ?? 6) - 1)), to);
  const advisors = await db.selectFrom('staff').select('id').where('role', '=', 'advisor').orderBy('id').execute();
  const rows = await monthlyScoresPerAdvisorQuery(db, periods[0]!, to).execute();
  const scores = new Map(rows.map((r) => [`${r.advisor_id}|${r.period}`, r.score === null ? null : Number(r.score)]));
  return {
    periods,
    advisors: advisors.map((a) => ({ advisorId: a.id, scores: periods.map((p) => scores.get(`${a.id}|${p}`) ?? null) })),
  };
}
