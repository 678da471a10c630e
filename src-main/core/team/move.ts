import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { Core } from '../app';
import { backupDatabase } from '../backup/backup';
import { sqliteOf, type Db } from '../db/connection';
import { tableChecksum, tableNames, tableRows, type Row } from '../db/tables';
import { AppError } from '../errors';

export interface TableMove {
  table: string;
  /** Rows in this workstation's database. */
  before: number;
  /** Rows in the team database after the move. */
  after: number;
  checksumLocal: string;
  checksumTeam: string;
  equal: boolean;
}

export interface MoveResult {
  tables: TableMove[];
  files: { copied: number; skipped: number };
  /** The backup of the local database made before anything was copied. */
  backup: string;
}

export type MoveProgress = (step: { phase: 'files' | 'tables' | 'check'; done: number; total: number; table?: string }) => void;

/**
 * What a team database holds right after its first start: the shipped rubric, the shipped
 * onboarding programme, and the audit entry of that rubric's publication. The move replaces these
 * with the workstation's own copies (same ids); any other row means the team already works in it.
 */
const INSTALLED_DEFAULTS = new Set([
  'rubric',
  'rubric_version',
  'rubric_section',
  'rubric_criterion',
  'onboarding_program',
  'onboarding_program_item',
  'audit_log',
  'setting',
]);

/** PostgreSQL accepts at most 65535 parameters per statement. */
const MAX_PARAMETERS = 30_000;

/**
 * Parents before children, from the local database's own foreign keys, so every insert finds
 * the rows it points at. Ties keep name order, which makes the order the same on every run.
 */
export function insertOrder(local: Core, tables: readonly string[]): string[] {
  const sqlite = sqliteOf(local);
  const parents = new Map<string, Set<string>>();
  for (const table of tables) {
    const keys = sqlite.pragma(`foreign_key_list("${table.replace(/"/g, '""')}")`) as { table: string }[];
    parents.set(table, new Set(keys.map((k) => k.table).filter((p) => p !== table && tables.includes(p))));
  }
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)));
    if (ready.length === 0) throw new Error(`Foreign keys form a cycle among ${tables.filter((t) => !placed.has(t)).join(', ')}`);
    for (const table of ready) {
      order.push(table);
      placed.add(table);
    }
  }
  return order;
}

