import { format, parseISO } from 'date-fns';
import type {
  ActionStatus,
  DiscussedEvaluation,
  FeedbackCandidate,
  FeedbackPreparation,
  FeedbackSession,
  FeedbackSessionInput,
} from '../../contract';
import { calendarDaysBetween, localDateOf, nowIso, todayIso } from '../clock';
import type { Db } from '../db/connection';
import { AppError, notFound } from '../errors';
import { summaries, toSummary } from '../evaluations/evaluations';
import { recordVersion } from '../evaluations/history';
import { rubricVersionForTeam } from '../rubrics/assignments';
import { applyFollowUp, listActionPoints } from './action-points';

/** The workstation's calendar date of a stored moment: a coach thinks in days, not UTC instants. */
const dutchDate = (isoDate: string): string => format(parseISO(isoDate), 'd-M-yyyy');

/** Calendar days from finalisation to `until` (a session date, or today while waiting); null when unknown. */
export function daysSinceFinalized(finalizedAt: string | null, until: string | null): number | null {
  if (finalizedAt === null || until === null) return null;
  return calendarDaysBetween(localDateOf(finalizedAt), until);
}

async function loadAdvisor(db: Db, advisorId: number) {
  const advisor = await db.selectFrom('staff').select(['id', 'name', 'role', 'team']).where('id', '=', advisorId).executeTakeFirst();
  if (!advisor) throw notFound(`Medewerker ${advisorId}`);
  if (advisor.role !== 'advisor') throw new AppError('not_an_advisor', { name: advisor.name });
  return advisor;
}

function candidateRows(db: Db) {
  return summaries(db)
    .clearOrderBy()
    .select(['evaluation.tops', 'evaluation.tips'])
    .where('evaluation.status', '=', 'final')
    .where('evaluation.counts', '=', 1);
}

export async function prepareFeedback(db: Db, advisorId: number): Promise<FeedbackPreparation> {
  const advisor = await loadAdvisor(db, advisorId);
  const today = todayIso();
  const rows = await candidateRows(db)
    .select('evaluation.rubric_version_id')
    .where('evaluation.advisor_id', '=', advisorId)
    .orderBy('recording.call_at')
    .orderBy('evaluation.finalized_at')
    .orderBy('evaluation.id')
    .execute();
  const evaluations: FeedbackCandidate[] = rows.map((r) => ({
    ...toSummary(r),
    tops: r.tops,
    tips: r.tips,
    daysWaiting: daysSinceFinalized(r.finalized_at, today),
  }));

  // Action points are about what was discussed, so they link to the criteria the advisor was last scored on.
  const newest = rows.at(-1);
  const versionId = newest ? newest.rubric_version_id : await rubricVersionForTeam(db, advisor.team);
  const criteria = await db
    .selectFrom('rubric_criterion')
    .innerJoin('rubric_section', 'rubric_section.id', 'rubric_criterion.section_id')
    .select(['rubric_criterion.id', 'rubric_criterion.title', 'rubric_section.title as section_title'])
    .where('rubric_criterion.rubric_version_id', '=', versionId)
    .orderBy('rubric_section.position')
    .orderBy('rubric_criterion.position')
    .execute();

  return {
    advisorId,
    advisorName: advisor.name,
    evaluations,
    openActionPoints: await listActionPoints(db, { advisorId, status: 'open' }),
    criteria: criteria.map((c) => ({ id: c.id, title: c.title, sectionTitle: c.section_title })),
  };
}

function describeCall(row: { original_name: string; call_at: string | null }): string {
  const when = row.call_at ? format(parseISO(row.call_at), 'd-M-yyyy HH:mm') : null;
  return when ? `het gesprek van ${when} (${row.original_name})` : `het gesprek ${row.original_name}`;
}

