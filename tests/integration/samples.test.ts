import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/app';
import { startEvaluation } from '../../src-main/core/evaluations/evaluations';
import type { Sample } from '../../src-main/contract';
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { AppError } from '../../src-main/core/errors';
import { getAnalysis } from '../../src-main/core/recordings/analysis-store';
import { bringIntoStore, drawSample, getSample, listSamples, redrawItem, sampleForAdvisor } from '../../src-main/core/sampling/samples';
import { getAppSettings, updateAppSettings } from '../../src-main/core/settings/app-settings';
import { audioFixture } from '../support/audio-fixtures';
import { createTempCore, tempDir, type TempCore } from '../support/core';
import { insertRecording, insertStaff } from '../support/seed';

let temp: TempCore;
let core: Core;
let root: string;
let sourceId: number;
let coach: number;
let anna: number;
let bram: number;

beforeEach(async () => {
  temp = await createTempCore();
  core = temp.core;
  root = tempDir('klankbord-source-');
  coach = await insertStaff(core, 'coach', 'Carla Coach');
  anna = await insertStaff(core, 'advisor', 'Anna de Vries');
  bram = await insertStaff(core, 'advisor', 'Bram Jansen');
  ({ id: sourceId } = await core.db
    .insertInto('source')
    .values({
      name: 'Telefonie-export',
      root_path: root,
      patterns_json: '[]',
      advisor_channel: 1,
      created_at: '2026-11-01T08:00:00.000Z',
      last_scan_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow());
});
afterEach(async () => {
  await temp.cleanup();
  rmSync(root, { recursive: true, force: true });
});

const topics = ['burgerzaken', 'belastingen', 'afval', 'parkeren'];
let fileCounter = 0;

async function insertSourceFile(
  advisorId: number,
  callAt: string,
  fields: { duration?: number; topic?: string; status?: 'matched' | 'unmatched' } = {},
): Promise<number> {
  const n = ++fileCounter;
  const { id } = await core.db
    .insertInto('source_file')
    .values({
      source_id: sourceId,
      relative_path: `2026/11/call-${n}.wav`,
      size_bytes: 1000,
      mtime_ms: 1_700_000_000_000,
      container: 'WAVE',
      codec: 'G.711 µ-law',
      channels: 2,
      sample_rate: 8000,
      duration_seconds: fields.duration ?? 180,
      call_at: callAt,
      employee_number: null,
      advisor_id: advisorId,
      topic: fields.topic ?? topics[n % topics.length] ?? null,
      direction: null,
      call_id: null,
      match_status: fields.status ?? 'matched',
      problem: fields.status === 'unmatched' ? 'geen patroon' : null,
      recording_id: null,
      indexed_at: '2026-12-01T08:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Two calls on each weekday of November 2026 per advisor, plus a few direct imports. */
async function seedMonth(): Promise<void> {
  for (const advisor of [anna, bram]) {
    for (let day = 2; day <= 30; day++) {
      const date = `2026-11-${String(day).padStart(2, '0')}`;
      await insertSourceFile(advisor, `${date}T09:15:00`);
      await insertSourceFile(advisor, `${date}T14:40:00`);
    }
    await insertRecording(core, advisor, '2026-11-05T10:00:00');
    await insertRecording(core, advisor, '2026-11-19T16:00:00');
  }
}

const activeKeys = (items: { status: string; sourceFileId: number | null; recordingId: number | null }[]) =>
  items
    .filter((i) => i.status === 'active')
    .map((i) => (i.sourceFileId !== null ? `sf:${i.sourceFileId}` : `rec:${i.recordingId}`))
    .sort();

describe('monthly random samples', () => {
  it('stores seed, settings and drawer, and puts four calls per advisor in the worklist', async () => {
    await seedMonth();
    const sample = await drawSample(core, coach, { period: '2026-11', advisorIds: [anna, bram] });
    expect(sample.seed).toMatch(/^[0-9a-f]{16}$/);
    expect(sample.drawnBy).toBe(coach);
    expect(sample.drawnByName).toBe('Carla Coach');
    expect(sample.drawnAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(sample.settings).toEqual({ perAdvisor: 4, minDurationSeconds: 60, spreadWeeks: true, avoidRepeatTopics: true });
    expect(sample.advisorIds).toEqual([anna, bram].sort((a, b) => a - b));
    expect(sample.shortfalls).toEqual([]);
    expect(sample.items).toHaveLength(8);
    for (const item of sample.items) {
      expect(item.reason).toContain(`Seed ${sample.seed}`);
      expect(item.callAt?.startsWith('2026-11-')).toBe(true);
    }
    const worklist = await sampleForAdvisor(core.db, anna, '2026-11');
    expect(worklist.map((i) => i.position)).toEqual([1, 2, 3, 4]);
    expect(worklist.every((i) => i.advisorId === anna && i.advisorName === 'Anna de Vries')).toBe(true);
    expect(await listSamples(core.db, { period: '2026-11' })).toEqual([
      expect.objectContaining({ id: sample.id, seed: sample.seed, activeItems: 8 }),
    ]);
    expect(await listSamples(core.db, { period: '2026-10' })).toEqual([]);
  });

  it('reproduces the same picks with the same seed on unchanged data', async () => {
    await seedMonth();
    const first = await drawSample(core, coach, { period: '2026-11', advisorIds: [anna, bram], seed: 'november-2026' });
    // Undo the draw, so the data are exactly as before, and draw again with the seed.
    await core.db.deleteFrom('sample_item').where('sample_id', '=', first.id).execute();
    await core.db.deleteFrom('sample').where('id', '=', first.id).execute();
    const again = await drawSample(core, coach, { period: '2026-11', advisorIds: [bram, anna], seed: 'november-2026' });
    expect(activeKeys(again.items)).toEqual(activeKeys(first.items));
    expect(again.items.map((i) => i.reason)).toEqual(first.items.map((i) => i.reason));
  });

  it('excludes evaluated calls, calls already picked this month, short and unmatched calls', async () => {
    const evaluated = await insertRecording(core, anna, '2026-11-10T10:00:00');
    await startEvaluation(core.db, coach, evaluated);
    const fresh = await insertRecording(core, anna, '2026-11-11T10:00:00');
    const short = await insertSourceFile(anna, '2026-11-12T10:00:00', { duration: 20 });
    await insertSourceFile(anna, '2026-11-13T10:00:00', { status: 'unmatched' });
    const october = await insertSourceFile(anna, '2026-10-30T10:00:00');
    const good = await insertSourceFile(anna, '2026-11-16T10:00:00');

    const sample = await drawSample(core, coach, { period: '2026-11', advisorIds: [anna] });
    expect(activeKeys(sample.items)).toEqual([`rec:${fresh}`, `sf:${good}`].sort());
    expect(activeKeys(sample.items)).not.toContain(`sf:${short}`);
    expect(activeKeys(sample.items)).not.toContain(`sf:${october}`);
    expect(sample.shortfalls).toEqual([
      {
        advisorId: anna,
        wanted: 4,
        drawn: 2,
        note: '2 van de 4 gesprekken getrokken: in november 2026 waren er maar 2 gesprekken van minimaal 60 s die nog niet beoordeeld of getrokken waren (1 gesprek te kort of zonder bekende duur).',
      },
    ]);
    // A second sample of the month does not pick them again.
    const second = await drawSample(core, coach, { period: '2026-11', advisorIds: [anna] });
    expect(second.items).toEqual([]);
    expect(second.shortfalls[0]?.drawn).toBe(0);
  });

  it('uses the per-advisor number and minimum from the settings', async () => {
    expect(await getAppSettings(core.db)).toEqual({ audioRetentionMonths: 12, samplePerAdvisor: 4, sampleMinDurationSeconds: 60 });
    // Settings stored by an older Klankbord still read, with the new fields at their defaults.
    await core.db.updateTable('setting').set({ value_json: '{"audioRetentionMonths":6}' }).where('key', '=', 'app.settings').execute();
    await core.db
      .insertInto('setting')
      .values({ key: 'app.settings', value_json: '{"audioRetentionMonths":6}' })
      .onConflict((oc) => oc.doNothing())
      .execute();
    expect(await getAppSettings(core.db)).toEqual({ audioRetentionMonths: 6, samplePerAdvisor: 4, sampleMinDurationSeconds: 60 });

    await updateAppSettings(core.db, { audioRetentionMonths: 12, samplePerAdvisor: 2, sampleMinDurationSeconds: 200 });
    await seedMonth();
    await insertSourceFile(anna, '2026-11-20T10:00:00', { duration: 199 });
    const sample = await drawSample(core, coach, { period: '2026-11', advisorIds: [anna] });
    expect(sample.settings).toMatchObject({ perAdvisor: 2, minDurationSeconds: 200 });
    expect(sample.items).toHaveLength(2);
    expect(sample.items.every((i) => (i.durationSeconds ?? 0) >= 200)).toBe(true);
  });

  it('redraws one call with a required reason and keeps the history', async () => {
    await seedMonth();
    const sample = await drawSample(core, coach, { period: '2026-11', advisorIds: [anna], seed: 'redraw' });
    const old = sample.items.find((i) => i.position === 2);
    if (!old) throw new Error('no item at position 2');

    await expect(redrawItem(core, coach, old.id, '   ')).rejects.toMatchObject({ code: 'sample_redraw_reason' });
    const replacement = await redrawItem(core, coach, old.id, 'Privégesprek, niet beoordelen');
    expect(replacement.position).toBe(2);
    expect(replacement.status).toBe('active');
    expect(replacement.reason).toMatch(
      /^Vervangt een eerder getrokken gesprek \(opnieuw geloot door Carla Coach, reden: Privégesprek, niet beoordelen\)\. Willekeurig gekozen uit /,
    );
    expect(replacement.reason).toContain(`Seed redraw/vervanging/${old.id}/1, trekking 2.`);

    const after = await getSample(core.db, sample.id);
    const history = after.items.find((i) => i.id === old.id);
    expect(history).toMatchObject({ status: 'replaced', replacedBy: replacement.id, replaceReason: 'Privégesprek, niet beoordelen' });
    expect(history?.replacedAt).toBeTruthy();
    expect(after.items).toHaveLength(5);
    const active = after.items.filter((i) => i.status === 'active');
    expect(active).toHaveLength(4);
    expect(new Set(activeKeys(after.items)).size).toBe(4);
    expect(activeKeys(after.items)).not.toContain(`sf:${old.sourceFileId}`);
    await expect(redrawItem(core, coach, old.id, 'nog eens')).rejects.toMatchObject({ code: 'sample_item_replaced' });
  });

  it('refuses a redraw when no other call is left', async () => {
    await insertSourceFile(anna, '2026-11-03T10:00:00');
    const sample = await drawSample(core, coach, { period: '2026-11', advisorIds: [anna] });
    const [item] = sample.items;
    if (!item) throw new Error('no item');
    const error = await redrawItem(core, coach, item.id, 'onverstaanbaar').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'sample_no_replacement', params: { name: 'Anna de Vries', month: 'november 2026' } });
    expect((await getSample(core.db, sample.id)).items).toMatchObject([{ id: item.id, status: 'active' }]);
  });

  it('analyses a copied call with its source’s channel roles, also when read later', async () => {
    await core.db.updateTable('source').set({ advisor_channel: 2 }).where('id', '=', sourceId).execute();
    await insertSourceFile(anna, '2026-11-05T10:00:00', { topic: 'afval' });
    mkdirSync(join(root, '2026/11'), { recursive: true });
    copyFileSync(audioFixture('stereo-ulaw-8k.wav'), join(root, '2026/11', `call-${fileCounter}.wav`));
    const sample = await drawSample(core, coach, { period: '2026-11', advisorIds: [anna] });
    const recording = await bringIntoStore(core, coach, sample.items[0]!.id);
    const stored = await core.db
      .selectFrom('call_analysis')
      .select('created_at')
      .where('recording_id', '=', recording.id)
      .executeTakeFirstOrThrow();

    const analysis = await getAnalysis(core, recording.id);
    expect(analysis?.parameters.advisorChannel).toBe(2);
    // Read as current: not redone with the global setting (channel 1).
    const after = await core.db
      .selectFrom('call_analysis')
      .select('created_at')
      .where('recording_id', '=', recording.id)
      .executeTakeFirstOrThrow();
    expect(after.created_at).toBe(stored.created_at);
  });

  it('copies a picked source call into the store, leaves the source file alone and links it once', async () => {
    const fileId = await insertSourceFile(anna, '2026-11-04T09:00:00', { topic: 'afval' });
    const fixture = audioFixture('stereo-ulaw-8k.wav');
    mkdirSync(join(root, '2026/11'), { recursive: true });
    const sourcePath = join(root, '2026/11', `call-${fileCounter}.wav`);
    copyFileSync(fixture, sourcePath);
    const before = readFileSync(sourcePath);

    const sample = await drawSample(core, coach, { period: '2026-11', advisorIds: [anna] });
    const [item] = sample.items;
    if (!item) throw new Error('no item');
    expect(item.recordingId).toBeNull();

    const recording = await bringIntoStore(core, coach, item.id);
    expect(recording).toMatchObject({
      advisorId: anna,
      callAt: '2026-11-04T09:00:00',
      topic: 'afval',
      audioAvailable: true,
      originalName: `call-${fileCounter}.wav`,
    });
    expect(existsSync(sourcePath)).toBe(true);
    expect(readFileSync(sourcePath).equals(before)).toBe(true);
    expect(readdirSync(root, { recursive: true }).sort()).toEqual(
      ['2026', join('2026', '11'), join('2026', '11', `call-${fileCounter}.wav`)].sort(),
    );
    const linked = await core.db.selectFrom('source_file').select('recording_id').where('id', '=', fileId).executeTakeFirstOrThrow();
    expect(linked.recording_id).toBe(recording.id);
    const analysis = await core.db
      .selectFrom('call_analysis')
      .select('recording_id')
      .where('recording_id', '=', recording.id)
      .executeTakeFirst();
    expect(analysis?.recording_id).toBe(recording.id);
    expect((await sampleForAdvisor(core.db, anna, '2026-11'))[0]?.recordingId).toBe(recording.id);

    expect((await bringIntoStore(core, coach, item.id)).id).toBe(recording.id);
    expect(await core.db.selectFrom('recording').select('id').execute()).toHaveLength(1);
    // Nothing staged is left behind.
    expect(readdirSync(core.paths.uploads)).toEqual([]);
  });

  it('links a source call with the same content as an earlier recording to that recording', async () => {
    const fixture = audioFixture('stereo-ulaw-8k.wav');
    mkdirSync(join(root, '2026/11'), { recursive: true });
    const first = await insertSourceFile(anna, '2026-11-04T09:00:00');
    copyFileSync(fixture, join(root, '2026/11', `call-${fileCounter}.wav`));
    const second = await insertSourceFile(anna, '2026-11-18T09:00:00');
    copyFileSync(fixture, join(root, '2026/11', `call-${fileCounter}.wav`));
    const sample = await drawSample(core, coach, { period: '2026-11', advisorIds: [anna] });
    const [a, b] = sample.items;
    if (!a || !b) throw new Error('two items expected');
    const ra = await bringIntoStore(core, coach, a.id);
    const rb = await bringIntoStore(core, coach, b.id);
    expect(rb.id).toBe(ra.id);
    const rows = await core.db.selectFrom('source_file').select(['id', 'recording_id']).where('id', 'in', [first, second]).execute();
    expect(rows.map((r) => r.recording_id)).toEqual([ra.id, ra.id]);
  });

  it('says clearly when the source file is gone', async () => {
    await insertSourceFile(anna, '2026-11-04T09:00:00');
    const sample = await drawSample(core, coach, { period: '2026-11', advisorIds: [anna] });
    const [item] = sample.items;
    if (!item) throw new Error('no item');
    await expect(bringIntoStore(core, coach, item.id)).rejects.toMatchObject({
      code: 'sample_file_missing',
      params: { path: `2026/11/call-${fileCounter}.wav`, source: 'Telefonie-export' },
    });
  });

  it('refuses staff who are not advisors', async () => {
    await expect(drawSample(core, coach, { period: '2026-11', advisorIds: [coach] })).rejects.toMatchObject({ code: 'not_an_advisor' });
  });

  it('runs through the contract: draw as the signed-in coach, Dutch message for an empty reason', async () => {
    await seedMonth();
    const d = createDispatcher(core, () => undefined);
    await d.dispatch('session.selectProfile', { staffId: coach });
    const drawn = await d.dispatch('samples.draw', { period: '2026-11', advisorIds: [anna], seed: 'via-contract' });
    if (!drawn.ok) throw new Error(drawn.error.message);
    const sample = drawn.data as Sample;
    expect(sample).toMatchObject({ seed: 'via-contract', drawnBy: coach, period: '2026-11' });
    const itemId = sample.items[0]?.id ?? 0;
    const refused = await d.dispatch('samples.redraw', { itemId, reason: '' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'sample_redraw_reason' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/^Geef een reden op/);
    expect(await d.dispatch('samples.forAdvisor', { advisorId: anna, period: '2026-11' })).toMatchObject({ ok: true, data: { length: 4 } });
    expect(await d.dispatch('samples.list', {})).toMatchObject({ ok: true, data: [{ id: sample.id, activeItems: 4 }] });
  });
});
