import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dispute } from '@contract';

export type SecondStatusKey = 'notStarted' | 'draft' | 'final' | 'done';

/** Where the second opinion stands, from the asked coach's and the decider's point of view. */
export function secondStatusKey(d: Dispute): SecondStatusKey {
  if (d.secondEvaluationStatus === null) return 'notStarted';
  if (d.secondEvaluationStatus === 'draft') return 'draft';
  return d.outcome === null ? 'final' : 'done';
}

/** The two scores can only be compared once the second opinion is final (core withholds them before). */
export const scoresComparable = (d: Dispute) => d.originalScorePct !== null && d.secondScorePct !== null;

/** Mantine truncates badge labels in tight table cells; these labels must stay whole. */
export const wholeLabel = { root: { flexShrink: 0 }, label: { overflow: 'visible' } } as const;

// Filled badges in shades that keep white small text above 4.5:1 (no orange: its darkest shade is 4.3:1).
const secondStatusColor: Record<SecondStatusKey, string> = { notStarted: 'gray.7', draft: 'blue.8', final: 'grape.9', done: 'teal.9' };

export function SecondStatusBadge({ dispute }: { dispute: Dispute }) {
  const { t } = useTranslation('disputes');
  const key = secondStatusKey(dispute);
  return (
    <Badge color={secondStatusColor[key]} variant="filled" styles={wholeLabel} data-testid="second-status" data-status={key}>
      {t(`secondStatuses.${key}`)}
    </Badge>
  );
}

export function OutcomeBadge({ dispute }: { dispute: Dispute }) {
  const { t } = useTranslation('disputes');
  const key = dispute.outcome ?? 'open';
  const color = key === 'open' ? 'red.9' : key === 'replaced' ? 'indigo.8' : 'teal.9';
  return (
    <Badge color={color} variant="filled" styles={wholeLabel} data-testid="dispute-outcome" data-outcome={key}>
      {t(`outcomes.${key}`)}
    </Badge>
  );
}
