import { z } from 'zod';
import { id, isoDate, localDateTime, period, shortText, timestamp } from './common';
import { criticalClass } from './rubrics';

export const evaluationStatuses = ['draft', 'final', 'discussed', 'disputed'] as const;
export const evaluationStatus = z.enum(evaluationStatuses);
export type EvaluationStatus = z.infer<typeof evaluationStatus>;

/** A regular evaluation of the month, or a blind second opinion on a disputed one. */
export const evaluationKind = z.enum(['regular', 'second_opinion', 'calibration']);
export type EvaluationKind = z.infer<typeof evaluationKind>;

/** One criterion's answer: `value` is 1/0 for yes/no or the scale level; `na` means n.v.t. */
export const answer = z.object({
  criterionId: id,
  value: z.number().int().min(0).max(10).nullable(),
  na: z.boolean(),
  note: shortText(2000),
});
export type Answer = z.infer<typeof answer>;

export const criterionScore = z.object({
  criterionId: id,
  sectionId: id,
  title: z.string(),
  weight: z.number(),
  /** Null when the answer was n.v.t. (or missing): the criterion leaves both sums. */
  achieved: z.number().nullable(),
  maximum: z.number().nullable(),
  counted: z.boolean(),
  criticalClass: criticalClass.nullable(),
  criticalFailed: z.boolean(),
});
export type CriterionScore = z.infer<typeof criterionScore>;

export const sectionScore = z.object({
  sectionId: id,
  title: z.string(),
  achieved: z.number(),
  maximum: z.number(),
  scorePct: z.number().nullable(),
});
export type SectionScore = z.infer<typeof sectionScore>;

export const scoreResult = z.object({
  scorePct: z.number().nullable(),
  achieved: z.number(),
  maximum: z.number(),
  sections: z.array(sectionScore),
  criteria: z.array(criterionScore),
  critical: z.object({ customer: z.boolean(), business: z.boolean(), compliance: z.boolean() }),
  hasCriticalError: z.boolean(),
  /** True when the rubric says a critical error sets the total to 0 and one occurred. */
  zeroedByCritical: z.boolean(),
});
export type ScoreResult = z.infer<typeof scoreResult>;

export const evaluation = z.object({
  id,
  recordingId: id,
  advisorId: id,
  advisorName: z.string(),
  coachId: id,
  coachName: z.string(),
  rubricVersionId: id,
  /** The rubric and version it was scored with: it stays pinned to it whatever is published later. */
  rubricName: z.string(),
  rubricVersion: z.number().int(),
  period,
  status: evaluationStatus,
  kind: evaluationKind,
  /** Whether it counts towards the quota and reports (false for a second opinion that did not replace the original). */
  counts: z.boolean(),
  /** Date of the feedback session that discussed it. */
  discussedOn: isoDate.nullable(),
  /** For kind `calibration`: the session it belongs to. */
  calibrationSessionId: id.nullable(),
  tops: z.string(),
  tips: z.string(),
  answers: z.array(answer),
  /** The final score for final evaluations; the provisional one for drafts. */
  result: scoreResult,
  createdAt: timestamp,
  updatedAt: timestamp,
  finalizedAt: timestamp.nullable(),
  revision: z.number().int(),
});
export type Evaluation = z.infer<typeof evaluation>;

export const evaluationSummary = z.object({
  id,
  period,
  status: evaluationStatus,
  recordingId: id,
  recordingName: z.string(),
  callAt: localDateTime.nullable(),
  topic: z.string().nullable(),
  advisorId: id,
  advisorName: z.string(),
  coachName: z.string(),
  kind: evaluationKind,
  counts: z.boolean(),
  rubricVersion: z.number().int(),
  scorePct: z.number().nullable(),
  hasCriticalError: z.boolean(),
  finalizedAt: timestamp.nullable(),
  discussedOn: isoDate.nullable(),
  /** True when the score is withheld from the viewer (a blind second opinion is under way); scorePct is then null. */
  scoreHidden: z.boolean().optional(),
});
export type EvaluationSummary = z.infer<typeof evaluationSummary>;

export const startInput = z.object({ recordingId: id });

export const draftInput = z.object({
  id,
  /** The revision this screen last saw; a newer one means it was saved elsewhere (edit_conflict). */
  expectedRevision: z.number().int().optional(),
  tops: shortText(5000),
  tips: shortText(5000),
  answers: z.array(answer).max(200),
});
export type DraftInput = z.infer<typeof draftInput>;

export const finalizeInput = z.object({ id, expectedRevision: z.number().int().optional() });

export const draftSaved = z.object({ savedAt: timestamp, revision: z.number().int(), result: scoreResult });

export const listForAdvisorInput = z.object({ advisorId: id });
export const listForRecordingInput = z.object({ recordingId: id });
