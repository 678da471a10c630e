import type { Answer, DraftInput, Evaluation, EvaluationSummary, RubricVersion } from '../../contract';
import type { Insertable } from 'kysely';
import { localTimeOf, nowIso } from '../clock';
import type { Db } from '../db/connection';
import type { EvaluationKind, EvaluationTable } from '../db/schema';
import { AppError, notFound } from '../errors';
import { rubricVersionForTeam } from '../rubrics/assignments';
import { getRubricVersion } from '../rubrics/rubrics';
import { recordVersion } from './history';
import { answerProblem, isAnswered, scoreEvaluation } from './scoring';

const periodOf = (callAt: string | null): string => (callAt ?? nowIso()).slice(0, 7);

/** An empty draft; a second opinion starts not counting until it replaces the original. */
export function newDraftRow(d: {
  recordingId: number;
  advisorId: number;
  coachId: number;
  rubricVersionId: number;
  period: string;
  kind: EvaluationKind;
}): Insertable<EvaluationTable> {
  const now = nowIso();
  return {
    recording_id: d.recordingId,
    advisor_id: d.advisorId,
    coach_id: d.coachId,
    rubric_version_id: d.rubricVersionId,
    period: d.period,
    status: 'draft',
    kind: d.kind,
    counts: d.kind === 'regular' ? 1 : 0,
    tops: '',
    tips: '',
    score_pct: null,
    critical_customer: 0,
    critical_business: 0,
    critical_compliance: 0,
    has_critical_error: 0,
    created_at: now,
    updated_at: now,
    finalized_at: null,
  };
}

