/**
 * The PostgreSQL side of the reports bench: a fresh database on the test server
 * (scripts/test-postgres.sh) holding exactly the rows of the seeded SQLite file, opened as a team
 * core so the reports run through the same code as in team mode.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { openCore, type Core } from '../../src-main/core/app';
import { postgresSettingsOf } from '../support/database';
import type { PostgresSettings } from '../../src-main/core/db/connection';

/** Rows per INSERT … SELECT FROM unnest(…): arrays are one parameter each, so no 65535-parameter limit. */
const BATCH = 50_000;

export type BenchPostgres = { core: Core; loadSeconds: number; drop(): Promise<void> } | { unavailable: string };

/** KLANKBORD_TEST_POSTGRES when set, else the throwaway server scripts/test-postgres.sh starts. */
function adminUrl(): string {
  const fromEnv = process.env.KLANKBORD_TEST_POSTGRES;
  if (fromEnv) return fromEnv;
  const script = fileURLToPath(new URL('../../scripts/test-postgres.sh', import.meta.url));
  let printed: string;
  try {
    printed = execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const said = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new Error(`scripts/test-postgres.sh failed${said ? `: ${said.split('\n').pop()}` : ''}`, { cause: error });
  }
  const url = printed.trim().split('\n').pop() ?? '';
  if (!url.startsWith('postgres://')) throw new Error(`scripts/test-postgres.sh printed no URL: ${printed.trim().slice(0, 200)}`);
  return url;
}

async function withClient<T>(settings: PostgresSettings, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...settings, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

interface Column {
  name: string;
  /** PostgreSQL's element type name (int4, varchar, float8, …): the unnest arrays are cast to it. */
  type: string;
  identity: boolean;
}

/** Klankbord's tables with their columns (not kysely's migration bookkeeping). */
async function tablesWithColumns(client: pg.Client): Promise<{ name: string; columns: Column[] }[]> {
  const { rows } = await client.query<{ table_name: string; column_name: string; udt_name: string; is_identity: string }>(
    `SELECT table_name, column_name, udt_name, is_identity FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name NOT LIKE 'kysely\\_%' ORDER BY table_name, ordinal_position`,
  );
  const byTable = new Map<string, Column[]>();
  for (const c of rows) {
    byTable.set(c.table_name, [
      ...(byTable.get(c.table_name) ?? []),
      { name: c.column_name, type: c.udt_name, identity: c.is_identity === 'YES' },
    ]);
  }
  return [...byTable].map(([name, columns]) => ({ name, columns }));
}

/**
 * Keys, unique constraints, foreign keys and plain indexes, each as the statement that creates it
 * again, in an order that works (keys before the foreign keys that point at them).
 */
async function constraintsAndIndexes(client: pg.Client): Promise<{ drop: string[]; create: string[] }> {
  const { rows: constraints } = await client.query<{ name: string; tbl: string; type: string; definition: string }>(
    `SELECT conname AS name, conrelid::regclass::text AS tbl, contype AS type, pg_get_constraintdef(oid) AS definition FROM pg_constraint
     WHERE contype IN ('p', 'u', 'f') AND connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE 'kysely\\_%'
     ORDER BY contype = 'f', 2, 1`,
  );
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename NOT LIKE 'kysely\\_%'
     AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = 'public'::regnamespace)
     ORDER BY 1`,
  );
  const keys = constraints.filter((c) => c.type !== 'f');
  const foreignKeys = constraints.filter((c) => c.type === 'f');
  const add = (c: (typeof constraints)[number]) => `ALTER TABLE ${quote(c.tbl)} ADD CONSTRAINT ${quote(c.name)} ${c.definition}`;
  const dropConstraint = (c: (typeof constraints)[number]) => `ALTER TABLE ${quote(c.tbl)} DROP CONSTRAINT ${quote(c.name)}`;
  return {
    drop: [...foreignKeys.map(dropConstraint), ...keys.map(dropConstraint), ...indexes.map((i) => `DROP INDEX ${quote(i.name)}`)],
    create: [...keys.map(add), ...indexes.map((i) => i.definition), ...foreignKeys.map(add)],
  };
}

/**
 * A PostgreSQL array literal. node-postgres can turn a JS array into one too, but element by
 * element through its generic value preparation, which costs more than the insert for 3 million rows.
 */
function arrayLiteral(values: readonly unknown[]): string {
  const element = (v: unknown): string => {
    if (v === null || v === undefined) return 'NULL';
    if (typeof v === 'number' || typeof v === 'bigint') return String(v);
    if (typeof v === 'string') return `"${v.replace(/["\\]/g, '\\$&')}"`;
    throw new Error(`cannot load a ${typeof v} value into PostgreSQL`);
  };
  return `{${values.map(element).join(',')}}`;
}

