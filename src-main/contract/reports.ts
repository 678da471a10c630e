import { z } from 'zod';
import { actionStatus } from './feedback';
import { id, isoDate, period } from './common';
import { staffStatus } from './staff';

/**
 * Reports (issue 5): trend per advisor and the team manager's month summary. Every percentage is
 * 0–100 and unrounded (the screen and the exports round); null means "nothing to measure".
 * Evaluations count when they are finished (not draft) and `counts` (a second opinion only when
 * it replaced the original); their month is the evaluation's period.
 */

const count = z.number().int().min(0);
/** Computed means: unbounded in the schema, so an ulp above 100 from summing cannot fail a reply. */
const pct = z.number();
const targetPct = z.number().min(0).max(100);

/** COPC: % of counted evaluations WITHOUT an error of each critical class; null without evaluations. */
export const criticalFree = z.object({
  customer: pct.nullable(),
  business: pct.nullable(),
  compliance: pct.nullable(),
  /** Without any critical error at all. */
  any: pct.nullable(),
});
export type CriticalFree = z.infer<typeof criticalFree>;

// ---------------------------------------------------------------- targets

export const teamTarget = z.object({
  team: z.string(),
  targetPct,
  /** False when the team follows the default. */
  custom: z.boolean(),
});
export const reportTargets = z.object({
  /** Applies to every team without its own target; 85 until changed. */
  defaultPct: targetPct,
  /** Every team known in the staff list (and any team with a stored target), by name. */
  teams: z.array(teamTarget),
});
export type ReportTargets = z.infer<typeof reportTargets>;

/** Replaces the stored targets: teams not listed follow the default. */
export const setTargetsInput = z.object({
  defaultPct: targetPct,
  teams: z.array(z.object({ team: z.string().trim().max(60), targetPct })).max(500),
});
export type SetTargetsInput = z.infer<typeof setTargetsInput>;

// ---------------------------------------------------------------- advisor trend

/** Default: the 12 months up to the current one. `from` must not be after `to`; at most 120 months. */
export const advisorTrendInput = z.object({
  advisorId: id,
  from: period.optional(),
  to: period.optional(),
  /**
   * Also the team's line per section and criterion (teamPct of their points). It reads every
   * answer of the team in the range, so it is asked for by the trend page and left out elsewhere.
   */
  teamLines: z.boolean().default(false),
});
export type AdvisorTrendInput = z.input<typeof advisorTrendInput>;

export const declineRules = ['below_target_twice', 'drop_vs_rolling'] as const;
export const declineRule = z.enum(declineRules);
export type DeclineRule = z.infer<typeof declineRule>;

/**
 * Why a month is flagged. below_target_twice: this month and the calendar month before both
 * scored under the target (`referencePct` = target). drop_vs_rolling: this month is ≥ 10 points
 * under the evaluation-weighted average of the three calendar months before it (`referencePct`).
 */
export const declineAlert = z.object({
  rule: declineRule,
  period,
  scorePct: pct,
  referencePct: pct,
});
export type DeclineAlert = z.infer<typeof declineAlert>;

export const trendMonth = z.object({
  period,
  /** Counted evaluations this month. */
  n: count,
  /** Mean of the evaluations' total scores (each evaluation weighs the same). */
  scorePct: pct.nullable(),
  /** Mean over all evaluations of this month and the two months before it (evaluation-weighted). */
  rollingPct: pct.nullable(),
  /** Mean over the counted evaluations of the advisor's team (staff.team) this month. */
  teamPct: pct.nullable(),
  teamN: count,
  targetPct,
  criticalFree,
  /** Rules that fire for this month (empty when none). */
  alerts: z.array(declineAlert),
});
export type TrendMonth = z.infer<typeof trendMonth>;

