import type { EvaluationKind } from '../db/schema';
import { z } from 'zod';
import type { Db } from '../db/connection';
import type { StaffRow } from '../db/schema';
import { notFound } from '../errors';

/**
 * Everything Klankbord holds about one person, read in one pass. The access export renders it
 * (HTML) and hands it over as it is (JSON), so both files always hold the same facts.
 */
export interface PersonData {
  person: {
    id: number;
    name: string;
    employeeNumber: string;
    team: string;
    role: StaffRow['role'];
    status: StaffRow['status'];
    startDate: string | null;
    createdAt: string;
    updatedAt: string;
    anonymisedAt: string | null;
  };
  evaluations: EvaluationData[];
  feedbackSessions: FeedbackSessionData[];
  actionPoints: ActionPointData[];
  onboardings: OnboardingData[];
  recordings: RecordingData[];
  samplePicks: SamplePickData[];
  quotaOverrides: QuotaOverrideData[];
  coachAssignments: CoachAssignmentData[];
  /** Entries of the audit trail about this person's staff record and privacy requests. */
  auditEntries: AuditEntryData[];
  /** What the person did in Klankbord as coach, trainer, buddy or planner: counts only, no colleagues' data. */
  activity: ActivityData[];
}

export interface AnswerData {
  section: string;
  criterion: string;
  criterionKey: string;
  type: 'yes_no' | 'scale';
  scaleMax: number;
  value: number | null;
  valueLabel: string | null;
  notApplicable: boolean;
  note: string;
}

export interface MarkerData {
  id: number;
  atSeconds: number;
  text: string;
  authorName: string;
  createdAt: string;
  criterion: string | null;
}

export interface VersionData {
  revision: number;
  change: string;
  note: string;
  changedByName: string | null;
  changedAt: string;
  /** The evaluation's full state after the change, as stored. */
  snapshot: unknown;
}

export interface DisputeData {
  id: number;
  reason: string;
  raisedByName: string;
  raisedAt: string;
  secondCoachName: string;
  secondEvaluationId: number | null;
  outcome: 'original_kept' | 'replaced' | null;
  outcomeNote: string;
  decidedByName: string | null;
  decidedAt: string | null;
}

export interface EvaluationData {
  id: number;
  period: string;
  kind: EvaluationKind;
  counts: boolean;
  status: 'draft' | 'final' | 'discussed' | 'disputed';
  recordingId: number;
  recordingName: string;
  callAt: string | null;
  topic: string | null;
  coachName: string;
  rubricName: string;
  rubricVersion: number;
  scorePct: number | null;
  criticalErrors: Array<'customer' | 'business' | 'compliance'>;
  tops: string;
  tips: string;
  createdAt: string;
  finalizedAt: string | null;
  discussedOn: string | null;
  feedbackSessionId: number | null;
  answers: AnswerData[];
  markers: MarkerData[];
  history: VersionData[];
  disputes: DisputeData[];
}

export interface FeedbackSessionData {
  id: number;
  heldOn: string;
  coachName: string;
  tops: string;
  tips: string;
  reaction: string;
  agreement: 'agreed' | 'disagreed';
  disagreementComment: string;
  evaluationIds: number[];
  createdAt: string;
}

export interface ActionPointData {
  id: number;
  description: string;
  criterion: string | null;
  dueDate: string;
  status: 'open' | 'done' | 'dropped';
  followUpNote: string;
  feedbackSessionId: number | null;
  createdByName: string | null;
  createdAt: string;
  closedByName: string | null;
  closedAt: string | null;
}

export type IndependenceLevel = 'listening_in' | 'calling_with_buddy' | 'independent_buddy_nearby' | 'fully_independent';

