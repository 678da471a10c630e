import type { Kysely } from 'kysely';

/**
 * Indexes for the reports (issue 5), measured on 3 million answers (`npm run bench`):
 * - evaluation by month: the team summary and sparklines read whole months across every advisor,
 *   which without it is a scan of the evaluation table;
 * - evaluation by advisor and month, covering what the trend and the team line read, so months of
 *   one advisor or team are answered from the index alone;
 * - answer by evaluation, covering the n.v.t. flag and the value: the primary key finds an
 *   evaluation's answers too, but each row then costs a second lookup in the table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Deliberately not covering: a covering month index tempts the planner to read a team's months
  // as a range over every advisor instead of probing the advisor index once per team member.
  await db.schema.createIndex('evaluation_period_idx').on('evaluation').columns(['period', 'advisor_id']).execute();
  await db.schema
    .createIndex('evaluation_advisor_report_idx')
    .on('evaluation')
    .columns([
      'advisor_id',
      'period',
      'counts',
      'status',
      'score_pct',
      'has_critical_error',
      'critical_customer',
      'critical_business',
      'critical_compliance',
    ])
    .execute();
  // criterion_id right after evaluation_id keeps the primary key's row order for queries that
  // read an evaluation's answers without ORDER BY and happen to pick this index.
  await db.schema.createIndex('answer_report_idx').on('answer').columns(['evaluation_id', 'criterion_id', 'na', 'value']).execute();
}
