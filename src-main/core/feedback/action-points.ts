import { sql } from 'kysely';
import type { ActionPoint, ActionStatus } from '../../contract';
import { nowIso } from '../clock';
import type { Db } from '../db/connection';
import { AppError, notFound } from '../errors';

function actionPointRows(db: Db) {
  return db
    .selectFrom('action_item')
    .innerJoin('staff as advisor', 'advisor.id', 'action_item.advisor_id')
    .leftJoin('rubric_criterion', 'rubric_criterion.id', 'action_item.criterion_id')
    .leftJoin('staff as closer', 'closer.id', 'action_item.closed_by')
    .selectAll('action_item')
    .select(['advisor.name as advisor_name', 'rubric_criterion.title as criterion_title', 'closer.name as closed_by_name']);
}

type ActionPointRow = Awaited<ReturnType<ReturnType<typeof actionPointRows>['execute']>>[number];

function toActionPoint(row: ActionPointRow): ActionPoint {
  return {
    id: row.id,
    advisorId: row.advisor_id,
    advisorName: row.advisor_name,
    feedbackSessionId: row.feedback_session_id,
    criterionId: row.criterion_id,
    criterionTitle: row.criterion_title,
    description: row.description,
    dueDate: row.due_date,
    status: row.status,
    followUpNote: row.follow_up_note,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    closedByName: row.closed_by_name,
  };
}

/** Open ones first by due date (what needs attention), then closed ones, most recently closed first. */
export async function listActionPoints(db: Db, query: { advisorId?: number; status?: ActionStatus }): Promise<ActionPoint[]> {
  let q = actionPointRows(db);
  if (query.advisorId !== undefined) q = q.where('action_item.advisor_id', '=', query.advisorId);
  if (query.status !== undefined) q = q.where('action_item.status', '=', query.status);
  const rows = await q
    .orderBy(sql`CASE WHEN action_item.status = 'open' THEN 0 ELSE 1 END`)
    .orderBy(sql`CASE WHEN action_item.status = 'open' THEN action_item.due_date ELSE '' END`)
    .orderBy('action_item.closed_at', 'desc')
    .orderBy('action_item.id')
    .execute();
  return rows.map(toActionPoint);
}

export async function getActionPoint(db: Db, id: number): Promise<ActionPoint> {
  const row = await actionPointRows(db).where('action_item.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Actiepunt ${id}`);
  return toActionPoint(row);
}

/**
 * Dropping an action point needs a note: "vervallen" without a reason leaves the next coach
 * guessing whether it was achieved elsewhere or abandoned. Done may go without one.
 */
export function assertFollowUpAllowed(description: string, status: ActionStatus, note: string): void {
  if (status === 'dropped' && note.trim() === '') {
    throw new AppError('action_point_invalid', {
      description,
      reason: 'schrijf bij "vervallen" op waarom het actiepunt vervalt',
    });
  }
}

/**
 * Sets the status and follow-up note. The note describes the current status, so it replaces the
 * previous one; closing records who and when, reopening clears both.
 */
export async function applyFollowUp(
  db: Db,
  actorId: number,
  current: { id: number; status: ActionStatus; description: string },
  status: ActionStatus,
  note: string,
): Promise<void> {
  assertFollowUpAllowed(current.description, status, note);
  const closing = status !== 'open';
  const statusChanged = status !== current.status;
  await db
    .updateTable('action_item')
    .set({
      status,
      follow_up_note: note.trim(),
      // Editing only the note of a closed point keeps the original closing moment.
      ...(statusChanged ? { closed_at: closing ? nowIso() : null, closed_by: closing ? actorId : null } : {}),
    })
    .where('id', '=', current.id)
    .execute();
}

export async function updateActionPoint(
  db: Db,
  actorId: number,
  input: { id: number; status: ActionStatus; followUpNote: string },
): Promise<ActionPoint> {
  const current = await db.selectFrom('action_item').select(['id', 'status', 'description']).where('id', '=', input.id).executeTakeFirst();
  if (!current) throw notFound(`Actiepunt ${input.id}`);
  await applyFollowUp(db, actorId, current, input.status, input.followUpNote);
  return getActionPoint(db, input.id);
}
