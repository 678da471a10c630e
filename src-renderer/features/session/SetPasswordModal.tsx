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
  return (
    <PasswordDialog
      opened={member !== null}
      title={member ? t('setPasswordFor', { name: member.name }) : ''}
      intro={t('setPasswordIntro', { name: member?.name ?? '' })}
      askCurrent={false}
      save={async (password) => {
        if (!member) return;
        await api.call('staff.setPassword', { staffId: member.id, password });
        notifySuccess(t('passwordSaved', { name: member.name }));
      }}
      onClose={onClose}
    />
  );
}

/** Someone changes their own password, confirming the current one (header menu → "Wachtwoord wijzigen"). */
export function ChangeOwnPasswordModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation('session');
  return (
    <PasswordDialog
      opened={opened}
      title={t('changeOwnPassword')}
      intro={t('changeOwnPasswordIntro')}
      askCurrent
      save={async (newPassword, currentPassword) => {
        await api.call('session.changePassword', { currentPassword, newPassword });
        notifySuccess(t('ownPasswordSaved'));
      }}
      onClose={onClose}
    />
  );
}

interface PasswordDialogProps {
  opened: boolean;
  title: string;
  intro: string;
  /** Ask for the current password first (changing one's own). */
  askCurrent: boolean;
  save(newPassword: string, currentPassword: string): Promise<void>;
  onClose(): void;
}

/** A new password typed twice, checked for equality here and for its rules in main. */
function PasswordDialog({ opened, title, intro, askCurrent, save, onClose }: PasswordDialogProps) {
  const { t } = useTranslation('session');
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  function close() {
    setCurrent('');
    setPassword('');
    setRepeat('');
    setProblem(null);
    onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== repeat) {
      setProblem(t('passwordsDiffer'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await save(password, current);
      close();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={close} title={title}>
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Text size="sm">{intro}</Text>
          {problem ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {problem}
            </Alert>
          ) : null}
          {askCurrent ? (
            <PasswordInput
              label={t('currentPassword')}
              required
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              data-autofocus
            />
          ) : null}
          <PasswordInput
            label={t('newPassword')}
            description={t('passwordHint')}
            required
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            data-autofocus={askCurrent ? undefined : true}
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
