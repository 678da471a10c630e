import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  sampleSettings,
  sampleShortfall,
  type drawSampleInput,
  type Recording,
  type Sample,
  type SampleItem,
  type SampleSettings,
  type SampleSummary,
} from '../../contract';
import type { Core } from '../app';
import { nowIso } from '../clock';
import type { Db } from '../db/connection';
import type { Database } from '../db/schema';
import { AppError, notFound } from '../errors';
import { getRecording, importAudioFile, listTopics } from '../recordings/recordings';
import { getAppSettings } from '../settings/app-settings';
import { drawForAdvisor, drawSample as drawPicks, monthLabel, type Candidate, type DrawSettings, type PriorPick } from './draw';
import { newSeed, redrawSeed } from './random';

/**
 * Monthly random samples: which calls each coach evaluates. Candidates are the month's calls of
 * the chosen advisors that are not evaluated yet and not already in an active pick of another
 * sample of that month: calls indexed in a folder source (matched to an advisor) and calls
 * imported directly (recordings no source file points at). Picking is `draw.ts`; this file
 * gathers, stores and explains. A sample's seed, settings, drawer and time are stored with it.
 * Only a picked call is copied into the store (`bringIntoStore`); the rest stay in their folder.
 */

type Trx = Kysely<Database>;
type DrawInput = z.output<typeof drawSampleInput>;

/** What `sample.settings_json` holds: the rules used, the advisors asked for, and any shortfall. */
const storedSettings = sampleSettings.extend({
  advisorIds: z.array(z.number().int()),
  shortfalls: z.array(sampleShortfall),
});
type StoredSettings = z.infer<typeof storedSettings>;

const sfKey = (id: number) => `sf:${id}`;
const recKey = (id: number) => `rec:${id}`;

function monthRange(period: string): { from: string; to: string } {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  return { from: `${period}-01`, to: `${next}-01` };
}

function topicLabeler(): (topic: string) => string {
  const labels = new Map(listTopics().map((t) => [t.key, t.label]));
  return (topic) => labels.get(topic) ?? topic;
}

async function advisorsByIds(db: Trx, ids: readonly number[]): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'name', 'role'])
    .where('id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) throw notFound('De klantadviseur');
    if (row.role !== 'advisor') throw new AppError('not_an_advisor', { name: row.name });
  }
  return new Map(rows.map((r) => [r.id, r.name]));
}

interface Exclusions {
  sourceFileIds: Set<number>;
  recordingIds: Set<number>;
}

/** Calls already picked this month (active items of any sample) plus, for a redraw, every item of its own sample. */
async function pickedThisMonth(db: Trx, period: string, wholeSampleId: number | null): Promise<Exclusions> {
  let q = db
    .selectFrom('sample_item')
    .innerJoin('sample', 'sample.id', 'sample_item.sample_id')
    .select(['sample_item.source_file_id', 'sample_item.recording_id'])
    .where('sample.period', '=', period);
  q =
    wholeSampleId === null
      ? q.where('sample_item.status', '=', 'active')
      : q.where((eb) => eb.or([eb('sample_item.status', '=', 'active'), eb('sample_item.sample_id', '=', wholeSampleId)]));
  const rows = await q.execute();
  const sourceFileIds = new Set<number>();
  const recordingIds = new Set<number>();
  for (const row of rows) {
    if (row.source_file_id !== null) sourceFileIds.add(row.source_file_id);
    if (row.recording_id !== null) recordingIds.add(row.recording_id);
  }
  return { sourceFileIds, recordingIds };
}

