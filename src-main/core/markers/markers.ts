import type { Marker } from '../../contract';
import { nowIso } from '../clock';
import type { Db } from '../db/connection';
import { notFound } from '../errors';
import { calibrationsHiddenFrom, isHiddenSecondOpinion, recordingsBlindTo } from '../evaluations/evaluations';

function markers(db: Db) {
  return db
    .selectFrom('marker')
    .innerJoin('staff', 'staff.id', 'marker.author_id')
    .selectAll('marker')
    .select('staff.name as author_name')
    .orderBy('marker.at_seconds')
    .orderBy('marker.id');
}
type MarkerRow = Awaited<ReturnType<ReturnType<typeof markers>['execute']>>[number];

const toMarker = (r: MarkerRow): Marker => ({
  id: r.id,
  recordingId: r.recording_id,
  evaluationId: r.evaluation_id,
  criterionId: r.criterion_id,
  atSeconds: r.at_seconds,
  text: r.text,
  authorName: r.author_name,
  createdAt: r.created_at,
});

/**
 * `viewerId`: the signed-in profile. A coach making a blind second opinion on the call, or still
 * scoring it in an open calibration session, sees only their own notes; nobody else sees the notes
 * of an unfinished second opinion or of a calibration scoring they may not read yet.
 */
export async function listMarkers(db: Db, recordingId: number, viewerId: number | null = null): Promise<Marker[]> {
  const rows = await markers(db)
    .leftJoin('evaluation', 'evaluation.id', 'marker.evaluation_id')
    .select(['evaluation.kind', 'evaluation.status', 'evaluation.coach_id'])
    .where('marker.recording_id', '=', recordingId)
    .execute();
  const blind = viewerId !== null && (await recordingsBlindTo(db, viewerId)).has(recordingId);
  const hiddenCalibrations = await calibrationsHiddenFrom(db, viewerId);
  const hidden = (r: (typeof rows)[number]) =>
    isHiddenSecondOpinion(r, viewerId) || (r.evaluation_id !== null && hiddenCalibrations.has(r.evaluation_id));
  return rows.filter((r) => r.author_id === viewerId || (!blind && !hidden(r))).map(toMarker);
}

export interface NewMarker {
  recordingId: number;
  evaluationId?: number | null | undefined;
  criterionId?: number | null | undefined;
  atSeconds: number;
  text: string;
}

export async function addMarker(db: Db, authorId: number, input: NewMarker): Promise<Marker> {
  const recording = await db
    .selectFrom('recording')
    .select(['id', 'duration_seconds'])
    .where('id', '=', input.recordingId)
    .executeTakeFirst();
  if (!recording) throw notFound(`Opname ${input.recordingId}`);
  const created = await db
    .insertInto('marker')
    .values({
      recording_id: input.recordingId,
      evaluation_id: input.evaluationId ?? null,
      criterion_id: input.criterionId ?? null,
      // A playhead can sit a hair past the end after seeking; keep notes inside the call.
      at_seconds: Math.min(input.atSeconds, recording.duration_seconds),
      text: input.text,
      author_id: authorId,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await markers(db).where('marker.id', '=', created.id).executeTakeFirstOrThrow();
  return toMarker(row);
}

export async function removeMarker(db: Db, id: number): Promise<void> {
  const result = await db.deleteFrom('marker').where('id', '=', id).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw notFound(`Notitie ${id}`);
}
