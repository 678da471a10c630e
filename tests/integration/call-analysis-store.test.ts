import { createReadStream } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callAnalysis } from '../../src-main/contract';
import type { Core } from '../../src-main/core/app';
import { AppError } from '../../src-main/core/errors';
import { ANALYSIS_VERSION } from '../../src-main/core/recordings/analysis';
import { readStoredAnalysis, saveAnalysis, setChannelSetting } from '../../src-main/core/recordings/analysis-records';
import { getAnalysis } from '../../src-main/core/recordings/analysis-store';
import { importRecording } from '../../src-main/core/recordings/recordings';
import { stageUpload } from '../../src-main/core/recordings/uploads';
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { audioFixture, type FixtureName } from '../support/audio-fixtures';
import { createTempCore, type TempCore } from '../support/core';

let temp: TempCore;
let core: Core;
beforeEach(async () => {
  temp = await createTempCore();
  core = temp.core;
});
afterEach(() => temp.cleanup());

/** Imports a fixture and forgets any analysis made at import: an import from before the analysis existed. */
async function importOld(name: FixtureName): Promise<number> {
  const uploadId = await stageUpload(core.paths, createReadStream(audioFixture(name)));
  const { recording } = await importRecording(core, null, { uploadId, fileName: name, advisorId: null, callAt: null, topic: null });
  await core.db.deleteFrom('call_analysis').where('recording_id', '=', recording.id).execute();
  return recording.id;
}

const storedRows = () => core.db.selectFrom('call_analysis').selectAll().execute();

describe('call analysis store', () => {
  it('analyses a call during its import, in the same decode as the peaks', async () => {
    const uploadId = await stageUpload(core.paths, createReadStream(audioFixture('stereo-ulaw-8k.wav')));
    const { recording } = await importRecording(core, null, { uploadId, fileName: 'x.wav', advisorId: null, callAt: null, topic: null });
    const stored = await readStoredAnalysis(core.db, recording.id);
    expect(stored?.totals.talkOverSeconds).toBeCloseTo(4, 1);
    expect(stored?.totals.durationSeconds).toBeCloseTo(recording.durationSeconds, 3);
  });

  it('analyses an older import on first request, then serves the stored analysis', async () => {
    // Left 440 Hz and right 1000 Hz for 0–2 s and 4–6 s, both silent 2–4 s.
    const id = await importOld('stereo-ulaw-8k.wav');
    expect(await storedRows()).toEqual([]);

    const analysis = await getAnalysis(core, id);
    expect(analysis).not.toBeNull();
    const { totals, segments } = callAnalysis.parse(analysis);
    expect(totals.durationSeconds).toBeCloseTo(6, 3);
    // The 2 s gap is shorter than the 3 s minimum: a pause, no hold, but the longest silence.
    expect(totals.holdSeconds).toBe(0);
    expect(totals.longestSilenceSeconds).toBeCloseTo(2, 1);
    // Both tones sound at once: talk-over 0–2 s and 4–6 s.
    expect(totals.talkOverSeconds).toBeCloseTo(4, 1);
    expect(totals.talkOverPct).toBeCloseTo(66.67, 0);
    expect(totals.advisorTalkShare).toBeCloseTo(0.5, 2);
    expect(segments.map((s) => s.kind)).toEqual(['talkover', 'talkover']);

    const rows = await storedRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ recording_id: id, version: ANALYSIS_VERSION });
    expect(JSON.parse(rows[0]?.json ?? 'null')).toEqual(analysis);

    // Served from the table now: a marked copy comes back unchanged.
    const marked = { ...callAnalysis.parse(analysis), segments: [] };
    await saveAnalysis(core.db, id, marked);
    expect(await getAnalysis(core, id)).toEqual(marked);
  });

  it('answers through the recordings.analysis channel', async () => {
    const id = await importOld('mono-alaw-8k.wav');
    const result = await createDispatcher(core, () => undefined).dispatch('recordings.analysis', { id });
    expect(result.ok).toBe(true);
    if (result.ok) {
      const analysis = callAnalysis.nullable().parse(result.data);
      expect(analysis?.channels).toBe(1);
      expect(analysis?.totals.talkOverPct).toBeNull();
      expect(analysis?.totals.advisorTalkShare).toBeNull();
      expect(analysis?.segments).toEqual([]);
    }
  });

  it('redoes a stereo analysis when the channel roles change, and one of an older method version', async () => {
    const id = await importOld('stereo-ulaw-8k.wav');
    const first = await getAnalysis(core, id);
    expect(first?.parameters).toMatchObject({ advisorChannel: 1, residentChannel: 2 });

    await setChannelSetting(core.db, { advisorChannel: 2 });
    const swapped = await getAnalysis(core, id);
    expect(swapped?.parameters).toMatchObject({ advisorChannel: 2, residentChannel: 1 });
    expect((await readStoredAnalysis(core.db, id))?.parameters.advisorChannel).toBe(2);

    const outdated = { ...callAnalysis.parse(swapped), version: ANALYSIS_VERSION + 100 };
    await saveAnalysis(core.db, id, outdated);
    expect((await getAnalysis(core, id))?.version).toBe(ANALYSIS_VERSION);
  });

  it('keeps the analysis when retention removed the audio, and is null when there never was one', async () => {
    const analysed = await importOld('stereo-ulaw-8k.wav');
    const kept = await getAnalysis(core, analysed);
    const never = await importOld('mono-ulaw-8k.wav');
    await core.db.updateTable('recording').set({ stored_path: null, peaks_path: null }).execute();

    expect(await getAnalysis(core, analysed)).toEqual(kept);
    expect(await getAnalysis(core, never)).toBeNull();
  });

  it('shares one computation between simultaneous requests', async () => {
    const id = await importOld('stereo-ulaw-8k.wav');
    const [a, b] = await Promise.all([getAnalysis(core, id), getAnalysis(core, id)]);
    expect(a).toBe(b);
    expect(await storedRows()).toHaveLength(1);
  });

  it('refuses an unknown recording', async () => {
    const error = await getAnalysis(core, 999).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('not_found');
  });
});
