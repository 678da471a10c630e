import { addDays, daysBetween } from '../onboarding/schedule';
import { firstDayOf, lastDayOf } from '../reports/periods';

export { addDays, daysBetween };

/** 0 = Sunday … 6 = Saturday, of a calendar date `YYYY-MM-DD`. */
export const weekday = (date: string): number => new Date(`${date}T12:00:00Z`).getUTCDay();

/** Fixed-date public holidays on which the KCC is closed (the moving ones are left out). */
const closedOn = new Set(['01-01', '04-27', '12-25', '12-26']);

export const isWorkingDay = (date: string): boolean => {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !closedOn.has(date.slice(5));
};

/** Working days from `from` to `to`, both included. */
export function workingDaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) days.push(d);
  return days;
}

const byPeriod = new Map<string, readonly string[]>();
/** The working days of a month (`YYYY-MM`); the seed asks for them thousands of times. */
export function workingDaysOf(period: string): readonly string[] {
  let days = byPeriod.get(period);
  if (!days) {
    days = workingDaysBetween(firstDayOf(period), lastDayOf(period));
    byPeriod.set(period, days);
  }
  return days;
}

/** The `n`-th working day after `date` (n ≥ 1), or `date` itself for n = 0. */
export function addWorkingDays(date: string, n: number): string {
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

export const mondayOnOrBefore = (date: string): string => addDays(date, -((weekday(date) + 6) % 7));
export const mondayOnOrAfter = (date: string): string => (weekday(date) === 1 ? date : addDays(mondayOnOrBefore(date), 7));

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A moment on a working day, as the ISO instant the core stores. Written in UTC between 07:00 and
 * 15:00 (office hours in the Netherlands all year), so the stored text and the local calendar day
 * the app derives from it are the same on every workstation: the demo stays the same byte for byte.
 */
export function moment(date: string, minutesAfterSeven: number): string {
  const minutes = Math.max(0, Math.min(8 * 60 - 1, Math.floor(minutesAfterSeven)));
  return `${date}T${pad(7 + Math.floor(minutes / 60))}:${pad(minutes % 60)}:00.000Z`;
}

/** A call's local date and time as telephony platforms log it (no zone): `YYYY-MM-DDTHH:mm:ss`. */
export function localTime(date: string, secondsAfterEight: number): string {
  const s = Math.floor(secondsAfterEight);
  return `${date}T${pad(8 + Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}
