import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaResponse, parseRange } from '../../src-main/core/media/range';
import { tempDir } from '../support/core';

async function readAll(body: Readable | null): Promise<Buffer> {
  if (!body) throw new Error('expected a body');
  const parts: Buffer[] = [];
  for await (const part of body as AsyncIterable<Buffer>) parts.push(part);
  return Buffer.concat(parts);
}

describe('parseRange', () => {
  it('answers the whole file without a Range header', () => {
    expect(parseRange(undefined, 1000)).toEqual({ kind: 'full' });
    expect(parseRange('', 1000)).toEqual({ kind: 'full' });
  });

  it('reads closed, open-ended and suffix ranges', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(parseRange('bytes=500-', 1000)).toEqual({ kind: 'partial', start: 500, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(parseRange('Bytes = 10 - 19', 1000)).toEqual({ kind: 'partial', start: 10, end: 19 });
  });

  it('clamps a last byte or suffix beyond the end of the file', () => {
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ kind: 'partial', start: 990, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ kind: 'partial', start: 0, end: 999 });
  });

  it('refuses unsatisfiable and malformed ranges', () => {
    for (const header of [
      'bytes=1000-',
      'bytes=1000-1001',
      'bytes=20-10',
      'bytes=-0',
      'bytes=-',
      'bytes=abc',
      'items=0-10',
      'bytes=0-10,20-30',
    ]) {
      expect(parseRange(header, 1000), header).toEqual({ kind: 'unsatisfiable' });
    }
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-10', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});

describe('mediaResponse', () => {
  let dir: string;
  let file: string;
  // Every byte differs from its neighbours, so a slice off by one cannot compare equal.
  const content = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 7 + (i >> 8)) % 256));

  beforeAll(() => {
    dir = tempDir();
    file = join(dir, 'audio.wav');
    writeFileSync(file, content);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers 206 with exactly the requested bytes', async () => {
    const out = mediaResponse(file, content.length, 'audio/wav', 'bytes=1000-1999');
    expect(out.status).toBe(206);
    expect(out.headers).toMatchObject({
      'Content-Type': 'audio/wav',
      'Accept-Ranges': 'bytes',
      'Content-Range': 'bytes 1000-1999/10000',
      'Content-Length': '1000',
    });
    expect((await readAll(out.body)).equals(content.subarray(1000, 2000))).toBe(true);
  });

  it('answers a suffix range with the last bytes', async () => {
    const out = mediaResponse(file, content.length, 'audio/wav', 'bytes=-300');
    expect(out.status).toBe(206);
    expect(out.headers['Content-Range']).toBe('bytes 9700-9999/10000');
    expect((await readAll(out.body)).equals(content.subarray(9700))).toBe(true);
  });

  it('answers an open-ended range up to the end', async () => {
    const out = mediaResponse(file, content.length, 'audio/wav', 'bytes=9990-');
    expect(out.status).toBe(206);
    expect(out.headers['Content-Length']).toBe('10');
    expect((await readAll(out.body)).equals(content.subarray(9990))).toBe(true);
  });

  it('answers 416 with the size when the range lies past the end', () => {
    const out = mediaResponse(file, content.length, 'audio/wav', 'bytes=10000-');
    expect(out.status).toBe(416);
    expect(out.headers['Content-Range']).toBe('bytes */10000');
    expect(out.body).toBeNull();
  });

  it('answers 200 with the whole file without a Range header', async () => {
    const out = mediaResponse(file, content.length, 'audio/mpeg', undefined);
    expect(out.status).toBe(200);
    expect(out.headers).toMatchObject({ 'Content-Type': 'audio/mpeg', 'Accept-Ranges': 'bytes', 'Content-Length': '10000' });
    expect(out.headers['Content-Range']).toBeUndefined();
    expect((await readAll(out.body)).equals(content)).toBe(true);
  });
});
