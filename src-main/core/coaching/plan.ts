import type { CoachAssignment, QuotaOverrideView } from '../../contract';
import { inTransaction, recordAudit } from '../audit/audit';
import { dutchDate, dutchPeriod } from '../audit/describe';
import { nowIso } from '../clock';
import type { Db } from '../db/connection';
import { AppError, notFound } from '../errors';
import { getAppSettings } from '../settings/app-settings';
import { plannedEvaluations, type QuotaOverride } from './quota';

export interface NewQuotaOverride extends QuotaOverride {
  advisorId: number;
}

/** An override as the audit trail keeps it (a staff planning record, so it shows with the person). */
const overrideState = (o: QuotaOverride) => ({ fromPeriod: o.fromPeriod, toPeriod: o.toPeriod, perMonth: o.perMonth, reason: o.reason });
const overrideRange = (o: QuotaOverride) =>
  o.toPeriod === null ? `vanaf ${dutchPeriod(o.fromPeriod)}` : `${dutchPeriod(o.fromPeriod)} t/m ${dutchPeriod(o.toPeriod)}`;

export async function addQuotaOverride(db: Db, actorId: number | null, input: NewQuotaOverride): Promise<number> {
  if (input.toPeriod !== null && input.toPeriod < input.fromPeriod) {
    throw new AppError('invalid_input', { detail: `de eindmaand ${input.toPeriod} ligt vóór de beginmaand ${input.fromPeriod}` });
  }
  return inTransaction(db, async (trx) => {
    const advisor = await trx.selectFrom('staff').select(['id', 'role', 'name']).where('id', '=', input.advisorId).executeTakeFirst();
    if (!advisor) throw notFound(`Medewerker ${input.advisorId}`);
    if (advisor.role !== 'advisor') throw new AppError('not_an_advisor', { name: advisor.name });
    const row = await trx
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
    await recordAudit(trx, {
      entity: 'staff',
      entityId: advisor.id,
      action: 'quota_override_added',
      actorId,
      summary: `Afwijkende norm voor ${advisor.name}: ${input.perMonth} per maand ${overrideRange(input)}`,
      before: null,
      after: overrideState(input),
    });
    return row.id;
  });
}

export async function listQuotaOverrides(db: Db, advisorId?: number): Promise<QuotaOverrideView[]> {
  let query = db
    .selectFrom('quota_override')
    .innerJoin('staff', 'staff.id', 'quota_override.advisor_id')
    .selectAll('quota_override')
    .select('staff.name as advisor_name')
    .orderBy('staff.name')
    .orderBy('quota_override.from_period', 'desc');
  if (advisorId !== undefined) query = query.where('quota_override.advisor_id', '=', advisorId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    advisorId: r.advisor_id,
    advisorName: r.advisor_name,
    fromPeriod: r.from_period,
    toPeriod: r.to_period,
    perMonth: r.per_month,
    reason: r.reason,
    createdAt: r.created_at,
  }));
}

export async function getQuotaOverride(db: Db, id: number): Promise<QuotaOverrideView> {
  const found = (await listQuotaOverrides(db)).find((o) => o.id === id);
  if (!found) throw notFound(`Afwijkende norm ${id}`);
  return found;
}

export async function removeQuotaOverride(db: Db, id: number, actorId: number | null = null): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('quota_override')
      .innerJoin('staff', 'staff.id', 'quota_override.advisor_id')
      .selectAll('quota_override')
      .select('staff.name as advisor_name')
      .where('quota_override.id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound(`Afwijkende norm ${id}`);
    await trx.deleteFrom('quota_override').where('id', '=', id).execute();
    const removed = { fromPeriod: row.from_period, toPeriod: row.to_period, perMonth: row.per_month, reason: row.reason };
    await recordAudit(trx, {
      entity: 'staff',
      entityId: row.advisor_id,
      action: 'quota_override_removed',
      actorId,
      summary: `Afwijkende norm voor ${row.advisor_name} verwijderd (${row.per_month} per maand ${overrideRange(removed)})`,
      before: overrideState(removed),
      after: null,
    });
  });
}

/**
 * Puts an advisor with a coach from a date on. The current assignment is closed on that date, not
 * changed, so who followed whom in any month stays answerable.
 */
