import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { sql } from 'kysely';
import type { z } from 'zod';
import departments from '../../../resources/departments.json';
import type { CallDetails, ImportResult, importInput, Peaks, Recording, Suggestion, Topic } from '../../contract';
import type { Core } from '../app';
import { nowIso } from '../clock';
import type { Db } from '../db/connection';
import type { RecordingRow } from '../db/schema';
import { AppError, notFound } from '../errors';
import type { DataPaths } from '../paths';
import { createCallAnalyzer, tapChunks, type CallAnalyzer } from './analysis';
import { getChannelSetting, saveAnalysis } from './analysis-records';
import { decodeAudio } from './decoders';
import { parseCallFileName } from './file-name';
import { computePeaks, peaksDurationSeconds, readPeaks, writePeaks, type ComputedPeaks } from './peaks';
import { probeAudio, reasons, UnreadableAudioError, type ProbedAudio } from './probe';
import { beginStoreWrite, endStoreWrite, inStore, moveInto, prepareFolder, removeFromStore, storeEntry } from './store';
import { hasUpload, uploadPath } from './uploads';

export type ImportInput = z.infer<typeof importInput>;
export type RecordingWithAdvisor = RecordingRow & { advisor_name: string | null };

/** The one query every recording read goes through, so the advisor's name is always joined. */
function selectRecordings(db: Db) {
  return db
    .selectFrom('recording')
    .leftJoin('staff', 'staff.id', 'recording.advisor_id')
    .selectAll('recording')
    .select('staff.name as advisor_name');
}

/** The one mapping from a database row to the contract's Recording. */
export function toRecording(row: RecordingWithAdvisor): Recording {
  return {
    id: row.id,
    sha256: row.sha256,
    originalName: row.original_name,
    codec: row.codec,
    container: row.container,
    channels: row.channels,
    sampleRate: row.sample_rate,
    durationSeconds: row.duration_seconds,
    sizeBytes: Number(row.size_bytes),
    advisorId: row.advisor_id,
    advisorName: row.advisor_name,
    callAt: row.call_at,
    topic: row.topic,
    importedAt: row.imported_at,
    audioAvailable: row.stored_path !== null,
  };
}

export function listTopics(): Topic[] {
  return departments.map(({ key, label }) => ({ key, label }));
}

export async function listRecordings(db: Db, query: { advisorId?: number } = {}): Promise<Recording[]> {
  let q = selectRecordings(db);
  if (query.advisorId !== undefined) q = q.where('recording.advisor_id', '=', query.advisorId);
  const rows = await q
    .orderBy(sql`recording.call_at is null`) // calls without a known time go last
    .orderBy('recording.call_at', 'desc')
    .orderBy('recording.imported_at', 'desc')
    .orderBy('recording.id', 'desc')
    .execute();
  return rows.map(toRecording);
}

async function findRecording(db: Db, id: number): Promise<RecordingWithAdvisor> {
  const row = await selectRecordings(db).where('recording.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('De opname');
  return row;
}

export async function getRecording(db: Db, id: number): Promise<Recording> {
  return toRecording(await findRecording(db, id));
}

async function assertAdvisor(db: Db, advisorId: number): Promise<void> {
  const staff = await db.selectFrom('staff').select(['name', 'role']).where('id', '=', advisorId).executeTakeFirst();
  if (!staff) throw notFound('De klantadviseur');
  if (staff.role !== 'advisor') throw new AppError('not_an_advisor', { name: staff.name });
}

const cleanTopic = (topic: string | null): string | null => topic?.trim() || null;

export async function updateCallDetails(db: Db, id: number, details: CallDetails): Promise<Recording> {
  await findRecording(db, id);
  if (details.advisorId !== null) await assertAdvisor(db, details.advisorId);
  await db
    .updateTable('recording')
    .set({ advisor_id: details.advisorId, call_at: details.callAt, topic: cleanTopic(details.topic) })
    .where('id', '=', id)
    .execute();
  return getRecording(db, id);
}

/** Reads call time, employee number and topic from telephony file names, for the coach to confirm. */
export async function suggestCallDetails(db: Db, fileNames: readonly string[]): Promise<Suggestion[]> {
  const parsed = fileNames.map((fileName) => ({ fileName, parsed: parseCallFileName(fileName) }));
  const numbers = [...new Set(parsed.flatMap((p) => (p.parsed ? [p.parsed.employeeNumber] : [])))];
  const advisors =
    numbers.length === 0
      ? []
      : await db
          .selectFrom('staff')
          .select(['id', 'employee_number'])
          .where('role', '=', 'advisor')
          .where('employee_number', 'in', numbers)
          .execute();
  const advisorByNumber = new Map(advisors.map((a) => [a.employee_number, a.id]));
  return parsed.map(({ fileName, parsed: p }) => ({
    fileName,
    matchedPattern: p !== null,
    employeeNumber: p?.employeeNumber ?? null,
    advisorId: p ? (advisorByNumber.get(p.employeeNumber) ?? null) : null,
    callAt: p?.callAt ?? null,
    topic: p?.topic ?? null,
  }));
}

function unreadable(fileName: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const reason = error instanceof UnreadableAudioError ? error.reason : reasons.unreadable;
  return new AppError('recording_unreadable', { fileName, reason }, { cause: error });
}

/**
 * Imports of the same content run one after another, so two drops of one file cannot both pass
 * the duplicate check and then fight over (or clean up) the same store files.
 */
const importsInFlight = new Map<string, Promise<unknown>>();
async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const run = (importsInFlight.get(key) ?? Promise.resolve()).catch(() => undefined).then(work);
  importsInFlight.set(key, run);
  try {
    return await run;
  } finally {
    if (importsInFlight.get(key) === run) importsInFlight.delete(key);
  }
}

