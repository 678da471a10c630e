import { format, parseISO } from 'date-fns';
import { enGB, nl } from 'date-fns/locale';
import i18n from '../../i18n';

/** "nov 2026": month names on a chart axis, where the full name does not fit. */
export const shortPeriod = (period: string) =>
  format(parseISO(`${period}-01`), 'MMM yyyy', { locale: i18n.language === 'en' ? enGB : nl }).replace('.', '');

/** The month before a `YYYY-MM` period. */
export function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Dash patterns shared by chart lines and their legends. */
export const dashes = { solid: undefined, dashed: '7 4', dotted: '2 3' } as const;
