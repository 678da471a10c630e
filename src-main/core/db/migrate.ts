import { Migrator, sql, type MigrationProvider, type Migration } from 'kysely';
import type { Db } from './connection';
import { AppError } from '../errors';
import { migrations } from './migrations';

const provider: MigrationProvider = {
  getMigrations: async () => migrations as Record<string, Migration>,
};

export const knownMigrations = Object.keys(migrations);

/** Migrations this build knows but the database has not applied yet. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await new Migrator({ db, provider }).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}

/**
 * Refuses a database that applied migrations this build does not know (written by a newer
 * Klankbord): running on it could corrupt data the newer version relies on.
 */
export async function assertNotFromFuture(db: Db): Promise<void> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return;
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const names = rows.map((r) => r.name);
  const unknown = names.filter((n) => !knownMigrations.includes(n));
  if (unknown.length > 0) {
    throw new AppError('db_newer_version', {
      found: names.sort().at(-1) ?? '?',
      known: knownMigrations.at(-1) ?? '?',
    });
  }
}

/** Applies pending migrations, each in its own transaction. Never migrates down. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  await assertNotFromFuture(db);
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
