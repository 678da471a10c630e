import {
  evaluationChange,
  evaluationSnapshot,
  type EvaluationChange,
  type EvaluationSnapshot,
  type EvaluationVersion,
} from '../../contract';
import { nowIso } from '../clock';
import type { Db } from '../db/connection';
import { notFound } from '../errors';
import { getRubricVersion } from '../rubrics/rubrics';
import { scoreEvaluation } from './scoring';

async function snapshotOf(db: Db, evaluationId: number): Promise<{ revision: number; snapshot: EvaluationSnapshot }> {
  const row = await db
    .selectFrom('evaluation')
    .select(['status', 'tops', 'tips', 'score_pct', 'revision'])
    .where('id', '=', evaluationId)
    .executeTakeFirst();
  if (!row) throw notFound(`Beoordeling ${evaluationId}`);
  const answers = await db.selectFrom('answer').selectAll().where('evaluation_id', '=', evaluationId).orderBy('criterion_id').execute();
  return {
    revision: row.revision,
    snapshot: {
      status: row.status,
      tops: row.tops,
      tips: row.tips,
      scorePct: row.score_pct,
      answers: answers.map((a) => ({ criterionId: a.criterion_id, value: a.value, na: a.na === 1, note: a.note })),
    },
  };
}

/**
 * Appends the evaluation's state after a change to its history. Call it inside the transaction
 * that made the change, after the change, so history and data can never disagree.
 */
export async function recordVersion(
  db: Db,
  evaluationId: number,
  change: EvaluationChange,
  changedBy: number | null,
  note = '',
): Promise<void> {
  const { revision, snapshot } = await snapshotOf(db, evaluationId);
  await db
    .insertInto('evaluation_version')
    .values({
      evaluation_id: evaluationId,
      revision,
      change,
      note,
      changed_by: changedBy,
      changed_at: nowIso(),
      snapshot_json: JSON.stringify(snapshot),
    })
    .execute();
}

/** Every recorded version of an evaluation, oldest first, each scored on the evaluation's pinned rubric version. */
export async function evaluationHistory(db: Db, evaluationId: number): Promise<EvaluationVersion[]> {
  const evaluation = await db.selectFrom('evaluation').select('rubric_version_id').where('id', '=', evaluationId).executeTakeFirst();
  if (!evaluation) throw notFound(`Beoordeling ${evaluationId}`);
  const rubric = await getRubricVersion(db, evaluation.rubric_version_id);
  const rows = await db
    .selectFrom('evaluation_version')
    .leftJoin('staff', 'staff.id', 'evaluation_version.changed_by')
    .selectAll('evaluation_version')
    .select('staff.name as changed_by_name')
    .where('evaluation_id', '=', evaluationId)
    .orderBy('evaluation_version.id')
    .execute();
  return rows.map((r) => {
    const snapshot = evaluationSnapshot.parse(JSON.parse(r.snapshot_json));
    return {
      id: r.id,
      evaluationId: r.evaluation_id,
      revision: r.revision,
      change: evaluationChange.parse(r.change),
      note: r.note,
      changedByName: r.changed_by_name,
      changedAt: r.changed_at,
      snapshot,
      result: scoreEvaluation(rubric, snapshot.answers),
    };
  });
}
