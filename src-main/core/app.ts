import { existsSync } from 'node:fs';
import { backupDatabase, dailyBackupDue, quickCheck } from './backup/backup';
import { openConnection, type Connection, type OpenOptions } from './db/connection';
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
 */
export async function openCore(dataDir: string, options: OpenOptions = {}): Promise<Core> {
  const paths = dataPaths(dataDir);
  ensureDataFolders(paths);
  const existed = existsSync(paths.database);
  const connection = openConnection(paths.database, options);
  try {
    await assertNotFromFuture(connection.db);
    const pending = await pendingMigrations(connection.db);
    // The backup before a migration doubles as the day's backup.
    if (existed && (pending.length > 0 || dailyBackupDue(paths.backups))) {
      const check = quickCheck(connection.sqlite);
      if (check !== 'ok') throw new AppError('db_corrupt', { path: paths.database, detail: check.slice(0, 200) });
      if (pending.length > 0) await backupDatabase(connection, paths.backups, 'before_migration', pending[0]);
      else await backupDatabase(connection, paths.backups, 'daily');
    }
    await migrateToLatest(connection.db);
    await ensureDefaultRubric(connection.db);
    await ensureDefaultOnboardingProgram(connection.db);
    await sweepInterruptedImports(connection.db, paths);
    clearUploads(paths);
  } catch (error) {
    await connection.close();
    if (isCorruption(error))
      throw new AppError('db_corrupt', { path: paths.database, detail: error.message.slice(0, 200) }, { cause: error });
    throw error;
  }
  return { ...connection, paths };
}
