import { autoId } from './columns';
import { sql, type Kysely } from 'kysely';

/**
 * The monthly cycle: feedback sessions with action points, disputes with a blind second opinion,
 * and an append-only version history of every evaluation (nothing is overwritten).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feedback_session')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('advisor_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('coach_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('held_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('tops', 'text', (c) => c.notNull())
    .addColumn('tips', 'text', (c) => c.notNull())
    .addColumn('reaction', 'text', (c) => c.notNull())
    .addColumn('agreement', 'varchar(16)', (c) => c.notNull())
    .addColumn('disagreement_comment', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_session_advisor_idx').on('feedback_session').columns(['advisor_id', 'held_on']).execute();

  await db.schema
    .createTable('action_item')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('advisor_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('feedback_session_id', 'integer', (c) => c.references('feedback_session.id'))
    .addColumn('criterion_id', 'integer', (c) => c.references('rubric_criterion.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('follow_up_note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('closed_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('closed_at', 'varchar(40)')
    .execute();
  await db.schema.createIndex('action_item_advisor_idx').on('action_item').columns(['advisor_id', 'status', 'due_date']).execute();

  await db.schema
    .createTable('dispute')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('evaluation_id', 'integer', (c) => c.notNull().references('evaluation.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('raised_by', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('raised_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('second_coach_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('second_evaluation_id', 'integer', (c) => c.references('evaluation.id'))
    .addColumn('outcome', 'varchar(16)')
    .addColumn('outcome_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('decided_at', 'varchar(40)')
    .execute();
  await db.schema.createIndex('dispute_evaluation_idx').on('dispute').column('evaluation_id').execute();
  await db.schema.createIndex('dispute_second_coach_idx').on('dispute').columns(['second_coach_id', 'outcome']).execute();

  await db.schema
    .createTable('evaluation_version')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('evaluation_id', 'integer', (c) => c.notNull().references('evaluation.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('change', 'varchar(32)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('changed_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evaluation_version_evaluation_idx').on('evaluation_version').columns(['evaluation_id', 'id']).execute();

  await db.schema
    .alterTable('evaluation')
    .addColumn('kind', 'varchar(16)', (c) => c.notNull().defaultTo('regular'))
    .execute();
  await db.schema
    .alterTable('evaluation')
    .addColumn('counts', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('evaluation')
    .addColumn('feedback_session_id', 'integer', (c) => c.references('feedback_session.id'))
    .execute();
  await db.schema.alterTable('evaluation').addColumn('discussed_on', 'varchar(10)').execute();

  // Evaluations finalised before this version get their first history entry from their current
  // state. Plain rows in and out, so the step reads the same on SQLite and PostgreSQL.
  const finished = await sql<{
    id: number;
    revision: number;
    status: string;
    tops: string;
    tips: string;
    score_pct: number | null;
    coach_id: number;
    at: string;
  }>`
    SELECT id, revision, status, tops, tips, score_pct, coach_id, COALESCE(finalized_at, updated_at) AS at
    FROM evaluation WHERE status <> 'draft'`.execute(db);
  for (const e of finished.rows) {
    const answers = await sql<{ criterion_id: number; value: number | null; na: number; note: string }>`
      SELECT criterion_id, value, na, note FROM answer WHERE evaluation_id = ${e.id}`.execute(db);
    const snapshot = {
      status: e.status,
      tops: e.tops,
      tips: e.tips,
      scorePct: e.score_pct,
      answers: answers.rows.map((a) => ({ criterionId: a.criterion_id, value: a.value, na: a.na === 1, note: a.note })),
    };
    await sql`
      INSERT INTO evaluation_version (evaluation_id, revision, change, note, changed_by, changed_at, snapshot_json)
      VALUES (${e.id}, ${e.revision}, 'finalized', '', ${e.coach_id}, ${e.at}, ${JSON.stringify(snapshot)})`.execute(db);
  }
}