export interface OnboardingData {
  id: number;
  programName: string;
  trainingWeeks: number;
  startDate: string;
  status: 'running' | 'completed';
  trainerName: string;
  buddyName: string | null;
  completedOn: string | null;
  completedByName: string | null;
  completionNote: string;
  items: Array<{
    week: number;
    category: string;
    title: string;
    signedOffOn: string | null;
    signedOffByName: string | null;
    note: string;
  }>;
  levels: Array<{ level: IndependenceLevel; reachedOn: string; recordedByName: string | null }>;
  checkins: Array<{
    heldOn: string;
    buddyName: string | null;
    level: IndependenceLevel;
    wentWell: string;
    toPractise: string;
    recordedByName: string | null;
  }>;
}

export interface RecordingData {
  id: number;
  fileName: string;
  callAt: string | null;
  durationSeconds: number;
  topic: string | null;
  importedAt: string;
  /** False once the retention job removed the audio (or it was never stored). */
  audioStored: boolean;
  audioRemovedAt: string | null;
}

export interface SamplePickData {
  period: string;
  drawnAt: string;
  fileName: string | null;
  status: 'active' | 'replaced';
  reason: string;
  replaceReason: string | null;
  replacedAt: string | null;
}

export interface QuotaOverrideData {
  fromPeriod: string;
  toPeriod: string | null;
  perMonth: number;
  reason: string;
  createdAt: string;
}

export interface CoachAssignmentData {
  coachName: string;
  fromDate: string;
  toDate: string | null;
}

export interface AuditEntryData {
  at: string;
  actorName: string | null;
  entity: string;
  action: string;
  summary: string;
}

export type ActivityKind =
  | 'evaluations_as_coach'
  | 'feedback_as_coach'
  | 'markers_written'
  | 'disputes_raised'
  | 'second_opinions'
  | 'disputes_decided'
  | 'onboardings_as_trainer'
  | 'onboardings_as_buddy'
  | 'checkins_recorded'
  | 'coached_advisors'
  | 'samples_drawn'
  | 'recordings_imported'
  | 'audit_actions';

export interface ActivityData {
  kind: ActivityKind;
  count: number;
  first: string | null;
  last: string | null;
}

const levelsSchema = z.array(z.object({ value: z.number(), label: z.string() }).loose());

function levelLabel(levelsJson: string, value: number | null): string | null {
  if (value === null) return null;
  try {
    const levels = levelsSchema.parse(JSON.parse(levelsJson));
    return levels.find((l) => l.value === value)?.label ?? null;
  } catch {
    return null;
  }
}

const criticalOf = (row: { critical_customer: number; critical_business: number; critical_compliance: number }) =>
  [
    row.critical_customer === 1 ? ('customer' as const) : null,
    row.critical_business === 1 ? ('business' as const) : null,
    row.critical_compliance === 1 ? ('compliance' as const) : null,
  ].filter((c) => c !== null);

/** Calls linked to the person: as the call's advisor, or through an evaluation about them. */
export function personRecordingIds(db: Db, staffId: number) {
  return db
    .selectFrom('recording')
    .select('recording.id')
    .where((eb) =>
      eb.or([
        eb('recording.advisor_id', '=', staffId),
        eb(
          'recording.id',
          'in',
          eb.selectFrom('evaluation').select('evaluation.recording_id').where('evaluation.advisor_id', '=', staffId),
        ),
      ]),
    );
}

/**
 * Scorings in a calibration session that is still open: blind work in progress, which nobody may
 * read yet (not even through an access export); they are in the export once the session closes.
 */
function unfinishedCalibrations(db: Db) {
  return db
    .selectFrom('calibration_participant as p')
    .innerJoin('calibration_session as s', 's.id', 'p.session_id')
    .select('p.evaluation_id')
    .where('s.status', '=', 'open')
    .where('p.evaluation_id', 'is not', null);
}

