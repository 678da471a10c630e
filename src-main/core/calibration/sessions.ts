import type {
  CalibrationCreateInput,
  CalibrationParticipant,
  CalibrationSession,
  CalibrationStatus,
  CalibrationSummary,
  Evaluation,
} from '../../contract';
import { nowIso } from '../clock';
import type { Db } from '../db/connection';
import { AppError, notFound } from '../errors';
import { getEvaluation, newDraftRow } from '../evaluations/evaluations';
import { rubricVersionForTeam } from '../rubrics/assignments';

/** Who may score in a session: the people who evaluate calls, while they are employed. */
const scorerRoles = new Set(['coach', 'manager', 'trainer']);

function sessionRows(db: Db) {
  return db
    .selectFrom('calibration_session as s')
    .innerJoin('recording as r', 'r.id', 's.recording_id')
    .leftJoin('staff as advisor', 'advisor.id', 'r.advisor_id')
    .innerJoin('rubric_version as rv', 'rv.id', 's.rubric_version_id')
    .innerJoin('rubric', 'rubric.id', 'rv.rubric_id')
    .leftJoin('staff as ref', 'ref.id', 's.reference_coach_id')
    .innerJoin('staff as creator', 'creator.id', 's.created_by')
    .selectAll('s')
    .select([
      'r.original_name',
      'r.call_at',
      'advisor.name as advisor_name',
      'rubric.name as rubric_name',
      'rv.version as rubric_version',
      'ref.name as reference_name',
      'creator.name as created_by_name',
    ]);
}
type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionRows>['execute']>>[number];

/** The participants of these sessions with the state of their scoring: reference first, then by name. */
export async function participantsOf(db: Db, sessionIds: readonly number[]) {
  if (sessionIds.length === 0) return [];
  const rows = await db
    .selectFrom('calibration_participant as p')
    .innerJoin('calibration_session as s', 's.id', 'p.session_id')
    .innerJoin('staff', 'staff.id', 'p.coach_id')
    .leftJoin('evaluation as e', 'e.id', 'p.evaluation_id')
    .select(['p.session_id', 'p.coach_id', 'p.evaluation_id', 'staff.name', 's.reference_coach_id', 'e.status', 'e.finalized_at'])
    .where('p.session_id', 'in', [...sessionIds])
    .execute();
  return rows
    .map((r) => ({
      sessionId: r.session_id,
      coachId: r.coach_id,
      name: r.name,
      isReference: r.coach_id === r.reference_coach_id,
      evaluationId: r.evaluation_id,
      // A calibration evaluation is only ever a draft or final: submitting is finalising it.
      submittedAt: r.status !== null && r.status !== 'draft' ? r.finalized_at : null,
    }))
    .sort((a, b) => Number(b.isReference) - Number(a.isReference) || a.name.localeCompare(b.name, 'nl'));
}
type ParticipantRow = Awaited<ReturnType<typeof participantsOf>>[number];

function toSummary(row: SessionRow, participants: readonly ParticipantRow[], viewerId: number | null): CalibrationSummary {
  const mine = participants.find((p) => p.coachId === viewerId);
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    recordingId: row.recording_id,
    recordingName: row.original_name,
    callAt: row.call_at,
    advisorName: row.advisor_name,
    rubricVersionId: row.rubric_version_id,
    rubricName: row.rubric_name,
    rubricVersion: row.rubric_version,
    referenceName: row.reference_name,
    deadline: row.deadline,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    participantCount: participants.length,
    submittedCount: participants.filter((p) => p.submittedAt !== null).length,
    mine: mine ? { evaluationId: mine.evaluationId, submitted: mine.submittedAt !== null } : null,
  };
}

/** Open sessions first, then the newest. `mine` is filled for the signed-in profile. */
export async function listCalibrations(db: Db, viewerId: number | null, status?: CalibrationStatus): Promise<CalibrationSummary[]> {
  let q = sessionRows(db);
  if (status) q = q.where('s.status', '=', status);
  const rows = await q.orderBy('s.status', 'desc').orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').execute();
  const participants = await participantsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    toSummary(
      r,
      participants.filter((p) => p.sessionId === r.id),
      viewerId,
    ),
  );
}

/** Whether the viewer may see everyone's answers: the session is closed, or they submitted their own. */
export function mayCompare(
  status: CalibrationStatus,
  participants: readonly { coachId: number; submittedAt: string | null }[],
  viewerId: number | null,
) {
  return status === 'closed' || participants.some((p) => p.coachId === viewerId && p.submittedAt !== null);
}

