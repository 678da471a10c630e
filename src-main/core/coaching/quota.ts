import { getDaysInMonth } from 'date-fns';

export interface QuotaOverride {
  fromPeriod: string;
  toPeriod: string | null;
  perMonth: number;
  reason: string;
}

export interface QuotaInput {
  period: string;
  defaultPerMonth: number;
  startDate: string | null;
  status: 'active' | 'onboarding' | 'left';
  overrides: readonly QuotaOverride[];
}

export interface Quota {
  planned: number;
  /** In Dutch, for the planner and the manager: how the number came about. */
  explanation: string;
  /** False when the plain default applies, so screens only explain the exceptions. */
  adjusted: boolean;
}

const covers = (o: QuotaOverride, period: string) => o.fromPeriod <= period && (o.toPeriod === null || period <= o.toPeriod);

/**
 * How many evaluations an advisor is planned for in a month: the default, or the override that
 * covers the month (the one starting latest wins, so a new arrangement replaces an older one), and
 * for someone who joins during the month a share of it by the days they work there, rounded up.
 */
export function plannedEvaluations(input: QuotaInput): Quota {
  const { period, startDate } = input;
  if (input.status === 'left') return { planned: 0, explanation: 'uit dienst', adjusted: true };
  if (startDate !== null && startDate.slice(0, 7) > period)
    return { planned: 0, explanation: `nog niet in dienst (start ${startDate})`, adjusted: true };

  const override = input.overrides
    .filter((o) => covers(o, period))
    .sort((a, b) => (a.fromPeriod === b.fromPeriod ? 0 : a.fromPeriod < b.fromPeriod ? 1 : -1))[0];
  const base = override ? override.perMonth : input.defaultPerMonth;
  const basis = override
    ? `afwijking: ${override.perMonth} per maand (${override.reason})`
    : `standaard ${input.defaultPerMonth} per maand`;

  if (startDate !== null && startDate.slice(0, 7) === period) {
    const days = getDaysInMonth(new Date(`${period}-01T12:00:00Z`));
    const firstDay = Number(startDate.slice(8, 10));
    if (firstDay > 1) {
      const share = (days - firstDay + 1) / days;
      const planned = Math.ceil(base * share);
      return {
        planned,
        explanation: `${basis}; in dienst vanaf ${startDate}: ${days - firstDay + 1} van ${days} dagen, naar boven afgerond`,
        adjusted: true,
      };
    }
  }
  return { planned: base, explanation: basis, adjusted: override !== undefined };
}
