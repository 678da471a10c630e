import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { nowIso } from '../clock';

/** A consistent online copy (SQLite's backup API), safe while the app keeps writing. */
export async function backupDatabase(sqlite: BetterSqlite3.Database, backupsDir: string, reason: string, keep = 10): Promise<string> {
  const stamp = nowIso().replace(/[:.]/g, '-');
  const file = join(backupsDir, `klankbord-${stamp}-${reason}.sqlite`);
  await sqlite.backup(file);
  pruneBackups(backupsDir, keep);
  return file;
}

function pruneBackups(backupsDir: string, keep: number): void {
  const files = readdirSync(backupsDir)
    .filter((f) => f.startsWith('klankbord-') && f.endsWith('.sqlite'))
    .sort();
  for (const old of files.slice(0, Math.max(0, files.length - keep))) rmSync(join(backupsDir, old));
}
