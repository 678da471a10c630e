import { autoId } from './columns';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('recording').addColumn('audio_removed_at', 'varchar(40)').execute();
  await db.schema
    .createTable('retention_log')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('ran_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('recording_id', 'integer', (c) => c.notNull().references('recording.id'))
    .addColumn('original_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('bytes_freed', 'bigint', (c) => c.notNull())
    .execute();
}
