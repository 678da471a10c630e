import { z } from 'zod';
import { id, isoDate, requiredText, shortText, timestamp } from './common';
import { evaluationSummary } from './evaluations';

export const agreements = ['agreed', 'disagreed'] as const;
export const agreement = z.enum(agreements);
export type Agreement = z.infer<typeof agreement>;

export const actionStatuses = ['open', 'done', 'dropped'] as const;
export const actionStatus = z.enum(actionStatuses);
export type ActionStatus = z.infer<typeof actionStatus>;

export const actionPoint = z.object({
  id,
  advisorId: id,
  advisorName: z.string(),
  feedbackSessionId: id.nullable(),
  criterionId: id.nullable(),
  criterionTitle: z.string().nullable(),
  description: z.string(),
  dueDate: isoDate,
  status: actionStatus,
  followUpNote: z.string(),
  createdAt: timestamp,
  closedAt: timestamp.nullable(),
  closedByName: z.string().nullable(),
});
export type ActionPoint = z.infer<typeof actionPoint>;

export const newActionPoint = z.object({
  description: requiredText(1000),
  criterionId: id.nullable(),
  dueDate: isoDate,
});
export type NewActionPoint = z.infer<typeof newActionPoint>;

/** How an earlier action point stands, as discussed in this session. */
export const actionFollowUp = z.object({ actionPointId: id, status: actionStatus, note: shortText(2000) });

export const feedbackSessionInput = z.object({
  advisorId: id,
  heldOn: isoDate,
  evaluationIds: z.array(id).max(50),
  tops: shortText(10000),
  tips: shortText(10000),
  reaction: shortText(5000),
  agreement,
  /** Required when the advisor does not agree (checked by the core, with its own message). */
  disagreementComment: shortText(5000),
  actionPoints: z.array(newActionPoint).max(10),
  followUps: z.array(actionFollowUp).max(50),
});
export type FeedbackSessionInput = z.infer<typeof feedbackSessionInput>;

/**
 * An evaluation as discussed in a session. Time to feedback counts calendar days from the day it
 * was finalised (the workstation's local date) to the session date; reports use it.
 */
export const discussedEvaluation = evaluationSummary.extend({ daysToFeedback: z.number().int().nullable() });
export type DiscussedEvaluation = z.infer<typeof discussedEvaluation>;

export const feedbackSession = z.object({
  id,
  advisorId: id,
  advisorName: z.string(),
  coachId: id,
  coachName: z.string(),
  heldOn: isoDate,
  tops: z.string(),
  tips: z.string(),
  reaction: z.string(),
  agreement,
  disagreementComment: z.string(),
  evaluations: z.array(discussedEvaluation),
  /** Action points agreed in this session. */
  actionPoints: z.array(actionPoint),
  createdAt: timestamp,
});
export type FeedbackSession = z.infer<typeof feedbackSession>;

export const feedbackCandidate = evaluationSummary.extend({
  tops: z.string(),
  tips: z.string(),
  /** Calendar days since it was finalised: feedback should follow soon after. */
  daysWaiting: z.number().int().nullable(),
});
export type FeedbackCandidate = z.infer<typeof feedbackCandidate>;

/** Everything a coach needs to prepare a session with one advisor. */
export const feedbackPreparation = z.object({
  advisorId: id,
  advisorName: z.string(),
  /** Finished evaluations not yet discussed, oldest first; their tops and tips prefill the summary. */
  evaluations: z.array(feedbackCandidate),
  openActionPoints: z.array(actionPoint),
  /** Criteria an action point may link to: those of the rubric version of the newest candidate. */
  criteria: z.array(z.object({ id, title: z.string(), sectionTitle: z.string() })),
});
export type FeedbackPreparation = z.infer<typeof feedbackPreparation>;

export const advisorInput = z.object({ advisorId: id });
export const actionPointsQuery = z.object({ advisorId: id.optional(), status: actionStatus.optional() });
export const updateActionPointInput = z.object({ id, status: actionStatus, followUpNote: shortText(2000) });
