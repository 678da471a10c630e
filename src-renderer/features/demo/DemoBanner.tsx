import { Badge, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { warningOrange } from '../../app/theme';
import { notifyError } from '../../components/notify';
import { useAppStatus } from '../../app/app-status-store';

/** Says, on every screen of the demo, that its data is made up; with the ways out. */
export function DemoBanner() {
  const { t } = useTranslation('demo');
  const demo = useAppStatus((s) => s.status?.demo ?? false);
  const switchData = useAppStatus((s) => s.switchData);
  const [busy, setBusy] = useState<string | null>(null);
  if (!demo) return null;

  const run = (channel: 'demo.reset' | 'demo.leave') => {
    setBusy(channel);
    switchData(channel).catch((error: unknown) => {
      notifyError(error);
      setBusy(null);
    });
  };

  return (
    <Group gap="xs" wrap="nowrap" data-testid="demo-banner" role="status">
      <Badge color={warningOrange} variant="filled" size="lg">
        {t('badge')}
      </Badge>
      <Text size="sm" fw={600} visibleFrom="lg">
        {t('banner')}
      </Text>
      <Button size="compact-sm" variant="default" loading={busy === 'demo.reset'} onClick={() => run('demo.reset')}>
        {t('reset')}
      </Button>
      <Button size="compact-sm" variant="default" loading={busy === 'demo.leave'} onClick={() => run('demo.leave')}>
        {t('leave')}
      </Button>
    </Group>
  );
}
