import type BetterSqlite3 from 'better-sqlite3';

/**
 * The core takes "now" from the clock (core/clock.ts) for every created_at, finalized_at,
 * closed_at…; a demo year seeded in ten seconds would otherwise have happened today. Right after
 * each core call the seed moves the moments that call wrote to the story's date and time. Only
 * clock columns are touched, never what the core computed (scores, statuses, counts, history).
 * The audit trail is the exception: it is append-only (triggers refuse any change), so its
 * entries keep the moment the demo was made, which is also the truth.
 */
export class Stamps {
  readonly #sqlite: BetterSqlite3.Database;
  readonly #statements = new Map<string, BetterSqlite3.Statement>();

  constructor(sqlite: BetterSqlite3.Database) {
    this.#sqlite = sqlite;
  }

  #run(sql: string, ...parameters: unknown[]): void {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#sqlite.prepare(sql);
      this.#statements.set(sql, statement);
    }
    statement.run(...parameters);
  }

  staff(id: number, createdAt: string, updatedAt = createdAt): void {
    this.#run('update staff set created_at = ?, updated_at = ? where id = ?', createdAt, updatedAt, id);
  }

  staffUpdated(id: number, at: string): void {
    this.#run('update staff set updated_at = ? where id = ?', at, id);
  }

  recordingImported(id: number, at: string): void {
    this.#run('update recording set imported_at = ? where id = ?', at, id);
    this.#run('update call_analysis set created_at = ? where recording_id = ?', at, id);
  }

  rubricCreated(rubricId: number, at: string): void {
    this.#run('update rubric set created_at = ? where id = ?', at, rubricId);
  }

  rubricVersion(versionId: number, createdAt: string, publishedAt: string): void {
    this.#run('update rubric_version set created_at = ?, published_at = ? where id = ?', createdAt, publishedAt, versionId);
  }

  onboardingProgram(id: number, at: string): void {
    this.#run('update onboarding_program set created_at = ?, updated_at = ? where id = ?', at, at, id);
  }

  coachAssignment(id: number, at: string): void {
    this.#run('update coach_assignment set created_at = ? where id = ?', at, id);
  }

  quotaOverride(id: number, at: string): void {
    this.#run('update quota_override set created_at = ? where id = ?', at, id);
  }

  /** A new evaluation (draft) and, when given, the moment it was made final. */
  evaluation(id: number, createdAt: string, finalizedAt: string | null): void {
    this.#run(
      'update evaluation set created_at = ?, updated_at = ?, finalized_at = ? where id = ?',
      createdAt,
      finalizedAt ?? createdAt,
      finalizedAt,
      id,
    );
    if (finalizedAt) this.evaluationChange(id, 'finalized', finalizedAt);
  }

  /** A later change of a finished evaluation: its updated_at and the history entry of that change. */
  evaluationChange(id: number, change: string, at: string): void {
    this.#run('update evaluation set updated_at = ? where id = ?', at, id);
    this.#run('update evaluation_version set changed_at = ? where evaluation_id = ? and change = ?', at, id, change);
  }

  marker(id: number, at: string): void {
    this.#run('update marker set created_at = ? where id = ?', at, id);
  }

  feedbackSession(id: number, at: string): void {
    this.#run('update feedback_session set created_at = ? where id = ?', at, id);
    this.#run('update action_item set created_at = ? where feedback_session_id = ?', at, id);
  }

  actionPointClosed(id: number, at: string): void {
    this.#run('update action_item set closed_at = ? where id = ? and closed_at is not null', at, id);
  }

  disputeRaised(id: number, at: string): void {
    this.#run('update dispute set raised_at = ? where id = ?', at, id);
  }

  disputeDecided(id: number, at: string): void {
    this.#run('update dispute set decided_at = ? where id = ?', at, id);
  }

  calibrationCreated(id: number, at: string): void {
    this.#run('update calibration_session set created_at = ? where id = ?', at, id);
  }

  calibrationClosed(id: number, at: string): void {
    this.#run('update calibration_session set closed_at = ? where id = ?', at, id);
  }

  onboardingCreated(id: number, at: string): void {
    this.#run('update onboarding set created_at = ? where id = ?', at, id);
  }

  onboardingItems(ids: readonly number[], at: string): void {
    for (const id of ids) this.#run('update onboarding_item set signed_off_at = ? where id = ?', at, id);
  }

  onboardingLevel(onboardingId: number, level: string, at: string): void {
    this.#run('update onboarding_level set recorded_at = ? where onboarding_id = ? and level = ?', at, onboardingId, level);
  }

  checkin(onboardingId: number, heldOn: string, at: string): void {
    this.#run('update buddy_checkin set created_at = ? where onboarding_id = ? and held_on = ?', at, onboardingId, heldOn);
  }
}
