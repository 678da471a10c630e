import { describe, expect, it } from 'vitest';
import { calendarDaysBetween, localDateOf } from '../../src-main/core/clock';

describe('calendar days', () => {
  it('counts whole days across month ends, leap days and the change to winter time', () => {
    expect(calendarDaysBetween('2026-11-23', '2026-11-23')).toBe(0);
    expect(calendarDaysBetween('2026-10-30', '2026-11-02')).toBe(3);
    expect(calendarDaysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(calendarDaysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(calendarDaysBetween('2026-11-02', '2026-10-30')).toBe(-3);
  });

  it('reads a stored moment as the local calendar date', () => {
    const moment = new Date(2026, 10, 23, 23, 30).toISOString();
    expect(localDateOf(moment)).toBe('2026-11-23');
  });
});
