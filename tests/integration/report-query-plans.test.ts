import { sqliteOf } from '../../src-main/core/db/connection';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src-main/core/db/schema';
import { teamMonth } from '../../src-main/core/reports/team-month';
import { advisorTrend, staffSparklines } from '../../src-main/core/reports/trend';
import { seedReportsDatabase } from '../bench/reports';
import { createTempCore, type TempCore } from '../support/core';

/*
 * Every query the reports run is captured and explained. The big tables (answer: millions of
 * rows; evaluation: a hundred thousand) must never be scanned whole, and the paths that carry
 * the weight must use the report indexes of migration 0008. Small tables (staff, settings,
 * assignments, action points) may be scanned.
 */

let t: TempCore;
const today = '2026-11-30';

beforeAll(async () => {
  t = await createTempCore();
  // The bench's generator, smaller: 40 advisors × 12 months × 4 evaluations × 25 criteria.
  await seedReportsDatabase(t.core, { advisors: 40, teams: 4, coaches: 8, first: '2025-12', last: '2026-11' });
});
afterAll(() => t.cleanup());

/** Runs the reports on a second kysely over the same connection that records every query. */
async function reportQueries(): Promise<CompiledQuery[]> {
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqliteOf(t.core) }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  const advisor = await db.selectFrom('staff').select('id').where('role', '=', 'advisor').orderBy('id').executeTakeFirstOrThrow();
  await advisorTrend(db, { advisorId: advisor.id, teamLines: true }, today);
  await teamMonth(db, { period: '2026-10' }, today);
  await teamMonth(db, { period: '2026-10', team: 'Team 1' }, today);
  await staffSparklines(db, {}, today);
  return captured;
}

function planOf(query: CompiledQuery): string[] {
  const rows = sqliteOf(t.core)
    .prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
    .all(...query.parameters) as { detail: string }[];
  return rows.map((r) => r.detail);
}

/** What is wrong with the plans, as readable lines; empty when all is well. */
function planProblems(queries: readonly CompiledQuery[]): string[] {
  const problems: string[] = [];
  const plans = queries.map((q) => ({ sql: q.sql, plan: planOf(q) }));
  for (const { sql, plan } of plans) {
    for (const step of plan) {
      if (/^SCAN (answer|evaluation)\b/.test(step)) problems.push(`${step} in: ${sql.slice(0, 160)}`);
    }
  }
  const answerSteps = plans.flatMap((p) => p.plan).filter((step) => /\banswer\b/.test(step));
  if (answerSteps.length === 0) problems.push('no query read the answer table');
  for (const step of answerSteps) {
    if (!step.includes('COVERING INDEX answer_report_idx')) problems.push(`answers not read from answer_report_idx: ${step}`);
  }
  const monthSteps = plans.filter((p) => /"evaluation"\."period" = \?/.test(p.sql)).flatMap((p) => p.plan);
  if (!monthSteps.some((step) => step.includes('evaluation_period_idx'))) problems.push('no month query used evaluation_period_idx');
  if (!plans.flatMap((p) => p.plan).some((step) => step.includes('COVERING INDEX evaluation_advisor_report_idx'))) {
    problems.push('no advisor query used evaluation_advisor_report_idx');
  }
  return problems;
}

describe('report query plans', () => {
  it('reach answers and evaluations through the report indexes, never by a full scan', async () => {
    const queries = await reportQueries();
    expect(queries.length).toBeGreaterThan(10);
    expect(planProblems(queries)).toEqual([]);
  });

  it('would be caught without the indexes of migration 0008', async () => {
    const queries = await reportQueries();
    sqliteOf(t.core).exec('DROP INDEX evaluation_period_idx; DROP INDEX answer_report_idx; DROP INDEX evaluation_advisor_report_idx');
    try {
      const problems = planProblems(queries);
      expect(problems.some((p) => p.startsWith('SCAN evaluation'))).toBe(true);
      expect(problems.some((p) => p.startsWith('answers not read from answer_report_idx'))).toBe(true);
      expect(problems).toContain('no month query used evaluation_period_idx');
    } finally {
      sqliteOf(t.core).exec(`
        CREATE INDEX evaluation_period_idx ON evaluation (period, advisor_id);
        CREATE INDEX evaluation_advisor_report_idx ON evaluation (advisor_id, period, counts, status, score_pct,
          has_critical_error, critical_customer, critical_business, critical_compliance);
        CREATE INDEX answer_report_idx ON answer (evaluation_id, criterion_id, na, value);`);
    }
  });
});
