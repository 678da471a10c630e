import type { Core } from '../../src-main/core/app';

let counter = 0;

export async function insertStaff(core: Core, role: 'advisor' | 'coach' | 'trainer' | 'manager', name: string): Promise<number> {
  const row = await core.db
    .insertInto('staff')
    .values({
      employee_number: `T${++counter}${role.slice(0, 2)}`,
      name,
      team: 'KCC Noord',
      role,
      start_date: '2024-02-01',
      status: 'active',
      created_at: '2026-11-01T08:00:00.000Z',
      updated_at: '2026-11-01T08:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A recording row without audio on disk, for tests that only need something to evaluate. */
export async function insertRecording(core: Core, advisorId: number | null, callAt = '2026-11-03T09:35:12'): Promise<number> {
  const row = await core.db
    .insertInto('recording')
    .values({
      sha256: `${++counter}`.padStart(64, '0'),
      original_name: `gesprek-${counter}.wav`,
      stored_path: null,
      peaks_path: null,
      media_type: 'audio/wav',
      container: 'WAVE',
      codec: 'G.711 µ-law',
      channels: 2,
      sample_rate: 8000,
      duration_seconds: 312,
      size_bytes: 4_992_044,
      advisor_id: advisorId,
      call_at: callAt,
      topic: 'burgerzaken',
      imported_at: '2026-11-04T10:00:00.000Z',
      imported_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
