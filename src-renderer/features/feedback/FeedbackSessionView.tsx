import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

export function FeedbackSessionView() {
  const { t } = useTranslation('feedback');
  return <PageHeader title={t('title')} />;
}
