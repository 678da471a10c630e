import { needsRowLocks } from '../db/locking';
import { evaluationSnapshot, type Dispute, type DisputeOutcome, type Evaluation, type EvaluationStatus } from '../../contract';
import { nowIso } from '../clock';
import type { Db } from '../db/connection';
import { AppError, notFound } from '../errors';
import {
  calibrationsHiddenFrom,
  getEvaluation,
  isHiddenSecondOpinion,
  newDraftRow,
  recordingsBlindTo,
  recordingsInCalibrationBlindTo,
} from './evaluations';
import { recordVersion } from './history';

const outcomeLabel: Record<DisputeOutcome, string> = {
  original_kept: 'origineel behouden',
  replaced: 'vervangen door de second opinion',
};

function disputeRows(db: Db) {
  return db
    .selectFrom('dispute')
    .innerJoin('evaluation as original', 'original.id', 'dispute.evaluation_id')
    .innerJoin('recording', 'recording.id', 'original.recording_id')
    .innerJoin('staff as advisor', 'advisor.id', 'original.advisor_id')
    .innerJoin('staff as original_coach', 'original_coach.id', 'original.coach_id')
    .innerJoin('staff as raiser', 'raiser.id', 'dispute.raised_by')
    .innerJoin('staff as second_coach', 'second_coach.id', 'dispute.second_coach_id')
    .leftJoin('evaluation as second', 'second.id', 'dispute.second_evaluation_id')
    .leftJoin('staff as decider', 'decider.id', 'dispute.decided_by')
    .selectAll('dispute')
    .select([
      'original.recording_id',
      'original.advisor_id',
      'original.coach_id as original_coach_id',
      'original.status as original_status',
      'original.score_pct as original_score_pct',
      'original.period',
      'recording.original_name',
      'recording.call_at',
      'advisor.name as advisor_name',
      'original_coach.name as original_coach_name',
      'raiser.name as raised_by_name',
      'second_coach.name as second_coach_name',
      'second.status as second_status',
      'second.score_pct as second_score_pct',
      'decider.name as decided_by_name',
    ])
    .orderBy('dispute.id', 'desc');
}
type DisputeRow = Awaited<ReturnType<ReturnType<typeof disputeRows>['execute']>>[number];

function toDispute(r: DisputeRow): Dispute {
  // Neither score is shown until both coaches have committed to theirs.
  const comparable = r.second_status !== null && r.second_status !== 'draft';
  return {
    id: r.id,
    evaluationId: r.evaluation_id,
    recordingId: r.recording_id,
    recordingName: r.original_name,
    callAt: r.call_at,
    period: r.period,
    advisorId: r.advisor_id,
    advisorName: r.advisor_name,
    originalCoachId: r.original_coach_id,
    originalCoachName: r.original_coach_name,
    originalStatus: r.original_status,
    reason: r.reason,
    raisedById: r.raised_by,
    raisedByName: r.raised_by_name,
    raisedAt: r.raised_at,
    secondCoachId: r.second_coach_id,
    secondCoachName: r.second_coach_name,
    secondEvaluationId: r.second_evaluation_id,
    secondEvaluationStatus: r.second_status,
    outcome: r.outcome,
    outcomeNote: r.outcome_note,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    originalScorePct: comparable ? r.original_score_pct : null,
    secondScorePct: comparable ? r.second_score_pct : null,
  };
}

