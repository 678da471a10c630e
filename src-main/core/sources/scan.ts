import { lstat } from 'node:fs/promises';
import type { Insertable } from 'kysely';
import type { ScanRunSummary } from '../../contract';
import type { Core } from '../app';
import { nowIso } from '../clock';
import type { Db } from '../db/connection';
import type { ScanRunTable, SourceFileTable } from '../db/schema';
import { AppError, notFound } from '../errors';
import { UnreadableAudioError, reasons } from '../recordings/probe';
import { probeHeader, type HeaderInfo } from './header';
import { compileAll, loadStaffIndex, mapName, PatternError, type NameMapping } from './mapping';
import type { CompiledPattern } from './pattern';
import { describeFsError, walkAudio } from './walk';

/**
 * Indexes a source folder in place: names and headers only, no audio copied or hashed.
 *
 * - A file whose size and modification time are unchanged since the last scan is not opened
 *   again; its name is re-mapped (cheap) so new patterns or a new roster take effect on re-scan.
 * - New and changed files are written in batches of BATCH_SIZE, each batch one transaction, so a
 *   cancelled or failed run leaves every row complete and the index consistent.
 * - Files that disappeared stay in the index (a sample or evaluation may point at them); the run
 *   reports how many were not found (`filesMissing`).
 * - Unreadable sub-folders are listed in the run's `problem`; the scan goes on.
 */

export interface ScanOptions {
  /** Audio files met so far, and the number the index held before this run (null on the first scan). */
  onProgress?: (count: number, expected: number | null, runId: number) => void;
  signal?: AbortSignal;
}

const BATCH_SIZE = 500;
/** Files probed at the same time: hides the latency of a network share. */
const PARALLEL = 16;
const PROGRESS_INTERVAL_MS = 100;
const MAX_LISTED_PROBLEMS = 20;

/** Scans under way, per database, so a second scan of the same source is refused and cancel finds it. */
const running = new WeakMap<Db, Map<number, AbortController>>();

function runningFor(db: Db): Map<number, AbortController> {
  let map = running.get(db);
  if (!map) running.set(db, (map = new Map()));
  return map;
}

export function isScanning(db: Db, sourceId: number): boolean {
  return runningFor(db).has(sourceId);
}

/** Asks a running scan to stop after the file it is on; false when none runs. */
export function cancelScan(db: Db, sourceId: number): boolean {
  const controller = runningFor(db).get(sourceId);
  if (!controller) return false;
  controller.abort();
  return true;
}

interface Known {
  size: number;
  mtime: number;
  status: SourceFileTable['match_status'];
  mapping: string;
}

/** The name-derived columns, as a comparable key. */
const mappingKey = (m: Pick<NameMapping, 'call_at' | 'employee_number' | 'advisor_id' | 'topic' | 'direction' | 'call_id' | 'problem'>) =>
  JSON.stringify([m.call_at, m.employee_number, m.advisor_id, m.topic, m.direction, m.call_id, m.problem]);

type FileRow = Insertable<SourceFileTable>;

export function toSummary(
  row: {
    id: number;
    source_id: number;
    started_at: string;
    finished_at: string | null;
    status: ScanRunTable['status'];
    files_seen: number;
    files_new: number;
    files_changed: number;
    files_unmatched: number;
    problem: string | null;
  },
  filesMissing: number | null = null,
): ScanRunSummary {
  return {
    id: row.id,
    sourceId: row.source_id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: row.status,
    filesSeen: row.files_seen,
    filesNew: row.files_new,
    filesChanged: row.files_changed,
    filesUnmatched: row.files_unmatched,
    filesMissing,
    problem: row.problem,
  };
}

