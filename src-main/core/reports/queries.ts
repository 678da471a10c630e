import { sql } from 'kysely';
import type { Db } from '../db/connection';

/**
 * The report queries, one builder each, so the query-plan test explains exactly what the reports
 * run. All start from `evaluation` and reach `answer` per evaluation through answer_report_idx:
 * the answer table (millions of rows) is never scanned.
 */

/** Finished evaluations that count: a second opinion only when it replaced the original. */
export const countedEvaluations = (db: Db) =>
  db.selectFrom('evaluation').where('evaluation.status', '!=', 'draft').where('evaluation.counts', '=', 1);

/** One advisor's counted evaluations in a range of months (newest months last). */
export const advisorEvaluationsQuery = (db: Db, advisorId: number, from: string, to: string) =>
  countedEvaluations(db)
    .select([
      'evaluation.id',
      'evaluation.period',
      'evaluation.score_pct',
      'evaluation.critical_customer',
      'evaluation.critical_business',
      'evaluation.critical_compliance',
      'evaluation.has_critical_error',
    ])
    .where('evaluation.advisor_id', '=', advisorId)
    .where('evaluation.period', '>=', from)
    .where('evaluation.period', '<=', to)
    .orderBy('evaluation.period')
    .orderBy('evaluation.id');

/**
 * The applicable answers (not n.v.t., answered) of one advisor's counted evaluations in a range of
 * months: small rows of ids and values; scoring's achievedFraction turns them into figures.
 */
export const advisorAnswersQuery = (db: Db, advisorId: number, from: string, to: string) =>
  countedEvaluations(db)
    .innerJoin('answer', 'answer.evaluation_id', 'evaluation.id')
    .select(['evaluation.id as evaluation_id', 'evaluation.period', 'answer.criterion_id', 'answer.value'])
    .where('evaluation.advisor_id', '=', advisorId)
    .where('evaluation.period', '>=', from)
    .where('evaluation.period', '<=', to)
    .where('answer.na', '=', 0)
    .where('answer.value', 'is not', null)
    .$narrowType<{ value: number }>();

/**
 * Monthly count and score sum of a set of advisors (a team). Probes the (advisor_id, period)
 * index once per advisor, which reads a team's rows only, not the whole month.
 */
export const advisorsMonthlyScoresQuery = (db: Db, advisorIds: readonly number[], from: string, to: string) =>
  countedEvaluations(db)
    .select((eb) => [
      'evaluation.period',
      eb.fn.countAll<number>().as('n'),
      eb.fn.count<number>('evaluation.score_pct').as('scored'),
      eb.fn.sum<number | null>('evaluation.score_pct').as('score_sum'),
    ])
    .where('evaluation.advisor_id', 'in', [...advisorIds])
    .where('evaluation.period', '>=', from)
    .where('evaluation.period', '<=', to)
    .groupBy('evaluation.period');

/** Every advisor's mean score per month over a range (sparklines). */
export const monthlyScoresPerAdvisorQuery = (db: Db, from: string, to: string) =>
  countedEvaluations(db)
    .select((eb) => ['evaluation.advisor_id', 'evaluation.period', eb.fn.avg<number | null>('evaluation.score_pct').as('score')])
    .where('evaluation.period', '>=', from)
    .where('evaluation.period', '<=', to)
    .groupBy(['evaluation.advisor_id', 'evaluation.period']);

/** The counted evaluations of one month, everything the summary needs per evaluation. */
export const monthEvaluationsQuery = (db: Db, period: string) =>
  countedEvaluations(db)
    .select([
      'evaluation.id',
      'evaluation.advisor_id',
      'evaluation.score_pct',
      'evaluation.critical_customer',
      'evaluation.critical_business',
      'evaluation.critical_compliance',
      'evaluation.has_critical_error',
      'evaluation.finalized_at',
      'evaluation.discussed_on',
    ])
    .where('evaluation.period', '=', period);

/**
 * How often each value was given per criterion (id, so per rubric version) over one month's
 * counted evaluations, optionally of a set of advisors: a few rows per criterion, whatever the
 * team's size. Versions are merged by key, and misses told apart, by the caller.
 */
