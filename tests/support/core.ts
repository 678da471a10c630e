import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core } from '../../src-main/core/app';
import { startHost, type Host } from '../../src-main/ipc/host';

export interface TempCore {
  core: Core;
  dataDir: string;
  cleanup(): Promise<void>;
}

/** A real Klankbord data folder (SQLite file, store) in a fresh temp dir. */
export async function createTempCore(): Promise<TempCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'klankbord-test-'));
  const core = await openCore(dataDir);
  return {
    core,
    dataDir,
    cleanup: async () => {
      await core.close();
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
  const host = await startHost(dataDir, log ? { log } : {});
  const core = host.core();
  if (!core) throw new Error(`data folder ${dataDir} did not open`);
  return {
    host,
    core,
    dataDir,
    cleanup: async () => {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
