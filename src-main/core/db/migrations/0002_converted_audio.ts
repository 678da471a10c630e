import type { Kysely } from 'kysely';

/**
 * Recordings Chromium cannot play (GSM 6.10, ADPCM, G.722 WAV) are converted at import: the
 * player's file stays in stored_path/media_type, the file as it came in is kept here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('recording').addColumn('original_path', 'varchar(255)').execute();
  await db.schema.alterTable('recording').addColumn('original_media_type', 'varchar(60)').execute();
}
