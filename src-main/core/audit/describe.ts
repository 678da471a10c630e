import { format, parseISO } from 'date-fns';
import { nl } from 'date-fns/locale';

/** Summaries are stored as written, so they use the Dutch notation a reader in a KCC expects. */
export const dutchDate = (isoDate: string): string => format(parseISO(isoDate), 'd-M-yyyy');

/** "november 2026" for a `YYYY-MM` period. */
export const dutchPeriod = (period: string): string => format(parseISO(`${period}-01`), 'LLLL yyyy', { locale: nl });

export const dutchPct = (pct: number): string => `${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(pct)}%`;

/** A score as the evaluation screen shows it: always one decimal (78,5%). */
export const dutchScore = (pct: number | null): string =>
  pct === null ? 'geen score' : `${new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(pct)}%`;

/** "naam", "naam en team", "naam, team en status". */
export function dutchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}
