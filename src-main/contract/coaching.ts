import { z } from 'zod';
import { id, isoDate, period, requiredText, timestamp } from './common';

const count = z.number().int().min(0);

/** Where "next call to score" leads: resume a draft, open a stored call, or bring a sampled call in first. */
export const nextStep = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('draft'), evaluationId: id, advisorId: id }),
  z.object({ kind: z.literal('recording'), recordingId: id, advisorId: id }),
  z.object({ kind: z.literal('sampleItem'), itemId: id, advisorId: id }),
]);
export type NextStep = z.infer<typeof nextStep>;

export const advisorMonth = z.object({
  advisorId: id,
  name: z.string(),
  team: z.string(),
  planned: count,
  /** How `planned` came about (Dutch): default, override with reason, share for a mid-month joiner. */
  explanation: z.string(),
  /** True when `planned` is not simply the default (override, leave, joined this month). */
  adjusted: z.boolean(),
  /** Final, discussed or disputed evaluations that count for this month. */
  done: count,
  drafts: count,
  /** Sampled calls of the month without a finished evaluation. */
  sampleWaiting: count,
  /** Finished evaluations not yet discussed in a feedback session. */
  feedbackToGive: count,
  actionPointsOpen: count,
  /** Open action points due on or before the last day of the month. */
  actionPointsDue: count,
  next: nextStep.nullable(),
});
export type AdvisorMonth = z.infer<typeof advisorMonth>;

export const myMonthInput = z.object({ period, coachId: id.optional() });
export const myMonth = z.object({
  period,
  coachId: id,
  coachName: z.string(),
  planned: count,
  done: count,
  advisors: z.array(advisorMonth),
  /** Blind second opinions this coach was asked for and has not finished. */
  secondOpinions: count,
  next: nextStep.nullable(),
});
export type MyMonth = z.infer<typeof myMonth>;

export const advisorBehind = z.object({
  advisorId: id,
  name: z.string(),
  done: count,
  planned: count,
  expectedByNow: z.number(),
});

export const coachProgress = z.object({
  coachId: id,
  name: z.string(),
  advisors: count,
  planned: count,
  done: count,
  /** planned × (day of month / days in month). */
  expectedByNow: z.number(),
  /** done / expectedByNow as a percentage; null when nothing was expected yet. */
  onSchedulePct: z.number().nullable(),
  behind: z.array(advisorBehind),
});
export type CoachProgress = z.infer<typeof coachProgress>;

export const teamOverviewInput = z.object({ period, asOf: isoDate.optional() });
export const teamOverview = z.object({
  period,
  asOf: isoDate,
  dayOfMonth: z.number().int(),
  daysInMonth: z.number().int(),
  planned: count,
  done: count,
  coaches: z.array(coachProgress),
  /** Advisors planned this month without a coach. */
  unassigned: z.array(z.object({ advisorId: id, name: z.string(), planned: count })),
});
export type TeamOverview = z.infer<typeof teamOverview>;

export const coachAssignment = z.object({
  id,
  advisorId: id,
  advisorName: z.string(),
  coachId: id,
  coachName: z.string(),
  fromDate: isoDate,
  /** Exclusive; null while current. */
  toDate: isoDate.nullable(),
});
export type CoachAssignment = z.infer<typeof coachAssignment>;

export const assignmentsQuery = z.object({ advisorId: id.optional(), currentOnly: z.boolean().default(true) });
export const assignInput = z.object({ advisorIds: z.array(id).min(1).max(500), coachId: id, fromDate: isoDate });

export const quotaOverride = z.object({
  id,
  advisorId: id,
  advisorName: z.string(),
  fromPeriod: period,
  toPeriod: period.nullable(),
  perMonth: z.number().int().min(0).max(20),
  reason: z.string(),
  createdAt: timestamp,
});
export type QuotaOverrideView = z.infer<typeof quotaOverride>;

export const quotaOverridesQuery = z.object({ advisorId: id.optional() });
export const addQuotaOverrideInput = z.object({
  advisorId: id,
  fromPeriod: period,
  toPeriod: period.nullable(),
  perMonth: z.number().int().min(0).max(20),
  reason: requiredText(200),
});
export type AddQuotaOverrideInput = z.infer<typeof addQuotaOverrideInput>;
