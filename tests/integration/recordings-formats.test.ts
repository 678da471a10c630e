import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, createReadStream, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/app';
import { AppError } from '../../src-main/core/errors';
import { ffmpegPath, overrideFfmpegPath } from '../../src-main/core/recordings/ffmpeg';
import { probeAudio } from '../../src-main/core/recordings/probe';
import { getPeaks, importRecording, mediaFile } from '../../src-main/core/recordings/recordings';
import { hasUpload, stageUpload } from '../../src-main/core/recordings/uploads';
import { audioFixture, fixtureCopyAs, type FixtureName } from '../support/audio-fixtures';
import { createTempCore, tempDir, type TempCore } from '../support/core';

let temp: TempCore;
let core: Core;
beforeEach(async () => {
  temp = await createTempCore();
  core = temp.core;
});
afterEach(async () => {
  overrideFfmpegPath(null);
  await temp.cleanup();
});

async function importFile(file: string, fileName: string) {
  const uploadId = await stageUpload(core.paths, createReadStream(file));
  return importRecording(core, null, { uploadId, fileName, advisorId: null, callAt: null, topic: null });
}

/** Everything in the data folder's store and uploads: an import that failed must leave neither. */
function filesIn(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const maxOf = (values: number[]) => values.reduce((m, v) => Math.max(m, v), -Infinity);
const minOf = (values: number[]) => values.reduce((m, v) => Math.min(m, v), Infinity);

async function recordingRow(id: number) {
  return core.db.selectFrom('recording').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

interface FormatCase {
  fixture: FixtureName;
  container: string;
  codec: string;
  channels: number;
  sampleRate: number;
  seconds: number;
  /** What the player is served. */
  mediaType: string;
  converted: boolean;
  /** Allowed error in seconds when 1% is not achievable; see the case. */
  slack?: number;
}

const played = (
  fixture: FixtureName,
  container: string,
  codec: string,
  channels: number,
  sampleRate: number,
  seconds: number,
  mediaType: string,
): FormatCase => ({
  fixture,
  container,
  codec,
  channels,
  sampleRate,
  seconds,
  mediaType,
  converted: false,
});
/** Chromium cannot play these: the player gets a 16-bit PCM WAV made at import. */
const converted = (
  fixture: FixtureName,
  container: string,
  codec: string,
  channels: number,
  sampleRate: number,
  seconds: number,
): FormatCase => ({
  fixture,
  container,
  codec,
  channels,
  sampleRate,
  seconds,
  mediaType: 'audio/wav',
  converted: true,
});

/** Every format telephony and contact-centre systems export, each a tone at amplitude 0.5. */
const formats: FormatCase[] = [
  played('pcm16-8k-mono.wav', 'WAV', 'PCM 16-bit', 1, 8000, 4, 'audio/wav'),
  played('pcm16-44k-stereo.wav', 'WAV', 'PCM 16-bit', 2, 44100, 4, 'audio/wav'),
  played('pcm16-48k-stereo.wav', 'WAV', 'PCM 16-bit', 2, 48000, 4, 'audio/wav'),
  played('mono-ulaw-8k.wav', 'WAV', 'G.711 µ-law', 1, 8000, 5, 'audio/wav'),
  played('mono-alaw-8k.wav', 'WAV', 'G.711 A-law', 1, 8000, 5, 'audio/wav'),
  converted('gsm-8k.wav', 'WAV', 'GSM 6.10', 1, 8000, 3),
  converted('ima-adpcm-8k.wav', 'WAV', 'IMA ADPCM', 1, 8000, 4.082),
  converted('ms-adpcm-8k.wav', 'WAV', 'MS ADPCM', 1, 8000, 4.072),
  converted('g722-16k.wav', 'WAV', 'G.722', 1, 16000, 4),
  played('call.mp3', 'MP3', 'MP3', 1, 8000, 7, 'audio/mpeg'),
  // Opus always decodes at 48 kHz, whatever rate the encoder was fed.
  played('opus-48k.ogg', 'Ogg', 'Opus', 1, 48000, 3, 'audio/ogg'),
  played('opus-16k-mono.ogg', 'Ogg', 'Opus', 1, 48000, 4, 'audio/ogg'),
  played('vorbis-44k-stereo.ogg', 'Ogg', 'Vorbis', 2, 44100, 4, 'audio/ogg'),
  played('aac-8k-mono.m4a', 'M4A', 'AAC', 1, 8000, 4, 'audio/mp4'),
  played('aac-44k-stereo.m4a', 'M4A', 'AAC', 2, 44100, 4, 'audio/mp4'),
  played('flac-16k-mono.flac', 'FLAC', 'FLAC', 1, 16000, 4, 'audio/flac'),
  played('flac-44k-stereo.flac', 'FLAC', 'FLAC', 2, 44100, 4, 'audio/flac'),
  played('opus-48k.webm', 'WebM', 'Opus', 1, 48000, 4, 'audio/webm'),
  converted('pcm16-8k.aiff', 'AIFF', 'PCM 16-bit', 1, 8000, 4),
  // Raw AAC declares no length, so the encoder's 1024-sample priming (64 ms here) stays in.
  { ...played('aac-16k-mono.aac', 'AAC', 'AAC', 1, 16000, 4, 'audio/aac'), slack: 0.1 },
];

describe('every export format imports with the right shape and length', () => {
  it.each(formats)('$fixture: $codec in $container, $channels ch at $sampleRate Hz, $seconds s', async (c) => {
    const file = audioFixture(c.fixture);
    const { status, recording } = await importFile(file, c.fixture);
    expect(status).toBe('imported');
    expect(recording).toMatchObject({
      container: c.container,
      codec: c.codec,
      channels: c.channels,
      sampleRate: c.sampleRate,
      sha256: sha256(file),
      sizeBytes: statSync(file).size,
    });
    expect(Math.abs(recording.durationSeconds - c.seconds)).toBeLessThan(c.slack ?? c.seconds * 0.01);

    const media = await mediaFile(core, recording.id);
    expect(media.mediaType).toBe(c.mediaType);
    const row = await recordingRow(recording.id);
    expect(row.original_path !== null).toBe(c.converted);

    const peaks = await getPeaks(core, recording.id);
    expect(peaks.channels).toHaveLength(c.channels);
    expect(Math.abs(peaks.durationSeconds - c.seconds)).toBeLessThan(c.slack ?? c.seconds * 0.01);
    for (const channel of peaks.channels) {
      expect(channel.length).toBeGreaterThan(c.seconds * 2 * 40);
      // A tone at 0.5: lossy codecs overshoot at its abrupt start; a wrong scale or sign shows at once.
      expect(maxOf(channel)).toBeGreaterThan(0.4);
      expect(maxOf(channel)).toBeLessThan(0.9);
      expect(minOf(channel)).toBeLessThan(-0.4);
    }
  });
});

describe('formats Chromium cannot play are converted once, keeping the original', () => {
  it('stores GSM 6.10 as 16-bit PCM WAV for the player and the original byte for byte', async () => {
    const file = fixtureCopyAs('gsm-8k.wav', '20261103-093512_1043_burgerzaken.wav');
    const { recording } = await importFile(file, '20261103-093512_1043_burgerzaken.wav');
    const sha = sha256(file);
    expect(recording).toMatchObject({ sha256: sha, codec: 'GSM 6.10', container: 'WAV', sizeBytes: statSync(file).size });

    const row = await recordingRow(recording.id);
    expect(row).toMatchObject({
      stored_path: `${sha.slice(0, 2)}/${sha}.playback.wav`,
      media_type: 'audio/wav',
      original_path: `${sha.slice(0, 2)}/${sha}.wav`,
      original_media_type: 'audio/wav',
      peaks_path: `${sha.slice(0, 2)}/${sha}.peaks`,
    });
    const original = join(core.paths.store, row.original_path!);
    expect(readFileSync(original).equals(readFileSync(file))).toBe(true);

    // The player's file: plain PCM at the original's rate and channels, the same length.
    const media = await mediaFile(core, recording.id);
    expect(media.path).toBe(join(core.paths.store, row.stored_path!));
    const converted = await probeAudio(media.path);
    expect(converted).toMatchObject({ container: 'WAV', codec: 'PCM 16-bit', channels: 1, sampleRate: 8000, needsConversion: false });
    expect(converted.durationSeconds).toBeCloseTo(recording.durationSeconds, 3);
    expect(filesIn(core.paths.store)).toHaveLength(3);
    expect(filesIn(core.paths.uploads)).toEqual([]);
  });

  it('recognises the same GSM file again by the original hash, under another name', async () => {
    const first = await importFile(audioFixture('gsm-8k.wav'), 'opname.wav');
    const second = await importFile(fixtureCopyAs('gsm-8k.wav', '20261104-120000_1043_afval.wav'), '20261104-120000_1043_afval.wav');
    expect(second.status).toBe('duplicate');
    expect(second.recording.id).toBe(first.recording.id);
    expect(await core.db.selectFrom('recording').select('id').execute()).toHaveLength(1);
    expect(filesIn(core.paths.store)).toHaveLength(3); // original, conversion, peaks
    expect(filesIn(core.paths.uploads)).toEqual([]);
  });

  it('takes the original and the conversion back out when recording the import fails last', async () => {
    // An importer id that is no staff member breaks the insert after both files are in the store.
    const uploadId = await stageUpload(core.paths, createReadStream(audioFixture('gsm-8k.wav')));
    const input = { uploadId, fileName: 'gsm.wav', advisorId: null, callAt: null, topic: null };
    await expect(importRecording(core, 999, input)).rejects.toThrow(/FOREIGN KEY|foreign key/);
    expect(filesIn(core.paths.store)).toEqual([]);
    expect(filesIn(core.paths.uploads)).toEqual([]);
  });

  it('rebuilds lost peaks from the conversion, and from an Ogg file through ffmpeg', async () => {
    for (const fixture of ['gsm-8k.wav', 'vorbis-44k-stereo.ogg'] as const) {
      const { recording } = await importFile(audioFixture(fixture), fixture);
      const before = await getPeaks(core, recording.id);
      const row = await recordingRow(recording.id);
      rmSync(join(core.paths.store, row.peaks_path!));
      const after = await getPeaks(core, recording.id);
      expect(after.channels).toHaveLength(before.channels.length);
      expect(after.durationSeconds).toBeCloseTo(before.durationSeconds, 2);
    }
  });
});

describe('files that cannot be imported, per container', () => {
  const cases: { fixture: FixtureName; reason: string }[] = [
    { fixture: 'truncated.ogg', reason: 'het bestand is afgebroken (het Ogg-bestand houdt midden in de audio op)' },
    { fixture: 'truncated.m4a', reason: 'het bestand is afgebroken (het M4A-bestand houdt midden in de audio op)' },
    { fixture: 'truncated-faststart.m4a', reason: 'het bestand is afgebroken (het M4A-bestand houdt midden in de audio op)' },
    { fixture: 'truncated.flac', reason: 'het bestand is afgebroken (het FLAC-bestand houdt midden in de audio op)' },
    { fixture: 'random.ogg', reason: 'dit is geen audiobestand' },
    { fixture: 'document.ogg', reason: 'dit is geen audiobestand, maar een PDF-document' },
    { fixture: 'document.m4a', reason: 'dit is geen audiobestand, maar een ZIP-bestand (bijvoorbeeld een Word- of Excel-document)' },
    { fixture: 'document.flac', reason: 'dit is geen audiobestand, maar een tekstbestand' },
    { fixture: 'unknown-codec.wav', reason: 'de codec met WAV-formaatcode 0x4242 wordt nog niet ondersteund' },
  ];

  it.each(cases)('$fixture: "$reason", nothing stored', async ({ fixture, reason }) => {
    const uploadId = await stageUpload(core.paths, createReadStream(audioFixture(fixture)));
    const error = await importRecording(core, null, { uploadId, fileName: fixture, advisorId: null, callAt: null, topic: null }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('recording_unreadable');
    expect((error as AppError).params).toEqual({ fileName: fixture, reason });
    expect(await core.db.selectFrom('recording').select('id').execute()).toEqual([]);
    expect(filesIn(core.paths.store)).toEqual([]);
    expect(filesIn(core.paths.uploads)).toEqual([]);
    expect(hasUpload(core.paths, uploadId)).toBe(false);
  });

  it('leaves no half-written conversion when ffmpeg dies mid-stream', async () => {
    // A wrapper around the real ffmpeg: probing works, decoding stops after 8 KiB of output and
    // fails, while ffmpeg was already writing the WAV conversion.
    const wrapper = join(tempDir(), 'ffmpeg-breaks');
    writeFileSync(
      wrapper,
      `#!/bin/sh\ncase "$*" in *pipe:1*) "${ffmpegPath()}" "$@" | head -c 8192; exit 1;; esac\nexec "${ffmpegPath()}" "$@"\n`,
    );
    chmodSync(wrapper, 0o755);
    overrideFfmpegPath(wrapper);

    for (const fixture of ['gsm-8k.wav', 'vorbis-44k-stereo.ogg'] as const) {
      const error = await importFile(audioFixture(fixture), fixture).catch((e: unknown) => e);
      expect((error as AppError).code).toBe('recording_unreadable');
      expect((error as AppError).params.reason).toMatch(/kon niet worden gedecodeerd/);
    }
    expect(await core.db.selectFrom('recording').select('id').execute()).toEqual([]);
    expect(filesIn(core.paths.store)).toEqual([]);
    expect(filesIn(core.paths.uploads)).toEqual([]);
  });
});

describe('the bundled ffmpeg', () => {
  it('comes from the npm package, not the system, and runs', () => {
    const path = ffmpegPath();
    expect(path).toContain(join('node_modules', '@ffmpeg-installer'));
    expect(execFileSync(path, ['-version'], { encoding: 'utf8' })).toMatch(/^ffmpeg version/);
  });
});