async function collectEvaluations(db: Db, staffId: number): Promise<EvaluationData[]> {
  const rows = await db
    .selectFrom('evaluation')
    .innerJoin('recording', 'recording.id', 'evaluation.recording_id')
    .innerJoin('staff as coach', 'coach.id', 'evaluation.coach_id')
    .innerJoin('rubric_version', 'rubric_version.id', 'evaluation.rubric_version_id')
    .innerJoin('rubric', 'rubric.id', 'rubric_version.rubric_id')
    .selectAll('evaluation')
    .select([
      'recording.original_name',
      'recording.call_at',
      'recording.topic',
      'coach.name as coach_name',
      'rubric.name as rubric_name',
      'rubric_version.version as rubric_version',
    ])
    .where('evaluation.advisor_id', '=', staffId)
    .where('evaluation.id', 'not in', unfinishedCalibrations(db))
    .orderBy('evaluation.period')
    .orderBy('recording.call_at')
    .orderBy('evaluation.id')
    .execute();

  const answers = await db
    .selectFrom('answer')
    .innerJoin('evaluation', 'evaluation.id', 'answer.evaluation_id')
    .innerJoin('rubric_criterion', 'rubric_criterion.id', 'answer.criterion_id')
    .innerJoin('rubric_section', 'rubric_section.id', 'rubric_criterion.section_id')
    .select([
      'answer.evaluation_id',
      'answer.value',
      'answer.na',
      'answer.note',
      'rubric_criterion.key',
      'rubric_criterion.title',
      'rubric_criterion.type',
      'rubric_criterion.scale_max',
      'rubric_criterion.levels_json',
      'rubric_section.title as section_title',
    ])
    .where('evaluation.advisor_id', '=', staffId)
    .orderBy('answer.evaluation_id')
    .orderBy('rubric_section.position')
    .orderBy('rubric_criterion.position')
    .execute();

  const markers = await db
    .selectFrom('marker')
    .innerJoin('staff as author', 'author.id', 'marker.author_id')
    .leftJoin('rubric_criterion', 'rubric_criterion.id', 'marker.criterion_id')
    .select([
      'marker.id',
      'marker.recording_id',
      'marker.evaluation_id',
      'marker.at_seconds',
      'marker.text',
      'marker.created_at',
      'author.name as author_name',
      'rubric_criterion.title as criterion_title',
    ])
    .where('marker.recording_id', 'in', personRecordingIds(db, staffId))
    .where((eb) => eb.or([eb('marker.evaluation_id', 'is', null), eb('marker.evaluation_id', 'not in', unfinishedCalibrations(db))]))
    .orderBy('marker.recording_id')
    .orderBy('marker.at_seconds')
    .orderBy('marker.id')
    .execute();

  const versions = await db
    .selectFrom('evaluation_version')
    .innerJoin('evaluation', 'evaluation.id', 'evaluation_version.evaluation_id')
    .leftJoin('staff as changer', 'changer.id', 'evaluation_version.changed_by')
    .selectAll('evaluation_version')
    .select('changer.name as changed_by_name')
    .where('evaluation.advisor_id', '=', staffId)
    .orderBy('evaluation_version.id')
    .execute();

  const disputes = await db
    .selectFrom('dispute')
    .innerJoin('evaluation', 'evaluation.id', 'dispute.evaluation_id')
    .innerJoin('staff as raiser', 'raiser.id', 'dispute.raised_by')
    .innerJoin('staff as second', 'second.id', 'dispute.second_coach_id')
    .leftJoin('staff as decider', 'decider.id', 'dispute.decided_by')
    .selectAll('dispute')
    .select(['raiser.name as raised_by_name', 'second.name as second_coach_name', 'decider.name as decided_by_name'])
    .where('evaluation.advisor_id', '=', staffId)
    .orderBy('dispute.id')
    .execute();

  // A marker on the call belongs to the evaluation it was written for, else to every evaluation of that call.
  const markersFor = (evaluationId: number, recordingId: number) =>
    markers.filter((m) => m.recording_id === recordingId && (m.evaluation_id === null || m.evaluation_id === evaluationId));

  return rows.map((r) => ({
    id: r.id,
    period: r.period,
    kind: r.kind,
    counts: r.counts === 1,
    status: r.status,
    recordingId: r.recording_id,
    recordingName: r.original_name,
    callAt: r.call_at,
    topic: r.topic,
    coachName: r.coach_name,
    rubricName: r.rubric_name,
    rubricVersion: r.rubric_version,
    scorePct: r.score_pct,
    criticalErrors: criticalOf(r),
    tops: r.tops,
    tips: r.tips,
    createdAt: r.created_at,
    finalizedAt: r.finalized_at,
    discussedOn: r.discussed_on,
    feedbackSessionId: r.feedback_session_id,
    answers: answers
      .filter((a) => a.evaluation_id === r.id)
      .map((a) => ({
        section: a.section_title,
        criterion: a.title,
        criterionKey: a.key,
        type: a.type,
        scaleMax: a.scale_max,
        value: a.value,
        valueLabel: a.type === 'scale' ? levelLabel(a.levels_json, a.value) : null,
        notApplicable: a.na === 1,
        note: a.note,
      })),
    markers: markersFor(r.id, r.recording_id).map((m) => ({
      id: m.id,
      atSeconds: m.at_seconds,
      text: m.text,
      authorName: m.author_name,
      createdAt: m.created_at,
      criterion: m.criterion_title,
    })),
    history: versions
      .filter((v) => v.evaluation_id === r.id)
      .map((v) => ({
        revision: v.revision,
        change: v.change,
        note: v.note,
        changedByName: v.changed_by_name,
        changedAt: v.changed_at,
        snapshot: JSON.parse(v.snapshot_json) as unknown,
      })),
    disputes: disputes
      .filter((d) => d.evaluation_id === r.id)
      .map((d) => ({
        id: d.id,
        reason: d.reason,
        raisedByName: d.raised_by_name,
        raisedAt: d.raised_at,
        secondCoachName: d.second_coach_name,
        secondEvaluationId: d.second_evaluation_id,
        outcome: d.outcome,
        outcomeNote: d.outcome_note,
        decidedByName: d.decided_by_name,
        decidedAt: d.decided_at,
      })),
  }));
}

