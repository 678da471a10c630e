import { stat } from 'node:fs/promises';
import { subMonths } from 'date-fns';
import type { RetentionLogEntry, RetentionRun } from '../../contract';
import type { Core } from '../app';
import { now, nowIso } from '../clock';
import { removeFromStore, inStore } from '../recordings/store';
import { getAppSettings } from '../settings/app-settings';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the audio of calls past the retention period (every file: original, converted copy,
 * peaks) while the recording row, its evaluations, notes and scores stay. Files go first, then
 * the row is marked: a failure in between leaves a row the next run finishes, never audio that
 * the database claims is gone.
 */
export async function runRetention(core: Core, at: Date = now()): Promise<RetentionRun> {
  const { audioRetentionMonths } = await getAppSettings(core.db);
  // Local date-times (call_at) and ISO moments (imported_at) compare correctly as text at day precision.
  const cutoff = subMonths(at, audioRetentionMonths).toISOString().slice(0, 19);
  const due = await core.db
    .selectFrom('recording')
    .selectAll()
    .where('stored_path', 'is not', null)
    .where((eb) => eb(eb.fn.coalesce('call_at', 'imported_at'), '<', cutoff))
    .execute();

  const ranAt = nowIso();
  let bytesFreed = 0;
  for (const row of due) {
    const files = [row.stored_path, row.peaks_path, row.original_path].filter((p): p is string => p !== null);
    const sizes = await Promise.all(
      files.map((f) =>
        stat(inStore(core.paths, f)).then(
          (s) => s.size,
          () => 0,
        ),
      ),
    );
    const freed = sizes.reduce((a, b) => a + b, 0);
    await removeFromStore(core.paths, files);
    await core.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('recording')
        .set({ stored_path: null, peaks_path: null, original_path: null, audio_removed_at: ranAt })
        .where('id', '=', row.id)
        .execute();
      await trx
        .insertInto('retention_log')
        .values({ ran_at: ranAt, recording_id: row.id, original_name: row.original_name, sha256: row.sha256, bytes_freed: freed })
        .execute();
    });
    bytesFreed += freed;
  }
  if (due.length > 0) console.log(`Bewaartermijn: audio van ${due.length} opname(s) verwijderd (${bytesFreed} bytes).`);
  return { ranAt, removed: due.length, bytesFreed };
}

export async function listRetentionLog(core: Core, limit = 200): Promise<RetentionLogEntry[]> {
  const rows = await core.db.selectFrom('retention_log').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    ranAt: r.ran_at,
    recordingId: r.recording_id,
    originalName: r.original_name,
    bytesFreed: Number(r.bytes_freed),
  }));
}

/** Runs the job now and then daily for as long as the process lives; returns the stop function. */
export function scheduleRetention(host: { core(): Core | null }, log: (error: unknown) => void = console.error): () => void {
  const run = () => {
    // Not while the database is unopenable or being restored; the next day's run catches up.
    const core = host.core();
    if (core) void runRetention(core).catch(log);
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
