import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import type { OpenOptions, PostgresSettings } from '../../src-main/core/db/connection';

/**
 * The integration suite runs twice in CI: on SQLite files, and with KLANKBORD_TEST_POSTGRES set
 * (scripts/test-postgres.sh prints it) against a real PostgreSQL server, one fresh database per
 * temp core. Tests about the SQLite file itself (backups, pragmas, crash safety) skip there.
 */
export const testPostgresUrl = process.env.KLANKBORD_TEST_POSTGRES ?? '';
export const onPostgres = testPostgresUrl !== '';

/** The settings a `postgres://user:password@host:port/database` URL names. */
export function postgresSettingsOf(text: string): PostgresSettings {
  const url = new URL(text);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    database: url.pathname.slice(1) || 'postgres',
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}

const adminSettings = () => postgresSettingsOf(testPostgresUrl);

async function asAdmin(statement: string): Promise<void> {
  const client = new pg.Client(adminSettings());
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * FORCE ends the test's own connections; an autovacuum worker still busy in the database cannot
 * be ended by a non-superuser, so try again shortly. A database left behind lives in a throwaway
 * server and costs nothing.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    try {
      return await asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export interface TestDatabase {
  settings: PostgresSettings;
  drop(): Promise<void>;
}

/** A new, empty PostgreSQL database on the test server. */
export async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `kbt_${randomBytes(6).toString('hex')}`;
  await asAdmin(`CREATE DATABASE ${name} TEMPLATE template0`);
  return {
    settings: { ...adminSettings(), database: name },
    drop: () => dropDatabase(name),
  };
}

/**
 * Options for openCore/startHost: on PostgreSQL a fresh team database and a shared recordings
 * folder inside the temp dir; on SQLite nothing (the data folder's own file).
 */
export async function testDatabaseOptions(dataDir: string): Promise<{ options: OpenOptions; drop(): Promise<void> }> {
  if (!onPostgres) return { options: {}, drop: async () => undefined };
  const database = await createPostgresDatabase();
  return {
    options: { team: { postgres: database.settings, recordingsDir: join(dataDir, 'gedeelde-opnames') } },
    drop: database.drop,
  };
}
