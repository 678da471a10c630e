import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../errors';
import type { Database } from './schema';

export type Db = Kysely<Database>;

export interface OpenOptions {
  /** Path to a better-sqlite3 build for the running runtime (Electron has its own ABI). */
  nativeBinding?: string;
}

export interface Connection {
  db: Db;
  /** The raw handle, for what kysely does not cover: pragmas and the online backup API. */
  sqlite: BetterSqlite3.Database;
  /** How it was opened: other files (backups) must be opened with the same native build. */
  options: OpenOptions;
  close(): Promise<void>;
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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, sqlite, options, close: () => db.destroy() };
}
