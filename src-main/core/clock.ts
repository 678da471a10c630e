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