export const monthAnswerValuesQuery = (db: Db, period: string, advisorIds: readonly number[] | null) => {
  let query = countedEvaluations(db)
    .innerJoin('answer', 'answer.evaluation_id', 'evaluation.id')
    .select((eb) => ['answer.criterion_id', 'answer.value', eb.fn.countAll<number>().as('n')])
    .where('evaluation.period', '=', period)
    .where('answer.na', '=', 0)
    .where('answer.value', 'is not', null)
    .groupBy(['answer.criterion_id', 'answer.value'])
    .$narrowType<{ value: number }>();
  if (advisorIds !== null) query = query.where('evaluation.advisor_id', 'in', [...advisorIds]);
  return query;
};

/**
 * How often each value was given per criterion (id) and month over the counted evaluations of a set
 * of advisors (a team) in a range of months: the sibling of monthAnswerValuesQuery for the trend's
 * team line, a few rows per criterion and month whatever the team's size.
 */
export const advisorsAnswerValuesQuery = (db: Db, advisorIds: readonly number[], from: string, to: string) =>
  countedEvaluations(db)
    .innerJoin('answer', 'answer.evaluation_id', 'evaluation.id')
    .select((eb) => ['evaluation.period', 'answer.criterion_id', 'answer.value', eb.fn.countAll<number>().as('n')])
    .where('evaluation.advisor_id', 'in', [...advisorIds])
    .where('evaluation.period', '>=', from)
    .where('evaluation.period', '<=', to)
    .where('answer.na', '=', 0)
    .where('answer.value', 'is not', null)
    .groupBy(['evaluation.period', 'answer.criterion_id', 'answer.value'])
    .$narrowType<{ value: number }>();

/**
 * Per month and section key, over the counted evaluations of a set of advisors: how many
 * evaluations had an applicable answer in the section (`n`) and the sum of their section scores
 * (`pct_sum`, each Σweight·achieved / Σweight × 100). The achieved fraction is scoring's
 * achievedFraction in SQL: yes/no → the value (1 achieved, else 0); scale → (value − 1) / (max − 1).
 * Aggregated in SQL so a team's tens of thousands of answers never reach JS.
 */
export const advisorsSectionScoresQuery = (db: Db, advisorIds: readonly number[], from: string, to: string) => {
  const perEvaluation = countedEvaluations(db)
    .innerJoin('answer', 'answer.evaluation_id', 'evaluation.id')
    .innerJoin('rubric_criterion', 'rubric_criterion.id', 'answer.criterion_id')
    .select((eb) => [
      'evaluation.period',
      'rubric_criterion.section_id',
      // Floating point throughout: a bare 1.0 is PostgreSQL's exact (and slow) numeric type.
      sql<number>`sum(rubric_criterion.weight * (case when rubric_criterion.type = 'yes_no'
          then (case when answer.value = 1 then cast(1 as double precision) else 0 end)
        else cast(answer.value - 1 as double precision) / (rubric_criterion.scale_max - 1) end))
        * cast(100 as double precision) / ${eb.fn.sum('rubric_criterion.weight')}`.as('section_pct'),
    ])
    .where('evaluation.advisor_id', 'in', [...advisorIds])
    .where('evaluation.period', '>=', from)
    .where('evaluation.period', '<=', to)
    .where('answer.na', '=', 0)
    .where('answer.value', 'is not', null)
    .groupBy(['evaluation.id', 'rubric_criterion.section_id'])
    .having((eb) => eb.fn.sum('rubric_criterion.weight'), '>', 0);
  // Sections are joined after grouping: one lookup per section and month, not per answer.
  return db
    .selectFrom(perEvaluation.as('per_evaluation'))
    .innerJoin('rubric_section', 'rubric_section.id', 'per_evaluation.section_id')
    .select((eb) => [
      'per_evaluation.period',
      'rubric_section.key as section_key',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('per_evaluation.section_pct').as('pct_sum'),
    ])
    .groupBy(['per_evaluation.period', 'rubric_section.key']);
};