/**
 * Takes a staged upload into the store: probe, de-duplicate by content, decode once for the
 * waveform peaks, move the audio into place, then record it. Either all of that happens or
 * nothing stays behind (no row, no store file, no upload), and the coach hears why in Dutch.
 */
export async function importRecording(core: Core, actorId: number | null, input: ImportInput): Promise<ImportResult> {
  const { paths, db } = core;
  const { fileName, uploadId } = input;
  if (!hasUpload(paths, uploadId)) throw new AppError('upload_missing', { fileName });
  // Checked before touching the file, and the upload kept: the coach picks another advisor and
  // retries without dropping the file again.
  if (input.advisorId !== null) await assertAdvisor(db, input.advisorId);
  return importStagedFile(core, actorId, uploadPath(paths, uploadId), { ...input, advisorChannel: null });
}

export interface ImportFileInput extends CallDetails {
  /** Absolute path of the audio file. */
  file: string;
  /** The name shown to coaches (and the original file name in the row). */
  fileName: string;
  /**
   * `move`: the file is consumed (moved into the store, or deleted when the import fails), as
   * with uploads. `copy`: the file is never touched beyond reading; a copy is staged in the
   * uploads folder first, so a call in a source folder stays exactly where and as it was.
   */
  mode: 'move' | 'copy';
  /** 1-based advisor channel for the call analysis (a source's setting); null: the app setting. */
  advisorChannel?: 1 | 2 | null;
}

/** The import pipeline after the upload, for any file on disk: the path uploads and folder sources share. */
export async function importAudioFile(core: Core, actorId: number | null, input: ImportFileInput): Promise<ImportResult> {
  const { paths, db } = core;
  if (input.advisorId !== null) await assertAdvisor(db, input.advisorId);
  if (input.mode === 'move') return importStagedFile(core, actorId, input.file, input);
  await mkdir(paths.uploads, { recursive: true });
  const staged = join(paths.uploads, randomUUID());
  try {
    await copyFile(input.file, staged);
  } catch (error) {
    await rm(staged, { force: true });
    throw unreadable(input.fileName, error);
  }
  return importStagedFile(core, actorId, staged, input);
}

/**
 * Probe, de-duplicate by content, decode once, move into the store and record. `upload` is
 * consumed: moved into the store, or removed on a duplicate or a failure.
 */