export const seriesPoint = z.object({
  period,
  /** Evaluations (sections) or applicable answers (criteria) behind the figure. */
  n: count,
  pct: pct.nullable(),
  /**
   * Pooled over this month and the two before it, like the total's rollingPct: for criteria every
   * applicable answer weighs the same, for sections every evaluation.
   */
  rollingPct: pct.nullable(),
  /**
   * The same figure this month over the counted evaluations of the advisor's team, as the total's
   * teamPct: every advisor (role advisor) with the same staff.team, the advisor included. Null
   * unless the trend was asked with `teamLines`.
   */
  teamPct: pct.nullable(),
});
export type SeriesPoint = z.infer<typeof seriesPoint>;

/**
 * A section across rubric versions, matched by key; the title is the newest one seen. Monthly pct
 * = mean over evaluations of Σweight·achieved / Σweight·max of the section's applicable answers
 * (an evaluation with the whole section n.v.t. is left out).
 */
export const sectionSeries = z.object({ key: z.string(), title: z.string(), points: z.array(seriesPoint) });
export type SectionSeries = z.infer<typeof sectionSeries>;

/** A criterion across versions, matched by key. Monthly pct = mean achieved fraction of applicable answers × 100. */
export const criterionSeries = z.object({
  key: z.string(),
  title: z.string(),
  sectionKey: z.string(),
  points: z.array(seriesPoint),
});
export type CriterionSeries = z.infer<typeof criterionSeries>;

export const trendActionPoint = z.object({
  id,
  description: z.string(),
  status: actionStatus,
  /** The feedback session's date, or the day it was created when added outside a session. */
  agreedOn: isoDate,
  dueDate: isoDate,
  /** Local date it was done or dropped; null while open. */
  closedOn: isoDate.nullable(),
  criterionKey: z.string().nullable(),
  criterionTitle: z.string().nullable(),
});
export type TrendActionPoint = z.infer<typeof trendActionPoint>;

export const advisorTrend = z.object({
  advisorId: id,
  name: z.string(),
  team: z.string(),
  from: period,
  to: period,
  targetPct,
  /** Every calendar month from `from` to `to`, oldest first; months without evaluations have n = 0. */
  months: z.array(trendMonth),
  sections: z.array(sectionSeries),
  criteria: z.array(criterionSeries),
  /** Action points agreed or closed within the range, or still open. */
  actionPoints: z.array(trendActionPoint),
  /** The alerts of the newest month in the range that has evaluations; empty when none fire. */
  decline: z.array(declineAlert),
});
export type AdvisorTrend = z.infer<typeof advisorTrend>;

// ---------------------------------------------------------------- sparklines

/** Default 6 months up to `to` (default: the current month). */
export const staffSparklinesInput = z.object({
  months: z.number().int().min(2).max(24).optional(),
  to: period.optional(),
});
export const staffSparklines = z.object({
  /** Oldest first; `scores[i]` belongs to `periods[i]`. */
  periods: z.array(period),
  /** Every advisor (role advisor), also those without evaluations (all null). */
  advisors: z.array(z.object({ advisorId: id, scores: z.array(pct.nullable()) })),
});
export type StaffSparklines = z.infer<typeof staffSparklines>;

// ---------------------------------------------------------------- team month summary

/** Without `team`: every advisor; with it: advisors whose staff.team equals it. */
export const teamMonthInput = z.object({ period, team: z.string().trim().max(60).optional() });
export type TeamMonthInput = z.infer<typeof teamMonthInput>;

/** The numbers shown side by side with the previous month. */
export const monthHeadline = z.object({
  period,
  planned: count,
  /** Σ min(done, planned) per advisor: extra evaluations do not make up for a shortfall elsewhere. */
  done: count,
  completionPct: z.number().min(0).nullable(),
  /** Counted evaluations of the month (including any beyond the plan). */
  n: count,
  avgScorePct: pct.nullable(),
  criticalFree,
  advisorsBelowTarget: count,
  /** Open at the end of the month (or today, for the running month). */
  actionPointsOpen: count,
  actionPointsOverdue: count,
  /** Median calendar days from finalisation to the feedback session, over the month's discussed evaluations. */
  medianDaysToFeedback: z.number().nullable(),
});
export type MonthHeadline = z.infer<typeof monthHeadline>;