async function writeBatch(db: Db, rows: FileRow[], remapped: { id: number; mapping: NameMapping }[]): Promise<void> {
  if (rows.length === 0 && remapped.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 100) {
      await trx
        .insertInto('source_file')
        .values(rows.slice(i, i + 100))
        .onConflict((oc) =>
          oc.columns(['source_id', 'relative_path']).doUpdateSet((eb) => ({
            size_bytes: eb.ref('excluded.size_bytes'),
            mtime_ms: eb.ref('excluded.mtime_ms'),
            container: eb.ref('excluded.container'),
            codec: eb.ref('excluded.codec'),
            channels: eb.ref('excluded.channels'),
            sample_rate: eb.ref('excluded.sample_rate'),
            duration_seconds: eb.ref('excluded.duration_seconds'),
            call_at: eb.ref('excluded.call_at'),
            employee_number: eb.ref('excluded.employee_number'),
            advisor_id: eb.ref('excluded.advisor_id'),
            topic: eb.ref('excluded.topic'),
            direction: eb.ref('excluded.direction'),
            call_id: eb.ref('excluded.call_id'),
            match_status: eb.ref('excluded.match_status'),
            problem: eb.ref('excluded.problem'),
            indexed_at: eb.ref('excluded.indexed_at'),
            // recording_id stays: a call already copied into the store keeps its link.
          })),
        )
        .execute();
    }
    for (const { id, mapping } of remapped) {
      await trx
        .updateTable('source_file')
        .set({
          call_at: mapping.call_at,
          employee_number: mapping.employee_number,
          advisor_id: mapping.advisor_id,
          topic: mapping.topic,
          direction: mapping.direction,
          call_id: mapping.call_id,
          match_status: mapping.match_status,
          problem: mapping.problem,
        })
        .where('id', '=', id)
        .execute();
    }
  });
}

function fileRow(
  sourceId: number,
  relativePath: string,
  size: number,
  mtime: number,
  header: HeaderInfo | string,
  mapping: NameMapping,
): FileRow {
  const readable = typeof header !== 'string';
  const fileName = relativePath.split('/').pop() ?? relativePath;
  return {
    source_id: sourceId,
    relative_path: relativePath,
    size_bytes: size,
    mtime_ms: mtime,
    container: readable ? header.container : null,
    codec: readable ? header.codec : null,
    channels: readable ? header.channels : null,
    sample_rate: readable ? header.sampleRate : null,
    duration_seconds: readable ? header.durationSeconds : null,
    call_at: mapping.call_at,
    employee_number: mapping.employee_number,
    advisor_id: mapping.advisor_id,
    topic: mapping.topic,
    direction: mapping.direction,
    call_id: mapping.call_id,
    match_status: readable ? mapping.match_status : 'unreadable',
    problem: readable ? mapping.problem : `"${fileName}": ${header}`,
    recording_id: null,
    indexed_at: nowIso(),
  };
}

