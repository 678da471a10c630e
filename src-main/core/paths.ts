import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface DataPaths {
  dataDir: string;
  database: string;
  /** Content-addressed audio and peaks. */
  store: string;
  /** Uploads waiting to be imported; emptied at start. */
  uploads: string;
  backups: string;
}

/** `sharedStore`: team mode keeps the recordings in one folder all workstations reach. */
export function dataPaths(dataDir: string, sharedStore?: string): DataPaths {
  return {
    dataDir,
    database: join(dataDir, 'klankbord.sqlite'),
    store: sharedStore ?? join(dataDir, 'store'),
    uploads: join(dataDir, 'uploads'),
    backups: join(dataDir, 'backups'),
  };
}

export function ensureDataFolders(paths: DataPaths): void {
  for (const dir of [paths.dataDir, paths.store, paths.uploads, paths.backups]) mkdirSync(dir, { recursive: true });
}
