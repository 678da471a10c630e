import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '@contract';
import { api } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { notifyError } from '../../components/notify';

/**
 * Confirms and runs a restore. Afterwards the page reloads: every screen, cache and the session
 * must come from the restored database, not from what was on screen before.
 */
export function RestoreModal({ backup, onClose }: { backup: BackupInfo | null; onClose(): void }) {
  const { t } = useTranslation('backups');
  const [busy, setBusy] = useState(false);
  const when = backup ? formatDateTime(backup.createdAt) : '';

  const restore = async () => {
    if (!backup) return;
    setBusy(true);
    try {
      await api.call('backups.restore', { fileName: backup.fileName });
      sessionStorage.setItem('klankbord.restored', when);
      // A full load of the start page, without the current route.
      window.location.replace(window.location.href.split('#')[0] ?? '');
    } catch (error) {
      notifyError(error);
      setBusy(false);
    }
  };

  return (
    <Modal opened={backup !== null} onClose={onClose} title={t('confirmTitle')} size="lg">
      <Stack>
        <Text>{t('confirmText', { when })}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('confirmSafety')}</List.Item>
          <List.Item>{t('confirmAudio')}</List.Item>
        </List>
        <Alert color="orange" variant="light">
          <Text size="sm" ff="monospace">
            {backup?.fileName}
          </Text>
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('cancel')}
          </Button>
          <Button color="red.8" onClick={() => void restore()} loading={busy} data-testid="confirm-restore">
            {t('confirmButton')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
