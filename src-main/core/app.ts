import { existsSync } from 'node:fs';
import { backupDatabase } from './backup/backup';
import { openConnection, type Connection, type OpenOptions } from './db/connection';
import { assertNotFromFuture, migrateToLatest, pendingMigrations } from './db/migrate';
import { clearUploads } from './recordings/uploads';
import { dataPaths, ensureDataFolders, type DataPaths } from './paths';
import { ensureDefaultRubric } from './rubrics/default-rubric';
import { ensureDefaultOnboardingProgram } from './onboarding/programs';

/** Everything a core function may need: the database and where files live. */
export interface Core extends Connection {
  paths: DataPaths;
}

/**
 * Opens (or creates) a data folder: refuses a database from a newer Klankbord, backs up an
 * existing database before migrating it, migrates, and installs the default rubric.
 */
export async function openCore(dataDir: string, options: OpenOptions = {}): Promise<Core> {
  const paths = dataPaths(dataDir);
  ensureDataFolders(paths);
  const existed = existsSync(paths.database);
  const connection = openConnection(paths.database, options);
  try {
    await assertNotFromFuture(connection.db);
    const pending = await pendingMigrations(connection.db);
    if (existed && pending.length > 0) {
      await backupDatabase(connection.sqlite, paths.backups, `voor-migratie-${pending[0]}`);
    }
    await migrateToLatest(connection.db);
    await ensureDefaultRubric(connection.db);
    await ensureDefaultOnboardingProgram(connection.db);
    clearUploads(paths);
  } catch (error) {
    await connection.close();
    throw error;
  }
  return { ...connection, paths };
}
