import { format, parseISO, subMonths } from 'date-fns';
import { enGB, nl } from 'date-fns/locale';
import i18n from '../i18n';

const locale = () => (i18n.language === 'en' ? enGB : nl);

/** 1:05:09 or 4:07: call lengths as coaches read them. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export const formatDate = (iso: string | null) => (iso ? format(parseISO(iso), 'd MMM yyyy', { locale: locale() }) : '—');
export const formatDateTime = (iso: string | null) => (iso ? format(parseISO(iso), 'd MMM yyyy HH:mm', { locale: locale() }) : '—');
export const formatTime = (iso: string) => format(parseISO(iso), 'HH:mm:ss', { locale: locale() });
/** "november 2026" for a `YYYY-MM` period. */
export const formatPeriod = (period: string) => format(parseISO(`${period}-01`), 'LLLL yyyy', { locale: locale() });

/** 78,5% in Dutch, 78.5% in English; one decimal, as the calculation shows. */
export function formatScore(pct: number | null): string {
  if (pct === null) return '—';
  return `${new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(pct)}%`;
}

export function formatNumber(value: number, digits = 2): string {
  return new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: digits }).format(value);
}

/** The current month and the `count - 1` before it as `YYYY-MM`, newest first: the month pickers' choices. */
export function recentPeriods(count: number, now = new Date()): string[] {
  return Array.from({ length: count }, (_, i) => format(subMonths(now, i), 'yyyy-MM'));
}
