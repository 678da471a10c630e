import { createReadStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importRecording } from '../../src-main/core/recordings/recordings';
import { stageUpload } from '../../src-main/core/recordings/uploads';
import { startWebServer, type WebServer } from '../../src-main/web/server';
import { audioFixture } from '../support/audio-fixtures';
import { createTempHost, tempDir, type TempHost } from '../support/core';
import { insertStaff } from '../support/seed';

let t: TempHost;
let web: WebServer;
const token = 'proef-token-123';
const auth = { Authorization: `Bearer ${token}` };

beforeEach(async () => {
  t = await createTempHost();
  const rendererDir = tempDir('klankbord-renderer-');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Klankbord</title>');
  web = await startWebServer({ host: t.host, rendererDir, token });
});
afterEach(async () => {
  await web.close();
  await t.cleanup();
});

const post = (channel: string, body: unknown, headers: Record<string, string> = auth) =>
  fetch(`${web.url}/ipc/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('loopback web transport', () => {
  it('refuses requests without the per-run token', async () => {
    expect((await post('staff.list', {}, {})).status).toBe(401);
    expect((await post('staff.list', {}, { Authorization: 'Bearer fout' })).status).toBe(401);
    expect((await fetch(`${web.url}/`)).status).toBe(401);
    expect((await fetch(`${web.url}/media/1`)).status).toBe(401);
  });

  it('trades the token in the link for a same-site, HTTP-only cookie', async () => {
    const login = await fetch(web.loginUrl, { redirect: 'manual' });
    expect(login.status).toBe(302);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`${web.url}/`, { headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request(`${web.url}/ipc/staff.list`, { method: 'POST', headers: { ...auth, Host: 'evil.example:80' } }, (res) =>
        resolve(res.statusCode ?? 0),
      );
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('runs channels through the same dispatch, including typed errors for bad JSON', async () => {
    const created = await post('staff.create', {
      name: 'Noor Yilmaz',
      employeeNumber: '2051',
      team: 'KCC',
      role: 'advisor',
      startDate: null,
      status: 'active',
    });
    expect(await created.json()).toMatchObject({ ok: true, data: { name: 'Noor Yilmaz' } });
    const broken = await fetch(`${web.url}/ipc/staff.list`, { method: 'POST', headers: auth, body: '{niet-json' });
    expect(await broken.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('streams media by recording id with HTTP Range', async () => {
    const advisor = await insertStaff(t.core, 'advisor', 'Sanne de Vries');
    const file = audioFixture('stereo-ulaw-8k.wav');
    const uploadId = await stageUpload(t.core.paths, createReadStream(file));
    const { recording } = await importRecording(t.core, null, {
      uploadId,
      fileName: 'gesprek.wav',
      advisorId: advisor,
      callAt: null,
      topic: null,
    });
    const bytes = readFileSync(file);

    const partial = await fetch(`${web.url}/media/${recording.id}`, { headers: { ...auth, Range: 'bytes=100-199' } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`);
    expect(Buffer.from(await partial.arrayBuffer())).toEqual(bytes.subarray(100, 200));

    const tail = await fetch(`${web.url}/media/${recording.id}`, { headers: { ...auth, Range: 'bytes=-50' } });
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(bytes.subarray(bytes.length - 50));

    const beyond = await fetch(`${web.url}/media/${recording.id}`, { headers: { ...auth, Range: `bytes=${bytes.length + 10}-` } });
    expect(beyond.status).toBe(416);

    expect((await fetch(`${web.url}/media/9999`, { headers: auth })).status).toBe(404);
    const traversal = await fetch(`${web.url}/media/..%2F..%2Fklankbord.sqlite`, { headers: auth });
    expect(await traversal.text()).not.toContain('SQLite format');
  });

  it('announces writes to listeners over server-sent events', async () => {
    const controller = new AbortController();
    const events = await fetch(`${web.url}/events`, { headers: auth, signal: controller.signal });
    const reader = events.body!.getReader();
    await reader.read(); // the greeting comment
    await post('staff.create', {
      name: 'Daan Peters',
      employeeNumber: '3001',
      team: '',
      role: 'advisor',
      startDate: null,
      status: 'active',
    });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('event: data.changed\ndata: {"topics":["staff"]}');
    controller.abort();
  });

  it('forwards scan progress over server-sent events', async () => {
    const folder = tempDir('klankbord-bron-');
    writeFileSync(join(folder, '20261103-093512_1043_a.wav'), readFileSync(audioFixture('pcm16-8k-mono.wav')));
    const created = (await (
      await post('sources.create', { name: 'Centrale', rootPath: folder, patterns: ['{date}-{time}_{employee}_*.wav'] })
    ).json()) as {
      data: { id: number };
    };
    const controller = new AbortController();
    const events = await fetch(`${web.url}/events`, { headers: auth, signal: controller.signal });
    const reader = events.body!.getReader();
    await reader.read(); // the greeting comment
    expect((await post('sources.scan', { id: created.data.id })).status).toBe(200);
    let text = '';
    while (!text.includes('"done":true')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain(`event: scan.progress\ndata: {"sourceId":${created.data.id},`);
    controller.abort();
  });
});
