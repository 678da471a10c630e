import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/app';
import { nowIso } from '../../src-main/core/clock';
import { AppError } from '../../src-main/core/errors';
import {
  getPeaks,
  getRecording,
  importRecording,
  listRecordings,
  listTopics,
  mediaFile,
  suggestCallDetails,
  updateCallDetails,
  type ImportInput,
} from '../../src-main/core/recordings/recordings';
import { hasUpload, stageUpload } from '../../src-main/core/recordings/uploads';
import { audioFixture, fixtureCopyAs, type FixtureName } from '../support/audio-fixtures';
import { createTempCore, type TempCore } from '../support/core';

let temp: TempCore;
let core: Core;
beforeEach(async () => {
  temp = await createTempCore();
  core = temp.core;
});
afterEach(() => temp.cleanup());

async function addStaff(role: 'advisor' | 'coach', employeeNumber: string, name: string): Promise<number> {
  const { id } = await core.db
    .insertInto('staff')
    .values({
      employee_number: employeeNumber,
      name,
      team: 'Team Noord',
      role,
      start_date: null,
      status: 'active',
      created_at: nowIso(),
      updated_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function stage(file: string): Promise<string> {
  return stageUpload(core.paths, createReadStream(file));
}

async function importFile(file: string, fileName: string, details: Partial<ImportInput> = {}) {
  const uploadId = await stage(file);
  return importRecording(core, null, { uploadId, fileName, advisorId: null, callAt: null, topic: null, ...details });
}

async function failure(promise: Promise<unknown>, code: AppError['code']): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

function storeFiles(): string[] {
  return readdirSync(core.paths.store, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

async function recordingRows() {
  return core.db.selectFrom('recording').selectAll().execute();
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const maxOf = (values: number[]) => values.reduce((m, v) => Math.max(m, v), -Infinity);
const minOf = (values: number[]) => values.reduce((m, v) => Math.min(m, v), Infinity);

describe('importing a stereo µ-law call', () => {
  it('stores it content-addressed with its peaks and call details from the file name', async () => {
    const advisorId = await addStaff('advisor', '1043', 'Fatima el Amrani');
    const coachId = await addStaff('coach', '2001', 'Jeroen Bakker');
    const file = fixtureCopyAs('stereo-ulaw-8k.wav', '20261103-093512_1043_burgerzaken.wav');
    const [suggestion] = await suggestCallDetails(core.db, ['20261103-093512_1043_burgerzaken.wav']);
    expect(suggestion).toEqual({
      fileName: '20261103-093512_1043_burgerzaken.wav',
      matchedPattern: true,
      employeeNumber: '1043',
      advisorId,
      callAt: '2026-11-03T09:35:12',
      topic: 'burgerzaken',
    });

    const uploadId = await stage(file);
    const result = await importRecording(core, coachId, {
      uploadId,
      fileName: '20261103-093512_1043_burgerzaken.wav',
      advisorId: suggestion?.advisorId ?? null,
      callAt: suggestion?.callAt ?? null,
      topic: suggestion?.topic ?? null,
    });

    expect(result.status).toBe('imported');
    const recording = result.recording;
    expect(recording).toMatchObject({
      originalName: '20261103-093512_1043_burgerzaken.wav',
      sha256: sha256(file),
      container: 'WAV',
      codec: 'G.711 µ-law',
      channels: 2,
      sampleRate: 8000,
      sizeBytes: statSync(file).size,
      advisorId,
      advisorName: 'Fatima el Amrani',
      callAt: '2026-11-03T09:35:12',
      topic: 'burgerzaken',
      audioAvailable: true,
    });
    expect(Math.abs(recording.durationSeconds - 6) / 6).toBeLessThan(0.01);
    expect(hasUpload(core.paths, uploadId)).toBe(false);

    const [row] = await recordingRows();
    const sha = recording.sha256;
    expect(row).toMatchObject({
      stored_path: `${sha.slice(0, 2)}/${sha}.wav`,
      peaks_path: `${sha.slice(0, 2)}/${sha}.peaks`,
      media_type: 'audio/wav',
      imported_by: coachId,
    });
    expect(readFileSync(join(core.paths.store, row!.stored_path!)).equals(readFileSync(file))).toBe(true);
    expect(existsSync(join(core.paths.store, row!.peaks_path!))).toBe(true);

    const media = await mediaFile(core, recording.id);
    expect(media).toEqual({
      path: join(core.paths.store, sha.slice(0, 2), `${sha}.wav`),
      size: statSync(file).size,
      mediaType: 'audio/wav',
    });
  });

  it('gives peaks per channel, within [-1, 1], with the silence in the middle visible', async () => {
    const { recording } = await importFile(audioFixture('stereo-ulaw-8k.wav'), 'stereo-ulaw-8k.wav');
    const peaks = await getPeaks(core, recording.id);
    expect(peaks.channels).toHaveLength(2);
    expect(peaks.peaksPerSecond).toBe(50);
    expect(Math.abs(peaks.durationSeconds - 6)).toBeLessThan(0.06);
    const [left = [], right = []] = peaks.channels;
    expect(left.length).toBe(2 * 300);
    expect(right.length).toBe(2 * 300);
    for (const value of [...left, ...right]) {
      expect(value).toBeGreaterThanOrEqual(-1);
      expect(value).toBeLessThanOrEqual(1);
    }
    // Left plays at 0.5, right at 0.25: the channels must not be mixed up or summed.
    expect(maxOf(left)).toBeCloseTo(0.5, 1);
    expect(maxOf(right)).toBeCloseTo(0.25, 1);
    expect(minOf(left)).toBeCloseTo(-0.5, 1);

    const pairAt = (channel: number[], second: number) => channel.slice(second * 50 * 2, second * 50 * 2 + 2);
    const within = (channel: number[], from: number, to: number) => channel.slice(from * 50 * 2, to * 50 * 2);
    // Silence from 2 s to 4 s (a margin for µ-law's near-zero code and bucket edges).
    for (const value of [...within(left, 2.1, 3.9), ...within(right, 2.1, 3.9)]) expect(Math.abs(value)).toBeLessThan(0.01);
    // Sound on both sides of it.
    expect(maxOf(within(left, 0.5, 1.9))).toBeGreaterThan(0.4);
    expect(maxOf(within(left, 4.1, 5.9))).toBeGreaterThan(0.4);
    expect(maxOf(pairAt(right, 5))).toBeGreaterThan(0.2);
  });
});

describe('durations and formats', () => {
  const cases: { fixture: FixtureName; seconds: number; channels: number; sampleRate: number; codec: string; mediaType: string }[] = [
    { fixture: 'mono-alaw-8k.wav', seconds: 5, channels: 1, sampleRate: 8000, codec: 'G.711 A-law', mediaType: 'audio/wav' },
    { fixture: 'mono-ulaw-8k.wav', seconds: 5, channels: 1, sampleRate: 8000, codec: 'G.711 µ-law', mediaType: 'audio/wav' },
    { fixture: 'pcm16-44k-stereo.wav', seconds: 4, channels: 2, sampleRate: 44100, codec: 'PCM 16-bit', mediaType: 'audio/wav' },
    { fixture: 'pcm24-16k-mono.wav', seconds: 3, channels: 1, sampleRate: 16000, codec: 'PCM 24-bit', mediaType: 'audio/wav' },
    { fixture: 'float32-16k-mono.wav', seconds: 3, channels: 1, sampleRate: 16000, codec: 'PCM float 32-bit', mediaType: 'audio/wav' },
    { fixture: 'call.mp3', seconds: 7, channels: 1, sampleRate: 8000, codec: 'MP3', mediaType: 'audio/mpeg' },
    { fixture: 'stereo-44k.mp3', seconds: 5, channels: 2, sampleRate: 44100, codec: 'MP3', mediaType: 'audio/mpeg' },
  ];

  it.each(cases)('$fixture: $codec, $channels channel(s) at $sampleRate Hz, $seconds s', async (c) => {
    const { status, recording } = await importFile(audioFixture(c.fixture), c.fixture);
    expect(status).toBe('imported');
    expect(recording).toMatchObject({ codec: c.codec, channels: c.channels, sampleRate: c.sampleRate });
    expect(Math.abs(recording.durationSeconds - c.seconds) / c.seconds).toBeLessThan(0.01);
    expect((await mediaFile(core, recording.id)).mediaType).toBe(c.mediaType);

    // Every fixture plays a tone at 0.5: a decoder that scales or signs samples wrongly shows here.
    const peaks = await getPeaks(core, recording.id);
    expect(peaks.channels).toHaveLength(c.channels);
    for (const channel of peaks.channels) {
      expect(maxOf(channel)).toBeGreaterThan(0.4);
      expect(maxOf(channel)).toBeLessThanOrEqual(0.56);
      expect(minOf(channel)).toBeLessThan(-0.4);
    }
  });

  it('imports a 30-minute stereo call with at most ~30k peak pairs per channel', async () => {
    const { recording } = await importFile(audioFixture('long-30min-ulaw.wav'), 'long-30min-ulaw.wav');
    expect(recording.channels).toBe(2);
    expect(Math.abs(recording.durationSeconds - 1800) / 1800).toBeLessThan(0.01);
    const peaks = await getPeaks(core, recording.id);
    expect(peaks.peaksPerSecond).toBeCloseTo(30_000 / 1800, 3);
    for (const channel of peaks.channels) {
      expect(channel.length / 2).toBeGreaterThan(29_000);
      expect(channel.length / 2).toBeLessThanOrEqual(30_001);
    }
  });
});

describe('duplicates', () => {
  it('recognises the same audio under another name and keeps one row and one stored file', async () => {
    const first = await importFile(audioFixture('mono-ulaw-8k.wav'), 'opname-1.wav');
    const copy = fixtureCopyAs('mono-ulaw-8k.wav', '20261103-101500_1043_afval.wav');
    const uploadId = await stage(copy);
    const second = await importRecording(core, null, {
      uploadId,
      fileName: '20261103-101500_1043_afval.wav',
      advisorId: null,
      callAt: null,
      topic: null,
    });

    expect(first.status).toBe('imported');
    expect(second.status).toBe('duplicate');
    expect(second.recording.id).toBe(first.recording.id);
    expect(second.recording.originalName).toBe('opname-1.wav');
    expect(await recordingRows()).toHaveLength(1);
    expect(storeFiles().filter((f) => f.endsWith('.wav'))).toHaveLength(1);
    expect(hasUpload(core.paths, uploadId)).toBe(false);
  });

  it('treats two simultaneous drops of one file as one import and one duplicate', async () => {
    const file = audioFixture('mono-alaw-8k.wav');
    const results = await Promise.all([importFile(file, 'a.wav'), importFile(file, 'b.wav')]);
    expect(results.map((r) => r.status).sort()).toEqual(['duplicate', 'imported']);
    expect(await recordingRows()).toHaveLength(1);
    expect(storeFiles()).toHaveLength(2); // the audio and its peaks
  });
});

describe('files that cannot be imported', () => {
  const cases: { fixture: FixtureName; reason: string | RegExp }[] = [
    { fixture: 'empty.wav', reason: 'het bestand is leeg' },
    { fixture: 'truncated.wav', reason: 'het bestand is afgebroken (de kop meldt meer audio dan er in het bestand zit)' },
    { fixture: 'random.mp3', reason: 'dit is geen audiobestand' },
    { fixture: 'document.wav', reason: 'dit is geen audiobestand, maar een PDF-document' },
    { fixture: 'unknown-codec.wav', reason: 'de codec met WAV-formaatcode 0x4242 wordt nog niet ondersteund' },
  ];

  it.each(cases)('$fixture is refused with a Dutch reason and leaves nothing behind', async ({ fixture, reason }) => {
    const fileName = `20261103-093512_1043_${fixture.replace(/\W/g, '-')}`;
    const uploadId = await stage(audioFixture(fixture));
    const error = await failure(
      importRecording(core, null, { uploadId, fileName, advisorId: null, callAt: null, topic: null }),
      'recording_unreadable',
    );
    expect(error.params.fileName).toBe(fileName);
    expect(error.params.reason).toEqual(reason);
    expect(await recordingRows()).toHaveLength(0);
    expect(storeFiles()).toEqual([]);
    expect(hasUpload(core.paths, uploadId)).toBe(false);
  });

  it('takes stored files back out when recording the import fails afterwards', async () => {
    // An importer id that is no staff member breaks the insert (foreign key) after audio and
    // peaks are already in the store: the last possible moment to fail.
    const uploadId = await stage(audioFixture('stereo-ulaw-8k.wav'));
    const input = { uploadId, fileName: 'gesprek.wav', advisorId: null, callAt: null, topic: null };
    await expect(importRecording(core, 999, input)).rejects.toThrow(/FOREIGN KEY|foreign key/);
    expect(await recordingRows()).toHaveLength(0);
    expect(storeFiles()).toEqual([]);
    expect(hasUpload(core.paths, uploadId)).toBe(false);
  });

  it('says an upload that is gone is missing, naming the file', async () => {
    const error = await failure(
      importRecording(core, null, { uploadId: randomUUID(), fileName: 'gesprek.wav', advisorId: null, callAt: null, topic: null }),
      'upload_missing',
    );
    expect(error.params.fileName).toBe('gesprek.wav');
  });
});

describe('advisors', () => {
  it('refuses a coach as the advisor of a call and keeps the upload for another try', async () => {
    const coachId = await addStaff('coach', '2001', 'Jeroen Bakker');
    const uploadId = await stage(audioFixture('mono-ulaw-8k.wav'));
    const input = { uploadId, fileName: 'gesprek.wav', advisorId: coachId, callAt: null, topic: null };
    const error = await failure(importRecording(core, null, input), 'not_an_advisor');
    expect(error.params.name).toBe('Jeroen Bakker');
    expect(await recordingRows()).toHaveLength(0);
    expect(storeFiles()).toEqual([]);
    expect(hasUpload(core.paths, uploadId)).toBe(true);

    const advisorId = await addStaff('advisor', '1043', 'Fatima el Amrani');
    const retry = await importRecording(core, null, { ...input, advisorId });
    expect(retry.recording.advisorName).toBe('Fatima el Amrani');
  });

  it('refuses an advisor that does not exist', async () => {
    await failure(importFile(audioFixture('mono-ulaw-8k.wav'), 'gesprek.wav', { advisorId: 999 }), 'not_found');
    expect(await recordingRows()).toHaveLength(0);
  });

  it('suggests no advisor for an unknown number or a coach, but still reports the number', async () => {
    await addStaff('coach', '2001', 'Jeroen Bakker');
    const suggestions = await suggestCallDetails(core.db, [
      '20261103-093512_2001_wmo.wav',
      '20261103-093512_7777_onbekend.wav',
      'opname.wav',
    ]);
    expect(suggestions).toEqual([
      {
        fileName: '20261103-093512_2001_wmo.wav',
        matchedPattern: true,
        employeeNumber: '2001',
        advisorId: null,
        callAt: '2026-11-03T09:35:12',
        topic: 'wmo',
      },
      {
        fileName: '20261103-093512_7777_onbekend.wav',
        matchedPattern: true,
        employeeNumber: '7777',
        advisorId: null,
        callAt: '2026-11-03T09:35:12',
        topic: null,
      },
      { fileName: 'opname.wav', matchedPattern: false, employeeNumber: null, advisorId: null, callAt: null, topic: null },
    ]);
  });
});

describe('listing and editing', () => {
  it('lists newest call first, calls without a time last, and filters by advisor', async () => {
    const anna = await addStaff('advisor', '1001', 'Anna de Boer');
    const bram = await addStaff('advisor', '1002', 'Bram Visser');
    const older = await importFile(audioFixture('mono-ulaw-8k.wav'), 'oud.wav', { advisorId: anna, callAt: '2026-11-01T10:00:00' });
    const undated = await importFile(audioFixture('mono-alaw-8k.wav'), 'zonder-tijd.wav', { advisorId: bram });
    const newer = await importFile(audioFixture('stereo-ulaw-8k.wav'), 'nieuw.wav', { advisorId: anna, callAt: '2026-11-03T09:35:12' });

    expect((await listRecordings(core.db)).map((r) => r.id)).toEqual([newer.recording.id, older.recording.id, undated.recording.id]);
    const annas = await listRecordings(core.db, { advisorId: anna });
    expect(annas.map((r) => r.originalName)).toEqual(['nieuw.wav', 'oud.wav']);
    expect(annas.every((r) => r.advisorName === 'Anna de Boer')).toBe(true);
  });

  it('updates call details, refusing a non-advisor', async () => {
    const advisorId = await addStaff('advisor', '1001', 'Anna de Boer');
    const coachId = await addStaff('coach', '2001', 'Jeroen Bakker');
    const { recording } = await importFile(audioFixture('mono-ulaw-8k.wav'), 'gesprek.wav');
    const updated = await updateCallDetails(core.db, recording.id, { advisorId, callAt: '2026-11-04T14:00:00', topic: 'parkeren' });
    expect(updated).toMatchObject({ advisorId, advisorName: 'Anna de Boer', callAt: '2026-11-04T14:00:00', topic: 'parkeren' });
    await failure(updateCallDetails(core.db, recording.id, { advisorId: coachId, callAt: null, topic: null }), 'not_an_advisor');
    expect((await getRecording(core.db, recording.id)).advisorId).toBe(advisorId);
    await failure(getRecording(core.db, 999), 'not_found');
  });

  it('offers the departments as topics', () => {
    expect(listTopics()).toContainEqual({ key: 'burgerzaken', label: 'Burgerzaken' });
  });
});

describe('stored audio', () => {
  it('rebuilds a lost peaks file from the audio', async () => {
    const { recording } = await importFile(audioFixture('stereo-ulaw-8k.wav'), 'gesprek.wav');
    const before = await getPeaks(core, recording.id);
    const [peaksFile] = storeFiles().filter((f) => f.endsWith('.peaks'));
    rmSync(peaksFile!);
    expect(await getPeaks(core, recording.id)).toEqual(before);
    expect(existsSync(peaksFile!)).toBe(true);
  });

  it('reports removed audio once retention cleared the stored path', async () => {
    const { recording } = await importFile(audioFixture('mono-ulaw-8k.wav'), 'gesprek.wav');
    await core.db.updateTable('recording').set({ stored_path: null, peaks_path: null }).where('id', '=', recording.id).execute();
    expect((await getRecording(core.db, recording.id)).audioAvailable).toBe(false);
    await failure(getPeaks(core, recording.id), 'audio_removed');
    await failure(mediaFile(core, recording.id), 'audio_removed');
  });

  it('never serves a file outside the store, whatever the database says', async () => {
    const { recording } = await importFile(audioFixture('mono-ulaw-8k.wav'), 'gesprek.wav');
    await core.db
      .updateTable('recording')
      .set({ stored_path: `..${sep}klankbord.sqlite` })
      .where('id', '=', recording.id)
      .execute();
    await expect(mediaFile(core, recording.id)).rejects.toThrow(/outside the store/);
  });
});