async function getDispute(db: Db, id: number): Promise<Dispute> {
  const row = await disputeRows(db).where('dispute.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Bezwaar ${id}`);
  return toDispute(row);
}

/** Records the advisor's disagreement and asks another coach for a blind second opinion. */
export async function raiseDispute(
  db: Db,
  actorId: number,
  input: { evaluationId: number; reason: string; secondCoachId: number },
): Promise<Dispute> {
  const reason = input.reason.trim();
  if (reason === '') throw new AppError('dispute_reason_required');
  // Checks run inside the transaction on a locked row: a second request for the same evaluation waits and then sees the first dispute.
  const disputeId = await db.transaction().execute(async (trx) => {
    const evaluation = await trx
      .selectFrom('evaluation')
      .innerJoin('staff as coach', 'coach.id', 'evaluation.coach_id')
      .$if(needsRowLocks(trx), (q) => q.forUpdate('evaluation'))
      .select([
        'evaluation.id',
        'evaluation.status',
        'evaluation.kind',
        'evaluation.counts',
        'evaluation.coach_id',
        'coach.name as coach_name',
      ])
      .where('evaluation.id', '=', input.evaluationId)
      .executeTakeFirst();
    if (!evaluation) throw notFound(`Beoordeling ${input.evaluationId}`);
    if (evaluation.kind === 'calibration') {
      throw new AppError('dispute_not_allowed', { reason: 'het is een kalibratiebeoordeling, die telt niet mee voor de adviseur' });
    }
    if (evaluation.kind !== 'regular')
      throw new AppError('dispute_not_allowed', { reason: 'een second opinion kan zelf niet worden betwist' });
    if (evaluation.status === 'draft') {
      throw new AppError('dispute_not_allowed', { reason: 'het is nog een concept; maak de beoordeling eerst definitief' });
    }
    if (evaluation.status === 'disputed') throw new AppError('dispute_not_allowed', { reason: 'er loopt al een bezwaar tegen' });
    if (evaluation.counts !== 1) {
      throw new AppError('dispute_not_allowed', { reason: 'ze is al vervangen door een second opinion en telt niet meer mee' });
    }
    const second = await trx.selectFrom('staff').select(['id', 'name', 'role']).where('id', '=', input.secondCoachId).executeTakeFirst();
    if (!second) throw notFound(`Medewerker ${input.secondCoachId}`);
    if (second.role !== 'coach') throw new AppError('coach_required', { name: second.name });
    if (second.id === evaluation.coach_id) throw new AppError('dispute_second_coach', { name: evaluation.coach_name });

    const created = await trx
      .insertInto('dispute')
      .values({
        evaluation_id: evaluation.id,
        reason,
        raised_by: actorId,
        raised_at: nowIso(),
        second_coach_id: second.id,
        second_evaluation_id: null,
        outcome: null,
        decided_by: null,
        decided_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The status before the dispute stays readable in the history (the previous version).
    await trx
      .updateTable('evaluation')
      .set((eb) => ({ status: 'disputed', updated_at: nowIso(), revision: eb('revision', '+', 1) }))
      .where('id', '=', evaluation.id)
      .execute();
    await recordVersion(trx, evaluation.id, 'disputed', actorId, reason);
    return created.id;
  });
  return getDispute(db, disputeId);
}

export async function listDisputes(
  db: Db,
  query: { evaluationId?: number; secondCoachId?: number; openOnly: boolean },
): Promise<Dispute[]> {
  let q = disputeRows(db);
  const { evaluationId, secondCoachId } = query;
  if (evaluationId !== undefined) {
    q = q.where((eb) => eb.or([eb('dispute.evaluation_id', '=', evaluationId), eb('dispute.second_evaluation_id', '=', evaluationId)]));
  }
  if (secondCoachId !== undefined) q = q.where('dispute.second_coach_id', '=', secondCoachId);
  if (query.openOnly) q = q.where('dispute.outcome', 'is', null);
  return (await q.execute()).map(toDispute);
}

/**
 * Opens the asked coach's second opinion: a new evaluation of the same call on the original's
 * rubric version (so the two scores compare), not counting until it replaces the original.
 */
export async function startSecondOpinion(db: Db, actorId: number, disputeId: number): Promise<Evaluation> {
  const evaluationId = await db.transaction().execute(async (trx) => {
    const dispute = await trx
      .selectFrom('dispute')
      .innerJoin('staff as second_coach', 'second_coach.id', 'dispute.second_coach_id')
      .innerJoin('evaluation as original', 'original.id', 'dispute.evaluation_id')
      .$if(needsRowLocks(trx), (q) => q.forUpdate('dispute'))
      .select([
        'dispute.id',
        'dispute.second_coach_id',
        'dispute.second_evaluation_id',
        'dispute.outcome',
        'second_coach.name as second_coach_name',
        'original.recording_id',
        'original.advisor_id',
        'original.rubric_version_id',
        'original.period',
      ])
      .where('dispute.id', '=', disputeId)
      .executeTakeFirst();
    if (!dispute) throw notFound(`Bezwaar ${disputeId}`);
    if (dispute.second_coach_id !== actorId) throw new AppError('dispute_not_yours', { name: dispute.second_coach_name });
    if (dispute.second_evaluation_id !== null) return dispute.second_evaluation_id;
    if (dispute.outcome !== null) throw new AppError('dispute_closed', { outcome: outcomeLabel[dispute.outcome] });

    const created = await trx
      .insertInto('evaluation')
      .values(
        newDraftRow({
          recordingId: dispute.recording_id,
          advisorId: dispute.advisor_id,
          coachId: actorId,
          rubricVersionId: dispute.rubric_version_id,
          period: dispute.period,
          kind: 'second_opinion',
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('dispute').set({ second_evaluation_id: created.id }).where('id', '=', dispute.id).execute();
    return created.id;
  });
  return getEvaluation(db, evaluationId);
}

/** The status the evaluation had before it was disputed, read back from its history. */
async function statusBeforeDispute(trx: Db, evaluationId: number, discussedOn: string | null): Promise<EvaluationStatus> {
  const versions = await trx
    .selectFrom('evaluation_version')
    .select(['change', 'snapshot_json'])
    .where('evaluation_id', '=', evaluationId)
    .orderBy('id', 'desc')
    .execute();
  const disputedAt = versions.findIndex((v) => v.change === 'disputed');
  const before = disputedAt >= 0 ? versions[disputedAt + 1] : undefined;
  const status = before ? evaluationSnapshot.pick({ status: true }).parse(JSON.parse(before.snapshot_json)).status : null;
  // A feedback session held meanwhile also counts: the evaluation was discussed either way.
  return status === 'discussed' || discussedOn !== null ? 'discussed' : 'final';
}

/** Closes a dispute once the second opinion is final: the original is kept, or the second opinion counts instead. */
export async function decideDispute(
  db: Db,
  actorId: number,
  input: { id: number; outcome: DisputeOutcome; note: string },
): Promise<Dispute> {
  const note = input.note.trim();
  await db.transaction().execute(async (trx) => {
    const dispute = await trx
      .selectFrom('dispute')
      .innerJoin('staff as second_coach', 'second_coach.id', 'dispute.second_coach_id')
      .innerJoin('evaluation as original', 'original.id', 'dispute.evaluation_id')
      .$if(needsRowLocks(trx), (q) => q.forUpdate('dispute'))
      .leftJoin('evaluation as second', 'second.id', 'dispute.second_evaluation_id')
      .select([
        'dispute.id',
        'dispute.evaluation_id',
        'dispute.second_evaluation_id',
        'dispute.outcome',
        'second_coach.name as second_coach_name',
        'second.status as second_status',
        'original.discussed_on',
      ])
      .where('dispute.id', '=', input.id)
      .executeTakeFirst();
    if (!dispute) throw notFound(`Bezwaar ${input.id}`);
    if (dispute.outcome !== null) throw new AppError('dispute_closed', { outcome: outcomeLabel[dispute.outcome] });
    if (dispute.second_evaluation_id === null || dispute.second_status === null || dispute.second_status === 'draft') {
      throw new AppError('dispute_second_not_final', { name: dispute.second_coach_name });
    }

    const now = nowIso();
    const previous = await statusBeforeDispute(trx, dispute.evaluation_id, dispute.discussed_on);
    const replaced = input.outcome === 'replaced';
    await trx
      .updateTable('evaluation')
      .set((eb) => ({ status: previous, counts: replaced ? 0 : 1, updated_at: now, revision: eb('revision', '+', 1) }))
      .where('id', '=', dispute.evaluation_id)
      .execute();
    await recordVersion(trx, dispute.evaluation_id, input.outcome, actorId, note);
    if (replaced) {
      await trx
        .updateTable('evaluation')
        .set((eb) => ({ counts: 1, updated_at: now, revision: eb('revision', '+', 1) }))
        .where('id', '=', dispute.second_evaluation_id)
        .execute();
      await recordVersion(trx, dispute.second_evaluation_id, 'replaces_original', actorId, note);
    }
    await trx
      .updateTable('dispute')
      .set({ outcome: input.outcome, outcome_note: note, decided_by: actorId, decided_at: now })
      .where('id', '=', dispute.id)
      .execute();
  });
  return getDispute(db, input.id);
}

/**
 * Throws `evaluation_blind` when the viewer is asked for a blind second opinion on this call and the
 * evaluation is someone else's, `second_opinion_pending` when it is someone else's unfinished
 * second opinion, and `calibration_blind` when it is a calibration scoring the viewer may not read
 * yet or the viewer is still scoring this call in an open calibration session.
 */
export async function assertNotBlind(db: Db, profileId: number | null, evaluationId: number): Promise<void> {
  const evaluation = await db
    .selectFrom('evaluation')
    .innerJoin('staff as coach', 'coach.id', 'evaluation.coach_id')
    .select(['evaluation.recording_id', 'evaluation.coach_id', 'evaluation.kind', 'evaluation.status', 'coach.name as coach_name'])
    .where('evaluation.id', '=', evaluationId)
    .executeTakeFirst();
  // An unknown id is left to the read itself, which names what is missing.
  if (!evaluation) return;
  if (evaluation.kind === 'calibration' && (await calibrationsHiddenFrom(db, profileId)).has(evaluationId)) {
    throw new AppError('calibration_blind');
  }
  if (isHiddenSecondOpinion(evaluation, profileId)) throw new AppError('second_opinion_pending', { name: evaluation.coach_name });
  if (profileId === null || evaluation.coach_id === profileId) return;
  if ((await recordingsInCalibrationBlindTo(db, profileId)).has(evaluation.recording_id)) throw new AppError('calibration_blind');
  if ((await recordingsBlindTo(db, profileId)).has(evaluation.recording_id)) throw new AppError('evaluation_blind');
}
