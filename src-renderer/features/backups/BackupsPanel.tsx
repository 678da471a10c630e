import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '@contract';
import { api } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyError, notifySuccess } from '../../components/notify';
import { BackupTable } from './BackupTable';
import { RestoreModal } from './RestoreModal';

/** Instellingen → Back-ups: what is kept where, a backup on demand, and restore. */
export function BackupsPanel() {
  const { t } = useTranslation('backups');
  const list = useChannel('backups.list', {}, []);
  const [creating, setCreating] = useState(false);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  useEffect(() => {
    const restored = sessionStorage.getItem('klankbord.restored');
    if (restored) {
      sessionStorage.removeItem('klankbord.restored');
      notifySuccess(t('restored', { when: restored }));
    }
  }, [t]);

  const createNow = async () => {
    setCreating(true);
    try {
      await api.call('backups.create', {});
      notifySuccess(t('created'));
      list.reload();
    } catch (error) {
      notifyError(error);
    } finally {
      setCreating(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="lg" maw={880} mt="lg" data-testid="backups-panel">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <Title order={2} fz="lg">
            {t('title')}
          </Title>
          <Button variant="light" onClick={() => void createNow()} loading={creating} data-testid="backup-now">
            {t('createNow')}
          </Button>
        </Group>
        <Text size="sm">{t('intro', { keep: list.data?.keep ?? 14 })}</Text>
        {list.data && (
          <Text size="sm" c="dimmed">
            {t('folder')}: <code>{list.data.folder}</code>
          </Text>
        )}
        <ErrorAlert error={list.error} />
        {list.data && list.data.backups.length === 0 && <Text size="sm">{t('empty')}</Text>}
        {list.data && list.data.backups.length > 0 && <BackupTable backups={list.data.backups} onRestore={setRestoring} />}
      </Stack>
      <RestoreModal backup={restoring} onClose={() => setRestoring(null)} />
    </Paper>
  );
}
