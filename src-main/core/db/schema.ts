import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types: the one place the database's shape is declared. Booleans are 0/1 integers and
 * moments ISO strings, so the same migrations run on SQLite and PostgreSQL.
 */
type Flag = number;

/** A regular evaluation, a blind second opinion on a disputed one, or a coach's scoring in a calibration session (never counts). */
export type EvaluationKind = 'regular' | 'second_opinion' | 'calibration';

export interface StaffTable {
  id: Generated<number>;
  employee_number: string;
  name: string;
  team: string;
  role: 'advisor' | 'coach' | 'trainer' | 'manager';
  start_date: string | null;
  status: 'active' | 'onboarding' | 'left';
  created_at: string;
  updated_at: string;
  /** When the AVG anonymisation replaced name and number; the row stays for the statistics. */
  anonymised_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** Team mode sign-in: scrypt hash with its parameters (core/team/passwords.ts); null when none is set. */
  password_hash: ColumnType<string | null, string | null | undefined, string | null>;
  password_set_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RecordingTable {
  id: Generated<number>;
  sha256: string;
  original_name: string;
  /** What the player gets, relative to the store folder; null once retention removed the audio. */
  stored_path: string | null;
  peaks_path: string | null;
  media_type: string;
  /** sha256, size_bytes, container and codec describe the file as imported, also when converted. */
  container: string;
  codec: string;
  channels: number;
  sample_rate: number;
  duration_seconds: number;
  size_bytes: number;
  advisor_id: number | null;
  call_at: string | null;
  topic: string | null;
  imported_at: string;
  imported_by: number | null;
  /** The file as imported, when stored_path holds a conversion Chromium can play; else null. */
  original_path: ColumnType<string | null, string | null | undefined, string | null>;
  original_media_type: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the retention job deleted the audio; the row and its evaluations stay. */
  audio_removed_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RubricTable {
  id: Generated<number>;
  key: string;
  name: string;
  created_at: string;
}

export interface RubricVersionTable {
  id: Generated<number>;
  rubric_id: number;
  version: number;
  status: 'draft' | 'published';
  critical_zeroes_total: Flag;
  published_at: string | null;
  created_at: string;
  /** Raised by every save of a draft: the optimistic lock against two editors. */
  revision: Generated<number>;
}

export interface RubricSectionTable {
  id: Generated<number>;
  rubric_version_id: number;
  position: number;
  key: string;
  title: string;
}

export interface RubricCriterionTable {
  id: Generated<number>;
  rubric_version_id: number;
  section_id: number;
  position: number;
  key: string;
  title: string;
  description: string;
  type: 'yes_no' | 'scale';
  scale_max: number;
  /** JSON array of { value, label, guidance }. */
  levels_json: string;
  weight: number;
  required: Flag;
  allow_na: Flag;
  critical_class: 'customer' | 'business' | 'compliance' | null;
}

export interface EvaluationTable {
  id: Generated<number>;
  recording_id: number;
  advisor_id: number;
  coach_id: number;
  rubric_version_id: number;
  period: string;
  status: 'draft' | 'final' | 'discussed' | 'disputed';
  tops: string;
  tips: string;
  score_pct: number | null;
  critical_customer: Flag;
  critical_business: Flag;
  critical_compliance: Flag;
  has_critical_error: Flag;
  created_at: string;
  updated_at: string;
  finalized_at: string | null;
  /** Bumped on every write: the basis for optimistic locking in team mode. */
  revision: ColumnType<number, number | undefined, number>;
  /** A regular evaluation of the month, or a blind second opinion on a disputed one. */
  kind: ColumnType<EvaluationKind, EvaluationKind | undefined, EvaluationKind>;
  /**
   * 1 when the evaluation counts towards the quota and reports. A second opinion starts at 0;
   * when it replaces the original, the two swap, so one call never counts twice.
   */
  counts: ColumnType<Flag, Flag | undefined, Flag>;
  feedback_session_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** The date of the feedback session that discussed it: time to feedback = this − finalized_at. */
  discussed_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AnswerTable {
  evaluation_id: number;
  criterion_id: number;
  value: number | null;
  na: Flag;
  note: string;
}

export interface MarkerTable {
  id: Generated<number>;
  recording_id: number;
  evaluation_id: number | null;
  criterion_id: number | null;
  at_seconds: number;
  text: string;
  author_id: number;
  created_at: string;
}

export interface SettingTable {
  key: string;
  value_json: string;
}

export interface CallAnalysisTable {
  recording_id: number;
  /** ANALYSIS_VERSION of the method that produced `json`. */
  version: number;
  /** The contract's CallAnalysis as JSON. */
  json: string;
  created_at: string;
}

export interface RetentionLogTable {
  id: Generated<number>;
  ran_at: string;
  recording_id: number;
  original_name: string;
  sha256: string;
  bytes_freed: number;
}

export interface SourceTable {
  id: Generated<number>;
  name: string;
  /** Absolute folder or network path; read by main only, never sent by the renderer for media. */
  root_path: string;
  /** JSON array of file-name patterns with named fields. */
  patterns_json: string;
  /** 1-based channel of the advisor in stereo calls from this source. */
  advisor_channel: number;
  created_at: string;
  last_scan_at: string | null;
}

export interface SourceFileTable {
  id: Generated<number>;
  source_id: number;
  relative_path: string;
  size_bytes: number;
  mtime_ms: number;
  container: string | null;
  codec: string | null;
  channels: number | null;
  sample_rate: number | null;
  duration_seconds: number | null;
  call_at: string | null;
  employee_number: string | null;
  advisor_id: number | null;
  topic: string | null;
  direction: string | null;
  call_id: string | null;
  /** matched: a pattern and an advisor fit; unmatched: see `problem`; unreadable: header could not be read. */
  match_status: 'matched' | 'unmatched' | 'unreadable';
  problem: string | null;
  /** Set once the call was copied into the store (chosen for evaluation). */
  recording_id: number | null;
  indexed_at: string;
}

export interface ScanRunTable {
  id: Generated<number>;
  source_id: number;
  started_at: string;
  finished_at: string | null;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  files_seen: number;
  files_new: number;
  files_changed: number;
  files_unmatched: number;
  problem: string | null;
}

export interface SampleTable {
  id: Generated<number>;
  period: string;
  seed: string;
  drawn_by: number;
  drawn_at: string;
  settings_json: string;
}

export interface SampleItemTable {
  id: Generated<number>;
  sample_id: number;
  advisor_id: number;
  source_file_id: number | null;
  recording_id: number | null;
  position: number;
  reason: string;
  status: 'active' | 'replaced';
  replaced_by: number | null;
  replace_reason: string | null;
  replaced_at: string | null;
}

export interface QuotaOverrideTable {
  id: Generated<number>;
  advisor_id: number;
  /** First month the override applies, `YYYY-MM`. */
  from_period: string;
  /** Last month it applies, inclusive; null = until further notice. */
  to_period: string | null;
  per_month: number;
  /** Why, in the planner's words: "nieuwe medewerker", "parttime", "verlof". */
  reason: string;
  created_by: number | null;
  created_at: string;
}

export interface CoachAssignmentTable {
  id: Generated<number>;
  advisor_id: number;
  coach_id: number;
  from_date: string;
  /** Exclusive end; null while current. Reassigning closes the old row, so history stays. */
  to_date: string | null;
  created_at: string;
}

export interface FeedbackSessionTable {
  id: Generated<number>;
  advisor_id: number;
  coach_id: number;
  held_on: string;
  tops: string;
  tips: string;
  reaction: string;
  agreement: 'agreed' | 'disagreed';
  disagreement_comment: string;
  created_at: string;
}

export interface ActionItemTable {
  id: Generated<number>;
  advisor_id: number;
  /** The session that agreed it; null for an action point added outside a session. */
  feedback_session_id: number | null;
  /** Optionally the rubric criterion it works on (of the version the advisor was scored with). */
  criterion_id: number | null;
  description: string;
  due_date: string;
  status: 'open' | 'done' | 'dropped';
  follow_up_note: string;
  created_by: number | null;
  created_at: string;
  closed_by: number | null;
  closed_at: string | null;
}

export interface DisputeTable {
  id: Generated<number>;
  evaluation_id: number;
  reason: string;
  raised_by: number;
  raised_at: string;
  /** The coach asked to score the call blind. */
  second_coach_id: number;
  second_evaluation_id: number | null;
  /** Null while open. */
  outcome: 'original_kept' | 'replaced' | null;
  outcome_note: ColumnType<string, string | undefined, string>;
  decided_by: number | null;
  decided_at: string | null;
}

/** Append-only: one row per change of a finished evaluation, with the full state after it. */
export interface EvaluationVersionTable {
  id: Generated<number>;
  evaluation_id: number;
  revision: number;
  change: string;
  note: string;
  changed_by: number | null;
  changed_at: string;
  /** The contract's EvaluationSnapshot as JSON. */
  snapshot_json: string;
}

export interface OnboardingProgramTable {
  id: Generated<number>;
  name: string;
  description: string;
  weeks: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface OnboardingProgramItemTable {
  id: Generated<number>;
  program_id: number;
  week: number;
  position: number;
  category: string;
  title: string;
  description: string;
}

export interface OnboardingTable {
  id: Generated<number>;
  staff_id: number;
  trainer_id: number;
  buddy_id: number | null;
  /** Null once the program is gone; `program_name` and the items are the track's own copy. */
  program_id: number | null;
  program_name: string;
  training_weeks: number;
  start_date: string;
  status: 'running' | 'completed';
  /** The planner's override made at the start; not a foreign key, the planner may remove it. */
  quota_override_id: number | null;
  created_by: number | null;
  created_at: string;
  completed_on: string | null;
  completed_by: number | null;
  completion_note: ColumnType<string, string | undefined, string>;
}

/** A program item copied into one track at its start, with its sign-off. */
export interface OnboardingItemTable {
  id: Generated<number>;
  onboarding_id: number;
  week: number;
  position: number;
  category: string;
  title: string;
  description: string;
  signed_off_on: string | null;
  signed_off_by: number | null;
  signed_off_at: string | null;
  note: ColumnType<string, string | undefined, string>;
}

export interface OnboardingLevelTable {
  onboarding_id: number;
  level: 'listening_in' | 'calling_with_buddy' | 'independent_buddy_nearby' | 'fully_independent';
  reached_on: string;
  recorded_by: number | null;
  recorded_at: string;
}

export interface BuddyCheckinTable {
  id: Generated<number>;
  onboarding_id: number;
  buddy_id: number | null;
  held_on: string;
  level: 'listening_in' | 'calling_with_buddy' | 'independent_buddy_nearby' | 'fully_independent';
  went_well: string;
  to_practise: string;
  recorded_by: number | null;
  created_at: string;
}

export interface CalibrationSessionTable {
  id: Generated<number>;
  title: string;
  recording_id: number;
  rubric_version_id: number;
  /** The expert whose answers are the reference; null: the consensus (or the median) is. */
  reference_coach_id: number | null;
  deadline: string | null;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  notes: ColumnType<string, string | undefined, string>;
  created_by: number;
  created_at: string;
  closed_at: string | null;
  closed_by: number | null;
}

export interface CalibrationParticipantTable {
  session_id: number;
  coach_id: number;
  /** The participant's evaluation of kind `calibration`; null until they start. */
  evaluation_id: number | null;
}

export interface CalibrationConsensusTable {
  session_id: number;
  criterion_id: number;
  value: number | null;
  na: Flag;
  /** Notes for the criterion's guidance text (toelichting) in the next rubric version. */
  guidance_note: string;
}

/** Append only (enforced by triggers); `redacted_at` marks the one change allowed: anonymisation. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  entity: 'evaluation' | 'rubric' | 'staff' | 'settings' | 'backup' | 'privacy';
  entity_id: number | null;
  action: string;
  summary: string;
  before_json: string | null;
  after_json: string | null;
  redacted_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface Database {
  staff: StaffTable;
  recording: RecordingTable;
  rubric: RubricTable;
  rubric_version: RubricVersionTable;
  rubric_section: RubricSectionTable;
  rubric_criterion: RubricCriterionTable;
  evaluation: EvaluationTable;
  answer: AnswerTable;
  marker: MarkerTable;
  setting: SettingTable;
  call_analysis: CallAnalysisTable;
  retention_log: RetentionLogTable;
  source: SourceTable;
  source_file: SourceFileTable;
  scan_run: ScanRunTable;
  sample: SampleTable;
  sample_item: SampleItemTable;
  quota_override: QuotaOverrideTable;
  coach_assignment: CoachAssignmentTable;
  feedback_session: FeedbackSessionTable;
  action_item: ActionItemTable;
  dispute: DisputeTable;
  evaluation_version: EvaluationVersionTable;
  onboarding_program: OnboardingProgramTable;
  onboarding_program_item: OnboardingProgramItemTable;
  onboarding: OnboardingTable;
  onboarding_item: OnboardingItemTable;
  onboarding_level: OnboardingLevelTable;
  buddy_checkin: BuddyCheckinTable;
  audit_log: AuditLogTable;
  calibration_session: CalibrationSessionTable;
  calibration_participant: CalibrationParticipantTable;
  calibration_consensus: CalibrationConsensusTable;
}

export type StaffRow = Selectable<StaffTable>;
export type NewStaffRow = Insertable<StaffTable>;
export type StaffRowUpdate = Updateable<StaffTable>;
export type RecordingRow = Selectable<RecordingTable>;
export type NewRecordingRow = Insertable<RecordingTable>;
export type CriterionRow = Selectable<RubricCriterionTable>;
export type EvaluationRow = Selectable<EvaluationTable>;
export type AnswerRow = Selectable<AnswerTable>;
