import { Button, Group, Paper, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The way to the audit log from the settings screen. */
export function AuditLogLink() {
  const { t } = useTranslation('audit');
  return (
    <Paper withBorder radius="md" p="lg" maw={880} mb="lg">
      <Group justify="space-between">
        <Text size="sm">{t('settingsIntro')}</Text>
        <Button component={Link} to="/audit" variant="default" leftSection={<IconHistory size={16} aria-hidden />} data-testid="open-audit">
          {t('settingsLink')}
        </Button>
      </Group>
    </Paper>
  );
}
