import { z } from 'zod';
import type { ClaimFirstManagerInput, StaffRole } from '../../contract';
import type { Core } from '../app';
import { inTransaction, recordAudit } from '../audit/audit';
import { nowIso } from '../clock';
import type { Db } from '../db/connection';
import { AppError, notFound } from '../errors';
import { readSetting, writeSetting } from '../settings/settings';
import { createStaff } from '../staff/staff';
import { assertPasswordStrength, hashPassword, spendVerification, verifyPassword } from '../team/passwords';

/**
 * Who signed in at this workstation. It lives in the process (one per dispatcher), never in the
 * database: in team mode every workstation shares the database, so a stored choice would sign
 * everyone in as the last person who signed in anywhere.
 */
export interface SignInSlot {
  staffId: number | null;
}
export const emptySlot = (): SignInSlot => ({ staffId: null });

export type SignInRole = Exclude<StaffRole, 'advisor'>;
/** The signed-in person as the access rules see them. */
export interface Viewer {
  id: number;
  name: string;
  role: SignInRole;
  team: string;
}

const SIGN_IN_KEY = 'access.signInRequired';
const signInRoles = new Set<StaffRole>(['coach', 'manager', 'trainer']);

// Read on every request; a setting only the switch below writes can be kept per open core.
const requiredCache = new WeakMap<Core, boolean>();

/**
 * Sign-in is required in team mode (PostgreSQL) and, on a local database, when the setting is on.
 * An explicit `false` on PostgreSQL exists only so the shared integration suite can test the
 * other features in team mode; nothing in the app writes it (see setSignInRequired).
 */
export async function signInRequired(core: Core): Promise<boolean> {
  const cached = requiredCache.get(core);
  if (cached !== undefined) return cached;
  const required = await readSetting(core.db, SIGN_IN_KEY, z.boolean().nullable(), null);
  const value = required ?? core.dialect === 'postgres';
  requiredCache.set(core, value);
  return value;
}

/**
 * Switches sign-in on or off for this database (tests and the e2e fixture; there is no screen for
 * it). Off on SQLite removes the setting, so a local database moved into team mode can never
 * carry a `false` into the team database.
 */
export async function setSignInRequired(core: Core, required: boolean): Promise<void> {
  if (!required && core.dialect === 'sqlite') await core.db.deleteFrom('setting').where('key', '=', SIGN_IN_KEY).execute();
  else await writeSetting(core.db, SIGN_IN_KEY, required);
  requiredCache.set(core, required);
}

async function viewerRow(db: Db, staffId: number) {
  return db
    .selectFrom('staff')
    .select(['id', 'name', 'role', 'team', 'status', 'password_hash'])
    .where('id', '=', staffId)
    .executeTakeFirst();
}

const mayUseKlankbord = (row: { role: StaffRole; status: string }) => signInRoles.has(row.role) && row.status !== 'left';

/** The signed-in person, or null. Someone who left or became an advisor since is signed out. */
export async function signedInViewer(core: Core, slot: SignInSlot): Promise<Viewer | null> {
  if (slot.staffId === null) return null;
  const row = await viewerRow(core.db, slot.staffId);
  if (!row || !mayUseKlankbord(row)) {
    slot.staffId = null;
    return null;
  }
  return { id: row.id, name: row.name, role: row.role as SignInRole, team: row.team };
}

/**
 * Signs in with employee number and password. Every failure gives the same message and costs
 * the same time, so it never tells which of the two was wrong or whether the number exists.
 */
export async function signIn(core: Core, slot: SignInSlot, employeeNumber: string, password: string): Promise<void> {
  if (!(await signInRequired(core))) throw new AppError('sign_in_off');
  const row = await core.db
    .selectFrom('staff')
    .select(['id', 'role', 'status', 'password_hash'])
    .where('employee_number', '=', employeeNumber.trim())
    .executeTakeFirst();
  if (!row?.password_hash) {
    await spendVerification(password);
    throw new AppError('sign_in_failed');
  }
  const matches = await verifyPassword(password, row.password_hash);
  if (!matches || !mayUseKlankbord(row)) throw new AppError('sign_in_failed');
  slot.staffId = row.id;
}