export async function assignCoach(
  db: Db,
  advisorId: number,
  coachId: number,
  fromDate: string,
  actorId: number | null = null,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const current = await trx
      .selectFrom('coach_assignment')
      .innerJoin('staff as coach', 'coach.id', 'coach_assignment.coach_id')
      .select(['coach_assignment.coach_id', 'coach_assignment.from_date', 'coach.name as coach_name'])
      .where('coach_assignment.advisor_id', '=', advisorId)
      .where('coach_assignment.to_date', 'is', null)
      .executeTakeFirst();
    if (current?.coach_id === coachId) return;
    if (current && current.from_date > fromDate) {
      throw new AppError('invalid_input', {
        detail: `de nieuwe koppeling (${fromDate}) begint vóór de huidige (${current.from_date}); kies een latere datum`,
      });
    }
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
    const names = await trx.selectFrom('staff').select(['id', 'name']).where('id', 'in', [advisorId, coachId]).execute();
    const nameOf = (id: number) => names.find((n) => n.id === id)?.name ?? `medewerker ${id}`;
    await recordAudit(trx, {
      entity: 'staff',
      entityId: advisorId,
      action: 'coach_assigned',
      actorId,
      summary:
        `${nameOf(advisorId)} valt vanaf ${dutchDate(fromDate)} onder coach ${nameOf(coachId)}` +
        (current ? ` (was ${current.coach_name})` : ''),
      before: current ? { coach: current.coach_name, fromDate: current.from_date } : null,
      after: { coach: nameOf(coachId), fromDate },
    });
  });
}

/** Puts several advisors with one coach, checking roles first so nothing is half-assigned. */
export async function assignCoaches(
  db: Db,
  advisorIds: readonly number[],
  coachId: number,
  fromDate: string,
  actorId: number | null = null,
): Promise<CoachAssignment[]> {
  const coach = await db.selectFrom('staff').select(['id', 'role', 'name']).where('id', '=', coachId).executeTakeFirst();
  if (!coach) throw notFound(`Medewerker ${coachId}`);
  if (coach.role !== 'coach') throw new AppError('coach_required', { name: coach.name });
  const advisors = await db
    .selectFrom('staff')
    .select(['id', 'role', 'name'])
    .where('id', 'in', [...advisorIds])
    .execute();
  for (const advisorId of advisorIds) {
    const advisor = advisors.find((a) => a.id === advisorId);
    if (!advisor) throw notFound(`Medewerker ${advisorId}`);
    if (advisor.role !== 'advisor') throw new AppError('not_an_advisor', { name: advisor.name });
  }
  await db.transaction().execute(async (trx) => {
    for (const advisorId of advisorIds) await assignCoach(trx, advisorId, coachId, fromDate, actorId);
  });
  return listAssignments(db, { currentOnly: true }).then((all) => all.filter((a) => advisorIds.includes(a.advisorId)));
}

/** Assignments with names; `currentOnly` leaves out closed ones (history). */
export async function listAssignments(db: Db, query: { advisorId?: number; currentOnly: boolean }): Promise<CoachAssignment[]> {
  let q = db
    .selectFrom('coach_assignment')
    .innerJoin('staff as advisor', 'advisor.id', 'coach_assignment.advisor_id')
    .innerJoin('staff as coach', 'coach.id', 'coach_assignment.coach_id')
    .selectAll('coach_assignment')
    .select(['advisor.name as advisor_name', 'coach.name as coach_name'])
    .orderBy('advisor.name')
    .orderBy('coach_assignment.from_date', 'desc')
    .orderBy('coach_assignment.id', 'desc');
  if (query.advisorId !== undefined) q = q.where('coach_assignment.advisor_id', '=', query.advisorId);
  if (query.currentOnly) q = q.where('coach_assignment.to_date', 'is', null);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    advisorId: r.advisor_id,
    advisorName: r.advisor_name,
    coachId: r.coach_id,
    coachName: r.coach_name,
    fromDate: r.from_date,
    toDate: r.to_date,
  }));
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
  adjusted: boolean;
  done: number;
}

/** Every advisor's planned and completed evaluations for a month (finished ones that count; a second opinion only if it replaced the original). */
export async function monthPlan(db: Db, period: string): Promise<PlanRow[]> {
  const { samplePerAdvisor } = await getAppSettings(db);
  const advisors = await db.selectFrom('staff').selectAll().where('role', '=', 'advisor').orderBy('name').execute();
  const overrides = await db.selectFrom('quota_override').selectAll().execute();
  const done = await db
    .selectFrom('evaluation')
    .select(['advisor_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('period', '=', period)
    .where('status', '!=', 'draft')
    .where('counts', '=', 1)
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
