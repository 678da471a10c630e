import type { Kysely } from 'kysely';

/**
 * Team mode: several workstations on one database.
 * - Rubric drafts get the version counter evaluations already have, so two people editing the
 *   same draft get a conflict instead of a lost update.
 * - Staff who sign in (coaches, managers, trainers) get a password hash (scrypt, with its
 *   parameters in the string). Null: no password set yet; a manager sets a first one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('rubric_version')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('staff').addColumn('password_hash', 'varchar(300)').execute();
  await db.schema.alterTable('staff').addColumn('password_set_at', 'varchar(40)').execute();
}
