import { createReadStream, existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/errors';
import { getPeaks, getRecording, importRecording, mediaFile } from '../../src-main/core/recordings/recordings';
import { inStore } from '../../src-main/core/recordings/store';
import { stageUpload } from '../../src-main/core/recordings/uploads';
import { listRetentionLog, runRetention } from '../../src-main/core/retention/retention';
import { updateAppSettings } from '../../src-main/core/settings/app-settings';
import { startEvaluation } from '../../src-main/core/evaluations/evaluations';
import { audioFixture, type FixtureName } from '../support/audio-fixtures';
import { createTempCore, type TempCore } from '../support/core';
import { insertStaff } from '../support/seed';

let t: TempCore;
let advisor: number;

beforeEach(async () => {
  t = await createTempCore();
  advisor = await insertStaff(t.core, 'advisor', 'Sanne de Vries');
});
afterEach(() => t.cleanup());

async function importCall(fixture: FixtureName, callAt: string | null) {
  const uploadId = await stageUpload(t.core.paths, createReadStream(audioFixture(fixture)));
  const { recording } = await importRecording(t.core, null, { uploadId, fileName: fixture, advisorId: advisor, callAt, topic: null });
  const row = await t.core.db.selectFrom('recording').selectAll().where('id', '=', recording.id).executeTakeFirstOrThrow();
  return { recording, files: [row.stored_path!, row.peaks_path!].map((p) => inStore(t.core.paths, p)) };
}

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));

describe('audio retention', () => {
  it('deletes the audio of calls past the period and keeps the recording, its evaluation and the log', async () => {
    await updateAppSettings(t.core.db, { audioRetentionMonths: 6 });
    const old = await importCall('stereo-ulaw-8k.wav', '2026-04-30T10:00:00');
    const recent = await importCall('mono-alaw-8k.wav', '2026-06-01T10:00:00');
    const coach = await insertStaff(t.core, 'coach', 'Karim Bouzid');
    const evaluation = await startEvaluation(t.core.db, coach, old.recording.id);

    const run = await runRetention(t.core, new Date('2026-11-23T12:00:00Z'));
    expect(run.removed).toBe(1);
    expect(run.bytesFreed).toBeGreaterThan(90_000);
    for (const file of old.files) expect(existsSync(file)).toBe(false);
    for (const file of recent.files) expect(existsSync(file)).toBe(true);

    const kept = await getRecording(t.core.db, old.recording.id);
    expect(kept).toMatchObject({ audioAvailable: false, sha256: old.recording.sha256, advisorId: advisor });
    expect(codeOf(await getPeaks(t.core, old.recording.id).catch((e) => e))).toBe('audio_removed');
    expect(codeOf(await mediaFile(t.core, old.recording.id).catch((e) => e))).toBe('audio_removed');
    const stillThere = await t.core.db.selectFrom('evaluation').select('id').where('id', '=', evaluation.id).executeTakeFirst();
    expect(stillThere).toBeDefined();

    const log = await listRetentionLog(t.core);
    expect(log).toEqual([
      expect.objectContaining({ recordingId: old.recording.id, originalName: 'stereo-ulaw-8k.wav', bytesFreed: run.bytesFreed }),
    ]);
  });

  it('is idempotent and respects a longer period', async () => {
    await updateAppSettings(t.core.db, { audioRetentionMonths: 24 });
    await importCall('stereo-ulaw-8k.wav', '2025-01-10T10:00:00');
    expect((await runRetention(t.core, new Date('2026-11-23T12:00:00Z'))).removed).toBe(0);
    await updateAppSettings(t.core.db, { audioRetentionMonths: 12 });
    expect((await runRetention(t.core, new Date('2026-11-23T12:00:00Z'))).removed).toBe(1);
    expect((await runRetention(t.core, new Date('2026-11-23T12:00:00Z'))).removed).toBe(0);
    expect(await listRetentionLog(t.core)).toHaveLength(1);
  });

  it('uses the import moment when the call time is unknown', async () => {
    await importCall('mono-ulaw-8k.wav', null);
    expect((await runRetention(t.core, new Date())).removed).toBe(0);
    const inTwoYears = new Date(Date.now() + 2 * 365 * 24 * 3600 * 1000);
    expect((await runRetention(t.core, inTwoYears)).removed).toBe(1);
  });
});
