import type { Kysely } from 'kysely';

/**
 * Call analysis (silence/hold, talk-over, talk share) per recording, as the contract's JSON. Kept
 * when retention removes the audio: it holds timings only, no content.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('call_analysis')
    .addColumn('recording_id', 'integer', (c) => c.primaryKey().references('recording.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .execute();
}
