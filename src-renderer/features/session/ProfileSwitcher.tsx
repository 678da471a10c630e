import { Menu } from '@mantine/core';
import { IconKey, IconLogout } from '@tabler/icons-react';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannel } from '../../api/use-channel';
import { useSession } from '../../app/session-store';
import { notifyError } from '../../components/notify';
import { ChangeOwnPasswordModal } from './SetPasswordModal';

/** The header's profile menu: switch profile on a single workstation, sign out where each person signs in. */
export function ProfileSwitcher({ children }: { children: ReactElement }) {
  const { t } = useTranslation();
  const { t: ts } = useTranslation('session');
  const { session, selectProfile, signOut } = useSession();
  const signInRequired = session?.signInRequired ?? false;
  const people = useChannel('staff.list', signInRequired ? null : { roles: ['coach', 'manager', 'trainer'] }, ['staff']);
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <>
      <Menu position="bottom-end" width={260}>
        <Menu.Target>{children}</Menu.Target>
        {signInRequired ? (
          <Menu.Dropdown>
            <Menu.Label>{ts('signedInAs', { name: session?.profile?.name ?? '' })}</Menu.Label>
            <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => setChangingPassword(true)}>
              {ts('changeOwnPassword')}
            </Menu.Item>
            <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut().catch(notifyError)}>
              {ts('signOut')}
            </Menu.Item>
          </Menu.Dropdown>
        ) : (
          <Menu.Dropdown>
            <Menu.Label>{t('switchProfile')}</Menu.Label>
            {people.data?.map((p) => (
              <Menu.Item key={p.id} disabled={p.id === session?.profile?.id} onClick={() => void selectProfile(p.id).catch(notifyError)}>
                {p.name} · {t(`roles.${p.role}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        )}
      </Menu>
      <ChangeOwnPasswordModal opened={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}
