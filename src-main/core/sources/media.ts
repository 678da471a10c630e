import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import type { Core } from '../app';
import { AppError, notFound } from '../errors';

/** Media types by extension for the formats Chromium plays as they are. */
const playableTypes: Record<string, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  webm: 'audio/webm',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  flac: 'audio/flac',
};

/** Codecs (as the scan's header reader names them) that Chromium cannot decode. */
const unplayableCodecs = [/GSM/i, /ADPCM/i, /G\.722/i, /G\.726/i, /RF64/i, /formaatcode/i];

export interface SourceMedia {
  path: string;
  size: number;
  mediaType: string;
}

/**
 * An indexed file in a folder source, by id, for "play any call" in the library: the path is
 * resolved here from the source's root and the file's relative path (never from the renderer),
 * must stay inside the root, and must exist. Codecs Chromium cannot play get a Dutch error
 * instead of bytes that would fail in the player.
 */
export async function sourceMediaFile(core: Core, sourceFileId: number): Promise<SourceMedia> {
  const file = await core.db
    .selectFrom('source_file')
    .innerJoin('source', 'source.id', 'source_file.source_id')
    .select(['source_file.relative_path', 'source_file.codec', 'source_file.container', 'source.root_path', 'source.name as source_name'])
    .where('source_file.id', '=', sourceFileId)
    .executeTakeFirst();
  if (!file) throw notFound('Het bronbestand');

  const missing = () => new AppError('sample_file_missing', { path: file.relative_path, source: file.source_name });
  const root = resolve(file.root_path);
  const absolute = resolve(root, file.relative_path);
  const inside = relative(root, absolute);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) throw missing();

  const ext = extname(absolute).slice(1).toLowerCase();
  const codec = file.codec ?? '';
  const container = file.container ?? '';
  const unplayable =
    ext === 'aif' || ext === 'aiff' || ext === 'gsm' || /AIFF/i.test(container) || unplayableCodecs.some((re) => re.test(codec));
  if (unplayable) {
    throw new AppError('source_media_unplayable', { path: file.relative_path, codec: codec || container || ext.toUpperCase() });
  }
  const mediaType = playableTypes[ext];
  if (!mediaType) throw new AppError('source_media_unplayable', { path: file.relative_path, codec: codec || ext.toUpperCase() || '?' });

  const info = await stat(absolute).catch(() => null);
  if (!info?.isFile()) throw missing();
  // A link inside the folder must not lead out of it either.
  const [realRoot, realFile] = await Promise.all([realpath(root), realpath(absolute)]);
  const realInside = relative(realRoot, realFile);
  if (realInside === '' || realInside.startsWith('..') || isAbsolute(realInside)) throw missing();
  return { path: absolute, size: info.size, mediaType };
}
