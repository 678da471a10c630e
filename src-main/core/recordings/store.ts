import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
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
