import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
  type SqliteDialectConfig,
} from 'kysely';
import type { Core } from '../app';
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

class SeedDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new SavepointDriver(this.#config);
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
  const db = new Kysely<Database>({ dialect: new SeedDialect({ database: reusingStatements(core.sqlite) }) });
  core.sqlite.exec('begin immediate');
  try {
    const result = await work({ ...core, db });
    core.sqlite.exec('commit');
    return result;
  } catch (error) {
    if (core.sqlite.inTransaction) core.sqlite.exec('rollback');
    throw error;
  }
}
