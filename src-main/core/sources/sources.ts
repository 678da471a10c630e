import { sql } from 'kysely';
import type { PreviewResult, Source, SourceFields, SourceFile, SourceFilePage, sourceFileQuery } from '../../contract';
import type { z } from 'zod';
import { nowIso } from '../clock';
import type { Db } from '../db/connection';
import { AppError, notFound } from '../errors';
import { loadStaffIndex, mapName } from './mapping';
import { compilePattern, PatternError, type CompiledPattern } from './pattern';
import { isScanning, toSummary } from './scan';
import { assertReadableFolder, walkAudio } from './walk';

/** Throws `source_pattern_invalid` for the first pattern that cannot be used. */
function compileOrThrow(patterns: readonly string[]): CompiledPattern[] {
  return patterns.map((p) => {
    try {
      return compilePattern(p);
    } catch (error) {
      if (error instanceof PatternError) throw new AppError('source_pattern_invalid', { pattern: error.pattern, reason: error.reason });
      throw error;
    }
  });
}

export async function createSource(db: Db, fields: SourceFields): Promise<Source> {
  const patterns = compileOrThrow(fields.patterns).map((p) => p.source);
  await assertReadableFolder(fields.rootPath);
  const row = await db
    .insertInto('source')
    .values({
      name: fields.name,
      root_path: fields.rootPath,
      patterns_json: JSON.stringify(patterns),
      advisor_channel: fields.advisorChannel,
      created_at: nowIso(),
      last_scan_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getSource(db, row.id);
}

/** Changed patterns take effect at the next scan (unchanged files are re-mapped by name without reading them). */
export async function updateSource(db: Db, id: number, fields: Partial<SourceFields>): Promise<Source> {
  const existing = await db.selectFrom('source').select('id').where('id', '=', id).executeTakeFirst();
  if (!existing) throw notFound('Deze bron');
  const patterns = fields.patterns ? compileOrThrow(fields.patterns).map((p) => p.source) : undefined;
  if (fields.rootPath !== undefined) await assertReadableFolder(fields.rootPath);
  await db
    .updateTable('source')
    .set({
      ...(fields.name !== undefined ? { name: fields.name } : {}),
      ...(fields.rootPath !== undefined ? { root_path: fields.rootPath } : {}),
      ...(patterns ? { patterns_json: JSON.stringify(patterns) } : {}),
      ...(fields.advisorChannel !== undefined ? { advisor_channel: fields.advisorChannel } : {}),
    })
    .where('id', '=', id)
    .execute();
  return getSource(db, id);
}

/**
 * Removes a source with its index and scan history. Calls already copied into the store stay as
 * recordings (with their evaluations); sample items keep their recording but lose the file link.
 */
export async function removeSource(db: Db, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('source').select('id').where('id', '=', id).executeTakeFirst();
    if (!existing) throw notFound('Deze bron');
    if (isScanning(db, id)) throw new AppError('source_scan_running');
    await trx
      .updateTable('sample_item')
      .set({ source_file_id: null })
      .where('source_file_id', 'in', trx.selectFrom('source_file').select('id').where('source_id', '=', id))
      .execute();
    await trx.deleteFrom('source_file').where('source_id', '=', id).execute();
    await trx.deleteFrom('scan_run').where('source_id', '=', id).execute();
    await trx.deleteFrom('source').where('id', '=', id).execute();
  });
}

function selectSources(db: Db) {
  return db
    .selectFrom('source')
    .selectAll('source')
    .select((eb) => [
      eb.selectFrom('source_file').whereRef('source_file.source_id', '=', 'source.id').select(eb.fn.countAll<number>().as('n')).as('files'),
      eb
        .selectFrom('source_file')
        .whereRef('source_file.source_id', '=', 'source.id')
        .where('match_status', '=', 'matched')
        .select(eb.fn.countAll<number>().as('n'))
        .as('matched'),
      eb
        .selectFrom('source_file')
        .whereRef('source_file.source_id', '=', 'source.id')
        .where('match_status', '=', 'unmatched')
        .select(eb.fn.countAll<number>().as('n'))
        .as('unmatched'),
      eb
        .selectFrom('source_file')
        .whereRef('source_file.source_id', '=', 'source.id')
        .where('match_status', '=', 'unreadable')
        .select(eb.fn.countAll<number>().as('n'))
        .as('unreadable'),
      eb
        .selectFrom('source_file')
        .whereRef('source_file.source_id', '=', 'source.id')
        .where('recording_id', 'is not', null)
        .select(eb.fn.countAll<number>().as('n'))
        .as('in_store'),
    ]);
}

async function toSource(db: Db, row: Awaited<ReturnType<ReturnType<typeof selectSources>['executeTakeFirstOrThrow']>>): Promise<Source> {
  const run = await db.selectFrom('scan_run').selectAll().where('source_id', '=', row.id).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return {
    id: row.id,
    name: row.name,
    rootPath: row.root_path,
    patterns: JSON.parse(row.patterns_json) as string[],
    advisorChannel: row.advisor_channel,
    createdAt: row.created_at,
    lastScanAt: row.last_scan_at,
    counts: {
      files: Number(row.files ?? 0),
      matched: Number(row.matched ?? 0),
      unmatched: Number(row.unmatched ?? 0),
      unreadable: Number(row.unreadable ?? 0),
      inStore: Number(row.in_store ?? 0),
    },
    lastRun: run ? toSummary(run) : null,
    scanning: isScanning(db, row.id),
  };
}