export async function getCalibration(db: Db, viewerId: number | null, id: number): Promise<CalibrationSession> {
  const row = await sessionRows(db).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Kalibratiesessie ${id}`);
  const participants = await participantsOf(db, [id]);
  return {
    ...toSummary(row, participants, viewerId),
    participants: participants.map((p): CalibrationParticipant => ({
      coachId: p.coachId,
      name: p.name,
      isReference: p.isReference,
      evaluationId: p.evaluationId,
      submittedAt: p.submittedAt,
    })),
    notes: row.notes,
    canCompare: mayCompare(row.status, participants, viewerId),
    mayOrganise: await isOrganiser(db, viewerId, row),
  };
}

/**
 * A new open session on a call with an advisor. The rubric version defaults to the one new
 * evaluations of that advisor's team use; the reference scorer (if any) scores too.
 */
export async function createCalibration(db: Db, actorId: number, input: CalibrationCreateInput): Promise<CalibrationSession> {
  const id = await db.transaction().execute(async (trx) => {
    const recording = await trx
      .selectFrom('recording')
      .leftJoin('staff', 'staff.id', 'recording.advisor_id')
      .select(['recording.id', 'recording.advisor_id', 'staff.team'])
      .where('recording.id', '=', input.recordingId)
      .executeTakeFirst();
    if (!recording) throw notFound(`Opname ${input.recordingId}`);
    if (recording.advisor_id === null) throw new AppError('advisor_required');

    let rubricVersionId: number;
    if (input.rubricVersionId === undefined) {
      rubricVersionId = await rubricVersionForTeam(trx, recording.team ?? '');
    } else {
      const version = await trx
        .selectFrom('rubric_version')
        .innerJoin('rubric', 'rubric.id', 'rubric_version.rubric_id')
        .select(['rubric_version.id', 'rubric_version.status', 'rubric_version.version', 'rubric.name'])
        .where('rubric_version.id', '=', input.rubricVersionId)
        .executeTakeFirst();
      if (!version) throw notFound(`Beoordelingsformulier ${input.rubricVersionId}`);
      if (version.status !== 'published')
        throw new AppError('rubric_version_not_published', { version: version.version, name: version.name });
      rubricVersionId = version.id;
    }

    const ids = [...new Set([...(input.referenceId === null ? [] : [input.referenceId]), ...input.participantIds])];
    const people = await trx.selectFrom('staff').select(['id', 'name', 'role', 'status']).where('id', 'in', ids).execute();
    for (const personId of ids) {
      const person = people.find((p) => p.id === personId);
      if (!person) throw notFound(`Medewerker ${personId}`);
      if (!scorerRoles.has(person.role) || person.status === 'left') throw new AppError('calibration_participants', { name: person.name });
    }
    if (ids.length < 2) throw new AppError('calibration_too_few');

    const created = await trx
      .insertInto('calibration_session')
      .values({
        title: input.title,
        recording_id: recording.id,
        rubric_version_id: rubricVersionId,
        reference_coach_id: input.referenceId,
        deadline: input.deadline,
        status: 'open',
        notes: '',
        created_by: actorId,
        created_at: nowIso(),
        closed_at: null,
        closed_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('calibration_participant')
      .values(ids.map((coachId) => ({ session_id: created.id, coach_id: coachId, evaluation_id: null })))
      .execute();
    return created.id;
  });
  return getCalibration(db, actorId, id);
}

/**
 * Opens the participant's scoring: an evaluation of kind `calibration` on the session's rubric
 * version and call, which never counts. Starting twice opens the same one.
 */
export async function startCalibration(db: Db, actorId: number, id: number): Promise<Evaluation> {
  const evaluationId = await db.transaction().execute(async (trx) => {
    const session = await trx
      .selectFrom('calibration_session as s')
      .innerJoin('recording as r', 'r.id', 's.recording_id')
      .select(['s.id', 's.title', 's.status', 's.rubric_version_id', 's.recording_id', 'r.advisor_id', 'r.call_at'])
      .where('s.id', '=', id)
      .executeTakeFirst();
    if (!session) throw notFound(`Kalibratiesessie ${id}`);
    const participant = await trx
      .selectFrom('calibration_participant')
      .select('evaluation_id')
      .where('session_id', '=', id)
      .where('coach_id', '=', actorId)
      .executeTakeFirst();
    if (!participant) {
      const actor = await trx.selectFrom('staff').select('name').where('id', '=', actorId).executeTakeFirst();
      throw new AppError('calibration_not_participant', { name: actor?.name ?? `Medewerker ${actorId}` });
    }
    if (participant.evaluation_id !== null) return participant.evaluation_id;
    if (session.status !== 'open') throw new AppError('calibration_closed', { title: session.title });
    if (session.advisor_id === null) throw new AppError('advisor_required');

    const created = await trx
      .insertInto('evaluation')
      .values(
        newDraftRow({
          recordingId: session.recording_id,
          advisorId: session.advisor_id,
          coachId: actorId,
          rubricVersionId: session.rubric_version_id,
          period: (session.call_at ?? nowIso()).slice(0, 7),
          kind: 'calibration',
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('calibration_participant')
      .set({ evaluation_id: created.id })
      .where('session_id', '=', id)
      .where('coach_id', '=', actorId)
      .execute();
    return created.id;
  });
  return getEvaluation(db, evaluationId);
}

/** The session's organiser or a team manager: the people who close a session and record what was agreed. */
async function isOrganiser(db: Db, viewerId: number | null, session: { created_by: number }): Promise<boolean> {
  if (viewerId === null) return false;
  if (session.created_by === viewerId) return true;
  const viewer = await db.selectFrom('staff').select('role').where('id', '=', viewerId).executeTakeFirst();
  return viewer?.role === 'manager';
}

export async function assertOrganiser(db: Db, actorId: number, session: { created_by: number }): Promise<void> {
  if (await isOrganiser(db, actorId, session)) return;
  const creator = await db.selectFrom('staff').select('name').where('id', '=', session.created_by).executeTakeFirstOrThrow();
  throw new AppError('calibration_organiser', { name: creator.name });
}

/** Closes the session: unfinished scorings stay drafts, cannot be changed any more and are left out of the comparison. */
export async function closeCalibration(db: Db, actorId: number, id: number): Promise<CalibrationSession> {
  await db.transaction().execute(async (trx) => {
    const session = await trx
      .selectFrom('calibration_session')
      .select(['id', 'title', 'status', 'created_by'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!session) throw notFound(`Kalibratiesessie ${id}`);
    await assertOrganiser(trx, actorId, session);
    if (session.status !== 'open') throw new AppError('calibration_closed', { title: session.title });
    await trx
      .updateTable('calibration_session')
      .set({ status: 'closed', closed_at: nowIso(), closed_by: actorId })
      .where('id', '=', id)
      .execute();
  });
  return getCalibration(db, actorId, id);
}
