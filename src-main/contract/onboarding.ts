import { z } from 'zod';
import { id, isoDate, period, requiredText, shortText, timestamp } from './common';

/** The buddy's ladder, in the order a new hire climbs it. */
export const independenceLevels = ['listening_in', 'calling_with_buddy', 'independent_buddy_nearby', 'fully_independent'] as const;
export const independenceLevel = z.enum(independenceLevels);
export type IndependenceLevel = z.infer<typeof independenceLevel>;

/** Dutch names of the ladder's steps, for messages from main (screens translate the keys themselves). */
export const independenceLevelNames: Record<IndependenceLevel, string> = {
  listening_in: 'meeluisteren',
  calling_with_buddy: 'bellen met buddy ernaast',
  independent_buddy_nearby: 'zelfstandig met buddy beschikbaar',
  fully_independent: 'volledig zelfstandig',
};

const count = z.number().int().min(0);
/** Training weeks of a program; the KCC default is three, longer programs exist for back-office roles. */
const weekNumber = z.number().int().min(1).max(12);

export const programItemFields = z.object({
  week: weekNumber,
  category: requiredText(60),
  title: requiredText(200),
  description: shortText(2000),
});
export type ProgramItemFields = z.infer<typeof programItemFields>;

const programBase = z.object({
  name: requiredText(120),
  description: shortText(2000),
  weeks: weekNumber,
  items: z.array(programItemFields).min(1).max(300),
});

function itemsWithinWeeks(value: { weeks: number; items: ProgramItemFields[] }, ctx: z.RefinementCtx) {
  value.items.forEach((item, i) => {
    if (item.week > value.weeks) {
      ctx.addIssue({
        code: 'custom',
        path: ['items', i, 'week'],
        message: `"${item.title}" staat in week ${item.week}, maar het programma duurt ${value.weeks} weken`,
      });
    }
  });
}

/** A program as a file (the shipped default) or as a trainer fills it in. */
export const programFields = programBase.superRefine(itemsWithinWeeks);
export type ProgramFields = z.infer<typeof programFields>;

/** Without `id` a new program; with it, the program's new content (running onboardings keep their copy). */
export const saveProgramInput = programBase.extend({ id: id.optional() }).superRefine(itemsWithinWeeks);
export type SaveProgramInput = z.infer<typeof saveProgramInput>;

