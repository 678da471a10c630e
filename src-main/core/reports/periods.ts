import { addMonths, differenceInCalendarMonths, endOfMonth, format, parseISO } from 'date-fns';

/** `YYYY-MM` shifted by whole months. */
export const shiftPeriod = (period: string, months: number): string => format(addMonths(parseISO(`${period}-01`), months), 'yyyy-MM');

/** Every month from `from` to `to` inclusive, oldest first. */
export function periodsBetween(from: string, to: string): string[] {
  const count = differenceInCalendarMonths(parseISO(`${to}-01`), parseISO(`${from}-01`)) + 1;
  return Array.from({ length: Math.max(count, 0) }, (_, i) => shiftPeriod(from, i));
}

export const firstDayOf = (period: string): string => `${period}-01`;
export const lastDayOf = (period: string): string => format(endOfMonth(parseISO(`${period}-01`)), 'yyyy-MM-dd');

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
