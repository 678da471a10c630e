import { format } from 'date-fns';

/** The one place the core reads the time, so tests and the demo can pin it. */
export const nowIso = (): string => new Date().toISOString();

/** Today's calendar date on this workstation (the KCC's local time), `YYYY-MM-DD`. */
export const todayIso = (): string => format(new Date(), 'yyyy-MM-dd');