export async function getSource(db: Db, id: number): Promise<Source> {
  const row = await selectSources(db).where('source.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Deze bron');
  return toSource(db, row);
}

export async function listSources(db: Db): Promise<Source[]> {
  const rows = await selectSources(db).orderBy('source.name').execute();
  return Promise.all(rows.map((row) => toSource(db, row)));
}

/**
 * The live preview while patterns are typed: the first `limit` audio files under the folder
 * (alphabetically per folder, recursive) and how each maps. Unusable patterns are reported and
 * left out instead of failing the whole preview.
 */
export async function previewPatterns(db: Db, rootPath: string, patterns: readonly string[], limit = 20): Promise<PreviewResult> {
  await assertReadableFolder(rootPath);
  const patternErrors: PreviewResult['patternErrors'] = [];
  const compiled: CompiledPattern[] = [];
  const indexOf: number[] = [];
  patterns.forEach((p, index) => {
    try {
      compiled.push(compilePattern(p));
      indexOf.push(index);
    } catch (error) {
      if (!(error instanceof PatternError)) throw error;
      patternErrors.push({ index, message: `Patroon ${index + 1} ("${p.trim()}"): ${error.reason}` });
    }
  });
  const staff = await loadStaffIndex(db);
  const rows: PreviewResult['rows'] = [];
  for await (const item of walkAudio(rootPath, { sorted: true })) {
    if (item.kind !== 'file') continue;
    const m = mapName(compiled, staff, item.relativePath);
    rows.push({
      relativePath: item.relativePath,
      status: m.match_status === 'matched' ? 'matched' : 'unmatched',
      patternIndex: m.patternIndex === null ? null : (indexOf[m.patternIndex] ?? null),
      callAt: m.call_at,
      employeeNumber: m.employee_number,
      topic: m.topic,
      direction: m.direction === 'in' || m.direction === 'out' ? m.direction : null,
      callId: m.call_id,
      advisorId: m.advisor_id,
      advisorName: m.advisorName,
      problem: m.problem,
    });
    if (rows.length >= limit) break;
  }
  return { patternErrors, rows };
}

/** The library: indexed calls with filters, newest call first (calls without a date last). */
export async function listSourceFiles(db: Db, query: z.output<typeof sourceFileQuery>): Promise<SourceFilePage> {
  let q = db.selectFrom('source_file as f').innerJoin('source as s', 's.id', 'f.source_id').leftJoin('staff as a', 'a.id', 'f.advisor_id');
  if (query.sourceId !== undefined) q = q.where('f.source_id', '=', query.sourceId);
  if (query.advisorId !== undefined) q = q.where('f.advisor_id', '=', query.advisorId);
  if (query.period !== undefined) q = q.where('f.call_at', '>=', `${query.period}-01`).where('f.call_at', '<', `${query.period}-32`);
  if (query.topic !== undefined) q = q.where('f.topic', '=', query.topic);
  if (query.minDuration !== undefined) q = q.where('f.duration_seconds', '>=', query.minDuration);
  if (query.maxDuration !== undefined) q = q.where('f.duration_seconds', '<=', query.maxDuration);
  if (query.status !== undefined) q = q.where('f.match_status', '=', query.status);
  if (query.evaluated !== undefined) {
    const evaluated = query.evaluated;
    q = q.where((eb) => {
      const exists = eb.exists(
        eb
          .selectFrom('evaluation as e')
          .select('e.id')
          .whereRef('e.recording_id', '=', 'f.recording_id')
          .where('e.kind', '!=', 'calibration'),
      );
      return evaluated ? exists : eb.not(exists);
    });
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll('f')
    .select(['s.name as source_name', 'a.name as advisor_name'])
    .select((eb) =>
      // A calibration scoring does not make a call evaluated: it never counts.
      eb
        .exists(
          eb
            .selectFrom('evaluation as e')
            .select('e.id')
            .whereRef('e.recording_id', '=', 'f.recording_id')
            .where('e.kind', '!=', 'calibration'),
        )
        .as('evaluated'),
    )
    .orderBy(sql`f.call_at is null`)
    .orderBy('f.call_at', 'desc')
    .orderBy('f.relative_path')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return {
    total: Number(total.n),
    rows: rows.map((r): SourceFile => ({
      id: r.id,
      sourceId: r.source_id,
      sourceName: r.source_name,
      relativePath: r.relative_path,
      sizeBytes: Number(r.size_bytes),
      container: r.container,
      codec: r.codec,
      channels: r.channels,
      sampleRate: r.sample_rate,
      durationSeconds: r.duration_seconds,
      callAt: r.call_at,
      employeeNumber: r.employee_number,
      advisorId: r.advisor_id,
      advisorName: r.advisor_name,
      topic: r.topic,
      direction: r.direction === 'in' || r.direction === 'out' ? r.direction : null,
      callId: r.call_id,
      status: r.match_status,
      problem: r.problem,
      recordingId: r.recording_id,
      evaluated: Boolean(r.evaluated),
      indexedAt: r.indexed_at,
    })),
  };
}
