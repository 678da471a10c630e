import { Menu } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannel } from '../../api/use-channel';
import { useSession } from '../../app/session-store';
import { notifyError } from '../../components/notify';

export function ProfileSwitcher({ children }: { children: ReactElement }) {
  const { t } = useTranslation();
  const { session, selectProfile } = useSession();
  const people = useChannel('staff.list', { roles: ['coach', 'manager', 'trainer'] }, ['staff']);
  return (
    <Menu position="bottom-end" width={260}>
      <Menu.Target>{children}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('switchProfile')}</Menu.Label>
        {people.data?.map((p) => (
          <Menu.Item key={p.id} disabled={p.id === session?.profile?.id} onClick={() => void selectProfile(p.id).catch(notifyError)}>
            {p.name} · {t(`roles.${p.role}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
