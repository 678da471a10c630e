import { format } from 'date-fns';
import { useSearchParams } from 'react-router';

/** The month a screen shows, kept in the address (`?period=2026-11`) so it deep-links; default this month. */
export function usePeriod(): [string, (period: string) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('period');
  const period = raw && /^\d{4}-(0[1-9]|1[0-2])$/.test(raw) ? raw : format(new Date(), 'yyyy-MM');
  return [
    period,
    (next) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          updated.set('period', next);
          return updated;
        },
        { replace: true },
      ),
  ];
}
