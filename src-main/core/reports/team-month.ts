import { format, parseISO, subDays, subMonths } from 'date-fns';
import type {
  AdvisorMonthReport,
  CoachMonthReport,
  CriterionMonth,
  MissedCriterion,
  MonthHeadline,
  NewHireReport,
  OpenActionPoint,
  ScoreBucket,
  TeamMonth,
  TeamMonthInput,
} from '../../contract';
import { coachesInMonth } from '../coaching/month';
import { monthPlan } from '../coaching/plan';
import type { Db } from '../db/connection';
import type { StaffRow } from '../db/schema';
import { achievedFraction } from '../evaluations/scoring';
import { daysSinceFinalized } from '../feedback/sessions';
import { criteriaByIds } from './criteria';
import { lastDayOf, median, shiftPeriod } from './periods';
import { localDateOf } from '../clock';
import { monthAnswerValuesQuery, monthEvaluationsQuery } from './queries';
import { targetLookup, type TargetLookup } from './targets';
import { criticalFreeOf } from './trend';

/** A criterion needs this many applicable answers in the month before its miss rate is ranked. */
export const MIN_APPLICABLE = 5;
const TOP_MISSED = 5;
/** How far back a start date makes someone a new hire, next to status "onboarding". */
const NEW_HIRE_MONTHS = 3;

const buckets: readonly Omit<ScoreBucket, 'count'>[] = [
  { key: 'lt60', fromPct: null, toPct: 60 },
  { key: '60to70', fromPct: 60, toPct: 70 },
  { key: '70to80', fromPct: 70, toPct: 80 },
  { key: '80to85', fromPct: 80, toPct: 85 },
  { key: '85to90', fromPct: 85, toPct: 90 },
  { key: 'ge90', fromPct: 90, toPct: null },
];

const inBucket = (b: Omit<ScoreBucket, 'count'>, score: number) =>
  (b.fromPct === null || score >= b.fromPct) && (b.toPct === null || score < b.toPct);

const mean = (values: readonly number[]): number | null => (values.length > 0 ? values.reduce((s, v) => s + v, 0) / values.length : null);

/** "Open" and "overdue" are judged at the month's end, or today while the month runs. */
const asOfFor = (period: string, today: string) => (today < lastDayOf(period) ? today : lastDayOf(period));

type AdvisorInfo = Pick<StaffRow, 'name' | 'team' | 'status' | 'start_date'>;
type MonthEvaluation = Awaited<ReturnType<ReturnType<typeof monthEvaluationsQuery>['execute']>>[number];

/** Action points of advisors in scope that were open on `asOf`, reconstructed from their agree and close dates. */
async function openActionPoints(db: Db, asOf: string, inScope: (advisorId: number) => boolean): Promise<OpenActionPoint[]> {
  // Closed a day or two before asOf in UTC may still be "after asOf" locally; the exact check follows.
  const closedSince = format(subDays(parseISO(asOf), 2), 'yyyy-MM-dd');
  const rows = await db
    .selectFrom('action_item')
    .innerJoin('staff', 'staff.id', 'action_item.advisor_id')
    .leftJoin('feedback_session', 'feedback_session.id', 'action_item.feedback_session_id')
    .leftJoin('rubric_criterion', 'rubric_criterion.id', 'action_item.criterion_id')
    .select([
      'action_item.id',
      'action_item.advisor_id',
      'staff.name as advisor_name',
      'action_item.description',
      'action_item.due_date',
      'action_item.status',
      'action_item.created_at',
      'action_item.closed_at',
      'feedback_session.held_on',
      'rubric_criterion.title as criterion_title',
    ])
    .where((eb) => eb.or([eb('action_item.status', '=', 'open'), eb('action_item.closed_at', '>=', closedSince)]))
    .execute();
  return rows
    .filter((r) => inScope(r.advisor_id))
    .filter((r) => {
      const agreedOn = r.held_on ?? localDateOf(r.created_at);
      const closedOn = r.status !== 'open' && r.closed_at ? localDateOf(r.closed_at) : null;
      return agreedOn <= asOf && (closedOn === null || closedOn > asOf);
    })
    .map((r) => ({
      id: r.id,
      advisorId: r.advisor_id,
      advisorName: r.advisor_name,
      description: r.description,
      dueDate: r.due_date,
      overdue: r.due_date < asOf,
      criterionTitle: r.criterion_title,
    }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate) || a.id - b.id);
}