async function collectFeedback(db: Db, staffId: number): Promise<FeedbackSessionData[]> {
  const sessions = await db
    .selectFrom('feedback_session')
    .innerJoin('staff as coach', 'coach.id', 'feedback_session.coach_id')
    .selectAll('feedback_session')
    .select('coach.name as coach_name')
    .where('feedback_session.advisor_id', '=', staffId)
    .orderBy('feedback_session.held_on')
    .orderBy('feedback_session.id')
    .execute();
  const discussed = await db
    .selectFrom('evaluation')
    .select(['id', 'feedback_session_id'])
    .where('advisor_id', '=', staffId)
    .where('feedback_session_id', 'is not', null)
    .orderBy('id')
    .execute();
  return sessions.map((s) => ({
    id: s.id,
    heldOn: s.held_on,
    coachName: s.coach_name,
    tops: s.tops,
    tips: s.tips,
    reaction: s.reaction,
    agreement: s.agreement,
    disagreementComment: s.disagreement_comment,
    evaluationIds: discussed.filter((e) => e.feedback_session_id === s.id).map((e) => e.id),
    createdAt: s.created_at,
  }));
}

async function collectActionPoints(db: Db, staffId: number): Promise<ActionPointData[]> {
  const rows = await db
    .selectFrom('action_item')
    .leftJoin('rubric_criterion', 'rubric_criterion.id', 'action_item.criterion_id')
    .leftJoin('staff as creator', 'creator.id', 'action_item.created_by')
    .leftJoin('staff as closer', 'closer.id', 'action_item.closed_by')
    .selectAll('action_item')
    .select(['rubric_criterion.title as criterion_title', 'creator.name as created_by_name', 'closer.name as closed_by_name'])
    .where('action_item.advisor_id', '=', staffId)
    .orderBy('action_item.due_date')
    .orderBy('action_item.id')
    .execute();
  return rows.map((a) => ({
    id: a.id,
    description: a.description,
    criterion: a.criterion_title,
    dueDate: a.due_date,
    status: a.status,
    followUpNote: a.follow_up_note,
    feedbackSessionId: a.feedback_session_id,
    createdByName: a.created_by_name,
    createdAt: a.created_at,
    closedByName: a.closed_by_name,
    closedAt: a.closed_at,
  }));
}

