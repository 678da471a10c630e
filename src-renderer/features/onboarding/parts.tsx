import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ItemStatus, OnboardingPhase } from '@contract';
import { warningOrange } from '../../app/theme';

// Filled badges in dark shades: the light variants miss 4.5:1 contrast for small text.
const phaseColor: Record<OnboardingPhase, string> = { upcoming: 'gray.7', training: 'blue.8', buddy: 'indigo.8', done: 'teal.9' };
const itemColor: Record<ItemStatus, string> = { open: 'gray.7', overdue: warningOrange, signed_off: 'teal.9' };

export function PhaseBadge({ phase, week }: { phase: OnboardingPhase; week: number | null }) {
  const { t } = useTranslation('onboarding');
  return (
    <Badge color={phaseColor[phase]} variant="filled" data-phase={phase}>
      {t(`phases.${phase}`, { week })}
    </Badge>
  );
}

export function ItemStatusBadge({ status }: { status: ItemStatus }) {
  const { t } = useTranslation('onboarding');
  return (
    <Badge color={itemColor[status]} variant="filled" data-status={status}>
      {t(`itemStatuses.${status}`)}
    </Badge>
  );
}

/** Options for a staff picker: value is the id as text, as Mantine's Select wants it. */
export const staffOptions = (people: readonly { id: number; name: string }[]) =>
  people.map((p) => ({ value: String(p.id), label: p.name }));
