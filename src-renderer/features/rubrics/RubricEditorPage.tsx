import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

export function RubricEditorPage() {
  const { t } = useTranslation('rubrics');
  return <PageHeader title={t('title')} />;
}