async function importStagedFile(
  core: Core,
  actorId: number | null,
  upload: string,
  input: CallDetails & { fileName: string; advisorChannel?: 1 | 2 | null },
): Promise<ImportResult> {
  const { paths, db } = core;
  const { fileName } = input;
  const discard = () => rmSync(upload, { force: true });
  let probed: ProbedAudio;
  try {
    probed = await probeAudio(upload);
  } catch (error) {
    discard();
    throw unreadable(fileName, error);
  }

  return oneAtATime(`${paths.store}\0${probed.sha256}`, async () => {
    const existing = await selectRecordings(db).where('recording.sha256', '=', probed.sha256).executeTakeFirst();
    if (existing) {
      discard();
      return { status: 'duplicate', recording: toRecording(existing) };
    }
    const entry = storeEntry(probed.sha256, probed.extension, probed.needsConversion);
    // Written in the uploads folder, so a crash mid-conversion leaves it where start-up clears it.
    const conversion = probed.needsConversion ? join(paths.uploads, `${basename(upload)}.playback.wav`) : null;
    if (conversion) await mkdir(paths.uploads, { recursive: true });
    const written: string[] = [];
    // Peaks, the stereo analysis and any conversion come from one streaming decode.
    const advisorChannel = input.advisorChannel ?? (await getChannelSetting(db)).advisorChannel;
    const analyzer = createCallAnalyzer({ channels: probed.channels, sampleRate: probed.sampleRate, advisorChannel });
    try {
      const peaks = await peaksFor(upload, probed, conversion, analyzer).catch((error: unknown) => {
        throw unreadable(fileName, error);
      });
      // From the first store file until the row is committed, a crash leaves files a start must take out.
      beginStoreWrite(paths, probed.sha256);
      written.push(entry.peaks);
      await savePeaks(paths, entry.peaks, peaks);
      if (conversion && entry.original) {
        written.push(entry.original);
        await moveInto(upload, inStore(paths, entry.original));
        written.push(entry.audio);
        await moveInto(conversion, inStore(paths, entry.audio));
      } else {
        written.push(entry.audio);
        await moveInto(upload, inStore(paths, entry.audio));
      }
      const analysis = analyzer.finish();
      // The row and its analysis land together or not at all.
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('recording')
          .values({
            sha256: probed.sha256,
            original_name: fileName,
            stored_path: entry.audio,
            peaks_path: entry.peaks,
            media_type: conversion ? 'audio/wav' : probed.mediaType,
            original_path: entry.original,
            original_media_type: conversion ? probed.mediaType : null,
            container: probed.container,
            codec: probed.codec,
            channels: probed.channels,
            sample_rate: probed.sampleRate,
            // Decoded length, not the header's claim: MP3 headers only estimate, AAC and ADPCM pad.
            duration_seconds: peaksDurationSeconds(peaks),
            size_bytes: probed.sizeBytes,
            advisor_id: input.advisorId,
            call_at: input.callAt,
            topic: cleanTopic(input.topic),
            imported_at: nowIso(),
            imported_by: actorId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await saveAnalysis(trx, id, analysis);
        return id;
      });
      endStoreWrite(paths, probed.sha256);
      return { status: 'imported', recording: await getRecording(db, id) };
    } catch (error) {
      await removeFromStore(paths, written);
      endStoreWrite(paths, probed.sha256);
      discard();
      if (conversion) await rm(conversion, { force: true });
      throw error;
    }
  });
}

/** Decodes once for the peaks; with `convertTo`, the same decode also writes the playable WAV. */
async function peaksFor(
  file: string,
  probed: ProbedAudio,
  convertTo: string | null = null,
  analyzer: CallAnalyzer | null = null,
): Promise<ComputedPeaks> {
  const decoded = decodeAudio(file, probed, convertTo ? { convertTo } : {});
  return computePeaks(analyzer ? tapChunks(decoded, (chunk) => analyzer.push(chunk)) : decoded, {
    channels: probed.channels,
    sampleRate: probed.sampleRate,
    estimatedSeconds: probed.durationSeconds,
  });
}

async function savePeaks(paths: DataPaths, relativePath: string, peaks: ComputedPeaks): Promise<void> {
  const file = inStore(paths, relativePath);
  await prepareFolder(file);
  await writePeaks(file, peaks);
}

async function audioRow(db: Db, id: number): Promise<RecordingWithAdvisor & { stored_path: string }> {
  const row = await findRecording(db, id);
  if (row.stored_path === null) throw new AppError('audio_removed');
  return { ...row, stored_path: row.stored_path };
}

/**
 * The stored waveform peaks. A missing or unreadable peaks file (an older format, a partial
 * restore) is rebuilt from the audio rather than leaving the coach without a waveform.
 */
export async function getPeaks(core: Core, id: number): Promise<Peaks> {
  const row = await audioRow(core.db, id);
  const relativePath = row.peaks_path ?? row.stored_path.replace(/\.[^./]+$/, '.peaks');
  try {
    return await readPeaks(inStore(core.paths, relativePath));
  } catch {
    const audio = inStore(core.paths, row.stored_path);
    await savePeaks(core.paths, relativePath, await peaksFor(audio, await probeAudio(audio)));
    if (row.peaks_path !== relativePath) {
      await core.db.updateTable('recording').set({ peaks_path: relativePath }).where('id', '=', id).execute();
    }
    return readPeaks(inStore(core.paths, relativePath));
  }
}

/** Where the media route may read a recording's audio: inside the store, never elsewhere. */
export async function mediaFile(core: Core, id: number): Promise<{ path: string; size: number; mediaType: string }> {
  const row = await audioRow(core.db, id);
  const path = inStore(core.paths, row.stored_path);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw notFound('Het audiobestand van deze opname');
  return { path, size: info.size, mediaType: row.media_type };
}
