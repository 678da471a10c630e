import { Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleDashed, IconCircleX, IconLock, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CalibrationSummary } from '@contract';
import { formatDate } from '../../components/format';
import { alphaLevel, isOverdue, type ParticipantState } from './model';

/** Mantine truncates badge labels in tight table cells; these labels must stay whole. */
export const wholeLabel = { root: { flexShrink: 0 }, label: { overflow: 'visible' } } as const;

/** The deadline with a text marker (not only red) once it has passed. */
export function DeadlineText({ session }: { session: Pick<CalibrationSummary, 'deadline' | 'status'> }) {
  const { t } = useTranslation('calibration');
  if (session.deadline === null) {
    return (
      <Text size="sm" c="dimmed" component="span">
        {t('noDeadline')}
      </Text>
    );
  }
  const overdue = isOverdue(session);
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <Text size="sm" component="span">
        {formatDate(session.deadline)}
      </Text>
      {overdue ? (
        <Badge
          color="red.9"
          variant="filled"
          size="sm"
          leftSection={<IconAlertTriangle size={12} aria-hidden />}
          styles={wholeLabel}
          title={t('overdueLabel')}
          data-testid="overdue"
        >
          {t('overdue')}
        </Badge>
      ) : null}
    </Group>
  );
}

const stepStyle: Record<ParticipantState, { color: string; icon: typeof IconCircleCheck }> = {
  notStarted: { color: 'gray.7', icon: IconCircleDashed },
  draft: { color: 'blue.8', icon: IconPencil },
  submitted: { color: 'teal.9', icon: IconCircleCheck },
  missed: { color: 'red.9', icon: IconCircleX },
};

export function ParticipantBadge({ state, label }: { state: ParticipantState; label: string }) {
  const { color, icon: Icon } = stepStyle[state];
  return (
    <Badge
      color={color}
      variant="filled"
      leftSection={<Icon size={12} aria-hidden />}
      styles={wholeLabel}
      data-testid="participant-status"
      data-state={state}
    >
      {label}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: CalibrationSummary['status'] }) {
  const { t } = useTranslation('calibration');
  return status === 'open' ? (
    <Badge color="blue.8" variant="filled" styles={wholeLabel} data-testid="session-status">
      {t('session.statusOpen')}
    </Badge>
  ) : (
    <Badge
      color="gray.7"
      variant="filled"
      leftSection={<IconLock size={12} aria-hidden />}
      styles={wholeLabel}
      data-testid="session-status"
    >
      {t('session.statusClosed')}
    </Badge>
  );
}

/**
 * Filled shades that keep white small text above 4.5:1; the word carries the meaning, not the colour.
 * Mantine's darkest orange and yellow stay below that, hence a darker amber of our own.
 */
export const amber = '#a15c00';
const alphaColor = { good: 'teal.9', tentative: amber, poor: 'red.9', none: 'gray.7', unanimous: 'teal.9' } as const;

export function AlphaBadge({ value, unanimous = false }: { value: number | null; unanimous?: boolean }) {
  const { t } = useTranslation('calibration');
  const level = alphaLevel(value, unanimous);
  return (
    <Badge color={alphaColor[level]} variant="filled" styles={wholeLabel} data-testid="alpha-level" data-level={level}>
      {t(`alpha.${level}`)}
    </Badge>
  );
}
