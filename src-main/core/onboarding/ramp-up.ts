import type { RampUp } from '../../contract';
import type { Db } from '../db/connection';
import { notFound } from '../errors';
import { addMonths, periodOf } from './schedule';

/** Long enough to see a new hire level off; the trend report covers the years after. */
const rampUpMonths = 6;

interface Tally {
  period: string;
  n: number;
  sum: number;
}

async function monthlyScores(db: Db, advisorIds: readonly number[], from: string, to: string): Promise<Map<string, Tally>> {
  if (advisorIds.length === 0) return new Map();
  // Finished evaluations that count: the same ones the month plan and the reports count.
  const rows = await db
    .selectFrom('evaluation')
    .select(['period', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('score_pct').as('total')])
    .where('advisor_id', 'in', [...advisorIds])
    .where('period', '>=', from)
    .where('period', '<=', to)
    .where('status', '!=', 'draft')
    .where('counts', '=', 1)
    .where('score_pct', 'is not', null)
    .groupBy('period')
    .execute();
  return new Map(rows.map((r) => [r.period, { period: r.period, n: Number(r.n), sum: Number(r.total ?? 0) }]));
}

const mean = (t: Tally | undefined) => (t && t.n > 0 ? Math.round((t.sum / t.n) * 10) / 10 : null);

/**
 * The new hire's monthly average score from the start month on, next to the rest of their team's,
 * so the team manager sees when the new colleague catches up.
 */
export async function onboardingRampUp(db: Db, onboardingId: number, today: string): Promise<RampUp> {
  const track = await db
    .selectFrom('onboarding')
    .select(['id', 'staff_id', 'start_date'])
    .where('id', '=', onboardingId)
    .executeTakeFirst();
  if (!track) throw notFound(`Inwerktraject ${onboardingId}`);
  const person = await db.selectFrom('staff').select(['id', 'name', 'team']).where('id', '=', track.staff_id).executeTakeFirstOrThrow();
  const from = periodOf(track.start_date);
  const last = addMonths(from, rampUpMonths - 1);
  const to = last < periodOf(today) ? last : periodOf(today);
  const periods: string[] = [];
  for (let p = from; p <= to; p = addMonths(p, 1)) periods.push(p);

  const teamIds = (
    await db
      .selectFrom('staff')
      .select('id')
      .where('role', '=', 'advisor')
      .where('team', '=', person.team)
      .where('id', '!=', person.id)
      .execute()
  ).map((r) => r.id);
  const own = await monthlyScores(db, [person.id], from, to);
  const team = await monthlyScores(db, teamIds, from, to);
  return {
    onboardingId: track.id,
    staffId: person.id,
    name: person.name,
    team: person.team,
    months: periods.map((period) => ({
      period,
      pct: mean(own.get(period)),
      n: own.get(period)?.n ?? 0,
      teamPct: mean(team.get(period)),
      teamN: team.get(period)?.n ?? 0,
    })),
  };
}