async function collectOnboardings(db: Db, staffId: number): Promise<OnboardingData[]> {
  const tracks = await db
    .selectFrom('onboarding')
    .innerJoin('staff as trainer', 'trainer.id', 'onboarding.trainer_id')
    .leftJoin('staff as buddy', 'buddy.id', 'onboarding.buddy_id')
    .leftJoin('staff as completer', 'completer.id', 'onboarding.completed_by')
    .selectAll('onboarding')
    .select(['trainer.name as trainer_name', 'buddy.name as buddy_name', 'completer.name as completed_by_name'])
    .where('onboarding.staff_id', '=', staffId)
    .orderBy('onboarding.start_date')
    .execute();
  const result: OnboardingData[] = [];
  for (const track of tracks) {
    const items = await db
      .selectFrom('onboarding_item')
      .leftJoin('staff as signer', 'signer.id', 'onboarding_item.signed_off_by')
      .selectAll('onboarding_item')
      .select('signer.name as signer_name')
      .where('onboarding_item.onboarding_id', '=', track.id)
      .orderBy('onboarding_item.week')
      .orderBy('onboarding_item.position')
      .execute();
    const levels = await db
      .selectFrom('onboarding_level')
      .leftJoin('staff as recorder', 'recorder.id', 'onboarding_level.recorded_by')
      .selectAll('onboarding_level')
      .select('recorder.name as recorder_name')
      .where('onboarding_level.onboarding_id', '=', track.id)
      .orderBy('onboarding_level.reached_on')
      .execute();
    const checkins = await db
      .selectFrom('buddy_checkin')
      .leftJoin('staff as buddy', 'buddy.id', 'buddy_checkin.buddy_id')
      .leftJoin('staff as recorder', 'recorder.id', 'buddy_checkin.recorded_by')
      .selectAll('buddy_checkin')
      .select(['buddy.name as buddy_name', 'recorder.name as recorder_name'])
      .where('buddy_checkin.onboarding_id', '=', track.id)
      .orderBy('buddy_checkin.held_on')
      .orderBy('buddy_checkin.id')
      .execute();
    result.push({
      id: track.id,
      programName: track.program_name,
      trainingWeeks: track.training_weeks,
      startDate: track.start_date,
      status: track.status,
      trainerName: track.trainer_name,
      buddyName: track.buddy_name,
      completedOn: track.completed_on,
      completedByName: track.completed_by_name,
      completionNote: track.completion_note,
      items: items.map((i) => ({
        week: i.week,
        category: i.category,
        title: i.title,
        signedOffOn: i.signed_off_on,
        signedOffByName: i.signer_name,
        note: i.note,
      })),
      levels: levels.map((l) => ({ level: l.level, reachedOn: l.reached_on, recordedByName: l.recorder_name })),
      checkins: checkins.map((c) => ({
        heldOn: c.held_on,
        buddyName: c.buddy_name,
        level: c.level,
        wentWell: c.went_well,
        toPractise: c.to_practise,
        recordedByName: c.recorder_name,
      })),
    });
  }
  return result;
}

async function collectRecordings(db: Db, staffId: number): Promise<RecordingData[]> {
  const rows = await db
    .selectFrom('recording')
    .selectAll()
    .where('id', 'in', personRecordingIds(db, staffId))
    .orderBy('call_at')
    .orderBy('imported_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.original_name,
    callAt: r.call_at,
    durationSeconds: r.duration_seconds,
    topic: r.topic,
    importedAt: r.imported_at,
    audioStored: r.stored_path !== null && r.audio_removed_at === null,
    audioRemovedAt: r.audio_removed_at,
  }));
}