export function signOut(slot: SignInSlot): void {
  slot.staffId = null;
}

async function anyPasswordSet(db: Db): Promise<boolean> {
  const row = await db.selectFrom('staff').select('id').where('password_hash', 'is not', null).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Sign-in is required and nobody has a password yet. */
export async function firstSetupOpen(core: Core): Promise<boolean> {
  return (await signInRequired(core)) && !(await anyPasswordSet(core.db));
}

/** While sign-in is required and nobody has a password: the managers who may set the first one. */
export async function firstManagers(core: Core): Promise<{ id: number; name: string; team: string }[]> {
  if (!(await firstSetupOpen(core))) return [];
  const rows = await core.db
    .selectFrom('staff')
    .select(['id', 'name', 'team'])
    .where('role', '=', 'manager')
    .where('status', '!=', 'left')
    .orderBy('name')
    .execute();
  return rows;
}

/** Writes a new hash and its audit entry; the entry says that a password was set, never what it is. */
async function storePassword(db: Db, actorId: number | null, staffId: number, password: string): Promise<string> {
  const hash = await hashPassword(password);
  return inTransaction(db, async (trx) => {
    const row = await viewerRow(trx, staffId);
    if (!row) throw notFound(`Medewerker ${staffId}`);
    if (!mayUseKlankbord(row)) throw new AppError('password_not_for_role', { name: row.name });
    const at = nowIso();
    await trx.updateTable('staff').set({ password_hash: hash, password_set_at: at }).where('id', '=', staffId).execute();
    await recordAudit(trx, {
      entity: 'staff',
      entityId: staffId,
      action: 'password_set',
      actorId,
      summary: actorId === staffId ? `${row.name} heeft het eigen wachtwoord ingesteld` : `Wachtwoord ingesteld voor ${row.name}`,
      before: null,
      after: { wachtwoord: 'ingesteld' },
    });
    return at;
  });
}

/**
 * First run with sign-in: a manager sets their own first password and is signed in. Refused as
 * soon as anyone has a password, so it cannot be used to take over an account later.
 */
export async function claimFirstManager(core: Core, slot: SignInSlot, input: ClaimFirstManagerInput): Promise<void> {
  if (!(await signInRequired(core))) throw new AppError('sign_in_off');
  // A lock on the whole table would be needed to recheck this inside the write; two managers
  // claiming in the same second is harmless (both are managers setting their own).
  if (await anyPasswordSet(core.db)) throw new AppError('first_manager_taken');
  assertPasswordStrength(input.password);
  let staffId = input.staffId;
  if (staffId === undefined) {
    // Only on a database without managers: otherwise one of them sets the first password.
    if ((await firstManagers(core)).length > 0 || !input.newManager) throw new AppError('first_manager_taken');
    const created = await createStaff(core.db, { ...input.newManager, role: 'manager', startDate: null, status: 'active' });
    staffId = created.id;
  }
  const row = await viewerRow(core.db, staffId);
  if (!row) throw notFound(`Medewerker ${staffId}`);
  if (row.role !== 'manager' || row.status === 'left') throw new AppError('first_manager_role', { name: row.name });
  await storePassword(core.db, staffId, staffId, input.password);
  slot.staffId = staffId;
}

/** A manager sets (or resets) someone's password. */
export async function setPassword(core: Core, actorId: number, staffId: number, password: string) {
  const at = await storePassword(core.db, actorId, staffId, password);
  return { staffId, passwordSetAt: at };
}

/** The signed-in person changes their own password, proving the current one first. */
export async function changePassword(core: Core, staffId: number, current: string, next: string) {
  const row = await viewerRow(core.db, staffId);
  if (!row) throw notFound(`Medewerker ${staffId}`);
  if (!(await verifyPassword(current, row.password_hash))) throw new AppError('password_current_wrong');
  const at = await storePassword(core.db, staffId, staffId, next);
  return { staffId, passwordSetAt: at };
}
