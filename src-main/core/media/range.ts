import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';

export type ByteRange = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

const single = /^bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i;

/**
 * Reads an HTTP Range header for one byte range (`a-b`, `a-`, `-n`), which is all a media
 * element sends when it seeks. Multiple ranges and malformed headers are refused with 416 rather
 * than guessed at. `end` is inclusive, as in Content-Range.
 */
export function parseRange(header: string | undefined, size: number): ByteRange {
  if (header === undefined || header.trim() === '') return { kind: 'full' };
  const m = single.exec(header.trim());
  if (!m) return { kind: 'unsatisfiable' };
  const [, first = '', last = ''] = m;
  if (first === '' && last === '') return { kind: 'unsatisfiable' };
  if (first === '') {
    const suffix = Number(last);
    if (!Number.isSafeInteger(suffix) || suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const requestedEnd = last === '' ? size - 1 : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(requestedEnd) || requestedEnd < start || start >= size) {
    return { kind: 'unsatisfiable' };
  }
  // A last byte past the end is allowed and means "to the end" (RFC 9110, 14.1.2).
  return { kind: 'partial', start, end: Math.min(requestedEnd, size - 1) };
}

export interface MediaResponse {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  body: Readable | null;
}

/** One answer for both transports: the web server's media route and Electron's protocol handler. */
export function mediaResponse(file: string, size: number, mediaType: string, rangeHeader: string | undefined): MediaResponse {
  const range = parseRange(rangeHeader, size);
  const common = { 'Content-Type': mediaType, 'Accept-Ranges': 'bytes' };
  switch (range.kind) {
    case 'unsatisfiable':
      return { status: 416, headers: { ...common, 'Content-Range': `bytes */${size}`, 'Content-Length': '0' }, body: null };
    case 'full':
      return {
        status: 200,
        headers: { ...common, 'Content-Length': String(size) },
        body: createReadStream(file),
      };
    case 'partial':
      return {
        status: 206,
        headers: {
          ...common,
          'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
          'Content-Length': String(range.end - range.start + 1),
        },
        body: createReadStream(file, { start: range.start, end: range.end }),
      };
  }
}
