import { autoId } from './columns';
import type { Kysely } from 'kysely';

/** Frozen in time: written against an untyped handle so later schema changes cannot alter it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('employee_number', 'varchar(20)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('team', 'varchar(60)', (c) => c.notNull().defaultTo(''))
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('recording')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('original_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('stored_path', 'varchar(255)')
    .addColumn('peaks_path', 'varchar(255)')
    .addColumn('media_type', 'varchar(60)', (c) => c.notNull())
    .addColumn('container', 'varchar(40)', (c) => c.notNull())
    .addColumn('codec', 'varchar(60)', (c) => c.notNull())
    .addColumn('channels', 'integer', (c) => c.notNull())
    .addColumn('sample_rate', 'integer', (c) => c.notNull())
    .addColumn('duration_seconds', 'double precision', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('advisor_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('call_at', 'varchar(19)')
    .addColumn('topic', 'varchar(60)')
    .addColumn('imported_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('imported_by', 'integer', (c) => c.references('staff.id'))
    .execute();
  await db.schema.createIndex('recording_advisor_idx').on('recording').columns(['advisor_id', 'call_at']).execute();

  await db.schema
    .createTable('rubric')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('key', 'varchar(60)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rubric_version')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('rubric_id', 'integer', (c) => c.notNull().references('rubric.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('critical_zeroes_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', 'varchar(40)')
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addUniqueConstraint('rubric_version_unique', ['rubric_id', 'version'])
    .execute();

  await db.schema
    .createTable('rubric_section')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('rubric_version_id', 'integer', (c) => c.notNull().references('rubric_version.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('key', 'varchar(60)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rubric_criterion')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('rubric_version_id', 'integer', (c) => c.notNull().references('rubric_version.id'))
    .addColumn('section_id', 'integer', (c) => c.notNull().references('rubric_section.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('key', 'varchar(60)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('type', 'varchar(16)', (c) => c.notNull())
    .addColumn('scale_max', 'integer', (c) => c.notNull())
    .addColumn('levels_json', 'text', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('allow_na', 'integer', (c) => c.notNull())
    .addColumn('critical_class', 'varchar(16)')
    .execute();
  await db.schema.createIndex('rubric_criterion_version_idx').on('rubric_criterion').column('rubric_version_id').execute();

  await db.schema
    .createTable('evaluation')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('recording_id', 'integer', (c) => c.notNull().references('recording.id'))
    .addColumn('advisor_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('coach_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('rubric_version_id', 'integer', (c) => c.notNull().references('rubric_version.id'))
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('tops', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tips', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('score_pct', 'double precision')
    .addColumn('critical_customer', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('critical_business', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('critical_compliance', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('has_critical_error', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('finalized_at', 'varchar(40)')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('evaluation_advisor_period_idx').on('evaluation').columns(['advisor_id', 'period']).execute();
  await db.schema.createIndex('evaluation_recording_idx').on('evaluation').column('recording_id').execute();
  await db.schema.createIndex('evaluation_coach_period_idx').on('evaluation').columns(['coach_id', 'period']).execute();

  await db.schema
    .createTable('answer')
    .addColumn('evaluation_id', 'integer', (c) => c.notNull().references('evaluation.id').onDelete('cascade'))
    .addColumn('criterion_id', 'integer', (c) => c.notNull().references('rubric_criterion.id'))
    .addColumn('value', 'integer')
    .addColumn('na', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('answer_pk', ['evaluation_id', 'criterion_id'])
    .execute();

  await db.schema
    .createTable('marker')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('recording_id', 'integer', (c) => c.notNull().references('recording.id'))
    .addColumn('evaluation_id', 'integer', (c) => c.references('evaluation.id'))
    .addColumn('criterion_id', 'integer', (c) => c.references('rubric_criterion.id'))
    .addColumn('at_seconds', 'double precision', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('marker_recording_idx').on('marker').columns(['recording_id', 'at_seconds']).execute();

  await db.schema
    .createTable('setting')
    .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .execute();
}
