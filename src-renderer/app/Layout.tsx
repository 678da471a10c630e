import { DemoBanner } from '../features/demo/DemoBanner';
import { AppShell, Badge, Group, Menu, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import {
  IconCalendarCheck,
  IconCalendarUser,
  IconChartBar,
  IconListCheck,
  IconScale,
  IconTargetArrow,
  IconSchool,
  IconChevronDown,
  IconBooks,
  IconDice5,
  IconFolders,
  IconLayoutDashboard,
  IconHeadphones,
  IconLanguage,
  IconSettings,
  IconUsers,
  IconUserCircle,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import type { Language } from '@contract';
import { ProfileSwitcher } from '../features/session/ProfileSwitcher';
import { useSession } from './session-store';

const navItems = [
  { to: '/dashboard', key: 'dashboard', icon: IconLayoutDashboard },
  { to: '/my-month', key: 'myMonth', icon: IconCalendarCheck },
  { to: '/team', key: 'team', icon: IconChartBar },
  { to: '/recordings', key: 'recordings', icon: IconHeadphones },
  { to: '/samples', key: 'samples', icon: IconDice5 },
  { to: '/disputes', key: 'disputes', icon: IconScale },
  { to: '/calibration', key: 'calibration', icon: IconTargetArrow },
  { to: '/staff', key: 'staff', icon: IconUsers },
  { to: '/plan', key: 'plan', icon: IconCalendarUser },
  { to: '/onboarding', key: 'onboarding', icon: IconSchool },
  { to: '/library', key: 'library', icon: IconBooks },
  { to: '/sources', key: 'sources', icon: IconFolders },
  { to: '/rubrics', key: 'rubrics', icon: IconListCheck },
  { to: '/settings', key: 'settings', icon: IconSettings },
] as const;

export function Layout() {
  const { t } = useTranslation();
  const location = useLocation();
  const { session, setLanguage } = useSession();
  const profile = session?.profile;

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 0 }} padding="xl">
      <AppShell.Header px="lg">
        <Group h="100%" justify="space-between">
          <Group gap="xs">
            <Text fw={750} fz={20} c="klankbord.8">
              {t('appName')}
            </Text>
            <Text c="dimmed" size="sm" visibleFrom="sm">
              {t('tagline')}
            </Text>
            <DemoBanner />
          </Group>
          <Group gap="md">
            <Menu position="bottom-end">
              <Menu.Target>
                <UnstyledButton aria-label={t('language')}>
                  <Group gap={4}>
                    <IconLanguage size={18} aria-hidden />
                    <Text size="sm">{session?.language.toUpperCase()}</Text>
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                {(['nl', 'en'] as Language[]).map((lang) => (
                  <Menu.Item key={lang} onClick={() => void setLanguage(lang)}>
                    {t(`languages.${lang}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            {profile ? (
              <ProfileSwitcher>
                <UnstyledButton
                  aria-label={session?.signInRequired ? t('signedInAs', { ns: 'session', name: profile.name }) : t('switchProfile')}
                  data-testid="profile-button"
                >
                  <Group gap={8}>
                    <IconUserCircle size={22} aria-hidden />
                    <Stack gap={0}>
                      <Text size="sm" fw={600}>
                        {profile.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`roles.${profile.role}`)}
                      </Text>
                    </Stack>
                    <IconChevronDown size={14} aria-hidden />
                  </Group>
                </UnstyledButton>
              </ProfileSwitcher>
            ) : null}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Hoofdmenu">
        {navItems.map((item) => (
          <NavLink
            key={item.to}
            component={RouterLink}
            to={item.to}
            label={t(`nav.${item.key}`)}
            leftSection={<item.icon size={18} aria-hidden />}
            active={location.pathname.startsWith(item.to)}
            fw={500}
          />
        ))}
        <Badge variant="light" color="gray" mt="auto" style={{ alignSelf: 'flex-start' }}>
          v0.1
        </Badge>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
