import { Button, Paper, Stack, Text } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../components/notify';
import { useAppStatus } from '../../app/app-status-store';

/** On the first screen of an installation: a way to look around before entering real data. */
export function OpenDemo() {
  const { t } = useTranslation('demo');
  const switchData = useAppStatus((s) => s.switchData);
  const [opening, setOpening] = useState(false);

  const open = () => {
    setOpening(true);
    switchData('demo.open').catch((error: unknown) => {
      notifyError(error);
      setOpening(false);
    });
  };

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('openIntro')}</Text>
        <Button variant="light" leftSection={<IconFlask size={18} aria-hidden />} loading={opening} onClick={open}>
          {t('open')}
        </Button>
        {opening && (
          <Text size="sm" c="dimmed">
            {t('opening')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