async function collectPlan(db: Db, staffId: number) {
  const picks = await db
    .selectFrom('sample_item')
    .innerJoin('sample', 'sample.id', 'sample_item.sample_id')
    .leftJoin('recording', 'recording.id', 'sample_item.recording_id')
    .leftJoin('source_file', 'source_file.id', 'sample_item.source_file_id')
    .select([
      'sample.period',
      'sample.drawn_at',
      'recording.original_name',
      'source_file.relative_path',
      'sample_item.status',
      'sample_item.reason',
      'sample_item.replace_reason',
      'sample_item.replaced_at',
    ])
    .where('sample_item.advisor_id', '=', staffId)
    .orderBy('sample.period')
    .orderBy('sample_item.id')
    .execute();
  const overrides = await db
    .selectFrom('quota_override')
    .selectAll()
    .where('advisor_id', '=', staffId)
    .orderBy('from_period')
    .orderBy('id')
    .execute();
  const assignments = await db
    .selectFrom('coach_assignment')
    .innerJoin('staff as coach', 'coach.id', 'coach_assignment.coach_id')
    .select(['coach.name as coach_name', 'coach_assignment.from_date', 'coach_assignment.to_date'])
    .where('coach_assignment.advisor_id', '=', staffId)
    .orderBy('coach_assignment.from_date')
    .orderBy('coach_assignment.id')
    .execute();
  return {
    samplePicks: picks.map((p) => ({
      period: p.period,
      drawnAt: p.drawn_at,
      fileName: p.original_name ?? (p.relative_path ? (p.relative_path.split(/[\\/]/).pop() ?? p.relative_path) : null),
      status: p.status,
      reason: p.reason,
      replaceReason: p.replace_reason,
      replacedAt: p.replaced_at,
    })),
    quotaOverrides: overrides.map((o) => ({
      fromPeriod: o.from_period,
      toPeriod: o.to_period,
      perMonth: o.per_month,
      reason: o.reason,
      createdAt: o.created_at,
    })),
    coachAssignments: assignments.map((a) => ({ coachName: a.coach_name, fromDate: a.from_date, toDate: a.to_date })),
  };
}

async function collectAudit(db: Db, staffId: number): Promise<AuditEntryData[]> {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('staff as actor', 'actor.id', 'audit_log.actor_id')
    .select(['audit_log.at', 'audit_log.entity', 'audit_log.action', 'audit_log.summary', 'actor.name as actor_name'])
    .where('audit_log.entity', 'in', ['staff', 'privacy'])
    .where('audit_log.entity_id', '=', staffId)
    .orderBy('audit_log.id')
    .execute();
  return rows.map((r) => ({ at: r.at, actorName: r.actor_name, entity: r.entity, action: r.action, summary: r.summary }));
}

