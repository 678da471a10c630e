import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core } from '../../src-main/core/app';

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
