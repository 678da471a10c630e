import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

export function FeedbackSessionPage() {
  const { t } = useTranslation('feedback');
  return <PageHeader title={t('title')} />;
}
