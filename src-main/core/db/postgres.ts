import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { AppError } from '../errors';
import type { Connection, OpenOptions, PostgresSettings } from './connection';
import type { Database } from './schema';

const INT8 = 20;
const NUMERIC = 1700;

/**
 * Counts and sums come back from PostgreSQL as int8/numeric, which node-postgres leaves as
 * strings; the core works with numbers, as it does on SQLite. Klankbord's counts stay far below
 * 2^53, so the conversion loses nothing.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8) return (value: string) => Number(value);
    if (oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

export function postgresPool(settings: PostgresSettings, max = 10): pg.Pool {
  return new pg.Pool({
    host: settings.host,
    port: settings.port,
    database: settings.database,
    user: settings.user,
    password: settings.password,
    max,
    connectionTimeoutMillis: 10_000,
    types,
    application_name: 'klankbord',
    // A report query costs just over the planner's threshold for a parallel worker; starting one
    // costs more than it saves (measured: the trend with team lines 203 → 103 ms). Per session,
    // no server rights needed.
    options: '-c max_parallel_workers_per_gather=0',
  });
}

/** Maps the server's refusal to a Dutch message for whoever set up team mode. */
export function postgresProblem(error: unknown, settings: PostgresSettings): AppError {
  const code = (error as { code?: unknown } | null)?.code;
  const detail = error instanceof Error ? error.message.slice(0, 200) : String(error);
  const where = { host: settings.host, port: settings.port, database: settings.database, user: settings.user, detail };
  if (code === '28P01' || code === '28000') return new AppError('team_login_refused', where, { cause: error });
  if (code === '3D000') return new AppError('team_database_missing', where, { cause: error });
  if (code === '42501') return new AppError('team_rights_missing', where, { cause: error });
  return new AppError('team_unreachable', where, { cause: error });
}

/** Opens the team database; fails with a Dutch message when the server cannot be used. */
export async function openPostgresConnection(settings: PostgresSettings, options: OpenOptions = {}): Promise<Connection> {
  const pool = postgresPool(settings);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw postgresProblem(error, settings);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', sqlite: null, options, close: () => db.destroy() };
}
