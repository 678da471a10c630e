import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDriver, type DatabaseConnection, type SqliteDatabase } from 'kysely';
import type { Core } from '../app';
import { SqliteDialectWithDriver, sqliteOf } from '../db/connection';
import type { Database } from '../db/schema';

/**
 * Inside the seed's one transaction, each core function's own transaction becomes a savepoint:
 * it still commits or rolls back as a whole, but nothing reaches the disk until the demo is
 * complete, and a seed that fails leaves an empty database instead of half a KCC.
 */
class SavepointDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('savepoint demo_step'));
  }
  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('release demo_step'));
  }
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback to demo_step'));
    await connection.executeQuery(CompiledQuery.raw('release demo_step'));
  }
}

/**
 * Kysely prepares every statement anew; the seed runs the same few dozen statements thousands of
 * times, so it keeps them. `close` is a no-op: the core owns the connection.
 */
function reusingStatements(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= 2000) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    close() {},
  };
}

/**
 * Runs `work` with a core whose database handle shares the core's SQLite connection inside one
 * transaction. The seed must have the core to itself: nothing else may use `core.db` meanwhile
 * (statements on the same connection would land in the seed's transaction).
 */
export async function inSeedTransaction<T>(core: Core, work: (seedCore: Core) => Promise<T>): Promise<T> {
  // The demo is always a local SQLite folder (never team mode).
  const sqlite = sqliteOf(core);
  const db = new Kysely<Database>({ dialect: new SqliteDialectWithDriver({ database: reusingStatements(sqlite) }, SavepointDriver) });
  sqlite.exec('begin immediate');
  try {
    const result = await work({ ...core, db });
    sqlite.exec('commit');
    return result;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('rollback');
    throw error;
  }
}
