import { opendir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors';
import { audioExtension } from './header';

export type WalkItem =
  | { kind: 'file'; relativePath: string; absolutePath: string; extension: string }
  | { kind: 'problem'; relativePath: string; message: string };

/** A file-system error code in words a coach (or the IT desk) understands. */
export function describeFsError(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'geen toegang (rechten)';
    case 'ENOENT':
      return 'de map bestaat niet (meer)';
    case 'ENOTDIR':
      return 'dit is geen map';
    case 'EHOSTDOWN':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
      return 'de netwerklocatie is niet bereikbaar';
    default:
      return code ? `leesfout ${code}` : 'onbekende leesfout';
  }
}

/** Throws `source_folder_unreadable` naming the path unless it is a folder we can list. */
export async function assertReadableFolder(path: string): Promise<void> {
  try {
    const info = await stat(path);
    if (!info.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    const dir = await opendir(path);
    await dir.close();
  } catch (error) {
    throw new AppError('source_folder_unreadable', { path, reason: describeFsError(error) }, { cause: error });
  }
}

/**
 * Audio files under `root`, recursively, streaming (one directory handle open at a time).
 * Symbolic links are never followed, so a scan stays inside the root. A sub-folder that cannot be
 * read is reported as a problem and the walk goes on. `sorted` lists each folder alphabetically
 * (for the preview); a scan takes the order the file system gives, which is faster on shares.
 */
export async function* walkAudio(root: string, options: { sorted?: boolean } = {}): AsyncGenerator<WalkItem> {
  const pending: string[] = [''];
  while (pending.length > 0) {
    const relativeDir = pending.pop() ?? '';
    const absoluteDir = relativeDir ? join(root, relativeDir) : root;
    const subdirs: string[] = [];
    try {
      const entries = options.sorted
        ? (await readdir(absoluteDir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name, 'nl'))
        : await opendir(absoluteDir, { bufferSize: 256 });
      for await (const entry of entries) {
        const relativePath = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) subdirs.push(relativePath);
        else if (entry.isFile()) {
          const extension = audioExtension(entry.name);
          if (extension) yield { kind: 'file', relativePath, absolutePath: join(root, relativePath), extension };
        }
        // Symbolic links, sockets and devices are skipped.
      }
    } catch (error) {
      yield {
        kind: 'problem',
        relativePath: relativeDir || '.',
        message: `Map "${relativeDir || root}" kon niet worden gelezen: ${describeFsError(error)}`,
      };
    }
    // Depth first, in listing order.
    for (let i = subdirs.length - 1; i >= 0; i--) pending.push(subdirs[i] ?? '');
  }
}