export const scoreBucketKeys = ['lt60', '60to70', '70to80', '80to85', '85to90', 'ge90'] as const;
export const scoreBucket = z.object({
  key: z.enum(scoreBucketKeys),
  /** Inclusive lower bound; null for the lowest bucket. */
  fromPct: pct.nullable(),
  /** Exclusive upper bound; null for the highest bucket. */
  toPct: pct.nullable(),
  count,
});
export type ScoreBucket = z.infer<typeof scoreBucket>;

export const advisorMonthReport = z.object({
  advisorId: id,
  name: z.string(),
  team: z.string(),
  status: staffStatus,
  coachId: id.nullable(),
  coachName: z.string().nullable(),
  planned: count,
  done: count,
  scorePct: pct.nullable(),
  targetPct,
  belowTarget: z.boolean(),
  criticalErrors: count,
});
export type AdvisorMonthReport = z.infer<typeof advisorMonthReport>;

export const coachMonthReport = z.object({
  /** Null: advisors without a coach this month. */
  coachId: id.nullable(),
  name: z.string().nullable(),
  advisors: count,
  planned: count,
  done: count,
  completionPct: z.number().min(0).nullable(),
  n: count,
  avgScorePct: pct.nullable(),
});
export type CoachMonthReport = z.infer<typeof coachMonthReport>;

/**
 * "Missed" = an applicable answer below full marks. Ranked by miss rate, then misses; only
 * criteria with at least `minApplicable` applicable answers this month take part.
 */
export const missedCriterion = z.object({
  key: z.string(),
  title: z.string(),
  sectionTitle: z.string(),
  applicable: count,
  missed: count,
  missRatePct: pct,
});
export type MissedCriterion = z.infer<typeof missedCriterion>;

/** Every criterion answered in the month: the "per criterium" sheet of the report. */
export const criterionMonth = missedCriterion.extend({
  /** Mean achieved share of the criterion's maximum over applicable answers. */
  scorePct: pct,
});
export type CriterionMonth = z.infer<typeof criterionMonth>;

export const openActionPoint = z.object({
  id,
  advisorId: id,
  advisorName: z.string(),
  description: z.string(),
  dueDate: isoDate,
  overdue: z.boolean(),
  criterionTitle: z.string().nullable(),
});
export type OpenActionPoint = z.infer<typeof openActionPoint>;

export const newHireReport = z.object({
  advisorId: id,
  name: z.string(),
  team: z.string(),
  status: staffStatus,
  startDate: isoDate.nullable(),
  n: count,
  scorePct: pct.nullable(),
  /** Mean of the team's other (non-new) advisors' evaluations this month. */
  teamPct: pct.nullable(),
});
export type NewHireReport = z.infer<typeof newHireReport>;

export const teamMonth = z.object({
  period,
  team: z.string().nullable(),
  /** The team's target, or the default without a team filter (each advisor is still judged by their own team's target). */
  targetPct,
  /** The day "open" and "overdue" are judged on: the month's last day, or today for the running month. */
  asOf: isoDate,
  current: monthHeadline,
  previous: monthHeadline,
  coaches: z.array(coachMonthReport),
  advisors: z.array(advisorMonthReport),
  distribution: z.array(scoreBucket),
  topMissed: z.array(missedCriterion),
  minApplicable: count,
  /** All criteria of the month, in rubric order (newest version's), whatever their count. */
  criteria: z.array(criterionMonth),
  belowTarget: z.array(advisorMonthReport),
  actionPoints: z.array(openActionPoint),
  newHires: z.array(newHireReport),
});
export type TeamMonth = z.infer<typeof teamMonth>;