export const programItem = programItemFields.extend({ id, position: count });
export const program = programBase.extend({
  id,
  items: z.array(programItem),
  /** Onboardings that started from this program and are still running. */
  runningCount: count,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Program = z.infer<typeof program>;

export const programSummary = z.object({
  id,
  name: z.string(),
  description: z.string(),
  weeks: weekNumber,
  itemCount: count,
  runningCount: count,
  updatedAt: timestamp,
});
export type ProgramSummary = z.infer<typeof programSummary>;

export const onboardingStatuses = ['running', 'completed'] as const;
export type OnboardingStatus = (typeof onboardingStatuses)[number];

/** Where a new hire is on a given day: before the start, in training week n, with the buddy, or done. */
export const onboardingPhases = ['upcoming', 'training', 'buddy', 'done'] as const;
export const onboardingPhase = z.enum(onboardingPhases);
export type OnboardingPhase = z.infer<typeof onboardingPhase>;

export const itemStatuses = ['open', 'overdue', 'signed_off'] as const;
export const itemStatus = z.enum(itemStatuses);
export type ItemStatus = z.infer<typeof itemStatus>;

export const onboardingItem = z.object({
  id,
  week: weekNumber,
  position: count,
  category: z.string(),
  title: z.string(),
  description: z.string(),
  status: itemStatus,
  /** The last day of the item's week: after it, an item not signed off is overdue. */
  dueDate: isoDate,
  signedOffOn: isoDate.nullable(),
  signedOffByName: z.string().nullable(),
  note: z.string(),
});
export type OnboardingItem = z.infer<typeof onboardingItem>;

/** Week n runs from the start date + 7·(n−1) days to + 7·n − 1 days, whatever weekday the start is. */
export const weekProgress = z.object({
  week: weekNumber,
  startDate: isoDate,
  endDate: isoDate,
  total: count,
  signedOff: count,
  overdue: count,
});
export type WeekProgress = z.infer<typeof weekProgress>;

export const onboardingWeek = weekProgress.extend({ items: z.array(onboardingItem) });
export type OnboardingWeek = z.infer<typeof onboardingWeek>;

export const ladderStep = z.object({
  level: independenceLevel,
  reachedOn: isoDate.nullable(),
  recordedByName: z.string().nullable(),
});
export type LadderStep = z.infer<typeof ladderStep>;

export const buddyCheckin = z.object({
  id,
  heldOn: isoDate,
  level: independenceLevel,
  buddyId: id.nullable(),
  buddyName: z.string().nullable(),
  wentWell: z.string(),
  toPractise: z.string(),
  recordedByName: z.string().nullable(),
  createdAt: timestamp,
});
export type BuddyCheckin = z.infer<typeof buddyCheckin>;

const onboardingCore = z.object({
  id,
  staffId: id,
  staffName: z.string(),
  team: z.string(),
  trainerId: id,
  trainerName: z.string(),
  buddyId: id.nullable(),
  buddyName: z.string().nullable(),
  /** Null when the program it started from no longer exists; the track keeps its own copy anyway. */
  programId: id.nullable(),
  programName: z.string(),
  startDate: isoDate,
  trainingWeeks: weekNumber,
  /** Last day of the last training week; the buddy phase starts the day after. */
  trainingEndDate: isoDate,
  status: z.enum(onboardingStatuses),
  phase: onboardingPhase,
  /** The training week `today` falls in; null outside the training weeks. */
  currentWeek: weekNumber.nullable(),
  /** Highest step of the ladder reached so far. */
  level: independenceLevel.nullable(),
  lastCheckinOn: isoDate.nullable(),
  /** In the buddy phase without a check-in in the last 7 days (today included). */
  checkinDue: z.boolean(),
  completedOn: isoDate.nullable(),
});

export const onboardingSummary = onboardingCore.extend({ weeks: z.array(weekProgress) });
export type OnboardingSummary = z.infer<typeof onboardingSummary>;

export const onboardingQuota = z.object({
  overrideId: id,
  perMonth: count,
  fromPeriod: period,
  toPeriod: period.nullable(),
  reason: z.string(),
});

export const onboarding = onboardingCore.extend({
  /** Main's today, so the screen judges "overdue" by the same clock as the data. */
  today: isoDate,
  weeks: z.array(onboardingWeek),
  ladder: z.array(ladderStep),
  /** Newest first. */
  checkins: z.array(buddyCheckin),
  /** The higher evaluation quota set at the start; null if the planner has removed it since. */
  quota: onboardingQuota.nullable(),
  completedByName: z.string().nullable(),
  completionNote: z.string(),
  createdAt: timestamp,
});
export type Onboarding = z.infer<typeof onboarding>;

export const startOnboardingInput = z.object({
  staffId: id,
  startDate: isoDate,
  trainerId: id,
  programId: id,
  /** The planned buddy; can be chosen or changed later. */
  buddyId: id.nullable(),
  /** The evaluation quota during onboarding, as a planner's override (reason "inwerken"). */
  quotaPerMonth: z.number().int().min(0).max(20).default(8),
  quotaMonths: z.number().int().min(1).max(12).default(3),
});
export type StartOnboardingInput = z.input<typeof startOnboardingInput>;
export type StartOnboarding = z.output<typeof startOnboardingInput>;

export const assignOnboardingInput = z.object({ id, trainerId: id, buddyId: id.nullable() });
/** One item, or every open item of a week at once, by the signed-in trainer. */
export const signOffInput = z.object({ itemIds: z.array(id).min(1).max(300), signedOffOn: isoDate, note: shortText(2000) });
export type SignOffInput = z.infer<typeof signOffInput>;
export const undoSignOffInput = z.object({ itemId: id });
export const reachLevelInput = z.object({ id, level: independenceLevel, reachedOn: isoDate });
export const checkinInput = z.object({
  id,
  heldOn: isoDate,
  level: independenceLevel,
  wentWell: requiredText(4000),
  toPractise: requiredText(4000),
});
export type CheckinInput = z.infer<typeof checkinInput>;
export const completeOnboardingInput = z.object({ id, completedOn: isoDate, note: shortText(2000) });

export const dashboardQuery = z.object({
  trainerId: id.optional(),
  staffId: id.optional(),
  includeCompleted: z.boolean().default(false),
});
export type DashboardQuery = z.input<typeof dashboardQuery>;

export const overdueItem = z.object({
  onboardingId: id,
  staffName: z.string(),
  trainerName: z.string(),
  itemId: id,
  week: weekNumber,
  category: z.string(),
  title: z.string(),
  dueDate: isoDate,
  daysOverdue: z.number().int().min(1),
});
export type OverdueItem = z.infer<typeof overdueItem>;

export const checkinDueRow = z.object({
  onboardingId: id,
  staffName: z.string(),
  buddyName: z.string().nullable(),
  lastCheckinOn: isoDate.nullable(),
});
export type CheckinDueRow = z.infer<typeof checkinDueRow>;

export const onboardingDashboard = z.object({
  today: isoDate,
  rows: z.array(onboardingSummary),
  overdue: z.array(overdueItem),
  checkinsDue: z.array(checkinDueRow),
});
export type OnboardingDashboard = z.infer<typeof onboardingDashboard>;

export const rampUpMonth = z.object({
  period,
  /** Mean score of the new hire's counted, finished evaluations; null without any. */
  pct: z.number().nullable(),
  n: count,
  /** The same for the rest of the new hire's team (the new hire left out). */
  teamPct: z.number().nullable(),
  teamN: count,
});
export type RampUpMonth = z.infer<typeof rampUpMonth>;

export const rampUp = z.object({
  onboardingId: id,
  staffId: id,
  name: z.string(),
  team: z.string(),
  /** From the start month on, at most six months and never past the current month. */
  months: z.array(rampUpMonth),
});
export type RampUp = z.infer<typeof rampUp>;
