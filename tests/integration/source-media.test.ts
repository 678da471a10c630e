import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/errors';
import { sourceMediaFile } from '../../src-main/core/sources/media';
import { scanSource } from '../../src-main/core/sources/scan';
import { createSource, listSourceFiles } from '../../src-main/core/sources/sources';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { audioFixture } from '../support/audio-fixtures';
import { createTempHost, tempDir, type TempHost } from '../support/core';
import { tinyWav } from '../support/tiny-wav';

const PATTERN = '{date:yyyyMMdd}-{time:HHmmss}_{employee}_{topic}.wav';
const token = 'bron-token-123';
const auth = { Authorization: `Bearer ${token}` };

let t: TempHost;
let web: WebServer;
let root: string;

async function indexed(): Promise<Map<string, number>> {
  const page = await listSourceFiles(t.core.db, { limit: 500, offset: 0 });
  return new Map(page.rows.map((r) => [r.relativePath, r.id]));
}

beforeEach(async () => {
  t = await createTempHost();
  root = tempDir('klankbord-bron-');
  mkdirSync(join(root, 'november'), { recursive: true });
  writeFileSync(join(root, 'november', '20261103-093512_1043_burgerzaken.wav'), tinyWav({ milliseconds: 500, channels: 2 }));
  copyFileSync(audioFixture('gsm-8k.wav'), join(root, '20261104-101500_1043_belastingen.wav'));
  const source = await createSource(t.core.db, { name: 'Centrale', rootPath: root, patterns: [PATTERN], advisorChannel: 1 });
  await scanSource(t.core, source.id);
  const rendererDir = tempDir('klankbord-renderer-');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Klankbord</title>');
  web = await startWebServer({ host: t.host, rendererDir, token });
});
afterEach(async () => {
  await web.close();
  await t.cleanup();
});

describe('source files by id (play any call)', () => {
  it('serves an indexed file with Range requests and the right bytes', async () => {
    const id = (await indexed()).get('november/20261103-093512_1043_burgerzaken.wav')!;
    expect(id).toBeGreaterThan(0);
    const original = readFileSync(join(root, 'november', '20261103-093512_1043_burgerzaken.wav'));

    const full = await fetch(`${web.url}/media/source/${id}`, { headers: auth });
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await full.arrayBuffer()).equals(original)).toBe(true);

    const part = await fetch(`${web.url}/media/source/${id}`, { headers: { ...auth, Range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${original.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(original.subarray(100, 200))).toBe(true);

    expect((await fetch(`${web.url}/media/source/${id}`)).status).toBe(401);
    expect((await fetch(`${web.url}/media/source/999999`, { headers: auth })).status).toBe(404);
  });

  it('refuses a path that leads out of the source folder', async () => {
    const id = (await indexed()).get('november/20261103-093512_1043_burgerzaken.wav')!;
    const outside = tempDir('klankbord-elders-');
    writeFileSync(join(outside, 'geheim.wav'), tinyWav({ milliseconds: 100 }));
    // A tampered index row (or another source's root) must not reach files elsewhere.
    for (const evil of ['../' + outside.split('/').pop()! + '/geheim.wav', join(outside, 'geheim.wav'), '..', '.']) {
      await t.core.db.updateTable('source_file').set({ relative_path: evil }).where('id', '=', id).execute();
      await expect(sourceMediaFile(t.core, id)).rejects.toMatchObject({ code: 'sample_file_missing' });
      const res = await fetch(`${web.url}/media/source/${id}`, { headers: auth });
      expect(res.status).toBe(404);
    }
    // Only digits are an id: anything else is not the media route (the app page answers instead).
    const byPath = await fetch(`${web.url}/media/source/..%2F..%2Fetc%2Fpasswd`, { headers: auth });
    expect(byPath.headers.get('content-type')).not.toMatch(/^audio\//);
    expect(await byPath.text()).not.toContain('root:');
  });

  it('says in Dutch why a GSM file does not play, instead of sending bytes Chromium cannot decode', async () => {
    const id = (await indexed()).get('20261104-101500_1043_belastingen.wav')!;
    const error = await sourceMediaFile(t.core, id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('source_media_unplayable');
    const res = await fetch(`${web.url}/media/source/${id}`, { headers: auth });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('source_media_unplayable');
    expect(body.message).toContain('GSM 6.10');
    expect(body.message).toContain('kan niet direct worden afgespeeld');
  });
});
