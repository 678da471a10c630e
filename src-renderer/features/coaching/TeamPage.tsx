import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

export function TeamPage() {
  const { t } = useTranslation('coaching');
  return <PageHeader title={t('title')} />;
}
