import type { Answer, CalibrationComparison } from '../../contract';
import type { Db } from '../db/connection';
import { AppError, notFound } from '../errors';
import { answerProblem } from '../evaluations/scoring';
import { getRubricVersion } from '../rubrics/rubrics';
import { buildComparison, type ConsensusAnswer, type Scoring } from './alignment';
import { assertOrganiser, mayCompare, participantsOf } from './sessions';

/** The submitted scorings of these sessions (drafts are left out), with their answers. */
export async function submittedScorings(db: Db, sessionIds: readonly number[]): Promise<Map<number, Scoring[]>> {
  const participants = (await participantsOf(db, sessionIds)).filter((p) => p.submittedAt !== null && p.evaluationId !== null);
  const evaluationIds = participants.map((p) => p.evaluationId ?? 0);
  const evaluations =
    evaluationIds.length === 0
      ? []
      : await db.selectFrom('evaluation').select(['id', 'score_pct']).where('id', 'in', evaluationIds).execute();
  const answers =
    evaluationIds.length === 0
      ? []
      : await db.selectFrom('answer').selectAll().where('evaluation_id', 'in', evaluationIds).orderBy('criterion_id').execute();
  const bySession = new Map<number, Scoring[]>(sessionIds.map((id) => [id, []]));
  for (const p of participants) {
    bySession.get(p.sessionId)?.push({
      coachId: p.coachId,
      name: p.name,
      scorePct: evaluations.find((e) => e.id === p.evaluationId)?.score_pct ?? null,
      answers: answers
        .filter((a) => a.evaluation_id === p.evaluationId)
        .map((a): Answer => ({ criterionId: a.criterion_id, value: a.value, na: a.na === 1, note: a.note })),
    });
  }
  return bySession;
}

export async function consensusOf(db: Db, sessionId: number): Promise<ConsensusAnswer[]> {
  const rows = await db.selectFrom('calibration_consensus').selectAll().where('session_id', '=', sessionId).execute();
  return rows.map((r) => ({ criterionId: r.criterion_id, value: r.value, na: r.na === 1, guidanceNote: r.guidance_note }));
}

/** The comparison of one session, without the blindness check: for history and for callers that already checked. */
export async function comparisonOf(db: Db, session: { id: number; rubric_version_id: number; reference_coach_id: number | null }) {
  const rubric = await getRubricVersion(db, session.rubric_version_id);
  const scorings = (await submittedScorings(db, [session.id])).get(session.id) ?? [];
  const built = buildComparison(rubric, scorings, { expertId: session.reference_coach_id, consensus: await consensusOf(db, session.id) });
  return { sessionId: session.id, ...built };
}

async function loadSession(db: Db, id: number) {
  const session = await db.selectFrom('calibration_session').selectAll().where('id', '=', id).executeTakeFirst();
  if (!session) throw notFound(`Kalibratiesessie ${id}`);
  return session;
}

/**
 * Everyone's submitted answers side by side, the reference, alignment and alpha. Blind: only after
 * closing, or for a participant who has submitted their own scoring.
 */
export async function calibrationComparison(db: Db, viewerId: number | null, id: number): Promise<CalibrationComparison> {
  const session = await loadSession(db, id);
  if (!mayCompare(session.status, await participantsOf(db, [id]), viewerId)) throw new AppError('calibration_blind');
  return comparisonOf(db, session);
}

/**
 * Records what the participants agreed after closing: per criterion an answer (or none yet) and
 * a note for the criterion's guidance text, plus notes for the session. Replaces what was saved.
 */
export async function saveConsensus(
  db: Db,
  actorId: number,
  input: { sessionId: number; answers: { criterionId: number; value: number | null; na: boolean; guidanceNote: string }[]; notes: string },
): Promise<CalibrationComparison> {
  await db.transaction().execute(async (trx) => {
    const session = await loadSession(trx, input.sessionId);
    await assertOrganiser(trx, actorId, session);
    if (session.status !== 'closed') throw new AppError('calibration_open');
    const rubric = await getRubricVersion(trx, session.rubric_version_id);
    const criteria = new Map(rubric.sections.flatMap((s) => s.criteria).map((c) => [c.id, c]));
    const seen = new Set<number>();
    for (const answer of input.answers) {
      const criterion = criteria.get(answer.criterionId);
      if (!criterion) {
        throw new AppError('evaluation_answer_invalid', {
          criterion: String(answer.criterionId),
          reason: 'dit criterium hoort niet bij het formulier van deze sessie',
        });
      }
      if (seen.has(answer.criterionId)) {
        throw new AppError('evaluation_answer_invalid', { criterion: criterion.title, reason: 'dit criterium staat er twee keer in' });
      }
      seen.add(answer.criterionId);
      const problem = answerProblem(criterion, { ...answer, note: '' });
      if (problem) throw new AppError('evaluation_answer_invalid', { criterion: criterion.title, reason: problem });
    }

    await trx.deleteFrom('calibration_consensus').where('session_id', '=', session.id).execute();
    const rows = input.answers
      .filter((a) => a.na || a.value !== null || a.guidanceNote !== '')
      .map((a) => ({
        session_id: session.id,
        criterion_id: a.criterionId,
        value: a.na ? null : a.value,
        na: a.na ? 1 : 0,
        guidance_note: a.guidanceNote,
      }));
    if (rows.length > 0) await trx.insertInto('calibration_consensus').values(rows).execute();
    await trx.updateTable('calibration_session').set({ notes: input.notes }).where('id', '=', session.id).execute();
  });
  return calibrationComparison(db, actorId, input.sessionId);
}
