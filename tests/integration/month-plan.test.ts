import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addQuotaOverride, assignCoach, coachOn, monthPlan } from '../../src-main/core/coaching/plan';
import { AppError } from '../../src-main/core/errors';
import { createTempCore, type TempCore } from '../support/core';
import { insertRecording, insertStaff } from '../support/seed';

let t: TempCore;
beforeEach(async () => {
  t = await createTempCore();
});
afterEach(() => t.cleanup());

describe('the month plan', () => {
  it('counts planned and done per advisor, with overrides and only finished evaluations as done', async () => {
    const sanne = await insertStaff(t.core, 'advisor', 'Sanne de Vries');
    const noor = await insertStaff(t.core, 'advisor', 'Noor Yilmaz');
    const coach = await insertStaff(t.core, 'coach', 'Karim Bouzid');
    await addQuotaOverride(t.core.db, coach, { advisorId: noor, fromPeriod: '2026-11', toPeriod: null, perMonth: 2, reason: 'parttime' });
    const rubricVersion = (await t.core.db.selectFrom('rubric_version').select('id').executeTakeFirstOrThrow()).id;
    for (const status of ['final', 'discussed', 'draft'] as const) {
      const recording = await insertRecording(t.core, sanne);
      await t.core.db
        .insertInto('evaluation')
        .values({
          recording_id: recording,
          advisor_id: sanne,
          coach_id: coach,
          rubric_version_id: rubricVersion,
          period: '2026-11',
          status,
          tops: '',
          tips: '',
          score_pct: 80,
          critical_customer: 0,
          critical_business: 0,
          critical_compliance: 0,
          has_critical_error: 0,
          created_at: 'x',
          updated_at: 'x',
          finalized_at: null,
        })
        .execute();
    }
    const plan = await monthPlan(t.core.db, '2026-11');
    expect(plan).toEqual([
      expect.objectContaining({ name: 'Noor Yilmaz', planned: 2, done: 0 }),
      expect.objectContaining({ name: 'Sanne de Vries', planned: 4, done: 2 }),
    ]);
  });

  it('refuses overrides for non-advisors and backwards periods', async () => {
    const coach = await insertStaff(t.core, 'coach', 'Karim Bouzid');
    const advisor = await insertStaff(t.core, 'advisor', 'Sanne de Vries');
    const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));
    expect(
      codeOf(
        await addQuotaOverride(t.core.db, null, {
          advisorId: coach,
          fromPeriod: '2026-11',
          toPeriod: null,
          perMonth: 2,
          reason: 'x',
        }).catch((e) => e),
      ),
    ).toBe('not_an_advisor');
    expect(
      codeOf(
        await addQuotaOverride(t.core.db, null, {
          advisorId: advisor,
          fromPeriod: '2026-11',
          toPeriod: '2026-10',
          perMonth: 2,
          reason: 'x',
        }).catch((e) => e),
      ),
    ).toBe('invalid_input');
  });
});

describe('coach assignment', () => {
  it('keeps history when an advisor moves to another coach', async () => {
    const advisor = await insertStaff(t.core, 'advisor', 'Sanne de Vries');
    const karim = await insertStaff(t.core, 'coach', 'Karim Bouzid');
    const ellen = await insertStaff(t.core, 'coach', 'Ellen Jansen');
    await assignCoach(t.core.db, advisor, karim, '2026-01-01');
    await assignCoach(t.core.db, advisor, ellen, '2026-11-15');
    expect(await coachOn(t.core.db, advisor, '2025-12-31')).toBeNull();
    expect(await coachOn(t.core.db, advisor, '2026-06-01')).toBe(karim);
    expect(await coachOn(t.core.db, advisor, '2026-11-14')).toBe(karim);
    expect(await coachOn(t.core.db, advisor, '2026-11-15')).toBe(ellen);
    expect(await t.core.db.selectFrom('coach_assignment').select('id').execute()).toHaveLength(2);
  });
});
