import { format } from 'date-fns';

/**
 * The one place the core reads the time. `KLANKBORD_NOW` (a date and time, e.g.
 * `2026-11-23T10:00:00`) starts the app's clock at that moment, running from there: the e2e
 * tests and the demo pin "today" with it, so month views and deadlines read the same every run.
 */
const offsetMs = (() => {
  const pinned = process.env.KLANKBORD_NOW;
  if (!pinned) return 0;
  const at = Date.parse(pinned);
  if (Number.isNaN(at)) throw new Error(`KLANKBORD_NOW is geen geldige datum en tijd: "${pinned}"`);
  return at - Date.now();
})();

export const now = (): Date => new Date(Date.now() + offsetMs);

export const nowIso = (): string => now().toISOString();

/** Today's calendar date on this workstation (the KCC's local time), `YYYY-MM-DD`. */
export const todayIso = (): string => format(now(), 'yyyy-MM-dd');

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar date, in this workstation's time, of a stored moment (ISO with zone), `YYYY-MM-DD`. */
export function localDateOf(timestamp: string): string {
  const d = new Date(timestamp);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The time of day, in this workstation's time, of a stored moment, `HH:mm`. */
export function localTimeOf(timestamp: string): string {
  const d = new Date(timestamp);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Whole calendar days from one `YYYY-MM-DD` to another (negative when `to` is earlier). Reports call it thousands of times. */
export function calendarDaysBetween(from: string, to: string): number {
  const utc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}
