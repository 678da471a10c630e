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

export function dataPaths(dataDir: string): DataPaths {
  return {
    dataDir,
    database: join(dataDir, 'klankbord.sqlite'),
    store: join(dataDir, 'store'),
    uploads: join(dataDir, 'uploads'),
    backups: join(dataDir, 'backups'),
  };
}

export function ensureDataFolders(paths: DataPaths): void {
  for (const dir of [paths.dataDir, paths.store, paths.uploads, paths.backups]) mkdirSync(dir, { recursive: true });
}