async function countRows(db: Db, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Tables in the team database that hold work (not only what Klankbord installs on first start). */
async function workInTeam(db: Db, tables: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  // What the person recognises first: people, calls and evaluations.
  const first = ['staff', 'evaluation', 'recording'].filter((t) => tables.includes(t));
  for (const table of [...first, ...tables.filter((t) => !first.includes(t))]) {
    if (INSTALLED_DEFAULTS.has(table)) continue;
    const n = await countRows(db, table);
    if (n > 0) found.push(`${table}: ${n}`);
  }
  return found;
}

async function insertRows(trx: Db, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    const values = batch.map((row) => sql`(${sql.join(columns.map((c) => row[c] ?? null))})`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(values)}`.execute(trx);
  }
}

/** Ids were kept; the identity counter must continue after the highest one or the next insert collides. */
async function resetIdentity(trx: Db, table: string, columns: readonly string[]): Promise<void> {
  if (!columns.includes('id')) return;
  const { rows } = await sql<{ sequence: string | null }>`select pg_get_serial_sequence(${table}, 'id') as sequence`.execute(trx);
  if (!rows[0]?.sequence) return;
  await sql`
    select setval(${rows[0].sequence}, coalesce(max(id), 1), max(id) is not null) from ${sql.table(table)}
  `.execute(trx);
}

async function columnsOf(db: Db, table: string): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables.find((t) => t.name === table)?.columns.map((c) => c.name) ?? [];
}

async function fileHash(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !file.endsWith('.importing') && !file.endsWith('.deel'));
}

/**
 * Copies the local store into the shared folder under the same relative paths. The names are
 * content hashes, so a file that is already there with the same content is skipped: the same call
 * imported by several coaches ends up once. A file there with other content is damaged and is
 * replaced. Each copy is written under a temporary name first, so another workstation never
 * plays half a file.
 */
async function copyStore(from: string, to: string, onFile: (done: number, total: number) => void) {
  const files = await filesUnder(from);
  let copied = 0;
  let skipped = 0;
  for (const [index, file] of files.entries()) {
    const target = join(to, relative(from, file));
    if (existsSync(target) && (await fileHash(target)) === (await fileHash(file))) {
      skipped += 1;
    } else {
      await mkdir(dirname(target), { recursive: true });
      const partial = `${target}.${process.pid}.deel`;
      await copyFile(file, partial);
      await rename(partial, target).catch(async (error: unknown) => {
        await rm(partial, { force: true });
        throw error;
      });
      copied += 1;
    }
    onFile(index + 1, files.length);
  }
  return { copied, skipped };
}

/**
 * The guided move of this workstation's database into the team database: every table with its
 * ids, in one transaction on the team side, then every table compared by count and checksum. Only
 * into a team database without work of its own: merging two histories would duplicate staff and
 * evaluations. The local database is only read (and backed up first), so the workstation can go
 * back to it.
 */
export async function moveIntoTeam(local: Core, team: Core, onProgress: MoveProgress = () => undefined): Promise<MoveResult> {
  if (local.dialect !== 'sqlite' || team.dialect !== 'postgres') throw new AppError('team_move_local_only');
  const tables = await tableNames(local.db);
  const teamTables = new Set(await tableNames(team.db));
  const missing = tables.filter((t) => !teamTables.has(t));
  if (missing.length > 0) throw new Error(`Team database lacks tables ${missing.join(', ')}`);

  const database = (team.options.team?.postgres.database ?? '') || 'team';
  const refuse = async (db: Db) => {
    const work = await workInTeam(db, tables);
    if (work.length > 0) throw new AppError('team_not_empty', { database, detail: work.slice(0, 3).join(', ') });
  };
  await refuse(team.db);

  const backup = await backupDatabase(local, local.paths.backups, 'manual');
  const files =
    local.paths.store === team.paths.store
      ? { copied: 0, skipped: 0 }
      : await copyStore(local.paths.store, team.paths.store, (done, total) => onProgress({ phase: 'files', done, total }));

  const order = insertOrder(local, tables);
  const before = new Map<string, Row[]>();
  await team.db.transaction().execute(async (trx) => {
    // Checked again inside the transaction: another workstation may have started meanwhile.
    await sql`lock table staff in exclusive mode`.execute(trx);
    await refuse(trx);
    // The defaults installed at the team database's first start make way for the workstation's
    // own. Their one audit entry can only go with the append-only rule lifted, inside this
    // transaction only (ALTER TABLE is transactional in PostgreSQL).
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx);
    for (const table of [...order].reverse()) await sql`delete from ${sql.table(table)}`.execute(trx);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx);
    for (const [index, table] of order.entries()) {
      const rows = await tableRows(local.db, table);
      before.set(table, rows);
      await insertRows(trx, table, rows);
      await resetIdentity(trx, table, await columnsOf(local.db, table));
      onProgress({ phase: 'tables', done: index + 1, total: order.length, table });
    }
  });
  // Fresh statistics: until autovacuum gets to the new rows the planner would guess, and the
  // report indexes could not be used as covering indexes.
  await sql`analyze`.execute(team.db);

  const result: TableMove[] = [];
  for (const [index, table] of tables.entries()) {
    const localRows = before.get(table) ?? [];
    const teamRows = await tableRows(team.db, table);
    const checksumLocal = tableChecksum(localRows);
    const checksumTeam = tableChecksum(teamRows);
    result.push({
      table,
      before: localRows.length,
      after: teamRows.length,
      checksumLocal,
      checksumTeam,
      equal: localRows.length === teamRows.length && checksumLocal === checksumTeam,
    });
    onProgress({ phase: 'check', done: index + 1, total: tables.length, table });
  }
  return { tables: result, files, backup: backup.fileName };
}

/**
 * What this workstation's own database holds, read without opening it for writing (it stays as it
 * is while the workstation works in team mode). Null when there is none, or it cannot be read.
 */
export function localDataCounts(file: string, nativeBinding?: string): { staff: number; recordings: number; evaluations: number } | null {
  if (!existsSync(file)) return null;
  let sqlite: BetterSqlite3.Database | null = null;
  try {
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const count = (table: string) => (sqlite!.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return { staff: count('staff'), recordings: count('recording'), evaluations: count('evaluation') };
  } catch {
    return null;
  } finally {
    sqlite?.close();
  }
}
