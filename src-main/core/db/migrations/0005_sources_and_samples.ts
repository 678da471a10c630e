import { autoId } from './columns';
import type { Kysely } from 'kysely';

/** Folder sources indexed in place (names and headers only) and the monthly random samples drawn from them. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('source')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('root_path', 'varchar(1000)', (c) => c.notNull())
    .addColumn('patterns_json', 'text', (c) => c.notNull())
    .addColumn('advisor_channel', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('last_scan_at', 'varchar(40)')
    .execute();

  await db.schema
    .createTable('source_file')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('source_id', 'integer', (c) => c.notNull().references('source.id').onDelete('cascade'))
    .addColumn('relative_path', 'varchar(1000)', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('mtime_ms', 'bigint', (c) => c.notNull())
    .addColumn('container', 'varchar(40)')
    .addColumn('codec', 'varchar(60)')
    .addColumn('channels', 'integer')
    .addColumn('sample_rate', 'integer')
    .addColumn('duration_seconds', 'double precision')
    .addColumn('call_at', 'varchar(19)')
    .addColumn('employee_number', 'varchar(20)')
    .addColumn('advisor_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('topic', 'varchar(60)')
    .addColumn('direction', 'varchar(10)')
    .addColumn('call_id', 'varchar(100)')
    .addColumn('match_status', 'varchar(16)', (c) => c.notNull())
    .addColumn('problem', 'text')
    .addColumn('recording_id', 'integer', (c) => c.references('recording.id'))
    .addColumn('indexed_at', 'varchar(40)', (c) => c.notNull())
    .addUniqueConstraint('source_file_path_unique', ['source_id', 'relative_path'])
    .execute();
  await db.schema.createIndex('source_file_advisor_call_idx').on('source_file').columns(['advisor_id', 'call_at']).execute();
  await db.schema.createIndex('source_file_recording_idx').on('source_file').column('recording_id').execute();

  await db.schema
    .createTable('scan_run')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('source_id', 'integer', (c) => c.notNull().references('source.id').onDelete('cascade'))
    .addColumn('started_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(40)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('files_seen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('files_new', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('files_changed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('files_unmatched', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('problem', 'text')
    .execute();

  await db.schema
    .createTable('sample')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('seed', 'varchar(64)', (c) => c.notNull())
    .addColumn('drawn_by', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('drawn_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('settings_json', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sample_item')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('sample_id', 'integer', (c) => c.notNull().references('sample.id').onDelete('cascade'))
    .addColumn('advisor_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('source_file_id', 'integer', (c) => c.references('source_file.id'))
    .addColumn('recording_id', 'integer', (c) => c.references('recording.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    /** Why this call: the stratum (week, topic) and the random draw, in words a coach can repeat. */
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('replaced_by', 'integer')
    .addColumn('replace_reason', 'text')
    .addColumn('replaced_at', 'varchar(40)')
    .execute();
  await db.schema.createIndex('sample_item_advisor_idx').on('sample_item').columns(['advisor_id', 'sample_id']).execute();
}
