import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvaluationStatus } from '@contract';
import { wholeLabel } from '../disputes/labels';

// Filled badges in shades that keep white 11px text above 4.5:1 (orange never does, so a dispute is red).
const statusColor: Record<EvaluationStatus, string> = { draft: 'gray.7', final: 'teal.9', discussed: 'blue.8', disputed: 'red.9' };

export function StatusBadge({ status }: { status: EvaluationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="lg" color={statusColor[status]} variant="filled" styles={wholeLabel} data-status={status}>
      {t(`evaluationStatuses.${status}`)}
    </Badge>
  );
}
