import { describe, expect, it } from 'vitest';
import { plannedEvaluations, type QuotaInput } from '../../src-main/core/coaching/quota';

const base: QuotaInput = { period: '2026-11', defaultPerMonth: 4, startDate: '2024-02-01', status: 'active', overrides: [] };

describe('plannedEvaluations', () => {
  it('plans the default for an advisor in service all month', () => {
    expect(plannedEvaluations(base)).toEqual({ planned: 4, explanation: 'standaard 4 per maand', adjusted: false });
  });

  it('applies an override only within its months, open-ended until further notice', () => {
    const overrides = [{ fromPeriod: '2026-10', toPeriod: '2026-11', perMonth: 2, reason: 'parttime' }];
    expect(plannedEvaluations({ ...base, overrides }).planned).toBe(2);
    expect(plannedEvaluations({ ...base, period: '2026-12', overrides }).planned).toBe(4);
    expect(plannedEvaluations({ ...base, period: '2026-09', overrides }).planned).toBe(4);
    const open = [{ fromPeriod: '2026-10', toPeriod: null, perMonth: 8, reason: 'nieuwe medewerker' }];
    expect(plannedEvaluations({ ...base, period: '2027-06', overrides: open }).planned).toBe(8);
  });

  it('lets the newest arrangement win where overrides overlap, and leave plan nothing', () => {
    const overrides = [
      { fromPeriod: '2026-01', toPeriod: null, perMonth: 2, reason: 'parttime' },
      { fromPeriod: '2026-11', toPeriod: '2026-11', perMonth: 0, reason: 'verlof' },
    ];
    expect(plannedEvaluations({ ...base, overrides })).toEqual({
      planned: 0,
      explanation: 'afwijking: 0 per maand (verlof)',
      adjusted: true,
    });
    expect(plannedEvaluations({ ...base, period: '2026-12', overrides }).planned).toBe(2);
  });

  it('gives a mid-month joiner a share by days in service, rounded up', () => {
    // 16 November: 15 of 30 days → 4 × 0.5 = 2.
    expect(plannedEvaluations({ ...base, startDate: '2026-11-16' }).planned).toBe(2);
    // 30 November: 1 of 30 days → 4/30, rounded up to 1.
    expect(plannedEvaluations({ ...base, startDate: '2026-11-30' }).planned).toBe(1);
    // A new hire's override of 8, joining 11 November: 20 of 30 days → 5.33 → 6.
    const overrides = [{ fromPeriod: '2026-11', toPeriod: '2027-01', perMonth: 8, reason: 'nieuwe medewerker' }];
    const joiner = plannedEvaluations({ ...base, startDate: '2026-11-11', status: 'onboarding', overrides });
    expect(joiner.planned).toBe(6);
    expect(joiner.explanation).toContain('20 van 30 dagen');
    // Joining on the 1st is a whole month.
    expect(plannedEvaluations({ ...base, startDate: '2026-11-01' }).planned).toBe(4);
  });

  it('plans nothing before someone starts or after they left', () => {
    expect(plannedEvaluations({ ...base, startDate: '2026-12-01' }).planned).toBe(0);
    expect(plannedEvaluations({ ...base, status: 'left' }).planned).toBe(0);
  });
});
