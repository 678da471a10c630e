import { autoId } from './columns';
import { sql, type Kysely } from 'kysely';

/**
 * Onboarding: programs trainers edit, and per new hire a track with its own copy of the program's
 * items (so editing a program never rewrites a running track), the buddy's ladder and check-ins.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('onboarding_program')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('name', 'varchar(120)', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('weeks', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('onboarding_program_item')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('program_id', 'integer', (c) => c.notNull().references('onboarding_program.id').onDelete('cascade'))
    .addColumn('week', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('category', 'varchar(60)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('onboarding_program_item_program_idx')
    .on('onboarding_program_item')
    .columns(['program_id', 'position'])
    .execute();

  await db.schema
    .createTable('onboarding')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('trainer_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('buddy_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('program_id', 'integer', (c) => c.references('onboarding_program.id').onDelete('set null'))
    .addColumn('program_name', 'varchar(120)', (c) => c.notNull())
    .addColumn('training_weeks', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    // No foreign key: the planner may remove the override; the track then simply shows none.
    .addColumn('quota_override_id', 'integer')
    .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('completed_on', 'varchar(10)')
    .addColumn('completed_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('completion_note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // One running track per person; completed ones stay as history.
  await db.schema
    .createIndex('onboarding_running_staff_idx')
    .on('onboarding')
    .column('staff_id')
    .unique()
    .where(sql<boolean>`status = 'running'`)
    .execute();
  await db.schema.createIndex('onboarding_trainer_idx').on('onboarding').columns(['trainer_id', 'status']).execute();
  await db.schema.createIndex('onboarding_staff_idx').on('onboarding').columns(['staff_id', 'start_date']).execute();

  await db.schema
    .createTable('onboarding_item')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('onboarding_id', 'integer', (c) => c.notNull().references('onboarding.id'))
    .addColumn('week', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('category', 'varchar(60)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('signed_off_on', 'varchar(10)')
    .addColumn('signed_off_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('signed_off_at', 'varchar(40)')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('onboarding_item_onboarding_idx').on('onboarding_item').columns(['onboarding_id', 'position']).execute();

  await db.schema
    .createTable('onboarding_level')
    .addColumn('onboarding_id', 'integer', (c) => c.notNull().references('onboarding.id'))
    .addColumn('level', 'varchar(32)', (c) => c.notNull())
    .addColumn('reached_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('recorded_at', 'varchar(40)', (c) => c.notNull())
    .addPrimaryKeyConstraint('onboarding_level_pk', ['onboarding_id', 'level'])
    .execute();

  await db.schema
    .createTable('buddy_checkin')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('onboarding_id', 'integer', (c) => c.notNull().references('onboarding.id'))
    .addColumn('buddy_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('held_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('level', 'varchar(32)', (c) => c.notNull())
    .addColumn('went_well', 'text', (c) => c.notNull())
    .addColumn('to_practise', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('buddy_checkin_onboarding_idx').on('buddy_checkin').columns(['onboarding_id', 'held_on']).execute();
}
