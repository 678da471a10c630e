import { Badge } from '@mantine/core';
import { format } from 'date-fns';
import { useTranslation } from 'react-i18next';
import type { ActionStatus, Agreement } from '@contract';
import { useChannel } from '../../api/use-channel';
import { warningOrange } from '../../app/theme';

// Filled badges with dark shades: the light variants fall below 4.5:1 contrast for small text.
const actionStatusColor: Record<ActionStatus, string> = { open: 'blue.8', done: 'teal.9', dropped: 'gray.7' };
const agreementColor: Record<Agreement, string> = { agreed: 'teal.9', disagreed: warningOrange };

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  const { t } = useTranslation('feedback');
  return (
    <Badge color={actionStatusColor[status]} variant="filled" data-status={status}>
      {t(`statuses.${status}`)}
    </Badge>
  );
}

export function AgreementBadge({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation('feedback');
  return (
    <Badge color={agreementColor[agreement]} variant="filled" data-agreement={agreement}>
      {t(`agreements.${agreement}`)}
    </Badge>
  );
}

/** Today on this workstation as `YYYY-MM-DD`, the form the contract's dates use. */
export const todayIsoDate = () => format(new Date(), 'yyyy-MM-dd');

/** Topic keys as the recordings screens label them. */
export function useTopicLabel(): (key: string | null) => string {
  const { t } = useTranslation();
  const topics = useChannel('recordings.topics', {}, []);
  return (key) => (key === null ? t('none') : (topics.data?.find((tp) => tp.key === key)?.label ?? key));
}
