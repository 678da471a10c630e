import type { z } from 'zod';
import type { AuditState, StaffFields, StaffMember, staffListQuery } from '../../contract';
import { changedFields, inTransaction, recordAudit } from '../audit/audit';
import { dutchList } from '../audit/describe';
import { nowIso } from '../clock';
import type { Db } from '../db/connection';
import type { StaffRow } from '../db/schema';
import { AppError, notFound } from '../errors';

export type StaffListQuery = z.infer<typeof staffListQuery>;

/** The one place a staff row becomes the contract's shape, so every screen sees the same member. */
export function toStaffMember(row: StaffRow): StaffMember {
  return {
    id: row.id,
    employeeNumber: row.employee_number,
    name: row.name,
    team: row.team,
    role: row.role,
    startDate: row.start_date,
    status: row.status,
  };
}

// Names like "Özlem" and "van Dijk" must sort the way a Dutch reader expects, which SQLite's
// binary collation does not do; staff lists are small enough to sort in memory.
const dutchNames = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** Sorts by name, then employee number, so two people with the same name keep a stable order. */
export function compareStaff(a: StaffMember, b: StaffMember): number {
  return dutchNames.compare(a.name, b.name) || dutchNames.compare(a.employeeNumber, b.employeeNumber) || a.id - b.id;
}

/**
 * People in Dutch name order. Leavers are hidden unless `includeLeft`, because their evaluations
 * stay in the history but nobody should pick them for new work. An empty `roles` list means no
 * role filter (a multi-select with nothing ticked shows everyone).
 */
export async function listStaff(db: Db, query: StaffListQuery = {}): Promise<StaffMember[]> {
  let select = db.selectFrom('staff').selectAll();
  if (!query.includeLeft) select = select.where('status', '!=', 'left');
  if (query.roles && query.roles.length > 0) select = select.where('role', 'in', query.roles);
  const rows = await select.execute();
  return rows.map(toStaffMember).sort(compareStaff);
}

export async function getStaff(db: Db, id: number): Promise<StaffMember> {
  const row = await db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Medewerker ${id}`);
  return toStaffMember(row);
}

/** Who holds an employee number, if anyone; the roster import matches people on it. */
export async function findStaffByNumber(db: Db, employeeNumber: string): Promise<StaffMember | undefined> {
  const row = await db.selectFrom('staff').selectAll().where('employee_number', '=', employeeNumber).executeTakeFirst();
  return row ? toStaffMember(row) : undefined;
}

/**
 * The database's unique index would also refuse a duplicate, but only with an English SQLite
 * message; checking first lets us name the colleague who already has the number.
 */
async function assertNumberFree(db: Db, employeeNumber: string, exceptId: number | null): Promise<void> {
  const holder = await findStaffByNumber(db, employeeNumber);
  if (holder && holder.id !== exceptId) {
    throw new AppError('staff_duplicate_number', { employeeNumber, name: holder.name });
  }
}

/** A person's fields as the audit trail keeps them: the contract's names, without the row id. */
export function staffState(fields: StaffFields): NonNullable<AuditState> {
  return {
    employeeNumber: fields.employeeNumber,
    name: fields.name,
    team: fields.team,
    role: fields.role,
    startDate: fields.startDate,
    status: fields.status,
  };
}

/** The fields' Dutch names, in summaries and messages. */
export const staffFieldNames: Record<string, string> = {
  employeeNumber: 'personeelsnummer',
  name: 'naam',
  team: 'team',
  role: 'rol',
  startDate: 'startdatum',
  status: 'status',
};

/**
 * Writes the audit entry of a staff record that was created (`before` null) or changed. A save
 * that changed nothing leaves no entry: the trail lists changes, not clicks. `via` names where the
 * change came from when that is not the form, e.g. a roster file.
 */
export async function recordStaffChange(
  trx: Db,
  actorId: number | null,
  staffId: number,
  before: StaffFields | null,
  after: StaffFields,
  via?: string,
): Promise<void> {
  const beforeState = before ? staffState(before) : null;
  const afterState = staffState(after);
  const changed = changedFields(beforeState, afterState);
  if (before && changed.length === 0) return;
  const who = `${after.name} (${after.employeeNumber})`;
  const what = before
    ? `Medewerker ${who} gewijzigd: ${dutchList(changed.map((f) => staffFieldNames[f] ?? f))}`
    : `Medewerker ${who} toegevoegd`;
  await recordAudit(trx, {
    entity: 'staff',
    entityId: staffId,
    action: before ? 'updated' : 'created',
    actorId,
    summary: via ? `${what} (${via})` : what,
    before: beforeState,
    after: afterState,
  });
}

/** The contract's fields as table columns: the one mapping for forms and roster imports alike. */
export function toStaffColumns(fields: StaffFields) {
  return {
    employee_number: fields.employeeNumber,
    name: fields.name,
    team: fields.team,
    role: fields.role,
    start_date: fields.startDate,
    status: fields.status,
  };
}

/** `actorId` is null when nobody is signed in yet: the very first profile creates itself. */
export async function createStaff(db: Db, fields: StaffFields, actorId: number | null = null): Promise<StaffMember> {
  // One transaction: the number check, the write and its audit entry cannot be split by another writer.
  return inTransaction(db, async (trx) => {
    await assertNumberFree(trx, fields.employeeNumber, null);
    const now = nowIso();
    const row = await trx
      .insertInto('staff')
      .values({
        ...toStaffColumns(fields),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const created = toStaffMember(row);
    await recordStaffChange(trx, actorId, row.id, null, created);
    return created;
  });
}

export async function updateStaff(db: Db, id: number, fields: StaffFields, actorId: number | null = null): Promise<StaffMember> {
  // One transaction: the number check, the write and its audit entry cannot be split by another writer.
  return inTransaction(db, async (trx) => {
    const before = await getStaff(trx, id);
    await assertNumberFree(trx, fields.employeeNumber, id);
    const row = await trx
      .updateTable('staff')
      .set({
        ...toStaffColumns(fields),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toStaffMember(row);
    await recordStaffChange(trx, actorId, id, before, after);
    return after;
  });
}