/** Opens the coach's draft for this call, or starts one on the rubric version new evaluations use. */
export async function startEvaluation(db: Db, coachId: number, recordingId: number): Promise<Evaluation> {
  const recording = await db
    .selectFrom('recording')
    .leftJoin('staff', 'staff.id', 'recording.advisor_id')
    .select(['recording.id', 'recording.advisor_id', 'recording.call_at', 'staff.team'])
    .where('recording.id', '=', recordingId)
    .executeTakeFirst();
  if (!recording) throw notFound(`Opname ${recordingId}`);
  if (recording.advisor_id === null) throw new AppError('advisor_required');

  const draft = await db
    .selectFrom('evaluation')
    .select('id')
    .where('recording_id', '=', recordingId)
    .where('coach_id', '=', coachId)
    .where('status', '=', 'draft')
    .where('kind', '=', 'regular')
    .executeTakeFirst();
  if (draft) return getEvaluation(db, draft.id);

  const created = await db
    .insertInto('evaluation')
    .values(
      newDraftRow({
        recordingId,
        advisorId: recording.advisor_id,
        coachId,
        rubricVersionId: await rubricVersionForTeam(db, recording.team ?? ''),
        period: periodOf(recording.call_at),
        kind: 'regular',
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return getEvaluation(db, created.id);
}

async function loadAnswers(db: Db, evaluationId: number): Promise<Answer[]> {
  const rows = await db.selectFrom('answer').selectAll().where('evaluation_id', '=', evaluationId).orderBy('criterion_id').execute();
  return rows.map((r) => ({ criterionId: r.criterion_id, value: r.value, na: r.na === 1, note: r.note }));
}

export async function getEvaluation(db: Db, id: number): Promise<Evaluation> {
  const row = await db
    .selectFrom('evaluation')
    .innerJoin('staff as advisor', 'advisor.id', 'evaluation.advisor_id')
    .innerJoin('staff as coach', 'coach.id', 'evaluation.coach_id')
    .selectAll('evaluation')
    .select(['advisor.name as advisor_name', 'coach.name as coach_name'])
    .where('evaluation.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(`Beoordeling ${id}`);
  const answers = await loadAnswers(db, id);
  const rubric = await getRubricVersion(db, row.rubric_version_id);
  return {
    id: row.id,
    recordingId: row.recording_id,
    advisorId: row.advisor_id,
    advisorName: row.advisor_name,
    coachId: row.coach_id,
    coachName: row.coach_name,
    rubricVersionId: row.rubric_version_id,
    rubricName: rubric.name,
    rubricVersion: rubric.version,
    period: row.period,
    status: row.status,
    kind: row.kind,
    counts: row.counts === 1,
    discussedOn: row.discussed_on,
    calibrationSessionId:
      row.kind === 'calibration'
        ? ((await db.selectFrom('calibration_participant').select('session_id').where('evaluation_id', '=', id).executeTakeFirst())
            ?.session_id ?? null)
        : null,
    tops: row.tops,
    tips: row.tips,
    answers,
    result: scoreEvaluation(rubric, answers),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finalizedAt: row.finalized_at,
    revision: row.revision,
  };
}

async function loadOwnDraft(db: Db, coachId: number, id: number) {
  const row = await db
    .selectFrom('evaluation')
    .innerJoin('staff as coach', 'coach.id', 'evaluation.coach_id')
    .select([
      'evaluation.id',
      'evaluation.status',
      'evaluation.kind',
      'evaluation.coach_id',
      'evaluation.rubric_version_id',
      'coach.name as coach_name',
    ])
    .where('evaluation.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(`Beoordeling ${id}`);
  if (row.status !== 'draft') throw new AppError('evaluation_not_draft');
  if (row.coach_id !== coachId) throw new AppError('evaluation_not_yours', { coachName: row.coach_name });
  if (row.kind === 'calibration') {
    // Once the session is closed the comparison is final: a late answer would change it afterwards.
    const session = await db
      .selectFrom('calibration_participant')
      .innerJoin('calibration_session', 'calibration_session.id', 'calibration_participant.session_id')
      .select(['calibration_session.status', 'calibration_session.title'])
      .where('calibration_participant.evaluation_id', '=', id)
      .executeTakeFirst();
    if (session && session.status !== 'open') throw new AppError('calibration_closed', { title: session.title });
  }
  return row;
}

function assertAnswersFit(rubric: RubricVersion, answers: readonly Answer[]): void {
  const criteria = new Map(rubric.sections.flatMap((s) => s.criteria).map((c) => [c.id, c]));
  for (const answer of answers) {
    const criterion = criteria.get(answer.criterionId);
    if (!criterion) {
      throw new AppError('evaluation_answer_invalid', {
        criterion: String(answer.criterionId),
        reason: 'dit criterium hoort niet bij het formulier van deze beoordeling',
      });
    }
    const problem = answerProblem(criterion, answer);
    if (problem) throw new AppError('evaluation_answer_invalid', { criterion: criterion.title, reason: problem });
  }
}

/** The refusal of a save that would overwrite a newer one (optimistic locking on `revision`). */
async function editConflict(db: Db, id: number): Promise<AppError> {
  const row = await db.selectFrom('evaluation').select('updated_at').where('id', '=', id).executeTakeFirst();
  return new AppError('edit_conflict', { what: 'De beoordeling', at: row ? `om ${localTimeOf(row.updated_at)}` : 'zojuist' });
}

/** Autosave: replaces the draft's answers and texts in one transaction and returns the provisional score. */
export async function saveDraft(db: Db, coachId: number, input: DraftInput) {
  const draft = await loadOwnDraft(db, coachId, input.id);
  const rubric = await getRubricVersion(db, draft.rubric_version_id);
  assertAnswersFit(rubric, input.answers);
  const result = scoreEvaluation(rubric, input.answers);
  const savedAt = nowIso();
  const revision = await db.transaction().execute(async (trx) => {
    // The guarded update comes first: it locks the row, so a second save of the same draft waits
    // here and then finds the revision moved on, before it touches any answer.
    const updated = await trx
      .updateTable('evaluation')
      .set((eb) => ({
        tops: input.tops,
        tips: input.tips,
        score_pct: result.scorePct,
        updated_at: savedAt,
        revision: eb('revision', '+', 1),
      }))
      .where('id', '=', input.id)
      .where('status', '=', 'draft')
      .$if(input.expectedRevision !== undefined, (q) => q.where('revision', '=', input.expectedRevision!))
      .returning('revision')
      .executeTakeFirst();
    if (!updated) throw await editConflict(trx, input.id);
    await trx.deleteFrom('answer').where('evaluation_id', '=', input.id).execute();
    const rows = input.answers
      .filter((a) => isAnswered(a) || a.note !== '')
      .map((a) => ({ evaluation_id: input.id, criterion_id: a.criterionId, value: a.na ? null : a.value, na: a.na ? 1 : 0, note: a.note }));
    if (rows.length > 0) await trx.insertInto('answer').values(rows).execute();
    return updated.revision;
  });
  return { savedAt, revision, result };
}

/** Makes a draft final once every required criterion is answered; the score is fixed from then on. */
export async function finalizeEvaluation(db: Db, coachId: number, id: number, expectedRevision?: number): Promise<Evaluation> {
  const draft = await loadOwnDraft(db, coachId, id);
  const rubric = await getRubricVersion(db, draft.rubric_version_id);
  const answers = await loadAnswers(db, id);
  const answered = new Map(answers.map((a) => [a.criterionId, a]));
  const missing = rubric.sections
    .flatMap((s) => s.criteria)
    .filter((c) => c.required && !isAnswered(answered.get(c.id)))
    .map((c) => `"${c.title}"`);
  if (missing.length > 0) throw new AppError('evaluation_incomplete', { missing: missing.join(', ') });

  const result = scoreEvaluation(rubric, answers);
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const finalized = await trx
      .updateTable('evaluation')
      .set((eb) => ({
        status: 'final',
        score_pct: result.scorePct,
        critical_customer: result.critical.customer ? 1 : 0,
        critical_business: result.critical.business ? 1 : 0,
        critical_compliance: result.critical.compliance ? 1 : 0,
        has_critical_error: result.hasCriticalError ? 1 : 0,
        finalized_at: now,
        updated_at: now,
        revision: eb('revision', '+', 1),
      }))
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .$if(expectedRevision !== undefined, (q) => q.where('revision', '=', expectedRevision!))
      .executeTakeFirst();
    // Finalised elsewhere in the meantime, or saved with other answers than the ones checked above.
    if (Number(finalized.numUpdatedRows) !== 1) throw await editConflict(trx, id);
    await recordVersion(trx, id, 'finalized', coachId);
  });
  return getEvaluation(db, id);
}

export function summaries(db: Db) {
  return db
    .selectFrom('evaluation')
    .innerJoin('recording', 'recording.id', 'evaluation.recording_id')
    .innerJoin('staff as advisor', 'advisor.id', 'evaluation.advisor_id')
    .innerJoin('staff as coach', 'coach.id', 'evaluation.coach_id')
    .innerJoin('rubric_version', 'rubric_version.id', 'evaluation.rubric_version_id')
    .select([
      'evaluation.id',
      'evaluation.coach_id',
      'evaluation.kind',
      'evaluation.counts',
      'evaluation.discussed_on',
      'rubric_version.version as rubric_version',
      'evaluation.period',
      'evaluation.status',
      'evaluation.recording_id',
      'evaluation.advisor_id',
      'evaluation.score_pct',
      'evaluation.has_critical_error',
      'evaluation.finalized_at',
      'recording.original_name',
      'recording.call_at',
      'recording.topic',
      'advisor.name as advisor_name',
      'coach.name as coach_name',
    ])
    .orderBy('evaluation.period', 'desc')
    .orderBy('recording.call_at', 'desc')
    .orderBy('evaluation.id', 'desc');
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>[number];

export function toSummary(row: SummaryRow): EvaluationSummary {
  return {
    id: row.id,
    period: row.period,
    status: row.status,
    recordingId: row.recording_id,
    recordingName: row.original_name,
    callAt: row.call_at,
    topic: row.topic,
    advisorId: row.advisor_id,
    advisorName: row.advisor_name,
    coachName: row.coach_name,
    kind: row.kind,
    counts: row.counts === 1,
    rubricVersion: row.rubric_version,
    scorePct: row.score_pct,
    hasCriticalError: row.has_critical_error === 1,
    finalizedAt: row.finalized_at,
    discussedOn: row.discussed_on,
  };
}

/**
 * The calls on which this coach is asked for a blind second opinion that is not final yet (also
 * before they started it): until then no other coach's evaluation of the call may reach them.
 */
export async function recordingsBlindTo(db: Db, coachId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('dispute')
    .innerJoin('evaluation as original', 'original.id', 'dispute.evaluation_id')
    .leftJoin('evaluation as second', 'second.id', 'dispute.second_evaluation_id')
    .select('original.recording_id')
    .where('dispute.second_coach_id', '=', coachId)
    .where('dispute.outcome', 'is', null)
    .where((eb) => eb.or([eb('second.id', 'is', null), eb('second.status', '=', 'draft')]))
    .execute();
  return new Set([...rows.map((r) => r.recording_id), ...(await recordingsInCalibrationBlindTo(db, coachId))]);
}

/**
 * The calls of open calibration sessions in which this coach takes part and has not submitted:
 * until then no other coach's evaluation of the call (calibration or regular) may reach them.
 */
export async function recordingsInCalibrationBlindTo(db: Db, coachId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('calibration_participant as p')
    .innerJoin('calibration_session as s', 's.id', 'p.session_id')
    .leftJoin('evaluation as own', 'own.id', 'p.evaluation_id')
    .select('s.recording_id')
    .where('p.coach_id', '=', coachId)
    .where('s.status', '=', 'open')
    .where((eb) => eb.or([eb('own.id', 'is', null), eb('own.status', '=', 'draft')]))
    .execute();
  return new Set(rows.map((r) => r.recording_id));
}

/**
 * Calibration evaluations the viewer may not read yet. While a session is open only its own coach
 * reads one; a participant who submitted also reads the others' submitted ones. After closing, all.
 */
export async function calibrationsHiddenFrom(db: Db, viewerId: number | null): Promise<Set<number>> {
  const rows = await db
    .selectFrom('calibration_participant as p')
    .innerJoin('calibration_session as s', 's.id', 'p.session_id')
    .innerJoin('evaluation as e', 'e.id', 'p.evaluation_id')
    .select(['p.session_id', 'p.coach_id', 'e.id', 'e.status'])
    .where('s.status', '=', 'open')
    .execute();
  const submittedIn = new Set(rows.filter((r) => r.coach_id === viewerId && r.status !== 'draft').map((r) => r.session_id));
  return new Set(rows.filter((r) => r.coach_id !== viewerId && !(submittedIn.has(r.session_id) && r.status !== 'draft')).map((r) => r.id));
}

/** A second opinion stays blind both ways: while it is a draft, only its own coach sees it. */
export const isHiddenSecondOpinion = (
  e: { kind: string | null; status: string | null; coach_id: number | null },
  viewerId: number | null,
) => e.kind === 'second_opinion' && e.status === 'draft' && e.coach_id !== viewerId;

/** Lists keep every evaluation visible but withhold the scores the viewer may not see yet. */
async function summariesFor(db: Db, rows: readonly SummaryRow[], viewerId: number | null): Promise<EvaluationSummary[]> {
  const blind = viewerId === null ? new Set<number>() : await recordingsBlindTo(db, viewerId);
  return rows.map((row) => {
    const summary = toSummary(row);
    const hidden = isHiddenSecondOpinion(row, viewerId) || (blind.has(row.recording_id) && row.coach_id !== viewerId);
    return hidden ? { ...summary, scorePct: null, hasCriticalError: false, scoreHidden: true } : summary;
  });
}

/** `viewerId`: the signed-in profile; scores it may not see yet (a blind second opinion) are withheld. */
export async function listEvaluationsForAdvisor(db: Db, advisorId: number, viewerId: number | null = null): Promise<EvaluationSummary[]> {
  // Calibration scorings are about the coaches, not the advisor: they live in their session only.
  const rows = await summaries(db).where('evaluation.advisor_id', '=', advisorId).where('evaluation.kind', '!=', 'calibration').execute();
  return summariesFor(db, rows, viewerId);
}

export async function listEvaluationsForRecording(
  db: Db,
  recordingId: number,
  viewerId: number | null = null,
): Promise<EvaluationSummary[]> {
  const rows = await summaries(db)
    .where('evaluation.recording_id', '=', recordingId)
    .where('evaluation.kind', '!=', 'calibration')
    .execute();
  return summariesFor(db, rows, viewerId);
}