/** The month's not-yet-evaluated, not-yet-picked calls of these advisors. */
async function gatherCandidates(db: Trx, period: string, advisorIds: readonly number[], excluded: Exclusions): Promise<Candidate[]> {
  const { from, to } = monthRange(period);
  const files = await db
    .selectFrom('source_file as sf')
    .select(['sf.id', 'sf.advisor_id', 'sf.call_at', 'sf.duration_seconds', 'sf.topic', 'sf.recording_id'])
    .where('sf.match_status', '=', 'matched')
    .where('sf.advisor_id', 'in', [...advisorIds])
    .where('sf.call_at', '>=', from)
    .where('sf.call_at', '<', to)
    .where((eb) =>
      eb.or([
        eb('sf.recording_id', 'is', null),
        // A calibration scoring leaves the call as unevaluated as it was: it never counts.
        eb.not(
          eb.exists(
            eb
              .selectFrom('evaluation as e')
              .select('e.id')
              .whereRef('e.recording_id', '=', 'sf.recording_id')
              .where('e.kind', '!=', 'calibration'),
          ),
        ),
      ]),
    )
    .execute();
  const recordings = await db
    .selectFrom('recording as r')
    .select(['r.id', 'r.advisor_id', 'r.call_at', 'r.duration_seconds', 'r.topic'])
    .where('r.advisor_id', 'in', [...advisorIds])
    .where('r.call_at', '>=', from)
    .where('r.call_at', '<', to)
    .where('r.audio_removed_at', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('source_file as l').select('l.id').whereRef('l.recording_id', '=', 'r.id'))))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('evaluation as e').select('e.id').whereRef('e.recording_id', '=', 'r.id').where('e.kind', '!=', 'calibration'),
        ),
      ),
    )
    .execute();

  const candidates: Candidate[] = [];
  for (const f of files) {
    if (excluded.sourceFileIds.has(f.id)) continue;
    if (f.recording_id !== null && excluded.recordingIds.has(f.recording_id)) continue;
    if (f.advisor_id === null || f.call_at === null) continue;
    candidates.push({ key: sfKey(f.id), advisorId: f.advisor_id, callAt: f.call_at, durationSeconds: f.duration_seconds, topic: f.topic });
  }
  for (const r of recordings) {
    if (excluded.recordingIds.has(r.id) || r.advisor_id === null || r.call_at === null) continue;
    candidates.push({ key: recKey(r.id), advisorId: r.advisor_id, callAt: r.call_at, durationSeconds: r.duration_seconds, topic: r.topic });
  }
  return candidates;
}

/** The item's reference columns for a candidate key. */
async function referenceOf(db: Trx, key: string): Promise<{ source_file_id: number | null; recording_id: number | null }> {
  const id = Number(key.slice(key.indexOf(':') + 1));
  if (key.startsWith('rec:')) return { source_file_id: null, recording_id: id };
  const row = await db.selectFrom('source_file').select('recording_id').where('id', '=', id).executeTakeFirstOrThrow();
  return { source_file_id: id, recording_id: row.recording_id };
}

/**
 * Draws and stores a sample in one transaction: N calls per advisor (default from the app
 * settings), the seed (given or fresh), who drew it, when, and with which settings.
 */
export async function drawSample(core: Core, drawnBy: number, input: DrawInput): Promise<Sample> {
  const { db } = core;
  const app = await getAppSettings(db);
  const settings: DrawSettings = {
    perAdvisor: app.samplePerAdvisor,
    minDurationSeconds: app.sampleMinDurationSeconds,
    spreadWeeks: true,
    avoidRepeatTopics: true,
    ...input.settings,
  };
  const seed = input.seed?.trim() || newSeed();
  const advisorIds = [...new Set(input.advisorIds)].sort((a, b) => a - b);
  const id = await db.transaction().execute(async (trx) => {
    await advisorsByIds(trx, advisorIds);
    const candidates = await gatherCandidates(trx, input.period, advisorIds, await pickedThisMonth(trx, input.period, null));
    const { picks, shortfalls } = drawPicks(candidates, advisorIds, { period: input.period, settings, seed, topicLabel: topicLabeler() });
    const stored: StoredSettings = { ...settings, advisorIds, shortfalls };
    const { id } = await trx
      .insertInto('sample')
      .values({ period: input.period, seed, drawn_by: drawnBy, drawn_at: nowIso(), settings_json: JSON.stringify(stored) })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const pick of picks) {
      await trx
        .insertInto('sample_item')
        .values({
          sample_id: id,
          advisor_id: pick.advisorId,
          ...(await referenceOf(trx, pick.key)),
          position: pick.position,
          reason: pick.reason,
          status: 'active',
          replaced_by: null,
          replace_reason: null,
          replaced_at: null,
        })
        .execute();
    }
    return id;
  });
  return getSample(db, id);
}