/** Why this evaluation cannot be discussed in a session with `advisorId` on `heldOn`, or null when it can. */
function evaluationProblem(
  row: {
    advisor_id: number;
    advisor_name: string;
    status: string;
    kind: string;
    counts: number;
    discussed_on: string | null;
    finalized_at: string | null;
  },
  advisorId: number,
  advisorName: string,
  heldOn: string,
): string | null {
  if (row.advisor_id !== advisorId) return `ze hoort bij ${row.advisor_name}, niet bij ${advisorName}`;
  if (row.kind === 'calibration') return 'het is een kalibratiebeoordeling van coaches onderling, die telt niet mee';
  if (row.status === 'draft') return 'ze is nog een concept; rond haar eerst af';
  if (row.status === 'discussed') {
    return row.discussed_on ? `ze is al besproken op ${dutchDate(row.discussed_on)}` : 'ze is al besproken';
  }
  // Discussing it now would settle what the second opinion is still meant to decide.
  if (row.status === 'disputed') return 'er loopt een bezwaar tegen; bespreek haar nadat over het bezwaar is besloten';
  if (row.counts !== 1) return 'het is een second opinion die niet meetelt';
  if (row.finalized_at !== null && localDateOf(row.finalized_at) > heldOn) {
    return `ze werd pas op ${dutchDate(localDateOf(row.finalized_at))} definitief, na de datum van dit gesprek`;
  }
  return null;
}

/**
 * Records a feedbackgesprek in one transaction: every check happens inside it, so a refused
 * session leaves no evaluation, action point or session row behind.
 */
