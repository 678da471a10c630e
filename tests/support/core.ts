import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core } from '../../src-main/core/app';
import { startHost, type Host } from '../../src-main/ipc/host';
import { setSignInRequired } from '../../src-main/core/session/sign-in';
import { onPostgres, testDatabaseOptions } from './database';

/**
 * Team mode requires sign-in; the suite's other tests are about the features, driven through a
 * chosen profile as on one workstation. tests/integration/team-access.test.ts switches it back on.
 */
async function withoutSignIn(core: Core): Promise<void> {
  if (onPostgres) await setSignInRequired(core, false);
}

export interface TempCore {
  core: Core;
  dataDir: string;
  /**
   * The database as a second workstation sees it: on PostgreSQL a second core with its own pool
   * (closed by cleanup). One SQLite file belongs to one workstation and its one connection, so
   * there it is the same core; its requests still interleave at every await, as two windows' do.
   */
  openAgain(): Promise<Core>;
  cleanup(): Promise<void>;
}

/**
 * A real Klankbord data folder in a fresh temp dir: its own SQLite file, or with
 * KLANKBORD_TEST_POSTGRES a fresh team database on the test server (tests/support/database.ts).
 */
export async function createTempCore(): Promise<TempCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'klankbord-test-'));
  const database = await testDatabaseOptions(dataDir);
  const core = await openCore(dataDir, database.options);
  await withoutSignIn(core);
  const others: Core[] = [];
  return {
    core,
    dataDir,
    openAgain: async () => {
      if (!database.options.team) return core;
      const other = await openCore(dataDir, database.options);
      others.push(other);
      return other;
    },
    cleanup: async () => {
      for (const other of others) await other.close();
      await core.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function tempDir(prefix = 'klankbord-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TempHost extends TempCore {
  host: Host;
}

/** A data folder opened the way the app opens it (ipc/host.ts), for transport-level tests. */
export async function createTempHost(log?: (message: string, error: unknown) => void): Promise<TempHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'klankbord-test-'));
  const database = await testDatabaseOptions(dataDir);
  const host = await startHost(dataDir, log ? { log, ...database.options } : database.options);
  const core = host.core();
  if (!core) throw new Error(`data folder ${dataDir} did not open`);
  await withoutSignIn(core);
  return {
    host,
    core,
    dataDir,
    openAgain: async () => {
      throw new Error('a second host on one data folder is not supported; use createTempCore');
    },
    cleanup: async () => {
      await host.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
