import { endOfMonth, format, getDaysInMonth, parseISO } from 'date-fns';
import type { AdvisorMonth, CoachProgress, MyMonth, NextStep, TeamOverview } from '../../contract';
import type { Db } from '../db/connection';
import { notFound } from '../errors';
import { monthPlan, type PlanRow } from './plan';

const firstDayOf = (period: string) => `${period}-01`;
const lastDayOf = (period: string) => format(endOfMonth(parseISO(firstDayOf(period))), 'yyyy-MM-dd');

/**
 * Who coaches whom in a month: for every advisor, the coach of the latest assignment that overlaps
 * the month. An advisor handed over mid-month belongs to the new coach, who finishes the month.
 */
export async function coachesInMonth(db: Db, period: string): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('coach_assignment')
    .select(['advisor_id', 'coach_id', 'from_date', 'id'])
    .where('from_date', '<=', lastDayOf(period))
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>', firstDayOf(period))]))
    .orderBy('from_date')
    .orderBy('id')
    .execute();
  return new Map(rows.map((r) => [r.advisor_id, r.coach_id]));
}

const countBy = (rows: readonly { advisor_id: number; n: number | string | bigint }[]) =>
  new Map(rows.map((r) => [r.advisor_id, Number(r.n)]));

/** Drafts, sampled calls still to score, feedback still to give and action points, per advisor. */
async function workFor(db: Db, coachId: number, period: string, advisorIds: readonly number[]) {
  if (advisorIds.length === 0) return null;
  const ids = [...advisorIds];
  const drafts = await db
    .selectFrom('evaluation')
    .select(['id', 'advisor_id'])
    .where('coach_id', '=', coachId)
    .where('status', '=', 'draft')
    .where('kind', '=', 'regular')
    .where('advisor_id', 'in', ids)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  // A sampled call waits until some coach has finished an evaluation of it (a calibration scoring is not one).
  const waiting = await db
    .selectFrom('sample_item')
    .innerJoin('sample', 'sample.id', 'sample_item.sample_id')
    .select(['sample_item.id', 'sample_item.advisor_id', 'sample_item.recording_id'])
    .where('sample.period', '=', period)
    .where('sample_item.status', '=', 'active')
    .where('sample_item.advisor_id', 'in', ids)
    .where((eb) =>
      eb.or([
        eb('sample_item.recording_id', 'is', null),
        eb.not(
          eb.exists(
            eb
              .selectFrom('evaluation')
              .select('evaluation.id')
              .whereRef('evaluation.recording_id', '=', 'sample_item.recording_id')
              .where('evaluation.status', '!=', 'draft')
              .where('evaluation.kind', '!=', 'calibration'),
          ),
        ),
      ]),
    )
    .orderBy('sample.drawn_at', 'desc')
    .orderBy('sample_item.position')
    .execute();
  const feedback = await db
    .selectFrom('evaluation')
    .select(['advisor_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'final')
    .where('counts', '=', 1)
    .where('period', '<=', period)
    .where('advisor_id', 'in', ids)
    .groupBy('advisor_id')
    .execute();
  const open = await db
    .selectFrom('action_item')
    .select(['advisor_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'open')
    .where('advisor_id', 'in', ids)
    .groupBy('advisor_id')
    .execute();
  const due = await db
    .selectFrom('action_item')
    .select(['advisor_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'open')
    .where('due_date', '<=', lastDayOf(period))
    .where('advisor_id', 'in', ids)
    .groupBy('advisor_id')
    .execute();
  return { drafts, waiting, feedback: countBy(feedback), open: countBy(open), due: countBy(due) };
}

function nextFor(advisorId: number, plan: PlanRow, work: NonNullable<Awaited<ReturnType<typeof workFor>>>): NextStep | null {
  const draft = work.drafts.find((d) => d.advisor_id === advisorId);
  if (draft) return { kind: 'draft', evaluationId: draft.id, advisorId };
  if (plan.done >= plan.planned) return null;
  // The same call may sit in two samples of the month (a redraw); take it once.
  const item = work.waiting.find((w) => w.advisor_id === advisorId);
  if (!item) return null;
  return item.recording_id !== null
    ? { kind: 'recording', recordingId: item.recording_id, advisorId }
    : { kind: 'sampleItem', itemId: item.id, advisorId };
}

export async function myMonth(db: Db, coachId: number, period: string): Promise<MyMonth> {
  const coach = await db.selectFrom('staff').select(['id', 'name']).where('id', '=', coachId).executeTakeFirst();
  if (!coach) throw notFound(`Medewerker ${coachId}`);
  const coachOf = await coachesInMonth(db, period);
  const plan = (await monthPlan(db, period)).filter((p) => coachOf.get(p.advisorId) === coachId && (p.planned > 0 || p.done > 0));
  const teams = new Map(
    (await db.selectFrom('staff').select(['id', 'team']).where('role', '=', 'advisor').execute()).map((s) => [s.id, s.team]),
  );
  const work = await workFor(
    db,
    coachId,
    period,
    plan.map((p) => p.advisorId),
  );
  const advisors: AdvisorMonth[] = plan.map((p) => ({
    advisorId: p.advisorId,
    name: p.name,
    team: teams.get(p.advisorId) ?? '',
    planned: p.planned,
    explanation: p.explanation,
    adjusted: p.adjusted,
    done: p.done,
    drafts: work ? work.drafts.filter((d) => d.advisor_id === p.advisorId).length : 0,
    sampleWaiting: work ? new Set(work.waiting.filter((w) => w.advisor_id === p.advisorId).map((w) => w.recording_id ?? -w.id)).size : 0,
    feedbackToGive: work?.feedback.get(p.advisorId) ?? 0,
    actionPointsOpen: work?.open.get(p.advisorId) ?? 0,
    actionPointsDue: work?.due.get(p.advisorId) ?? 0,
    next: work ? nextFor(p.advisorId, p, work) : null,
  }));
  const secondOpinions = await db
    .selectFrom('dispute')
    .leftJoin('evaluation', 'evaluation.id', 'dispute.second_evaluation_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('dispute.second_coach_id', '=', coachId)
    .where('dispute.outcome', 'is', null)
    .where((eb) => eb.or([eb('evaluation.id', 'is', null), eb('evaluation.status', '=', 'draft')]))
    .executeTakeFirstOrThrow();
  // Drafts first (work already begun), then whoever is furthest from their quota.
  const next =
    advisors.find((a) => a.next?.kind === 'draft')?.next ??
    [...advisors].filter((a) => a.next !== null).sort((a, b) => a.done / Math.max(a.planned, 1) - b.done / Math.max(b.planned, 1))[0]
      ?.next ??
    null;
  return {
    period,
    coachId,
    coachName: coach.name,
    planned: advisors.reduce((sum, a) => sum + a.planned, 0),
    done: advisors.reduce((sum, a) => sum + Math.min(a.done, a.planned), 0),
    advisors,
    secondOpinions: Number(secondOpinions.n),
    next,
  };
}

/** The share of the month that has passed on `asOf`: 0 before it starts, 1 once it is over. */
export function monthElapsed(period: string, asOf: string): { dayOfMonth: number; daysInMonth: number; fraction: number } {
  const daysInMonth = getDaysInMonth(parseISO(firstDayOf(period)));
  const asOfPeriod = asOf.slice(0, 7);
  if (asOfPeriod < period) return { dayOfMonth: 0, daysInMonth, fraction: 0 };
  if (asOfPeriod > period) return { dayOfMonth: daysInMonth, daysInMonth, fraction: 1 };
  const dayOfMonth = Number(asOf.slice(8, 10));
  return { dayOfMonth, daysInMonth, fraction: dayOfMonth / daysInMonth };
}

export async function teamOverview(db: Db, period: string, asOf: string): Promise<TeamOverview> {
  const { dayOfMonth, daysInMonth, fraction } = monthElapsed(period, asOf);
  const coachOf = await coachesInMonth(db, period);
  const plan = (await monthPlan(db, period)).filter((p) => p.planned > 0 || p.done > 0);
  const coaches = await db
    .selectFrom('staff')
    .select(['id', 'name'])
    .where('role', '=', 'coach')
    .where('status', '!=', 'left')
    .orderBy('name')
    .execute();
  const progress: CoachProgress[] = coaches.map((coach) => {
    const mine = plan.filter((p) => coachOf.get(p.advisorId) === coach.id);
    const planned = mine.reduce((sum, p) => sum + p.planned, 0);
    // Evaluations beyond an advisor's quota do not make up for another advisor's shortfall.
    const done = mine.reduce((sum, p) => sum + Math.min(p.done, p.planned), 0);
    const expectedByNow = planned * fraction;
    return {
      coachId: coach.id,
      name: coach.name,
      advisors: mine.length,
      planned,
      done,
      expectedByNow,
      onSchedulePct: expectedByNow > 0 ? (done / expectedByNow) * 100 : null,
      behind: mine
        .map((p) => ({ advisorId: p.advisorId, name: p.name, done: p.done, planned: p.planned, expectedByNow: p.planned * fraction }))
        .filter((p) => p.done < Math.floor(p.expectedByNow)),
    };
  });
  return {
    period,
    asOf,
    dayOfMonth,
    daysInMonth,
    planned: plan.reduce((sum, p) => sum + p.planned, 0),
    done: plan.reduce((sum, p) => sum + Math.min(p.done, p.planned), 0),
    coaches: progress,
    unassigned: plan
      .filter((p) => !coachOf.has(p.advisorId) && p.planned > 0)
      .map((p) => ({ advisorId: p.advisorId, name: p.name, planned: p.planned })),
  };
}