/** Everything one month's figures are built from, restricted to the team in scope. */
async function monthData(db: Db, period: string, team: string | null, today: string, targets: TargetLookup) {
  const asOf = asOfFor(period, today);
  const advisorRows = await db
    .selectFrom('staff')
    .select(['id', 'name', 'team', 'status', 'start_date'])
    .where('role', '=', 'advisor')
    .execute();
  const advisors = new Map<number, AdvisorInfo>(advisorRows.map((a) => [a.id, a]));
  const inScope = (advisorId: number) => team === null || advisors.get(advisorId)?.team === team;

  const plan = (await monthPlan(db, period)).filter((p) => inScope(p.advisorId) && (p.planned > 0 || p.done > 0));
  const evaluations = (await monthEvaluationsQuery(db, period).execute()).filter((e) => inScope(e.advisor_id));
  const byAdvisor = new Map<number, MonthEvaluation[]>();
  for (const e of evaluations) byAdvisor.set(e.advisor_id, [...(byAdvisor.get(e.advisor_id) ?? []), e]);
  const scoreOf = (list: readonly MonthEvaluation[] | undefined) =>
    mean((list ?? []).flatMap((e) => (e.score_pct === null ? [] : [e.score_pct])));

  const advisorReports: AdvisorMonthReport[] = plan.map((p) => {
    const info = advisors.get(p.advisorId);
    const scorePct = scoreOf(byAdvisor.get(p.advisorId));
    const targetPct = targets.forTeam(info?.team ?? '');
    return {
      advisorId: p.advisorId,
      name: p.name,
      team: info?.team ?? '',
      status: info?.status ?? 'active',
      coachId: null,
      coachName: null,
      planned: p.planned,
      done: p.done,
      scorePct,
      targetPct,
      belowTarget: scorePct !== null && scorePct < targetPct,
      criticalErrors: (byAdvisor.get(p.advisorId) ?? []).reduce((s, e) => s + e.has_critical_error, 0),
    };
  });

  const points = await openActionPoints(db, asOf, inScope);
  const planned = plan.reduce((s, p) => s + p.planned, 0);
  // Evaluations beyond an advisor's quota do not make up for another advisor's shortfall (as in coaching.team).
  const done = plan.reduce((s, p) => s + Math.min(p.done, p.planned), 0);
  const scored = evaluations.flatMap((e) => (e.score_pct === null ? [] : [e.score_pct]));
  const feedbackDays = evaluations.flatMap((e) => {
    const days = daysSinceFinalized(e.finalized_at, e.discussed_on);
    return days === null ? [] : [days];
  });
  const headline: MonthHeadline = {
    period,
    planned,
    done,
    completionPct: planned > 0 ? (done / planned) * 100 : null,
    n: evaluations.length,
    avgScorePct: mean(scored),
    criticalFree: criticalFreeOf({
      n: evaluations.length,
      customer: evaluations.reduce((s, e) => s + e.critical_customer, 0),
      business: evaluations.reduce((s, e) => s + e.critical_business, 0),
      compliance: evaluations.reduce((s, e) => s + e.critical_compliance, 0),
      any: evaluations.reduce((s, e) => s + e.has_critical_error, 0),
    }),
    advisorsBelowTarget: advisorReports.filter((a) => a.belowTarget).length,
    actionPointsOpen: points.length,
    actionPointsOverdue: points.filter((p) => p.overdue).length,
    medianDaysToFeedback: median(feedbackDays),
  };
  return { asOf, advisors, inScope, plan, evaluations, byAdvisor, scoreOf, advisorReports, points, scored, headline };
}

/**
 * Every criterion answered in the month: applicable answers, the mean achieved share, and how
 * often it was missed (an applicable answer below full marks, scoring's achievedFraction < 1).
 * Versions are merged by criterion key with the newest version's titles and order.
 */
async function criteriaOfMonth(db: Db, period: string, scopeIds: readonly number[] | null): Promise<CriterionMonth[]> {
  const rows = await monthAnswerValuesQuery(db, period, scopeIds).execute();
  const info = await criteriaByIds(db, [...new Set(rows.map((r) => r.criterion_id))]);
  const merged = new Map<
    string,
    {
      key: string;
      title: string;
      sectionTitle: string;
      version: number;
      order: number;
      applicable: number;
      missed: number;
      achieved: number;
    }
  >();
  for (const r of rows) {
    const c = info.get(r.criterion_id);
    if (!c) continue;
    const key = c.criterion.key;
    const order = c.section.position * 1000 + c.position;
    const acc = merged.get(key) ?? {
      key,
      title: c.criterion.title,
      sectionTitle: c.section.title,
      version: c.versionId,
      order,
      applicable: 0,
      missed: 0,
      achieved: 0,
    };
    if (c.versionId > acc.version) {
      Object.assign(acc, { title: c.criterion.title, sectionTitle: c.section.title, version: c.versionId, order });
    }
    const n = Number(r.n);
    const fraction = achievedFraction(c.criterion, r.value);
    acc.applicable += n;
    acc.achieved += fraction * n;
    if (fraction < 1) acc.missed += n;
    merged.set(key, acc);
  }
  return [...merged.values()]
    .sort((a, b) => a.order - b.order)
    .map((m) => ({
      key: m.key,
      title: m.title,
      sectionTitle: m.sectionTitle,
      applicable: m.applicable,
      missed: m.missed,
      missRatePct: (m.missed / m.applicable) * 100,
      scorePct: (m.achieved / m.applicable) * 100,
    }));
}

/**
 * The five criteria most often missed, among those with enough applicable answers to mean
 * something; ties go to the one missed most often, then by title.
 */