async function sampleRow(db: Db, id: number) {
  const row = await db
    .selectFrom('sample')
    .innerJoin('staff', 'staff.id', 'sample.drawn_by')
    .selectAll('sample')
    .select('staff.name as drawn_by_name')
    .where('sample.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('De steekproef');
  return row;
}

type SampleRow = Awaited<ReturnType<typeof sampleRow>>;

function toSummary(row: SampleRow, activeItems: number): SampleSummary & { shortfalls: StoredSettings['shortfalls'] } {
  const stored = storedSettings.parse(JSON.parse(row.settings_json));
  const { advisorIds, shortfalls, ...settings } = stored;
  return {
    id: row.id,
    period: row.period,
    seed: row.seed,
    drawnBy: row.drawn_by,
    drawnByName: row.drawn_by_name,
    drawnAt: row.drawn_at,
    settings: settings satisfies SampleSettings,
    advisorIds,
    activeItems,
    shortfalls,
  };
}

const fileNameOf = (relativePath: string) => relativePath.split(/[\\/]/).pop() ?? relativePath;

/** Items with what the worklist shows: the call's name, time, length, topic and evaluation state. */
async function loadItems(
  db: Db,
  where: { sampleId?: number; advisorId?: number; period?: string; activeOnly?: boolean },
): Promise<SampleItem[]> {
  let q = db
    .selectFrom('sample_item')
    .innerJoin('sample', 'sample.id', 'sample_item.sample_id')
    .innerJoin('staff', 'staff.id', 'sample_item.advisor_id')
    .selectAll('sample_item')
    .select(['sample.period', 'staff.name as advisor_name']);
  if (where.sampleId !== undefined) q = q.where('sample_item.sample_id', '=', where.sampleId);
  if (where.advisorId !== undefined) q = q.where('sample_item.advisor_id', '=', where.advisorId);
  if (where.period !== undefined) q = q.where('sample.period', '=', where.period);
  if (where.activeOnly) q = q.where('sample_item.status', '=', 'active');
  const items = await q
    .orderBy('sample_item.sample_id')
    .orderBy('staff.name')
    .orderBy('sample_item.advisor_id')
    .orderBy('sample_item.position')
    .orderBy('sample_item.id')
    .execute();
  if (items.length === 0) return [];

  const fileIds = [...new Set(items.flatMap((i) => (i.source_file_id === null ? [] : [i.source_file_id])))];
  const files =
    fileIds.length === 0
      ? []
      : await db
          .selectFrom('source_file')
          .select(['id', 'relative_path', 'call_at', 'duration_seconds', 'topic', 'recording_id'])
          .where('id', 'in', fileIds)
          .execute();
  const fileById = new Map(files.map((f) => [f.id, f]));
  const recordingIdOf = (i: (typeof items)[number]) =>
    i.recording_id ?? (i.source_file_id === null ? null : (fileById.get(i.source_file_id)?.recording_id ?? null));
  const recIds = [...new Set(items.flatMap((i) => recordingIdOf(i) ?? []))];
  const recordings =
    recIds.length === 0
      ? []
      : await db
          .selectFrom('recording')
          .select(['id', 'original_name', 'call_at', 'duration_seconds', 'topic'])
          .where('id', 'in', recIds)
          .execute();
  const recById = new Map(recordings.map((r) => [r.id, r]));
  const evaluations =
    recIds.length === 0
      ? []
      : await db
          .selectFrom('evaluation')
          .select(['id', 'recording_id', 'status'])
          .where('recording_id', 'in', recIds)
          .where('kind', '!=', 'calibration')
          .orderBy('id')
          .execute();
  const evalByRec = new Map(evaluations.map((e) => [e.recording_id, e])); // the latest wins

  return items.map((i) => {
    const recordingId = recordingIdOf(i);
    const rec = recordingId === null ? undefined : recById.get(recordingId);
    const file = i.source_file_id === null ? undefined : fileById.get(i.source_file_id);
    const evaluation = recordingId === null ? undefined : evalByRec.get(recordingId);
    return {
      id: i.id,
      sampleId: i.sample_id,
      period: i.period,
      advisorId: i.advisor_id,
      advisorName: i.advisor_name,
      position: i.position,
      status: i.status,
      reason: i.reason,
      sourceFileId: i.source_file_id,
      recordingId,
      fileName: rec?.original_name ?? (file ? fileNameOf(file.relative_path) : ''),
      callAt: rec?.call_at ?? file?.call_at ?? null,
      durationSeconds: rec?.duration_seconds ?? file?.duration_seconds ?? null,
      topic: rec?.topic ?? file?.topic ?? null,
      evaluationId: evaluation?.id ?? null,
      evaluationStatus: evaluation?.status ?? null,
      replacedBy: i.replaced_by,
      replaceReason: i.replace_reason,
      replacedAt: i.replaced_at,
    };
  });
}

export async function getSample(db: Db, id: number): Promise<Sample> {
  const row = await sampleRow(db, id);
  const items = await loadItems(db, { sampleId: id });
  return { ...toSummary(row, items.filter((i) => i.status === 'active').length), items };
}

export async function listSamples(db: Db, query: { period?: string } = {}): Promise<SampleSummary[]> {
  let q = db
    .selectFrom('sample')
    .innerJoin('staff', 'staff.id', 'sample.drawn_by')
    .selectAll('sample')
    .select('staff.name as drawn_by_name')
    .select((eb) =>
      eb
        .selectFrom('sample_item')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('sample_item.sample_id', '=', 'sample.id')
        .where('sample_item.status', '=', 'active')
        .as('active_items'),
    );
  if (query.period !== undefined) q = q.where('sample.period', '=', query.period);
  const rows = await q.orderBy('sample.drawn_at', 'desc').orderBy('sample.id', 'desc').execute();
  return rows.map((row) => {
    const { shortfalls: _shortfalls, ...summary } = toSummary(row, Number(row.active_items ?? 0));
    return summary;
  });
}

/** The advisor's active picks of the month, over all samples, with their reasons: the coach's worklist. */
export async function sampleForAdvisor(db: Db, advisorId: number, period: string): Promise<SampleItem[]> {
  return loadItems(db, { advisorId, period, activeOnly: true });
}

async function itemRow(db: Trx, itemId: number) {
  const row = await db.selectFrom('sample_item').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!row) throw notFound('Het gesprek in de steekproef');
  return row;
}

