import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { DataPaths } from '../paths';

/**
 * Files arrive in two steps: the transport streams the bytes into the uploads folder, then
 * `recordings.import` names the upload by id. The renderer never hands main a file path.
 */
export async function stageUpload(paths: DataPaths, body: Readable | Uint8Array): Promise<string> {
  mkdirSync(paths.uploads, { recursive: true });
  const uploadId = randomUUID();
  const out = createWriteStream(uploadPath(paths, uploadId));
  if (body instanceof Uint8Array) {
    await new Promise<void>((resolve, reject) => {
      out.on('error', reject);
      out.end(body, resolve);
    });
  } else {
    await pipeline(body, out);
  }
  return uploadId;
}

export function uploadPath(paths: DataPaths, uploadId: string): string {
  // uploadId is a validated UUID (contract), so it cannot walk out of the folder.
  return join(paths.uploads, uploadId);
}

export function hasUpload(paths: DataPaths, uploadId: string): boolean {
  return existsSync(uploadPath(paths, uploadId));
}

export function discardUpload(paths: DataPaths, uploadId: string): void {
  rmSync(uploadPath(paths, uploadId), { force: true });
}

/** Uploads never imported (a closed window, a crash) are dropped at start. */
export function clearUploads(paths: DataPaths): void {
  if (!existsSync(paths.uploads)) return;
  for (const name of readdirSync(paths.uploads)) rmSync(join(paths.uploads, name), { force: true, recursive: true });
}
