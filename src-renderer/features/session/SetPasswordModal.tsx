import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '@contract';
import { api } from '../../api/client';
import { notifySuccess } from '../../components/notify';

/** A manager sets (or resets) someone's password; shown on the staff page when people sign in. */
export function SetPasswordModal({ member, onClose }: { member: StaffMember | null; onClose(): void }) {
  const { t } = useTranslation('session');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  function close() {
    setPassword('');
    setRepeat('');
    setProblem(null);
    onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!member) return;
    if (password !== repeat) {
      setProblem(t('passwordsDiffer'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await api.call('staff.setPassword', { staffId: member.id, password });
      notifySuccess(t('passwordSaved', { name: member.name }));
      close();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={member !== null} onClose={close} title={member ? t('setPasswordFor', { name: member.name }) : ''}>
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Text size="sm">{t('setPasswordIntro', { name: member?.name ?? '' })}</Text>
          {problem ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {problem}
            </Alert>
          ) : null}
          <PasswordInput
            label={t('newPassword')}
            description={t('passwordHint')}
            required
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            data-autofocus
          />
          <PasswordInput
            label={t('repeatPassword')}
            required
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('setPasswordSave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
