import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { BackupInfo, BackupKind } from '../../contract';
import { localDateOf, nowIso, todayIso } from '../clock';
import { sqliteOf, type Connection, type OpenOptions } from '../db/connection';
import { knownMigrations } from '../db/migrate';
import { AppError } from '../errors';

/** Two weeks of daily backups, or fewer days when migrations and restores add their own. */
export const BACKUPS_KEPT = 14;

const kindInName: Record<BackupKind, string> = {
  daily: 'dagelijks',
  manual: 'handmatig',
  before_migration: 'voor-migratie',
  before_restore: 'voor-herstel',
};

const NAME = new RegExp(
  `^klankbord-(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z-(${Object.values(kindInName).join('|')})(?:-(\\w+))?\\.sqlite$`,
);

/** Reads what a backup file name says: when, why, and for a migration which one. */
export function parseBackupName(fileName: string): Omit<BackupInfo, 'sizeBytes'> | null {
  const m = NAME.exec(fileName);
  if (!m) return null;
  const kind = (Object.keys(kindInName) as BackupKind[]).find((k) => kindInName[k] === m[6]);
  if (!kind) return null;
  return { fileName, createdAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`, kind, detail: m[7] ?? null };
}

/** Newest first. Files that are not Klankbord backups (or are being written) are ignored. */
export function listBackups(backupsDir: string): BackupInfo[] {
  if (!existsSync(backupsDir)) return [];
  return readdirSync(backupsDir)
    .map((fileName) => {
      const parsed = parseBackupName(fileName);
      if (!parsed) return null;
      return { ...parsed, sizeBytes: statSync(join(backupsDir, fileName)).size };
    })
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => (a.fileName < b.fileName ? 1 : -1));
}

/**
 * A consistent online copy (SQLite's backup API), safe while the app keeps writing. The copy is
 * written under a temporary name and renamed when complete, so a crash never leaves a half
 * backup that looks whole.
 */
export async function backupDatabase(
  connection: Pick<Connection, 'sqlite' | 'options'>,
  backupsDir: string,
  kind: BackupKind,
  detail?: string,
  keep = BACKUPS_KEPT,
): Promise<BackupInfo> {
  const { options } = connection;
  removeUnfinished(backupsDir);
  const stamp = nowIso().replace(/[:.]/g, '-');
  const fileName = `klankbord-${stamp}-${kindInName[kind]}${detail ? `-${detail.replace(/[^\w]/g, '_')}` : ''}.sqlite`;
  const partial = join(backupsDir, `${fileName}.deel`);
  await sqliteOf(connection).backup(partial);
  // One self-contained file: in WAL mode every reader of the copy would leave -wal/-shm files beside it.
  const copy = new BetterSqlite3(partial, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  copy.pragma('journal_mode = DELETE');
  copy.close();
  renameSync(partial, join(backupsDir, fileName));
  const info = { ...parseBackupName(fileName)!, sizeBytes: statSync(join(backupsDir, fileName)).size };
  pruneBackups(backupsDir, keep, fileName);
  return info;
}

/** A copy cut off by a crash has no place in the folder; the next backup clears it. */
function removeUnfinished(backupsDir: string): void {
  for (const file of readdirSync(backupsDir)) if (file.endsWith('.deel')) rmSync(join(backupsDir, file), { force: true });
}

/** Oldest go first; never the backup just made, even when a clock set ahead named others "newer". */
function pruneBackups(backupsDir: string, keep: number, justMade: string): void {
  const others = listBackups(backupsDir).filter((b) => b.fileName !== justMade);
  for (const old of others.slice(Math.max(0, keep - 1))) rmSync(join(backupsDir, old.fileName));
}

/** The daily backup is due when no backup was made today (this workstation's date). */
export function dailyBackupDue(backupsDir: string): boolean {
  const today = todayIso();
  return !listBackups(backupsDir).some((b) => localDateOf(b.createdAt) === today);
}

/** `ok`, or SQLite's first complaint. Reads every page: run it daily, not on every start. */
export function quickCheck(sqlite: BetterSqlite3.Database): string {
  const rows = sqlite.pragma('quick_check(1)') as { quick_check: string }[];
  return rows[0]?.quick_check ?? 'geen antwoord';
}

/**
 * Checks that a backup can be restored: it exists in the folder, is an intact SQLite file, holds
 * a Klankbord database and was not written by a newer Klankbord. Throws `backup_unusable` with
 * the reason in Dutch.
 */
export function verifyBackup(backupsDir: string, fileName: string, options: OpenOptions = {}): void {
  if (!listBackups(backupsDir).some((b) => b.fileName === fileName)) throw new AppError('backup_not_found', { fileName });
  const unusable = (reason: string) => new AppError('backup_unusable', { fileName, reason });
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(join(backupsDir, fileName), {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch {
    throw unusable('het bestand is geen SQLite-database');
  }
  try {
    let check: string;
    try {
      check = quickCheck(db);
    } catch {
      throw unusable('het bestand is geen SQLite-database');
    }
    if (check !== 'ok') throw unusable(`het bestand is beschadigd (${check})`);
    const hasMigrations = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
    if (!hasMigrations) throw unusable('het is geen Klankbord-database');
    const names = (db.prepare('SELECT name FROM kysely_migration').all() as { name: string }[]).map((r) => r.name);
    if (names.some((n) => !knownMigrations.includes(n))) throw unusable('hij is gemaakt met een nieuwere versie van Klankbord');
  } finally {
    db.close();
  }
}

/** The database file and its write-ahead log companions. */
function databaseFiles(database: string): string[] {
  return [database, `${database}-wal`, `${database}-shm`];
}

/**
 * Puts a database that could not be opened (and its log files) aside in the backup folder, under
 * a name the backup list and pruning ignore: a restore never deletes anything.
 */
export function moveAsideUnopenable(database: string, backupsDir: string): string | null {
  if (!existsSync(database)) return null;
  const base = `vervangen-${nowIso().replace(/[:.]/g, '-')}.sqlite`;
  for (const file of databaseFiles(database)) {
    if (existsSync(file)) renameSync(file, join(backupsDir, base + file.slice(database.length)));
  }
  return base;
}

/**
 * First half of a restore: copies the backup next to the database, so the swap that follows is a
 * rename (an interruption leaves either the old or the new database, never half of one).
 */
export function stageRestore(database: string, backupFile: string): string {
  const incoming = `${database}.herstel`;
  copyFileSync(backupFile, incoming);
  return incoming;
}

/**
 * Second half: the (closed) database's stale log files go first, because SQLite would replay
 * them into the restored file; then the staged copy takes the database's name.
 */
export function swapInRestore(database: string, incoming: string): void {
  for (const file of databaseFiles(database).slice(1)) rmSync(file, { force: true });
  renameSync(incoming, database);
}