/** Counts and first/last moment of what the person did for others: their work, without the others' data. */
async function collectActivity(db: Db, staffId: number): Promise<ActivityData[]> {
  type Span = { count: number | string | bigint; first: string | null; last: string | null } | undefined;
  const span = (kind: ActivityKind, query: () => Promise<Span>) => async (): Promise<ActivityData> => {
    const row = await query();
    return { kind, count: Number(row?.count ?? 0), first: row?.first ?? null, last: row?.last ?? null };
  };
  const queries: Array<() => Promise<ActivityData>> = [
    span('evaluations_as_coach', () =>
      db
        .selectFrom('evaluation')
        .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('created_at').as('first'), eb.fn.max('created_at').as('last')])
        .where('coach_id', '=', staffId)
        .executeTakeFirst(),
    ),
    span('feedback_as_coach', () =>
      db
        .selectFrom('feedback_session')
        .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('held_on').as('first'), eb.fn.max('held_on').as('last')])
        .where('coach_id', '=', staffId)
        .executeTakeFirst(),
    ),
    span('markers_written', () =>
      db
        .selectFrom('marker')
        .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('created_at').as('first'), eb.fn.max('created_at').as('last')])
        .where('author_id', '=', staffId)
        .executeTakeFirst(),
    ),
    span('disputes_raised', () =>
      db
        .selectFrom('dispute')
        .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('raised_at').as('first'), eb.fn.max('raised_at').as('last')])
        .where('raised_by', '=', staffId)
        .executeTakeFirst(),
    ),
    span('second_opinions', () =>
      db
        .selectFrom('dispute')
        .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('raised_at').as('first'), eb.fn.max('raised_at').as('last')])
        .where('second_coach_id', '=', staffId)
        .executeTakeFirst(),
    ),
    span('disputes_decided', () =>
      db
        .selectFrom('dispute')
        .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('decided_at').as('first'), eb.fn.max('decided_at').as('last')])
        .where('decided_by', '=', staffId)
        .executeTakeFirst(),
    ),
    span('onboardings_as_trainer', () =>
      db
        .selectFrom('onboarding')
        .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('start_date').as('first'), eb.fn.max('start_date').as('last')])
        .where('trainer_id', '=', staffId)
        .executeTakeFirst(),
    ),
    span('onboardings_as_buddy', () =>
      db
        .selectFrom('onboarding')
        .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('start_date').as('first'), eb.fn.max('start_date').as('last')])
        .where('buddy_id', '=', staffId)
        .executeTakeFirst(),
    ),
    span('checkins_recorded', () =>
      db
        .selectFrom('buddy_checkin')
        .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('held_on').as('first'), eb.fn.max('held_on').as('last')])
        .where((eb) => eb.or([eb('buddy_id', '=', staffId), eb('recorded_by', '=', staffId)]))
        .executeTakeFirst(),
    ),
    span('coached_advisors', () =>
      db
        .selectFrom('coach_assignment')
        .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('from_date').as('first'), eb.fn.max('from_date').as('last')])
        .where('coach_id', '=', staffId)
        .executeTakeFirst(),
    ),
    span('samples_drawn', () =>
      db
        .selectFrom('sample')
        .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('drawn_at').as('first'), eb.fn.max('drawn_at').as('last')])
        .where('drawn_by', '=', staffId)
        .executeTakeFirst(),
    ),
    span('recordings_imported', () =>
      db
        .selectFrom('recording')
        .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('imported_at').as('first'), eb.fn.max('imported_at').as('last')])
        .where('imported_by', '=', staffId)
        .executeTakeFirst(),
    ),
    span('audit_actions', () =>
      db
        .selectFrom('audit_log')
        .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('at').as('first'), eb.fn.max('at').as('last')])
        .where('actor_id', '=', staffId)
        .executeTakeFirst(),
    ),
  ];
  // One after another: inside the export's transaction there is one connection anyway.
  const results: ActivityData[] = [];
  for (const query of queries) results.push(await query());
  return results.filter((r) => r.count > 0);
}

export async function collectPerson(db: Db, staffId: number): Promise<PersonData> {
  const staff = await db.selectFrom('staff').selectAll().where('id', '=', staffId).executeTakeFirst();
  if (!staff) throw notFound(`Medewerker ${staffId}`);
  const plan = await collectPlan(db, staffId);
  return {
    person: {
      id: staff.id,
      name: staff.name,
      employeeNumber: staff.employee_number,
      team: staff.team,
      role: staff.role,
      status: staff.status,
      startDate: staff.start_date,
      createdAt: staff.created_at,
      updatedAt: staff.updated_at,
      anonymisedAt: staff.anonymised_at,
    },
    evaluations: await collectEvaluations(db, staffId),
    feedbackSessions: await collectFeedback(db, staffId),
    actionPoints: await collectActionPoints(db, staffId),
    onboardings: await collectOnboardings(db, staffId),
    recordings: await collectRecordings(db, staffId),
    ...plan,
    auditEntries: await collectAudit(db, staffId),
    activity: await collectActivity(db, staffId),
  };
}
