import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MatchStatus } from '@contract';
import { warningOrange } from '../../app/theme';

// Filled dark shades: the light teal/orange variants, and even orange.9, fall below 4.5:1 for small text.
const color: Record<MatchStatus, string> = { matched: 'teal.9', unmatched: warningOrange, unreadable: 'red.9' };

export function MatchStatusBadge({ status }: { status: MatchStatus }) {
  const { t } = useTranslation('sources');
  return (
    <Badge color={color[status]} variant="filled" radius="sm" style={{ minWidth: 'max-content' }} data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
