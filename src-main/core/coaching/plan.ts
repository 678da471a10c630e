import { nowIso } from '../clock';
import type { Db } from '../db/connection';
import { AppError, notFound } from '../errors';
import { getAppSettings } from '../settings/app-settings';
import { plannedEvaluations, type QuotaOverride } from './quota';

export interface NewQuotaOverride extends QuotaOverride {
  advisorId: number;
}

export async function addQuotaOverride(db: Db, actorId: number | null, input: NewQuotaOverride): Promise<number> {
  if (input.toPeriod !== null && input.toPeriod < input.fromPeriod) {
    throw new AppError('invalid_input', { detail: `de eindmaand ${input.toPeriod} ligt vóór de beginmaand ${input.fromPeriod}` });
  }
  const advisor = await db.selectFrom('staff').select(['id', 'role', 'name']).where('id', '=', input.advisorId).executeTakeFirst();
  if (!advisor) throw notFound(`Medewerker ${input.advisorId}`);
  if (advisor.role !== 'advisor') throw new AppError('not_an_advisor', { name: advisor.name });
  const row = await db
    .insertInto('quota_override')
    .values({
      advisor_id: input.advisorId,
      from_period: input.fromPeriod,
      to_period: input.toPeriod,
      per_month: input.perMonth,
      reason: input.reason,
      created_by: actorId,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Puts an advisor with a coach from a date on. The current assignment is closed on that date, not
 * changed, so who followed whom in any month stays answerable.
 */
export async function assignCoach(db: Db, advisorId: number, coachId: number, fromDate: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('coach_assignment')
      .set({ to_date: fromDate })
      .where('advisor_id', '=', advisorId)
      .where('to_date', 'is', null)
      .execute();
    await trx
      .insertInto('coach_assignment')
      .values({ advisor_id: advisorId, coach_id: coachId, from_date: fromDate, to_date: null, created_at: nowIso() })
      .execute();
  });
}

/** The coach following an advisor on a date, or null. */
export async function coachOn(db: Db, advisorId: number, date: string): Promise<number | null> {
  const row = await db
    .selectFrom('coach_assignment')
    .select('coach_id')
    .where('advisor_id', '=', advisorId)
    .where('from_date', '<=', date)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>', date)]))
    .orderBy('from_date', 'desc')
    .executeTakeFirst();
  return row?.coach_id ?? null;
}

export interface PlanRow {
  advisorId: number;
  name: string;
  planned: number;
  explanation: string;
  done: number;
}

/** Every advisor's planned and completed evaluations for a month (final or discussed count as done). */
export async function monthPlan(db: Db, period: string): Promise<PlanRow[]> {
  const { samplePerAdvisor } = await getAppSettings(db);
  const advisors = await db.selectFrom('staff').selectAll().where('role', '=', 'advisor').orderBy('name').execute();
  const overrides = await db.selectFrom('quota_override').selectAll().execute();
  const done = await db
    .selectFrom('evaluation')
    .select(['advisor_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('period', '=', period)
    .where('status', 'in', ['final', 'discussed', 'disputed'])
    .groupBy('advisor_id')
    .execute();
  const doneBy = new Map(done.map((d) => [d.advisor_id, Number(d.n)]));
  return advisors.map((a) => {
    const quota = plannedEvaluations({
      period,
      defaultPerMonth: samplePerAdvisor,
      startDate: a.start_date,
      status: a.status,
      overrides: overrides
        .filter((o) => o.advisor_id === a.id)
        .map((o) => ({ fromPeriod: o.from_period, toPeriod: o.to_period, perMonth: o.per_month, reason: o.reason })),
    });
    return { advisorId: a.id, name: a.name, ...quota, done: doneBy.get(a.id) ?? 0 };
  });
}