/** Runs one scan of a source to the end (or until cancelled) and returns its summary. */
export async function scanSource(core: Core, sourceId: number, options: ScanOptions = {}): Promise<ScanRunSummary> {
  const { db } = core;
  const source = await db.selectFrom('source').selectAll().where('id', '=', sourceId).executeTakeFirst();
  if (!source) throw notFound('Deze bron');
  const registry = runningFor(db);
  if (registry.has(sourceId)) throw new AppError('source_scan_running');
  const controller = new AbortController();
  registry.set(sourceId, controller);
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;

  const run = await db
    .insertInto('scan_run')
    .values({
      source_id: sourceId,
      started_at: nowIso(),
      status: 'running',
      files_seen: 0,
      files_new: 0,
      files_changed: 0,
      files_unmatched: 0,
      problem: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const counts = { seen: 0, fresh: 0, changed: 0, unmatched: 0 };
  const problems: string[] = [];
  let status: ScanRunTable['status'] = 'done';
  let missing: number | null = null;
  let lastProgress = 0;
  const known = new Map<string, Known & { id: number }>();
  const progress = (force: boolean) => {
    const now = Date.now();
    if (!force && now - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = now;
    options.onProgress?.(counts.seen, known.size > 0 ? known.size : null, run.id);
  };

  try {
    let patterns: CompiledPattern[];
    try {
      patterns = compileAll(JSON.parse(source.patterns_json) as string[]);
    } catch (error) {
      if (error instanceof PatternError) throw new AppError('source_pattern_invalid', { pattern: error.pattern, reason: error.reason });
      throw error;
    }
    const staff = await loadStaffIndex(db);
    const existing = await db
      .selectFrom('source_file')
      .select([
        'id',
        'relative_path',
        'size_bytes',
        'mtime_ms',
        'match_status',
        'call_at',
        'employee_number',
        'advisor_id',
        'topic',
        'direction',
        'call_id',
        'problem',
      ])
      .where('source_id', '=', sourceId)
      .execute();
    for (const r of existing) {
      known.set(r.relative_path, {
        id: r.id,
        size: Number(r.size_bytes),
        mtime: Number(r.mtime_ms),
        status: r.match_status,
        mapping: mappingKey(r),
      });
    }
    const seenPaths = new Set<string>();
    let rows: FileRow[] = [];
    let remapped: { id: number; mapping: NameMapping }[] = [];
    let chunk: { relativePath: string; absolutePath: string; extension: string }[] = [];

    const processChunk = async () => {
      const done = await Promise.all(
        chunk.map(async (file) => {
          let size: number;
          let mtime: number;
          try {
            const info = await lstat(file.absolutePath);
            size = info.size;
            mtime = Math.floor(info.mtimeMs);
          } catch (error) {
            problems.push(`"${file.relativePath}" kon niet worden gelezen: ${describeFsError(error)}`);
            return null;
          }
          const before = known.get(file.relativePath);
          const mapping = mapName(patterns, staff, file.relativePath);
          if (before && before.size === size && before.mtime === mtime) {
            // Unchanged on disk: only the name mapping may differ (new pattern, new roster).
            if (before.status !== 'unreadable' && before.mapping !== mappingKey(mapping))
              return { kind: 'remap' as const, id: before.id, mapping };
            return null;
          }
          let header: HeaderInfo | string;
          try {
            header = await probeHeader(file.absolutePath, size, file.extension);
          } catch (error) {
            header = error instanceof UnreadableAudioError ? error.reason : reasons.unreadable;
          }
          return {
            kind: before ? ('changed' as const) : ('new' as const),
            row: fileRow(sourceId, file.relativePath, size, mtime, header, mapping),
          };
        }),
      );
      for (const result of done) {
        if (!result) continue;
        if (result.kind === 'remap') remapped.push(result);
        else {
          rows.push(result.row);
          if (result.kind === 'new') counts.fresh++;
          else counts.changed++;
          if (result.row.match_status !== 'matched') counts.unmatched++;
        }
      }
      chunk = [];
      if (rows.length + remapped.length >= BATCH_SIZE) {
        await writeBatch(db, rows, remapped);
        rows = [];
        remapped = [];
      }
    };

    for await (const item of walkAudio(source.root_path)) {
      if (item.kind === 'problem') {
        if (item.relativePath === '.') throw new AppError('source_folder_unreadable', { path: source.root_path, reason: item.message });
        problems.push(item.message);
        continue;
      }
      counts.seen++;
      seenPaths.add(item.relativePath);
      chunk.push(item);
      if (chunk.length >= PARALLEL) {
        await processChunk();
        progress(false);
        if (signal.aborted) break;
      }
    }
    await processChunk();
    await writeBatch(db, rows, remapped);
    if (signal.aborted) status = 'cancelled';
    else {
      missing = 0;
      for (const path of known.keys()) if (!seenPaths.has(path)) missing++;
      await db.updateTable('source').set({ last_scan_at: nowIso() }).where('id', '=', sourceId).execute();
    }
  } catch (error) {
    status = 'failed';
    if (error instanceof AppError && error.code === 'source_folder_unreadable') {
      problems.unshift(String(error.params.reason));
    } else if (error instanceof AppError && error.code === 'source_pattern_invalid') {
      problems.unshift(`Het bestandsnaampatroon "${String(error.params.pattern)}" klopt niet: ${String(error.params.reason)}`);
    } else {
      problems.unshift(`De scan is afgebroken door een fout: ${error instanceof Error ? error.message.slice(0, 200) : 'onbekende fout'}`);
    }
  } finally {
    registry.delete(sourceId);
  }

  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  if (problems.length > listed.length) listed.push(`… en nog ${problems.length - listed.length} meldingen`);
  const finished = await db
    .updateTable('scan_run')
    .set({
      finished_at: nowIso(),
      status,
      files_seen: counts.seen,
      files_new: counts.fresh,
      files_changed: counts.changed,
      files_unmatched: counts.unmatched,
      problem: listed.length > 0 ? listed.join('\n') : null,
    })
    .where('id', '=', run.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  progress(true);
  return toSummary(finished, missing);
}
