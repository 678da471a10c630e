import { describe, expect, it } from 'vitest';
import {
  addMonths,
  checkinDueOn,
  highestLevel,
  itemStatusOn,
  nextLevel,
  phaseOn,
  trainingEndDate,
  weekOf,
  weekRange,
} from '../../src-main/core/onboarding/schedule';

describe('training weeks', () => {
  it('counts seven-day weeks from a mid-week start date', () => {
    // Wednesday 11 November 2026.
    const start = '2026-11-11';
    expect(weekRange(start, 1)).toEqual({ startDate: '2026-11-11', endDate: '2026-11-17' });
    expect(weekRange(start, 2)).toEqual({ startDate: '2026-11-18', endDate: '2026-11-24' });
    expect(weekRange(start, 3)).toEqual({ startDate: '2026-11-25', endDate: '2026-12-01' });
    expect(trainingEndDate(start, 3)).toBe('2026-12-01');
  });

  it('keeps weeks seven days long across the change to winter time and the turn of the year', () => {
    expect(weekRange('2026-10-21', 2)).toEqual({ startDate: '2026-10-28', endDate: '2026-11-03' });
    expect(weekRange('2026-12-24', 2)).toEqual({ startDate: '2026-12-31', endDate: '2027-01-06' });
  });

  it('finds the week a date falls in, with 0 before the start', () => {
    const start = '2026-11-11';
    expect(weekOf(start, '2026-11-10')).toBe(0);
    expect(weekOf(start, '2026-11-11')).toBe(1);
    expect(weekOf(start, '2026-11-17')).toBe(1);
    expect(weekOf(start, '2026-11-18')).toBe(2);
    expect(weekOf(start, '2026-12-02')).toBe(4);
  });

  it('places a track in its phase', () => {
    const track = { startDate: '2026-11-11', trainingWeeks: 3, completed: false };
    expect(phaseOn(track, '2026-11-09')).toEqual({ phase: 'upcoming', currentWeek: null });
    expect(phaseOn(track, '2026-11-20')).toEqual({ phase: 'training', currentWeek: 2 });
    expect(phaseOn(track, '2026-12-01')).toEqual({ phase: 'training', currentWeek: 3 });
    expect(phaseOn(track, '2026-12-02')).toEqual({ phase: 'buddy', currentWeek: null });
    expect(phaseOn({ ...track, completed: true }, '2026-11-20')).toEqual({ phase: 'done', currentWeek: null });
  });
});

describe('overdue items', () => {
  const start = '2026-11-11';
  it('an item is open through the last day of its week and overdue the day after', () => {
    expect(itemStatusOn({ week: 2, signedOffOn: null }, start, '2026-11-24')).toBe('open');
    expect(itemStatusOn({ week: 2, signedOffOn: null }, start, '2026-11-25')).toBe('overdue');
    expect(itemStatusOn({ week: 1, signedOffOn: null }, start, '2026-11-18')).toBe('overdue');
  });

  it('a signed-off item is never overdue, also when signed off late', () => {
    expect(itemStatusOn({ week: 1, signedOffOn: '2026-11-30' }, start, '2026-12-05')).toBe('signed_off');
  });
});

describe('buddy check-ins', () => {
  it('are due in the buddy phase when none was held in the last seven days', () => {
    expect(checkinDueOn('buddy', null, '2026-12-02')).toBe(true);
    expect(checkinDueOn('buddy', '2026-12-02', '2026-12-08')).toBe(false);
    expect(checkinDueOn('buddy', '2026-12-02', '2026-12-09')).toBe(true);
  });

  it('are never due outside the buddy phase', () => {
    expect(checkinDueOn('training', null, '2026-11-20')).toBe(false);
    expect(checkinDueOn('done', null, '2026-12-20')).toBe(false);
    expect(checkinDueOn('upcoming', null, '2026-11-01')).toBe(false);
  });
});

describe('the independence ladder', () => {
  it('is climbed one step at a time, from listening in to fully independent', () => {
    expect(nextLevel([])).toBe('listening_in');
    expect(nextLevel(['listening_in'])).toBe('calling_with_buddy');
    expect(nextLevel(['listening_in', 'calling_with_buddy'])).toBe('independent_buddy_nearby');
    expect(nextLevel(['listening_in', 'calling_with_buddy', 'independent_buddy_nearby'])).toBe('fully_independent');
    expect(nextLevel(['listening_in', 'calling_with_buddy', 'independent_buddy_nearby', 'fully_independent'])).toBeNull();
  });

  it('reports the highest step whatever order the rows come in', () => {
    expect(highestLevel([])).toBeNull();
    expect(highestLevel(['calling_with_buddy', 'listening_in'])).toBe('calling_with_buddy');
  });
});

describe('months', () => {
  it('adds months across the turn of the year', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', 0)).toBe('2026-01');
    expect(addMonths('2026-12', 12)).toBe('2027-12');
  });
});
