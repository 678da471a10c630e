import { z } from 'zod';
import { id, localDateTime, period, shortText, timestamp } from './common';
import { answer, evaluationStatus, scoreResult } from './evaluations';

export const disputeOutcomes = ['original_kept', 'replaced'] as const;
export const disputeOutcome = z.enum(disputeOutcomes);
export type DisputeOutcome = z.infer<typeof disputeOutcome>;

export const dispute = z.object({
  id,
  evaluationId: id,
  recordingId: id,
  recordingName: z.string(),
  callAt: localDateTime.nullable(),
  period,
  advisorId: id,
  advisorName: z.string(),
  /** The coach of the disputed (original) evaluation. */
  originalCoachId: id,
  originalCoachName: z.string(),
  originalStatus: evaluationStatus,
  reason: z.string(),
  raisedById: id,
  raisedByName: z.string(),
  raisedAt: timestamp,
  secondCoachId: id,
  secondCoachName: z.string(),
  secondEvaluationId: id.nullable(),
  secondEvaluationStatus: evaluationStatus.nullable(),
  outcome: disputeOutcome.nullable(),
  outcomeNote: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: timestamp.nullable(),
  /** Both scores only once the second opinion is final: until then it is blind both ways. */
  originalScorePct: z.number().nullable(),
  secondScorePct: z.number().nullable(),
});
export type Dispute = z.infer<typeof dispute>;

/** The reason is checked by the core, so an empty one gets its own Dutch message. */
export const raiseDisputeInput = z.object({ evaluationId: id, reason: shortText(2000), secondCoachId: id });
export const decideDisputeInput = z.object({ id, outcome: disputeOutcome, note: shortText(2000) });
export const disputesQuery = z.object({
  /** Matches the disputed evaluation as well as its second opinion. */
  evaluationId: id.optional(),
  secondCoachId: id.optional(),
  openOnly: z.boolean().default(false),
});

/** The whole readable state of an evaluation after one change. */
export const evaluationSnapshot = z.object({
  status: evaluationStatus,
  tops: z.string(),
  tips: z.string(),
  scorePct: z.number().nullable(),
  answers: z.array(answer),
});
export type EvaluationSnapshot = z.infer<typeof evaluationSnapshot>;

export const evaluationChanges = ['finalized', 'discussed', 'disputed', 'original_kept', 'replaced', 'replaces_original'] as const;
export const evaluationChange = z.enum(evaluationChanges);
export type EvaluationChange = z.infer<typeof evaluationChange>;

export const evaluationVersion = z.object({
  id,
  evaluationId: id,
  revision: z.number().int(),
  change: evaluationChange,
  note: z.string(),
  changedByName: z.string().nullable(),
  changedAt: timestamp,
  snapshot: evaluationSnapshot,
  /** The snapshot scored on the evaluation's pinned rubric version, so every version explains its number. */
  result: scoreResult,
});
export type EvaluationVersion = z.infer<typeof evaluationVersion>;
