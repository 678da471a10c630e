import { autoId } from './columns';
import type { Kysely } from 'kysely';

/** The monthly plan: per-advisor quota overrides for a period, and which coach follows whom (with history). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('quota_override')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('advisor_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('from_period', 'varchar(7)', (c) => c.notNull())
    .addColumn('to_period', 'varchar(7)')
    .addColumn('per_month', 'integer', (c) => c.notNull())
    .addColumn('reason', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quota_override_advisor_idx').on('quota_override').columns(['advisor_id', 'from_period']).execute();

  await db.schema
    .createTable('coach_assignment')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('advisor_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('coach_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('from_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('to_date', 'varchar(10)')
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coach_assignment_advisor_idx').on('coach_assignment').columns(['advisor_id', 'from_date']).execute();
  await db.schema.createIndex('coach_assignment_coach_idx').on('coach_assignment').columns(['coach_id', 'from_date']).execute();
}
