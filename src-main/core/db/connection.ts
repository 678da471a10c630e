import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';
import { AppError } from '../errors';
import type { Database } from './schema';

export type Db = Kysely<Database>;

/** The embedded SQLite file (one workstation) or a team's PostgreSQL server. */
export type DialectName = 'sqlite' | 'postgres';

export interface PostgresSettings {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
}

/** Team mode: the shared database and the shared recordings folder (a network share). */
export interface TeamDatabase {
  postgres: PostgresSettings;
  recordingsDir: string;
}

export interface OpenOptions {
  /** Path to a better-sqlite3 build for the running runtime (Electron has its own ABI). */
  nativeBinding?: string;
  /** Set: the workstation works in team mode on PostgreSQL instead of its own SQLite file. */
  team?: TeamDatabase;
}

export interface Connection {
  db: Db;
  dialect: DialectName;
  /**
   * The raw SQLite handle, for what kysely does not cover (pragmas, the online backup API);
   * null in team mode, where the server and IT's own backups take those jobs.
   */
  sqlite: BetterSqlite3.Database | null;
  /** How it was opened: other files (backups) must be opened with the same native build. */
  options: OpenOptions;
  close(): Promise<void>;
}

/**
 * Transactions take SQLite's write lock when they begin (BEGIN IMMEDIATE), not at their first
 * write: two connections to one file (a second window, a second process) that both read and then
 * write would otherwise fail at once with SQLITE_BUSY instead of waiting their turn (busy_timeout).
 */
class ImmediateTransactionDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** kysely's SQLite dialect with a driver of our own (how transactions begin and end). */
export class SqliteDialectWithDriver extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #Driver: new (config: SqliteDialectConfig) => Driver;
  constructor(config: SqliteDialectConfig, driver: new (config: SqliteDialectConfig) => Driver) {
    super(config);
    this.#config = config;
    this.#Driver = driver;
  }
  override createDriver(): Driver {
    return new this.#Driver(this.#config);
  }
}

export function openConnection(file: string, options: OpenOptions = {}): Connection {
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // FULL: a commit the app reported ("opgeslagen") survives a power cut too, not only a crash.
    sqlite.pragma('synchronous = FULL');
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) {
      throw new AppError('db_corrupt', { path: file, detail: (cause as Error).message.slice(0, 200) }, { cause });
    }
    throw new AppError('db_not_klankbord', { path: file }, { cause });
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialectWithDriver({ database: sqlite }, ImmediateTransactionDriver) });
  return { db, dialect: 'sqlite', sqlite, options, close: () => db.destroy() };
}

/** The SQLite handle of a local data folder; file-level work (backups, the demo) needs one. */
export function sqliteOf(connection: Pick<Connection, 'sqlite'>): BetterSqlite3.Database {
  if (!connection.sqlite) throw new AppError('team_mode_unsupported', {});
  return connection.sqlite;
}
