import { describe, expect, it } from 'vitest';
import { median, periodsBetween, shiftPeriod } from '../../src-main/core/reports/periods';
import { declineAlerts, resolveRange } from '../../src-main/core/reports/trend';

/** Monthly tallies from plain scores: each score is one evaluation. */
const tallies = (months: Record<string, number[]>) =>
  new Map(
    Object.entries(months).map(([period, scores]) => [
      period,
      { n: scores.length, scored: scores.length, scoreSum: scores.reduce((s, v) => s + v, 0) },
    ]),
  );

describe('decline alert', () => {
  it('fires on a drop of exactly 10 points against the evaluation-weighted mean of the three months before', () => {
    // Before 2026-04: 90 (one call), 80 + 80 (two), 86 (one) → (90 + 160 + 86)/4 = 84; 84 − 74 = 10.
    const t = tallies({ '2026-01': [90], '2026-02': [80, 80], '2026-03': [86], '2026-04': [74] });
    expect(declineAlerts('2026-04', t, 70)).toEqual([{ rule: 'drop_vs_rolling', period: '2026-04', scorePct: 74, referencePct: 84 }]);
    const less = tallies({ '2026-01': [90], '2026-02': [80, 80], '2026-03': [86], '2026-04': [74.01] });
    expect(declineAlerts('2026-04', less, 70)).toEqual([]);
  });

  it('needs two consecutive calendar months under target; a month without evaluations breaks the run', () => {
    expect(declineAlerts('2026-05', tallies({ '2026-04': [84.9], '2026-05': [84] }), 85).map((a) => a.rule)).toEqual([
      'below_target_twice',
    ]);
    expect(declineAlerts('2026-05', tallies({ '2026-03': [80], '2026-05': [80] }), 85).map((a) => a.rule)).toEqual([]);
    expect(declineAlerts('2026-05', tallies({ '2026-04': [85], '2026-05': [80] }), 85)).toEqual([]);
  });

  it('fires both rules at once when both hold, and none for a month without a score', () => {
    const t = tallies({ '2026-02': [95], '2026-03': [95], '2026-04': [70], '2026-05': [60] });
    expect(declineAlerts('2026-05', t, 85).map((a) => a.rule)).toEqual(['below_target_twice', 'drop_vs_rolling']);
    expect(declineAlerts('2026-06', t, 85)).toEqual([]);
  });
});

describe('periods and ranges', () => {
  it('steps over year ends and lists every month of a range', () => {
    expect(shiftPeriod('2026-01', -3)).toBe('2025-10');
    expect(periodsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(resolveRange({}, '2026-03-15')).toEqual({ from: '2025-04', to: '2026-03' });
    expect(() => resolveRange({ from: '2016-01', to: '2026-03' }, '2026-03-15')).toThrow(/report_range_invalid/);
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(median([9, 5, 8, 5])).toBe(6.5);
    expect(median([3])).toBe(3);
    expect(median([])).toBeNull();
  });
});