export async function recordFeedbackSession(db: Db, coachId: number, input: FeedbackSessionInput): Promise<FeedbackSession> {
  if (input.heldOn > todayIso()) throw new AppError('feedback_date_invalid', { heldOn: dutchDate(input.heldOn) });
  if (input.agreement === 'disagreed' && input.disagreementComment.trim() === '') throw new AppError('feedback_comment_required');

  const sessionId = await db.transaction().execute(async (trx) => {
    const advisor = await loadAdvisor(trx, input.advisorId);
    const evaluationIds = [...new Set(input.evaluationIds)];

    if (evaluationIds.length > 0) {
      const rows = await trx
        .selectFrom('evaluation')
        .innerJoin('recording', 'recording.id', 'evaluation.recording_id')
        .innerJoin('staff as advisor', 'advisor.id', 'evaluation.advisor_id')
        .select([
          'evaluation.id',
          'evaluation.advisor_id',
          'evaluation.status',
          'evaluation.kind',
          'evaluation.counts',
          'evaluation.discussed_on',
          'evaluation.finalized_at',
          'recording.original_name',
          'recording.call_at',
          'advisor.name as advisor_name',
        ])
        .where('evaluation.id', 'in', evaluationIds)
        .execute();
      for (const id of evaluationIds) {
        const row = rows.find((r) => r.id === id);
        if (!row) throw notFound(`Beoordeling ${id}`);
        const reason = evaluationProblem(row, advisor.id, advisor.name, input.heldOn);
        if (reason) throw new AppError('feedback_evaluation_invalid', { call: describeCall(row), reason });
      }
    }

    for (const point of input.actionPoints) {
      if (point.dueDate < input.heldOn) {
        throw new AppError('action_point_invalid', {
          description: point.description,
          reason: `de streefdatum ${dutchDate(point.dueDate)} ligt vóór de datum van het gesprek (${dutchDate(input.heldOn)})`,
        });
      }
      if (point.criterionId !== null) {
        const criterion = await trx.selectFrom('rubric_criterion').select('id').where('id', '=', point.criterionId).executeTakeFirst();
        if (!criterion) {
          throw new AppError('action_point_invalid', {
            description: point.description,
            reason: 'het gekozen criterium bestaat niet (meer); kies een ander criterium',
          });
        }
      }
    }

    const followUps: Array<{ current: { id: number; status: ActionStatus; description: string }; status: ActionStatus; note: string }> = [];
    const seen = new Set<number>();
    for (const followUp of input.followUps) {
      const current = await trx
        .selectFrom('action_item')
        .select(['id', 'advisor_id', 'status', 'description'])
        .where('id', '=', followUp.actionPointId)
        .executeTakeFirst();
      if (!current) throw notFound(`Actiepunt ${followUp.actionPointId}`);
      const reason =
        current.advisor_id !== advisor.id
          ? `het hoort niet bij ${advisor.name}`
          : current.status !== 'open'
            ? 'het is al afgesloten; heropen het eerst als er opnieuw aan gewerkt wordt'
            : seen.has(current.id)
              ? 'het staat twee keer in de opvolging'
              : null;
      if (reason) throw new AppError('action_point_invalid', { description: current.description, reason });
      seen.add(current.id);
      followUps.push({ current, status: followUp.status, note: followUp.note });
    }

    const now = nowIso();
    const session = await trx
      .insertInto('feedback_session')
      .values({
        advisor_id: advisor.id,
        coach_id: coachId,
        held_on: input.heldOn,
        tops: input.tops,
        tips: input.tips,
        reaction: input.reaction,
        agreement: input.agreement,
        // Kept only when it means something: a comment on an agreed session would read as a dispute.
        disagreement_comment: input.agreement === 'disagreed' ? input.disagreementComment.trim() : '',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    for (const id of evaluationIds) {
      await trx
        .updateTable('evaluation')
        .set((eb) => ({
          status: 'discussed',
          discussed_on: input.heldOn,
          feedback_session_id: session.id,
          updated_at: now,
          revision: eb('revision', '+', 1),
        }))
        .where('id', '=', id)
        .where('status', '=', 'final')
        .execute();
      await recordVersion(trx, id, 'discussed', coachId, `Besproken in feedbackgesprek van ${dutchDate(input.heldOn)}`);
    }

    for (const followUp of followUps) {
      // "Still open, nothing to add" is no change: it must not wipe the note of an earlier session.
      if (followUp.status === 'open' && followUp.note.trim() === '') continue;
      await applyFollowUp(trx, coachId, followUp.current, followUp.status, followUp.note);
    }

    if (input.actionPoints.length > 0) {
      await trx
        .insertInto('action_item')
        .values(
          input.actionPoints.map((p) => ({
            advisor_id: advisor.id,
            feedback_session_id: session.id,
            criterion_id: p.criterionId,
            description: p.description,
            due_date: p.dueDate,
            status: 'open' as const,
            follow_up_note: '',
            created_by: coachId,
            created_at: now,
            closed_by: null,
            closed_at: null,
          })),
        )
        .execute();
    }
    return session.id;
  });
  return getFeedbackSession(db, sessionId);
}

async function loadSessions(db: Db, filter: { advisorId: number } | { id: number }): Promise<FeedbackSession[]> {
  let q = db
    .selectFrom('feedback_session')
    .innerJoin('staff as advisor', 'advisor.id', 'feedback_session.advisor_id')
    .innerJoin('staff as coach', 'coach.id', 'feedback_session.coach_id')
    .selectAll('feedback_session')
    .select(['advisor.name as advisor_name', 'coach.name as coach_name']);
  q = 'id' in filter ? q.where('feedback_session.id', '=', filter.id) : q.where('feedback_session.advisor_id', '=', filter.advisorId);
  const sessions = await q.orderBy('feedback_session.held_on', 'desc').orderBy('feedback_session.id', 'desc').execute();
  if (sessions.length === 0) return [];

  const ids = sessions.map((s) => s.id);
  const evaluationRows = await summaries(db)
    .clearOrderBy()
    .select('evaluation.feedback_session_id')
    .where('evaluation.feedback_session_id', 'in', ids)
    .orderBy('recording.call_at')
    .orderBy('evaluation.id')
    .execute();
  const advisorIds = [...new Set(sessions.map((s) => s.advisor_id))];
  const points = (await Promise.all(advisorIds.map((advisorId) => listActionPoints(db, { advisorId })))).flat();

  return sessions.map((s) => {
    const evaluations: DiscussedEvaluation[] = evaluationRows
      .filter((r) => r.feedback_session_id === s.id)
      .map((r) => ({ ...toSummary(r), daysToFeedback: daysSinceFinalized(r.finalized_at, r.discussed_on) }));
    return {
      id: s.id,
      advisorId: s.advisor_id,
      advisorName: s.advisor_name,
      coachId: s.coach_id,
      coachName: s.coach_name,
      heldOn: s.held_on,
      tops: s.tops,
      tips: s.tips,
      reaction: s.reaction,
      agreement: s.agreement,
      disagreementComment: s.disagreement_comment,
      evaluations,
      actionPoints: points.filter((p) => p.feedbackSessionId === s.id),
      createdAt: s.created_at,
    };
  });
}

/** The advisor's sessions, newest first. */
export async function listFeedbackSessions(db: Db, advisorId: number): Promise<FeedbackSession[]> {
  return loadSessions(db, { advisorId });
}

export async function getFeedbackSession(db: Db, id: number): Promise<FeedbackSession> {
  const [session] = await loadSessions(db, { id });
  if (!session) throw notFound(`Feedbackgesprek ${id}`);
  return session;
}
