import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { backupDatabase, dailyBackupDue, quickCheck } from './backup/backup';
import { openConnection, sqliteOf, type Connection, type OpenOptions } from './db/connection';
import { openPostgresConnection } from './db/postgres';
import { assertNotFromFuture, migrateToLatest, pendingMigrations } from './db/migrate';
import { AppError } from './errors';
import { sweepInterruptedImports } from './recordings/store';
import { clearUploads } from './recordings/uploads';
import { dataPaths, ensureDataFolders, type DataPaths } from './paths';
import { ensureDefaultRubric } from './rubrics/default-rubric';
import { ensureDefaultOnboardingProgram } from './onboarding/programs';

/** Everything a core function may need: the database and where files live. */
export interface Core extends Connection {
  paths: DataPaths;
}

/** SQLite's own words for a file that is damaged or not a database at all. */
function isCorruption(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/**
 * Opens (or creates) a data folder: refuses a database from a newer Klankbord, checks and backs
 * up an existing database once a day and before migrating it, migrates, and installs the
 * defaults. A damaged database is never backed up: that would push good backups out.
 * In team mode the database is the team's PostgreSQL server and the recordings live in the shared
 * folder; the data folder keeps only this workstation's own files (uploads in progress).
 */
export async function openCore(dataDir: string, options: OpenOptions = {}): Promise<Core> {
  const paths = dataPaths(dataDir, options.team?.recordingsDir);
  ensureDataFolders(paths);
  if (options.team) {
    const connection = await openPostgresConnection(options.team.postgres, options);
    try {
      await prepare(connection, paths);
    } catch (error) {
      await connection.close();
      throw error;
    }
    return { ...connection, paths };
  }
  const existed = existsSync(paths.database);
  const connection = openConnection(paths.database, options);
  try {
    await assertNotFromFuture(connection.db);
    const pending = await pendingMigrations(connection.db);
    // The backup before a migration doubles as the day's backup.
    if (existed && (pending.length > 0 || dailyBackupDue(paths.backups))) {
      const check = quickCheck(sqliteOf(connection));
      if (check !== 'ok') throw new AppError('db_corrupt', { path: paths.database, detail: check.slice(0, 200) });
      if (pending.length > 0) await backupDatabase(connection, paths.backups, 'before_migration', pending[0]);
      else await backupDatabase(connection, paths.backups, 'daily');
    }
    await prepare(connection, paths);
  } catch (error) {
    await connection.close();
    if (isCorruption(error))
      throw new AppError('db_corrupt', { path: paths.database, detail: error.message.slice(0, 200) }, { cause: error });
    throw error;
  }
  return { ...connection, paths };
}

/** Brings any database up to this build: migrations, defaults, and what an interrupted run left. */
async function prepare(connection: Connection, paths: DataPaths): Promise<void> {
  await migrateToLatest(connection.db);
  await installDefaults(connection);
  await sweepInterruptedImports(connection.db, paths);
  clearUploads(paths);
}

/** Any number for the team database's advisory lock, as long as it is always the same one. */
const DEFAULTS_LOCK = 7_420_251;

/**
 * The shipped rubric and onboarding program, on a database without them. Workstations of a team
 * may start at the same moment on a new team database: an advisory lock lets one install them
 * while the others wait and then find them there.
 */
async function installDefaults(connection: Connection): Promise<void> {
  if (connection.dialect === 'sqlite') {
    await ensureDefaultRubric(connection.db);
    await ensureDefaultOnboardingProgram(connection.db);
    return;
  }
  await connection.db.connection().execute(async (db) => {
    await sql`select pg_advisory_lock(${DEFAULTS_LOCK})`.execute(db);
    try {
      await ensureDefaultRubric(db);
      await ensureDefaultOnboardingProgram(db);
    } finally {
      await sql`select pg_advisory_unlock(${DEFAULTS_LOCK})`.execute(db);
    }
  });
}