/**
 * Replaces whatever the team core's first start put in the database (default rubric, onboarding
 * program) with every row of the SQLite file, ids included, so both hold the same data and the
 * same ids answer the same questions. Like pg_restore, it loads without keys, foreign keys and
 * indexes and creates them afterwards (one sort or one validating join each instead of millions
 * of single lookups); it then checks they are the migrations' own again.
 */
async function copyRows(sqlite: BetterSqlite3.Database, client: pg.Client): Promise<void> {
  const tables = await tablesWithColumns(client);
  const schema = await constraintsAndIndexes(client);
  await client.query(`SET maintenance_work_mem = '256MB'`);
  await client.query(`TRUNCATE ${tables.map((t) => quote(t.name)).join(', ')} RESTART IDENTITY CASCADE`);
  for (const statement of schema.drop) await client.query(statement);

  for (const table of tables) {
    const names = table.columns.map((c) => quote(c.name)).join(', ');
    const insert =
      `INSERT INTO ${quote(table.name)} (${names}) SELECT * FROM unnest(` +
      table.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ') +
      ')';
    const flush = async (batch: unknown[][]) => {
      if (batch.length > 0) {
        await client.query(
          insert,
          table.columns.map((_, i) => arrayLiteral(batch.map((row) => row[i]))),
        );
      }
    };
    // The iterator stays open across the awaits; nothing else uses the SQLite handle meanwhile.
    let batch: unknown[][] = [];
    for (const row of sqlite
      .prepare(`SELECT ${names} FROM ${quote(table.name)}`)
      .raw()
      .iterate() as IterableIterator<unknown[]>) {
      batch.push(row);
      if (batch.length === BATCH) {
        await flush(batch);
        batch = [];
      }
    }
    await flush(batch);
    for (const c of table.columns.filter((column) => column.identity)) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(${quote(c.name)}), 0) + 1, false) FROM ${quote(table.name)}`,
        [quote(table.name), c.name],
      );
    }
  }

  for (const statement of schema.create) await client.query(statement);
  if (JSON.stringify(await constraintsAndIndexes(client)) !== JSON.stringify(schema)) {
    throw new Error('the keys and indexes after loading differ from the ones the migrations created');
  }
  // A team database that has been in use is vacuumed and analysed by autovacuum; a freshly loaded
  // one is neither, which would leave the planner without statistics and index-only scans
  // visiting the table for every row.
  await client.query('VACUUM (ANALYZE)');
}

/**
 * Creates klankbord_bench_<random> on the test server, opens it as a team core (the same
 * migrations as every team database) and loads the SQLite file's rows into it. Never throws: a
 * missing server or a failed load is reported, and the bench goes on with SQLite alone.
 */
export async function benchPostgres(sqlite: BetterSqlite3.Database, workDir: string): Promise<BenchPostgres> {
  let admin: PostgresSettings;
  try {
    admin = postgresSettingsOf(adminUrl());
    await withClient(admin, (client) => client.query('SELECT 1'));
  } catch (error) {
    return { unavailable: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
  const name = `klankbord_bench_${randomBytes(6).toString('hex')}`;
  await withClient(admin, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE template0`));
  const drop = () => withClient(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined);
  const settings = { ...admin, database: name };
  let core: Core | null = null;
  try {
    core = await openCore(join(workDir, 'team-data'), { team: { postgres: settings, recordingsDir: join(workDir, 'team-recordings') } });
    const start = performance.now();
    await withClient(settings, (client) => copyRows(sqlite, client));
    const loadSeconds = (performance.now() - start) / 1000;
    const opened = core;
    return {
      core: opened,
      loadSeconds,
      drop: async () => {
        await opened.close();
        await drop();
      },
    };
  } catch (error) {
    await core?.close();
    await drop();
    return { unavailable: `loading the bench database failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
