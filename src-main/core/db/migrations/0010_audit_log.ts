import { sql, type Kysely } from 'kysely';
import { autoId, isSqlite } from './columns';

/**
 * The audit trail: who changed what, when, before and after, for final evaluations, published
 * rubrics, staff records, settings and the privacy actions. Append only: the database itself
 * refuses to change or delete an entry, except the redaction anonymisation needs (which
 * must set `redacted_at` and keep who, when and what).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('at', 'varchar(40)', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('entity', 'varchar(20)', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('action', 'varchar(40)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('redacted_at', 'varchar(40)')
    .execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id', 'id']).execute();

  await db.schema.alterTable('staff').addColumn('anonymised_at', 'varchar(40)').execute();

  if (isSqlite(db)) {
    await sql`
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
    `.execute(db);
    await sql`
      CREATE TRIGGER audit_log_redact_only BEFORE UPDATE ON audit_log
      WHEN NEW.redacted_at IS NULL
        OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.actor_id IS NOT OLD.actor_id
        OR NEW.entity IS NOT OLD.entity OR NEW.entity_id IS NOT OLD.entity_id OR NEW.action IS NOT OLD.action
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
    `.execute(db);
  } else {
    // Team mode (PostgreSQL): the same two rules in its own trigger language.
    await sql`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.redacted_at IS NULL
          OR NEW.id IS DISTINCT FROM OLD.id OR NEW.at IS DISTINCT FROM OLD.at
          OR NEW.actor_id IS DISTINCT FROM OLD.actor_id OR NEW.entity IS DISTINCT FROM OLD.entity
          OR NEW.entity_id IS DISTINCT FROM OLD.entity_id OR NEW.action IS DISTINCT FROM OLD.action THEN
          RAISE EXCEPTION 'audit_log is append-only';
        END IF;
        RETURN NEW;
      END $$
    `.execute(db);
    await sql`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()
    `.execute(db);
  }
}