/**
 * Replaces one pick (unintelligible, a private call, …): the reason is required and stored, the
 * old item stays as history (status `replaced`, reason, time, replaced_by), and one call is drawn
 * by the same rules from what is left, with a random stream derived from the sample's seed, the
 * item and the number of earlier redraws, so a redraw is reproducible too.
 */
export async function redrawItem(core: Core, actorId: number, itemId: number, reason: string): Promise<SampleItem> {
  const { db } = core;
  const why = reason.trim();
  if (why === '') throw new AppError('sample_redraw_reason');
  const newId = await db.transaction().execute(async (trx) => {
    const item = await itemRow(trx, itemId);
    if (item.status !== 'active') throw new AppError('sample_item_replaced');
    const sample = await trx.selectFrom('sample').selectAll().where('id', '=', item.sample_id).executeTakeFirstOrThrow();
    const { advisorIds: _a, shortfalls: _s, ...settings } = storedSettings.parse(JSON.parse(sample.settings_json));
    const names = await trx.selectFrom('staff').select(['id', 'name']).where('id', 'in', [actorId, item.advisor_id]).execute();
    const nameOf = (id: number) => names.find((n) => n.id === id)?.name ?? `#${id}`;

    const siblings = await trx
      .selectFrom('sample_item')
      .select(['id', 'status', 'source_file_id', 'recording_id'])
      .where('sample_id', '=', item.sample_id)
      .where('advisor_id', '=', item.advisor_id)
      .execute();
    const redrawCount = siblings.filter((s) => s.status === 'replaced').length + 1;
    const prior = await priorPicks(
      trx,
      siblings.filter((s) => s.status === 'active' && s.id !== item.id),
    );
    const candidates = await gatherCandidates(trx, sample.period, [item.advisor_id], await pickedThisMonth(trx, sample.period, sample.id));
    const { picks } = drawForAdvisor(item.advisor_id, candidates, 1, {
      period: sample.period,
      settings,
      seed: redrawSeed(sample.seed, item.id, redrawCount),
      topicLabel: topicLabeler(),
      prior,
      firstPosition: item.position,
    });
    const pick = picks[0];
    if (!pick) throw new AppError('sample_no_replacement', { name: nameOf(item.advisor_id), month: monthLabel(sample.period) });

    const at = nowIso();
    const { id } = await trx
      .insertInto('sample_item')
      .values({
        sample_id: item.sample_id,
        advisor_id: item.advisor_id,
        ...(await referenceOf(trx, pick.key)),
        position: item.position,
        reason: `Vervangt een eerder getrokken gesprek (opnieuw geloot door ${nameOf(actorId)}, reden: ${why}). ${pick.reason}`,
        status: 'active',
        replaced_by: null,
        replace_reason: null,
        replaced_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('sample_item')
      .set({ status: 'replaced', replaced_by: id, replace_reason: why, replaced_at: at })
      .where('id', '=', item.id)
      .execute();
    return id;
  });
  const [item] = (await loadItems(db, {})).filter((i) => i.id === newId);
  if (!item) throw notFound('Het gesprek in de steekproef');
  return item;
}

/** Call time and topic of kept picks, so the replacement still spreads over weeks and topics. */
async function priorPicks(db: Trx, items: readonly { source_file_id: number | null; recording_id: number | null }[]): Promise<PriorPick[]> {
  const prior: PriorPick[] = [];
  for (const i of items) {
    const row =
      i.source_file_id !== null
        ? await db.selectFrom('source_file').select(['call_at', 'topic']).where('id', '=', i.source_file_id).executeTakeFirst()
        : i.recording_id !== null
          ? await db.selectFrom('recording').select(['call_at', 'topic']).where('id', '=', i.recording_id).executeTakeFirst()
          : undefined;
    if (row?.call_at) prior.push({ callAt: row.call_at, topic: row.topic });
  }
  return prior;
}

/**
 * Makes sure a picked call is in the store. A call from a folder source is copied (never moved:
 * the telephony export stays as it was) through the same import as uploads, with peaks and
 * analysis, and linked to its source file; the same content imported before links to that
 * recording. Calling it again returns the same recording.
 */
export async function bringIntoStore(core: Core, actorId: number, itemId: number): Promise<Recording> {
  const { db } = core;
  const item = await itemRow(db, itemId);
  if (item.recording_id !== null) return getRecording(db, item.recording_id);
  if (item.source_file_id === null) throw notFound('De opname');
  const file = await db
    .selectFrom('source_file')
    .innerJoin('source', 'source.id', 'source_file.source_id')
    .select([
      'source_file.id',
      'source_file.relative_path',
      'source_file.advisor_id',
      'source_file.call_at',
      'source_file.topic',
      'source_file.recording_id',
      'source.name as source_name',
      'source.root_path',
      'source.advisor_channel',
    ])
    .where('source_file.id', '=', item.source_file_id)
    .executeTakeFirst();
  if (!file) throw notFound('Het bronbestand');

  let recordingId = file.recording_id;
  if (recordingId === null) {
    const absolute = resolve(file.root_path, file.relative_path);
    const inside = relative(resolve(file.root_path), absolute);
    const missing = () => new AppError('sample_file_missing', { path: file.relative_path, source: file.source_name });
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) throw missing();
    const info = await stat(absolute).catch(() => null);
    if (!info?.isFile()) throw missing();
    const result = await importAudioFile(core, actorId, {
      file: absolute,
      fileName: fileNameOf(file.relative_path),
      mode: 'copy',
      advisorId: file.advisor_id,
      callAt: file.call_at,
      topic: file.topic,
      advisorChannel: file.advisor_channel === 2 ? 2 : 1,
    });
    recordingId = result.recording.id;
    await db
      .updateTable('source_file')
      .set({ recording_id: recordingId })
      .where('id', '=', file.id)
      .where('recording_id', 'is', null)
      .execute();
  }
  await db.updateTable('sample_item').set({ recording_id: recordingId }).where('source_file_id', '=', file.id).execute();
  return getRecording(db, recordingId);
}
