import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

export function DisputesPage() {
  const { t } = useTranslation('disputes');
  return <PageHeader title={t('title')} />;
}