function topMissed(criteria: readonly CriterionMonth[], minApplicable: number): MissedCriterion[] {
  return criteria
    .filter((m) => m.applicable >= minApplicable && m.missed > 0)
    .map(({ scorePct: _score, ...missed }) => missed)
    .sort((a, b) => b.missRatePct - a.missRatePct || b.missed - a.missed || a.title.localeCompare(b.title, 'nl'))
    .slice(0, TOP_MISSED);
}

/** Completion and scores per coach following the advisors this month (the drill-down's first level). */
async function perCoach(db: Db, period: string, data: Awaited<ReturnType<typeof monthData>>) {
  const coachOf = await coachesInMonth(db, period);
  const coachIds = [...new Set(data.plan.map((p) => coachOf.get(p.advisorId)).filter((id) => id !== undefined))];
  const names = new Map(
    coachIds.length > 0
      ? (await db.selectFrom('staff').select(['id', 'name']).where('id', 'in', coachIds).execute()).map((s) => [s.id, s.name])
      : [],
  );
  for (const a of data.advisorReports) {
    a.coachId = coachOf.get(a.advisorId) ?? null;
    a.coachName = a.coachId === null ? null : (names.get(a.coachId) ?? null);
  }
  const groups = new Map<number | null, AdvisorMonthReport[]>();
  for (const a of data.advisorReports) groups.set(a.coachId, [...(groups.get(a.coachId) ?? []), a]);
  const coaches: CoachMonthReport[] = [...groups.entries()].map(([coachId, advisors]) => {
    const planned = advisors.reduce((s, a) => s + a.planned, 0);
    const done = advisors.reduce((s, a) => s + Math.min(a.done, a.planned), 0);
    const evaluations = advisors.flatMap((a) => data.byAdvisor.get(a.advisorId) ?? []);
    return {
      coachId,
      name: coachId === null ? null : (names.get(coachId) ?? null),
      advisors: advisors.length,
      planned,
      done,
      completionPct: planned > 0 ? (done / planned) * 100 : null,
      n: evaluations.length,
      avgScorePct: data.scoreOf(evaluations),
    };
  });
  return coaches.sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name, 'nl')));
}

/** New hires against their team's other advisors (the evaluation-weighted mean of the month). */
function newHires(data: Awaited<ReturnType<typeof monthData>>): NewHireReport[] {
  const since = format(subMonths(parseISO(data.asOf), NEW_HIRE_MONTHS), 'yyyy-MM-dd');
  const isNew = (a: AdvisorInfo) =>
    a.status === 'onboarding' || (a.status !== 'left' && a.start_date !== null && a.start_date >= since && a.start_date <= data.asOf);
  const othersByTeam = new Map<string, number[]>();
  for (const e of data.evaluations) {
    const a = data.advisors.get(e.advisor_id);
    if (!a || isNew(a) || e.score_pct === null) continue;
    othersByTeam.set(a.team, [...(othersByTeam.get(a.team) ?? []), e.score_pct]);
  }
  return [...data.advisors.entries()]
    .filter(([id, a]) => data.inScope(id) && isNew(a))
    .map(([id, a]) => ({
      advisorId: id,
      name: a.name,
      team: a.team,
      status: a.status,
      startDate: a.start_date,
      n: data.byAdvisor.get(id)?.length ?? 0,
      scorePct: data.scoreOf(data.byAdvisor.get(id)),
      teamPct: mean(othersByTeam.get(a.team) ?? []),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/**
 * The team manager's month. Scores are means over counted evaluations (each call weighs the
 * same); the distribution counts evaluations; coaches are the ones following the advisors in the
 * month (coach_assignment), not necessarily who scored each call.
 */
export async function teamMonth(
  db: Db,
  input: TeamMonthInput,
  today: string,
  options: { minApplicable?: number } = {},
): Promise<TeamMonth> {
  const team = input.team === undefined || input.team === '' ? null : input.team;
  const minApplicable = options.minApplicable ?? MIN_APPLICABLE;
  const targets = await targetLookup(db);
  const current = await monthData(db, input.period, team, today, targets);
  const previous = await monthData(db, shiftPeriod(input.period, -1), team, today, targets);
  const scopeIds = team === null ? null : [...current.advisors.keys()].filter(current.inScope);
  const coaches = await perCoach(db, input.period, current);
  const criteria = await criteriaOfMonth(db, input.period, scopeIds);
  return {
    period: input.period,
    team,
    targetPct: team === null ? targets.defaultPct : targets.forTeam(team),
    asOf: current.asOf,
    current: current.headline,
    previous: previous.headline,
    coaches,
    advisors: current.advisorReports,
    distribution: buckets.map((b) => ({ ...b, count: current.scored.filter((s) => inBucket(b, s)).length })),
    topMissed: topMissed(criteria, minApplicable),
    criteria,
    minApplicable,
    belowTarget: current.advisorReports
      .filter((a) => a.belowTarget)
      .sort((a, b) => (a.scorePct ?? 0) - (b.scorePct ?? 0) || a.name.localeCompare(b.name, 'nl')),
    actionPoints: current.points,
    newHires: newHires(current),
  };
}
