import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Db } from '../db/connection';
import type { DataPaths } from '../paths';

/**
 * Content-addressed store: `store/<sha[0..2]>/<sha>.<ext>` plus `<sha>.peaks` next to it. The
 * hash as name makes duplicates impossible and the two-character folders keep any one folder
 * small enough for file managers and backups. Paths in the database are relative to the store,
 * so a data folder can be moved or restored elsewhere. A recording Chromium cannot play gets
 * `<sha>.playback.wav` beside its original; the hash stays the original's.
 */
export interface StoreEntry {
  /** What the player gets: the original, or its conversion. */
  audio: string;
  peaks: string;
  /** The file as imported when `audio` is a conversion; else null (then `audio` is the original). */
  original: string | null;
}

export function storeEntry(sha256: string, extension: string, converted = false): StoreEntry {
  const base = `${sha256.slice(0, 2)}/${sha256}`;
  return converted
    ? { audio: `${base}.playback.wav`, peaks: `${base}.peaks`, original: `${base}.${extension}` }
    : { audio: `${base}.${extension}`, peaks: `${base}.peaks`, original: null };
}

/** Absolute path of a store-relative path; refuses anything that would leave the store. */
export function inStore(paths: DataPaths, relativePath: string): string {
  const absolute = resolve(paths.store, relativePath);
  const fromStore = relative(paths.store, absolute);
  if (fromStore === '' || fromStore.startsWith('..') || isAbsolute(fromStore)) {
    throw new Error(`Path ${relativePath} lies outside the store`);
  }
  return absolute;
}

export async function prepareFolder(file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
}

/** Moves a file into place; uploads and store normally share a disk, but not necessarily. */
export async function moveInto(source: string, target: string): Promise<void> {
  await prepareFolder(target);
  try {
    await rename(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(source, target);
    await rm(source, { force: true });
  }
}

export async function removeFromStore(paths: DataPaths, relativePaths: readonly string[]): Promise<void> {
  await Promise.all(relativePaths.map((p) => rm(inStore(paths, p), { force: true })));
}

/**
 * While an import puts files in the store and has not committed its row, an empty journal file
 * named after the content's hash sits in the uploads folder. A crash in between leaves both; at
 * the next start `sweepInterruptedImports` takes those files out again. Only the name matters,
 * so a journal cut short by the crash still counts.
 */
const journalName = (sha256: string) => `${sha256}.importing`;

export function beginStoreWrite(paths: DataPaths, sha256: string): void {
  mkdirSync(paths.uploads, { recursive: true });
  writeFileSync(join(paths.uploads, journalName(sha256)), '');
}

export function endStoreWrite(paths: DataPaths, sha256: string): void {
  rmSync(join(paths.uploads, journalName(sha256)), { force: true });
}

/**
 * Removes what imports stopped by a crash left in the store: every file of a journalled hash that
 * no recording holds. Audio without a row is out of reach of the app and of the retention job.
 * Files without a journal stay (after restoring an older backup, newer imports' audio is still
 * needed when the newer database is restored again). Run at start, before anything imports and
 * before the uploads folder is cleared.
 */
export async function sweepInterruptedImports(db: Db, paths: DataPaths): Promise<number> {
  if (!existsSync(paths.uploads)) return 0;
  let removed = 0;
  for (const name of readdirSync(paths.uploads)) {
    const sha256 = /^([0-9a-f]{64})\.importing$/.exec(name)?.[1];
    if (sha256 === undefined) continue;
    const recorded = await db.selectFrom('recording').select('id').where('sha256', '=', sha256).executeTakeFirst();
    const folder = join(paths.store, sha256.slice(0, 2));
    if (!recorded && existsSync(folder)) {
      for (const file of readdirSync(folder).filter((f) => f.startsWith(`${sha256}.`))) {
        await rm(join(folder, file), { force: true });
        removed += 1;
      }
    }
    endStoreWrite(paths, sha256);
  }
  return removed;
}
