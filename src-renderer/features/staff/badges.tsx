import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvaluationStatus, StaffStatus } from '@contract';
import { warningOrange } from '../../app/theme';

// "filled" badges with dark shades: the light variants of teal/orange fall below 4.5:1 contrast for small text.
const staffStatusColor: Record<StaffStatus, string> = { active: 'teal.9', onboarding: 'blue.8', left: 'gray.7' };
const evaluationStatusColor: Record<EvaluationStatus, string> = {
  draft: 'gray.7',
  final: 'teal.9',
  discussed: 'blue.8',
  disputed: warningOrange,
};

export function StaffStatusBadge({ status }: { status: StaffStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={staffStatusColor[status]} variant="filled" data-status={status}>
      {t(`statuses.${status}`)}
    </Badge>
  );
}

export function EvaluationStatusBadge({ status }: { status: EvaluationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={evaluationStatusColor[status]} variant="filled" data-status={status}>
      {t(`evaluationStatuses.${status}`)}
    </Badge>
  );
}
