import { autoId } from './columns';
import type { Kysely } from 'kysely';

/**
 * Calibration sessions: several coaches score the same call blind, on one rubric version, and
 * compare. Each participant's scoring is an evaluation of kind `calibration` that never counts
 * (quota, trends, reports); the session keeps the agreed answer per criterion afterwards.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calibration_session')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('title', 'varchar(120)', (c) => c.notNull())
    .addColumn('recording_id', 'integer', (c) => c.notNull().references('recording.id'))
    .addColumn('rubric_version_id', 'integer', (c) => c.notNull().references('rubric_version.id'))
    .addColumn('reference_coach_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('deadline', 'varchar(10)')
    .addColumn('status', 'varchar(10)', (c) => c.notNull().defaultTo('open'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('closed_at', 'varchar(40)')
    .addColumn('closed_by', 'integer', (c) => c.references('staff.id'))
    .execute();

  await db.schema
    .createTable('calibration_participant')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('calibration_session.id').onDelete('cascade'))
    .addColumn('coach_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('evaluation_id', 'integer', (c) => c.references('evaluation.id'))
    .addPrimaryKeyConstraint('calibration_participant_pk', ['session_id', 'coach_id'])
    .execute();
  await db.schema.createIndex('calibration_participant_evaluation_idx').on('calibration_participant').column('evaluation_id').execute();

  await db.schema
    .createTable('calibration_consensus')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('calibration_session.id').onDelete('cascade'))
    .addColumn('criterion_id', 'integer', (c) => c.notNull().references('rubric_criterion.id'))
    .addColumn('value', 'integer')
    .addColumn('na', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('guidance_note', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('calibration_consensus_pk', ['session_id', 'criterion_id'])
    .execute();
}
