import { chmodSync, copyFileSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../src-main/contract';
import { createStaff } from '../../src-main/core/staff/staff';
import { startEvaluation } from '../../src-main/core/evaluations/evaluations';
import { AppError } from '../../src-main/core/errors';
import { cancelScan, scanSource } from '../../src-main/core/sources/scan';
import {
  createSource,
  listSourceFiles,
  listSources,
  previewPatterns,
  removeSource,
  updateSource,
} from '../../src-main/core/sources/sources';
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { audioFixture, type FixtureName } from '../support/audio-fixtures';
import { createTempCore, tempDir, type TempCore } from '../support/core';
import { insertRecording } from '../support/seed';
import { tinyWav } from '../support/tiny-wav';

const CLASSIC = '{date:yyyyMMdd}-{time:HHmmss}_{employee}_{topic}.wav';
const PLATFORM = '{callid}_{direction}_{employee}_{date:yyyy-MM-dd}_{time:HH-mm-ss}.*';

let t: TempCore;
let root: string;
const cleanups: string[] = [];
const ids = { anna: 0, bram: 0, coach: 0 };

function put(relative: string, content: Buffer | string): string {
  const target = join(root, relative);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
  return target;
}
function putFixture(relative: string, fixture: FixtureName): void {
  const target = join(root, relative);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(audioFixture(fixture), target);
}

async function staff(employeeNumber: string, name: string, role: 'advisor' | 'coach'): Promise<number> {
  const member = await createStaff(t.core.db, { employeeNumber, name, team: 'KCC', role, startDate: null, status: 'active' });
  return member.id;
}

async function newSource(patterns = [CLASSIC, PLATFORM]) {
  return createSource(t.core.db, { name: 'Telefooncentrale', rootPath: root, patterns, advisorChannel: 1 });
}

async function files(query: Parameters<typeof listSourceFiles>[1] extends infer Q ? Partial<Q> : never = {}) {
  return listSourceFiles(t.core.db, { limit: 500, offset: 0, ...query });
}

beforeEach(async () => {
  t = await createTempCore();
  root = tempDir('klankbord-bron-');
  cleanups.push(root);
  ids.anna = await staff('1043', 'Anna de Vries', 'advisor');
  ids.bram = await staff('2001', 'Bram Jansen', 'advisor');
  ids.coach = await staff('3001', 'Carla Coach', 'coach');
});
afterEach(async () => {
  await t.cleanup();
  for (const dir of cleanups.splice(0)) {
    try {
      chmodSync(dir, 0o755);
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The standard folder: nested, with good, unmatched, unreadable and ignored files. */
function buildFolder(): void {
  put('2026/11/20261103-093512_1043_burgerzaken.wav', tinyWav({ milliseconds: 2000 }));
  put('2026/11/20261104-101500_1043_belastingen.wav', tinyWav({ milliseconds: 500 }));
  put('2026/11/20261105-120000_01043_Werk en inkomen.wav', tinyWav({ milliseconds: 1000, channels: 2 }));
  put('2026/12/20261201-080000_2001_afval.wav', tinyWav({ milliseconds: 3000 }));
  putFixture('2026/11/20261106-090000_2001_parkeren.wav', 'stereo-ulaw-8k.wav');
  putFixture('diversen/abc-123_uit_2001_2026-11-08_14-00-00.ogg', 'opus-48k.ogg');
  putFixture('diversen/def-456_in_1043_2026-11-09_10-00-00.mp3', 'call.mp3');
  put('20261105-120000_3001_afval.wav', tinyWav());
  put('20261105-120000_9999_afval.wav', tinyWav());
  put('notitie van café-overleg.wav', tinyWav());
  put('20261131-120000_1043_afval.wav', tinyWav());
  putFixture('20261107-090000_1043_afval.wav', 'truncated.wav');
  put('20261107-100000_2001_afval.wav', Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'));
  put('leesmij.txt', 'geen audio');
  put('verslag.pdf', '%PDF-1.4');
}

describe('source scanning', () => {
  it('indexes a nested folder by name and header, maps advisors and explains every unmatched file', async () => {
    buildFolder();
    const outside = tempDir('klankbord-buiten-');
    cleanups.push(outside);
    writeFileSync(join(outside, '20261110-090000_1043_afval.wav'), tinyWav());
    symlinkSync(outside, join(root, 'koppeling'));
    symlinkSync(join(outside, '20261110-090000_1043_afval.wav'), join(root, '20261110-090000_1043_afval.wav'));

    const source = await newSource();
    const progress: number[] = [];
    const summary = await scanSource(t.core, source.id, { onProgress: (count) => progress.push(count) });

    expect(summary).toMatchObject({
      status: 'done',
      filesSeen: 13,
      filesNew: 13,
      filesChanged: 0,
      filesUnmatched: 6,
      filesMissing: 0,
      problem: null,
    });
    expect(progress.at(-1)).toBe(13);
    const page = await files();
    expect(page.total).toBe(13);
    const byName = new Map(page.rows.map((r) => [r.relativePath, r]));
    // Symbolic links are not followed, so nothing outside the root is indexed.
    expect([...byName.keys()].some((p) => p.includes('koppeling') || p.startsWith('20261110'))).toBe(false);

    expect(byName.get('2026/11/20261103-093512_1043_burgerzaken.wav')).toMatchObject({
      status: 'matched',
      advisorId: ids.anna,
      advisorName: 'Anna de Vries',
      callAt: '2026-11-03T09:35:12',
      topic: 'burgerzaken',
      container: 'WAV',
      codec: 'PCM 16-bit',
      channels: 1,
      sampleRate: 8000,
      durationSeconds: 2,
      problem: null,
    });
    expect(byName.get('2026/11/20261105-120000_01043_Werk en inkomen.wav')).toMatchObject({
      advisorId: ids.anna,
      topic: 'werk-en-inkomen',
      channels: 2,
    });
    expect(byName.get('2026/11/20261106-090000_2001_parkeren.wav')).toMatchObject({
      codec: 'G.711 µ-law',
      channels: 2,
      durationSeconds: 6,
    });
    const ogg = byName.get('diversen/abc-123_uit_2001_2026-11-08_14-00-00.ogg');
    expect(ogg).toMatchObject({
      status: 'matched',
      advisorId: ids.bram,
      direction: 'out',
      callId: 'abc-123',
      callAt: '2026-11-08T14:00:00',
      container: 'Ogg',
    });
    const mp3 = byName.get('diversen/def-456_in_1043_2026-11-09_10-00-00.mp3');
    expect(mp3).toMatchObject({ status: 'matched', direction: 'in', container: 'MPEG', sampleRate: 8000 });

    expect(byName.get('20261105-120000_3001_afval.wav')).toMatchObject({
      status: 'unmatched',
      problem: '"20261105-120000_3001_afval.wav": personeelsnummer 3001 is van Carla Coach, die geen klantadviseur is',
    });
    expect(byName.get('20261105-120000_9999_afval.wav')?.problem).toBe(
      '"20261105-120000_9999_afval.wav": personeelsnummer 9999 is onbekend (importeer of voeg de medewerker toe)',
    );
    expect(byName.get('notitie van café-overleg.wav')?.problem).toContain('"notitie van café-overleg.wav" past op geen van de 2 patronen');
    expect(byName.get('20261131-120000_1043_afval.wav')?.problem).toBe(
      '"20261131-120000_1043_afval.wav": de datum 2026-11-31 bestaat niet',
    );
    expect(byName.get('20261107-090000_1043_afval.wav')).toMatchObject({
      status: 'unreadable',
      advisorId: ids.anna, // the name still maps; the header does not read
      problem: '"20261107-090000_1043_afval.wav": het bestand is afgebroken (de kop meldt meer audio dan er in het bestand zit)',
    });
    expect(byName.get('20261107-100000_2001_afval.wav')).toMatchObject({ status: 'unreadable' });
    expect(byName.get('20261107-100000_2001_afval.wav')?.problem).toContain('WAV-bestand is beschadigd');

    const [listed] = await listSources(t.core.db);
    expect(listed?.counts).toEqual({ files: 13, matched: 7, unmatched: 4, unreadable: 2, inStore: 0 });
    expect(listed?.lastRun).toMatchObject({ status: 'done', filesSeen: 13 });
    expect(listed?.lastScanAt).not.toBeNull();
  });

  it('re-scans only new and changed files, re-maps names after a roster change, keeps missing files', async () => {
    buildFolder();
    const source = await newSource();
    await scanSource(t.core, source.id);
    const before = await files();
    const indexedAt = new Map(before.rows.map((r) => [r.relativePath, r.indexedAt]));

    const again = await scanSource(t.core, source.id);
    expect(again).toMatchObject({ status: 'done', filesSeen: 13, filesNew: 0, filesChanged: 0, filesUnmatched: 0, filesMissing: 0 });

    // One new file, one changed (new content and mtime), one mtime-only touch, one removed.
    put('2026/12/20261202-080000_2001_afval.wav', tinyWav());
    const changed = put('2026/11/20261104-101500_1043_belastingen.wav', tinyWav({ milliseconds: 4000 }));
    const touched = join(root, '2026/12/20261201-080000_2001_afval.wav');
    const later = new Date(statSync(touched).mtimeMs + 60_000);
    utimesSync(touched, later, later);
    utimesSync(changed, later, later);
    rmSync(join(root, 'leesmij.txt'));
    rmSync(join(root, '20261105-120000_3001_afval.wav'));
    // The unknown employee joins the roster.
    const newcomer = await staff('9999', 'Nadia Nieuw', 'advisor');

    const third = await scanSource(t.core, source.id);
    expect(third).toMatchObject({ filesSeen: 13, filesNew: 1, filesChanged: 2, filesUnmatched: 0, filesMissing: 1 });
    const after = new Map((await files()).rows.map((r) => [r.relativePath, r]));
    expect(after.size).toBe(14); // the removed file is kept
    expect(after.get('2026/11/20261104-101500_1043_belastingen.wav')?.durationSeconds).toBe(4);
    expect(after.get('20261105-120000_9999_afval.wav')).toMatchObject({ status: 'matched', advisorId: newcomer, problem: null });
    expect(after.get('20261105-120000_3001_afval.wav')?.status).toBe('unmatched');
    // Unchanged files were not rewritten.
    expect(after.get('2026/11/20261103-093512_1043_burgerzaken.wav')?.indexedAt).toBe(
      indexedAt.get('2026/11/20261103-093512_1043_burgerzaken.wav'),
    );
  });

  it('applies changed patterns at the next scan without reading unchanged files again', async () => {
    put('opname 1043 03-11-2026.wav', tinyWav());
    const source = await newSource([CLASSIC]);
    await scanSource(t.core, source.id);
    expect((await files()).rows[0]?.status).toBe('unmatched');
    await updateSource(t.core.db, source.id, { patterns: [CLASSIC, 'opname {employee} {date:dd-MM-yyyy}.wav'] });
    const summary = await scanSource(t.core, source.id);
    expect(summary).toMatchObject({ filesNew: 0, filesChanged: 0 });
    expect((await files()).rows[0]).toMatchObject({ status: 'matched', advisorId: ids.anna, callAt: '2026-11-03T00:00:00' });
  });

  it('stops on cancel and leaves a consistent index that the next scan completes', async () => {
    for (let i = 0; i < 1200; i++)
      put(`map-${i % 7}/20261103-0900${String(i % 60).padStart(2, '0')}_1043_afval-${i}.wav`, tinyWav({ milliseconds: 1 }));
    const source = await newSource(['{date}-{time}_{employee}_*.wav']);
    const controller = new AbortController();
    const cancelled = await scanSource(t.core, source.id, { signal: controller.signal, onProgress: () => controller.abort() });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.filesSeen).toBeLessThan(1200);
    const partial = await files();
    expect(partial.total).toBe(cancelled.filesNew);
    expect(partial.rows.every((r) => r.status === 'matched' && r.durationSeconds !== null && r.advisorId === ids.anna)).toBe(true);
    expect((await listSources(t.core.db))[0]).toMatchObject({ scanning: false, lastScanAt: null, lastRun: { status: 'cancelled' } });

    const rest = await scanSource(t.core, source.id);
    expect(rest).toMatchObject({ status: 'done', filesSeen: 1200, filesNew: 1200 - cancelled.filesNew, filesChanged: 0 });
    expect((await files()).total).toBe(1200);
  });

  it('cancels by source id and refuses a second scan of the same source meanwhile', async () => {
    for (let i = 0; i < 400; i++) put(`20261103-090000_1043_x${i}.wav`, tinyWav({ milliseconds: 1 }));
    const source = await newSource(['{date}-{time}_{employee}_*.wav']);
    let second: unknown = null;
    const summary = await scanSource(t.core, source.id, {
      onProgress: () => {
        void scanSource(t.core, source.id).catch((error: unknown) => (second = error));
        cancelScan(t.core.db, source.id);
      },
    });
    expect(summary.status).toBe('cancelled');
    expect(second).toBeInstanceOf(AppError);
    expect((second as AppError).code).toBe('source_scan_running');
    expect(cancelScan(t.core.db, source.id)).toBe(false);
  });

  it('lists an unreadable sub-folder as a problem and goes on', async (ctx) => {
    put('20261103-093512_1043_burgerzaken.wav', tinyWav());
    put('geheim/20261103-093512_2001_afval.wav', tinyWav());
    chmodSync(join(root, 'geheim'), 0o000);
    let enforced = true;
    try {
      readdirSync(join(root, 'geheim'));
      enforced = false; // root (as in CI containers) reads it anyway
    } catch {
      // permissions are enforced
    }
    if (!enforced) {
      chmodSync(join(root, 'geheim'), 0o755);
      ctx.skip();
    }
    const source = await newSource();
    const summary = await scanSource(t.core, source.id);
    chmodSync(join(root, 'geheim'), 0o755);
    expect(summary).toMatchObject({ status: 'done', filesSeen: 1 });
    expect(summary.problem).toBe('Map "geheim" kon niet worden gelezen: geen toegang (rechten)');
  });

  it('refuses a folder that does not exist and fails a scan whose folder went away, naming the path', async () => {
    const missing = join(root, 'bestaat-niet');
    await expect(createSource(t.core.db, { name: 'X', rootPath: missing, patterns: [CLASSIC], advisorChannel: 1 })).rejects.toMatchObject({
      code: 'source_folder_unreadable',
      params: { path: missing, reason: 'de map bestaat niet (meer)' },
    });
    await expect(createSource(t.core.db, { name: 'X', rootPath: root, patterns: ['{datum}'], advisorChannel: 1 })).rejects.toMatchObject({
      code: 'source_pattern_invalid',
    });
    const gone = join(root, 'weg');
    mkdirSync(gone);
    const source = await createSource(t.core.db, { name: 'X', rootPath: gone, patterns: [CLASSIC], advisorChannel: 1 });
    rmSync(gone, { recursive: true });
    const summary = await scanSource(t.core, source.id);
    expect(summary.status).toBe('failed');
    expect(summary.problem).toBe(`Map "${gone}" kon niet worden gelezen: de map bestaat niet (meer)`);
  });

  it('previews how the first files map, alphabetically, reporting unusable patterns', async () => {
    buildFolder();
    const preview = await previewPatterns(t.core.db, root, ['{datum}', CLASSIC], 3);
    expect(preview.patternErrors).toEqual([
      {
        index: 0,
        message:
          'Patroon 1 ("{datum}"): onbekend veld {datum} (bekende velden: {date}, {time}, {employee}, {topic}, {direction}, {callid})',
      },
    ]);
    // A folder's own files first, then its sub-folders, each alphabetically.
    expect(preview.rows.map((r) => r.relativePath)).toEqual([
      '20261105-120000_3001_afval.wav',
      '20261105-120000_9999_afval.wav',
      '20261107-090000_1043_afval.wav',
    ]);
    expect(preview.rows[0]).toMatchObject({ status: 'unmatched', patternIndex: 1, employeeNumber: '3001', advisorId: null });
    expect(preview.rows[0]?.problem).toContain('geen klantadviseur');
    expect(preview.rows[2]).toMatchObject({
      status: 'matched',
      patternIndex: 1,
      advisorName: 'Anna de Vries',
      topic: 'afval',
      callAt: '2026-11-07T09:00:00',
    });
    const deeper = await previewPatterns(t.core.db, join(root, '2026'), [CLASSIC]);
    expect(deeper.rows[0]).toMatchObject({ relativePath: '11/20261103-093512_1043_burgerzaken.wav', status: 'matched' });
    // Nothing was stored.
    expect((await files()).total).toBe(0);
  });

  it('filters the library by advisor, month, topic, duration, status and evaluated', async () => {
    buildFolder();
    const source = await newSource();
    await scanSource(t.core, source.id);
    const names = async (query: Parameters<typeof files>[0]) => (await files(query)).rows.map((r) => r.relativePath.split('/').pop());

    expect(await names({ advisorId: ids.bram, period: '2026-12' })).toEqual(['20261201-080000_2001_afval.wav']);
    expect((await files({ advisorId: ids.anna, status: 'matched' })).total).toBe(4);
    expect(await names({ period: '2026-11', topic: 'burgerzaken' })).toEqual(['20261103-093512_1043_burgerzaken.wav']);
    expect(await names({ minDuration: 1.5, maxDuration: 2.5 })).toEqual(['20261103-093512_1043_burgerzaken.wav']);
    expect((await files({ status: 'unreadable' })).total).toBe(2);
    expect((await files({ sourceId: source.id, limit: 2, offset: 0 })).rows).toHaveLength(2);
    expect((await files({ limit: 2, offset: 0 })).total).toBe(13);

    // Link one file to an evaluated recording.
    const recordingId = await insertRecording(t.core, ids.anna);
    await startEvaluation(t.core.db, ids.coach, recordingId);
    await t.core.db
      .updateTable('source_file')
      .set({ recording_id: recordingId })
      .where('relative_path', '=', '2026/11/20261103-093512_1043_burgerzaken.wav')
      .execute();
    expect(await names({ evaluated: true })).toEqual(['20261103-093512_1043_burgerzaken.wav']);
    expect((await files({ evaluated: false })).total).toBe(12);
    expect((await listSources(t.core.db))[0]?.counts.inStore).toBe(1);

    await removeSource(t.core.db, source.id);
    expect((await files()).total).toBe(0);
    expect(await t.core.db.selectFrom('recording').select('id').execute()).toHaveLength(1);
  });
});

describe('sources over dispatch', () => {
  it('runs a scan through the contract and emits scan.progress events', async () => {
    for (let i = 0; i < 200; i++)
      put(`20261103-0900${String(i % 60).padStart(2, '0')}_1043_burgerzaken-${i}.wav`, tinyWav({ milliseconds: 1 }));
    const d = createDispatcher(t.core);
    const events: { event: EventName; payload: unknown }[] = [];
    d.onEvent((event, payload) => events.push({ event, payload }));
    const changes: string[][] = [];
    d.onChange((topics) => changes.push(topics));

    const created = await d.dispatch('sources.create', { name: 'Centrale', rootPath: root, patterns: ['{date}-{time}_{employee}_*.wav'] });
    expect(created.ok).toBe(true);
    const sourceId = created.ok ? (created.data as { id: number }).id : 0;
    const result = await d.dispatch('sources.scan', { id: sourceId });
    expect(result).toMatchObject({ ok: true, data: { status: 'done', filesSeen: 200, filesNew: 200 } });
    const progress = events
      .filter((e) => e.event === 'scan.progress')
      .map((e) => e.payload as { count: number; done: boolean; sourceId: number; runId: number });
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toMatchObject({ sourceId, count: 200, done: true });
    expect(progress.slice(0, -1).every((p) => !p.done && p.runId === progress.at(-1)?.runId)).toBe(true);
    expect(changes).toContainEqual(['sources']);

    const updated = await d.dispatch('sources.update', { id: sourceId, advisorChannel: 2 });
    expect(updated).toMatchObject({ ok: true, data: { advisorChannel: 2, name: 'Centrale' } });
    const renamed = await d.dispatch('sources.update', { id: sourceId, name: 'Centrale Noord' });
    expect(renamed).toMatchObject({ ok: true, data: { advisorChannel: 2, name: 'Centrale Noord', counts: { files: 200, matched: 200 } } });
    const page = await d.dispatch('sources.files', { advisorId: ids.anna, limit: 10 });
    expect(page).toMatchObject({ ok: true, data: { total: 200 } });
    expect(await d.dispatch('sources.cancelScan', { id: sourceId })).toEqual({ ok: true, data: { cancelled: false } });
    const preview = await d.dispatch('sources.preview', { rootPath: join(root, 'nergens'), patterns: [] });
    expect(preview).toMatchObject({ ok: false, error: { code: 'source_folder_unreadable' } });
    if (!preview.ok) expect(preview.error.message).toContain(join(root, 'nergens'));
  });
});
