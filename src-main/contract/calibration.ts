import { z } from 'zod';
import { id, isoDate, requiredText, shortText, timestamp } from './common';

/**
 * Calibration sessions (kalibratiesessies): coaches score the same call blind on one rubric
 * version, then compare per criterion. Scoring itself goes through the evaluation channels (an
 * evaluation of kind `calibration`, which never counts); these channels organise and compare.
 */
export const calibrationStatus = z.enum(['open', 'closed']);
export type CalibrationStatus = z.infer<typeof calibrationStatus>;

export const calibrationCreateInput = z.object({
  title: requiredText(120),
  recordingId: id,
  /** Default: the version new evaluations of the call's advisor use. */
  rubricVersionId: id.optional(),
  /** The coaches (or managers) who score; at least two. */
  participantIds: z.array(id).min(2).max(20),
  /** The expert whose answers are the reference; also scores, so is added to the participants. */
  referenceId: id.nullable(),
  deadline: isoDate.nullable(),
});
export type CalibrationCreateInput = z.infer<typeof calibrationCreateInput>;

export const calibrationListQuery = z.object({ status: calibrationStatus.optional() });

export const calibrationParticipant = z.object({
  coachId: id,
  name: z.string(),
  isReference: z.boolean(),
  /** Null until they start scoring. */
  evaluationId: id.nullable(),
  /** When they submitted (finalised) their scoring; null while not submitted. */
  submittedAt: timestamp.nullable(),
});
export type CalibrationParticipant = z.infer<typeof calibrationParticipant>;

export const calibrationSummary = z.object({
  id,
  title: z.string(),
  status: calibrationStatus,
  recordingId: id,
  recordingName: z.string(),
  callAt: z.string().nullable(),
  advisorName: z.string().nullable(),
  rubricVersionId: id,
  rubricName: z.string(),
  rubricVersion: z.number().int(),
  referenceName: z.string().nullable(),
  deadline: isoDate.nullable(),
  createdByName: z.string(),
  createdAt: timestamp,
  closedAt: timestamp.nullable(),
  participantCount: z.number().int(),
  submittedCount: z.number().int(),
  /** The signed-in profile's part: null when not a participant. */
  mine: z.object({ evaluationId: id.nullable(), submitted: z.boolean() }).nullable(),
});
export type CalibrationSummary = z.infer<typeof calibrationSummary>;

export const calibrationSession = calibrationSummary.extend({
  participants: z.array(calibrationParticipant),
  notes: z.string(),
  /** Whether the signed-in profile may see everyone's answers: the session is closed or they submitted. */
  canCompare: z.boolean(),
  /** Whether the signed-in profile organises it (or is a team manager): closes it and records the consensus. */
  mayOrganise: z.boolean(),
});
export type CalibrationSession = z.infer<typeof calibrationSession>;

/** Where the reference answers come from: the expert, else the recorded consensus, else the participants' median (scales) or majority (yes/no). */
export const referenceSource = z.enum(['expert', 'consensus', 'median']);
export type ReferenceSource = z.infer<typeof referenceSource>;

export const calibrationCell = z.object({
  coachId: id,
  value: z.number().nullable(),
  na: z.boolean(),
  note: z.string(),
  /** Achieved share 0–1 (as in scoring: yes 1, no 0; scale (level − 1) / (max − 1)); null for n.v.t. or unanswered. */
  share: z.number().nullable(),
  /** share − reference share; null when either is missing. */
  deviation: z.number().nullable(),
  /** 1 − |share − reference share| (1 when both n.v.t., 0 when exactly one is); null without a reference. */
  alignment: z.number().nullable(),
});
export type CalibrationCell = z.infer<typeof calibrationCell>;

export const calibrationCriterionRow = z.object({
  criterionId: id,
  key: z.string(),
  sectionTitle: z.string(),
  title: z.string(),
  type: z.enum(['yes_no', 'scale']),
  scaleMax: z.number().int(),
  /** The criterion's share of the rubric: weight × maximum ÷ the sum over all criteria. */
  weightShare: z.number(),
  answers: z.array(calibrationCell),
  reference: z.object({ value: z.number().nullable(), na: z.boolean(), share: z.number().nullable() }).nullable(),
  /** Spread of the participants' shares (n.v.t. left out). */
  spread: z.object({ min: z.number().nullable(), max: z.number().nullable(), range: z.number().nullable() }),
  /** % of participants whose answer equals the reference answer. */
  agreementPct: z.number().nullable(),
  consensus: z.object({ value: z.number().nullable(), na: z.boolean(), guidanceNote: z.string() }).nullable(),
});
export type CalibrationCriterionRow = z.infer<typeof calibrationCriterionRow>;

export const calibrationCoachResult = z.object({
  coachId: id,
  name: z.string(),
  isReference: z.boolean(),
  /** The coach's total score of the call, as an evaluation would show it. */
  scorePct: z.number().nullable(),
  /** Σ weightShare × alignment ÷ Σ weightShare over the criteria with a reference; 0–1. */
  alignment: z.number().nullable(),
});

/** Krippendorff's alpha; null when there are too few pairable values or no variation at all. */
export const alphaResult = z.object({
  value: z.number().nullable(),
  /** Number of pairable values (answers in units with at least two answers). */
  pairable: z.number().int(),
});
export type AlphaResult = z.infer<typeof alphaResult>;

export const calibrationComparison = z.object({
  sessionId: id,
  referenceSource,
  criteria: z.array(calibrationCriterionRow),
  coaches: z.array(calibrationCoachResult),
  /** Units are the criteria, observers the participants: ordinal over the scale criteria, nominal over yes/no. */
  alpha: z.object({ scales: alphaResult, yesNo: alphaResult, overall: alphaResult }),
});
export type CalibrationComparison = z.infer<typeof calibrationComparison>;

export const consensusInput = z.object({
  sessionId: id,
  answers: z
    .array(z.object({ criterionId: id, value: z.number().int().nullable(), na: z.boolean(), guidanceNote: shortText(2000) }))
    .max(200),
  notes: shortText(4000),
});

export const calibrationHistory = z.object({
  /** Per coach: alignment in each closed session they took part in, oldest first. */
  coaches: z.array(
    z.object({
      coachId: id,
      name: z.string(),
      sessions: z.array(z.object({ sessionId: id, title: z.string(), closedAt: timestamp, alignment: z.number().nullable() })),
      meanAlignment: z.number().nullable(),
    }),
  ),
  /** Per criterion (matched by key across rubric versions): agreement per closed session and alpha over all of them. */
  criteria: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      type: z.enum(['yes_no', 'scale']),
      sessions: z.array(
        z.object({ sessionId: id, closedAt: timestamp, agreementPct: z.number().nullable(), range: z.number().nullable() }),
      ),
      alpha: alphaResult,
    }),
  ),
});
export type CalibrationHistory = z.infer<typeof calibrationHistory>;
