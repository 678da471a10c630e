import {
  evaluationChange,
  evaluationSnapshot,
  type EvaluationChange,
  type EvaluationSnapshot,
  type AuditState,
  type EvaluationVersion,
} from '../../contract';
import { recordAudit } from '../audit/audit';
import { dutchDate, dutchScore } from '../audit/describe';
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

const changeSummaries: Record<EvaluationChange, string> = {
  finalized: 'definitief gemaakt',
  discussed: 'besproken in feedbackgesprek',
  disputed: 'bezwaar vastgelegd',
  original_kept: 'origineel behouden na bezwaar',
  replaced: 'vervangen door second opinion',
  replaces_original: 'vervangt de oorspronkelijke beoordeling',
};

function parseJsonState(json: string): AuditState {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The state the audit entry starts from: the previous entry's after (it carries `counts`, which
 * snapshots do not), else the previous snapshot of a change made before the audit trail existed.
 */
async function previousAuditState(db: Db, evaluationId: number): Promise<AuditState> {
  const entry = await db
    .selectFrom('audit_log')
    .select('after_json')
    .where('entity', '=', 'evaluation')
    .where('entity_id', '=', evaluationId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (entry?.after_json) return parseJsonState(entry.after_json);
  const version = await db
    .selectFrom('evaluation_version')
    .select('snapshot_json')
    .where('evaluation_id', '=', evaluationId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return version ? parseJsonState(version.snapshot_json) : null;
}

/** Writes the audit entry of a recorded version: the one place every change of a finished evaluation passes. */
async function auditVersion(
  db: Db,
  evaluationId: number,
  change: EvaluationChange,
  changedBy: number | null,
  snapshot: EvaluationSnapshot,
) {
  const before = await previousAuditState(db, evaluationId);
  const row = await db
    .selectFrom('evaluation')
    .innerJoin('staff as advisor', 'advisor.id', 'evaluation.advisor_id')
    .innerJoin('recording', 'recording.id', 'evaluation.recording_id')
    .select(['evaluation.kind', 'evaluation.counts', 'advisor.name as advisor_name', 'recording.call_at', 'recording.original_name'])
    .where('evaluation.id', '=', evaluationId)
    .executeTakeFirstOrThrow();
  const subject = row.kind === 'second_opinion' ? 'Second opinion' : 'Beoordeling';
  const call = row.call_at ? `gesprek van ${dutchDate(row.call_at.slice(0, 10))}` : `gesprek ${row.original_name}`;
  await recordAudit(db, {
    entity: 'evaluation',
    entityId: evaluationId,
    action: change,
    actorId: changedBy,
    summary: `${subject} van ${row.advisor_name} (${call}) ${changeSummaries[change]}, score ${dutchScore(snapshot.scorePct)}`,
    before,
    after: {
      status: snapshot.status,
      scorePct: snapshot.scorePct,
      counts: row.counts === 1,
      tops: snapshot.tops,
      tips: snapshot.tips,
      answers: snapshot.answers,
    },
  });
}

/**
 * Appends the evaluation's state after a change to its history and to the audit trail. Call it
 * inside the transaction that made the change, after the change, so history and data can never
 * disagree.
 */
export async function recordVersion(
  db: Db,
  evaluationId: number,
  change: EvaluationChange,
  changedBy: number | null,
  note = '',
): Promise<void> {
  const { revision, snapshot } = await snapshotOf(db, evaluationId);
  await auditVersion(db, evaluationId, change, changedBy, snapshot);
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
