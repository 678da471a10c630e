import { Alert, Button, Card, Center, Container, Group, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionState } from '@contract';
import { useSession } from '../../app/session-store';

/** Shown instead of the profile picker when each person signs in (team mode). */
export function SignInPage() {
  const { t } = useTranslation('session');
  const { t: tc } = useTranslation();
  const session = useSession((s) => s.session);
  return (
    <Center mih="100vh" bg="gray.0" py="xl">
      <Container size={460} w="100%">
        <Stack gap="lg">
          <Stack gap={4}>
            <Text fw={750} fz={22} c="klankbord.8">
              {tc('appName')}
            </Text>
            <Title order={1}>{session?.firstSetup ? t('setupTitle') : t('signInTitle')}</Title>
            <Text c="dimmed">{session?.firstSetup ? t('setupIntro') : t('signInIntro')}</Text>
          </Stack>
          {session?.firstSetup ? <FirstManagerForm managers={session.firstManagers} /> : <SignInForm />}
        </Stack>
      </Container>
    </Center>
  );
}

function Problem({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
      {message}
    </Alert>
  );
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function SignInForm() {
  const { t } = useTranslation('session');
  const signIn = useSession((s) => s.signIn);
  const [employeeNumber, setEmployeeNumber] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await signIn(employeeNumber, password);
    } catch (error) {
      setProblem(messageOf(error));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder padding="lg" radius="md" component="form" onSubmit={(e) => void submit(e)} aria-label={t('signInTitle')}>
      <Stack>
        <Problem message={problem} />
        <TextInput
          label={t('employeeNumber')}
          required
          autoComplete="username"
          value={employeeNumber}
          onChange={(e) => setEmployeeNumber(e.currentTarget.value)}
          data-autofocus
        />
        <PasswordInput
          label={t('password')}
          required
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <Group justify="space-between" align="center">
          <Button type="submit" loading={busy} leftSection={<IconLock size={16} aria-hidden />}>
            {t('signIn')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('forgotten')}
        </Text>
      </Stack>
    </Card>
  );
}

function FirstManagerForm({ managers }: { managers: SessionState['firstManagers'] }) {
  const { t } = useTranslation('session');
  const claim = useSession((s) => s.claimFirstManager);
  const [staffId, setStaffId] = useState<string | null>(managers.length === 1 ? String(managers[0]?.id) : null);
  const [newManager, setNewManager] = useState({ employeeNumber: '', name: '', team: '' });
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== repeat) {
      setProblem(t('passwordsDiffer'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await claim(managers.length > 0 ? { staffId: Number(staffId), password } : { newManager, password });
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder padding="lg" radius="md" component="form" onSubmit={(e) => void submit(e)} aria-label={t('setupTitle')}>
      <Stack>
        <Problem message={problem} />
        {managers.length > 0 ? (
          <Select
            label={t('setupManager')}
            required
            data={managers.map((m) => ({ value: String(m.id), label: m.team ? `${m.name} · ${m.team}` : m.name }))}
            value={staffId}
            onChange={setStaffId}
            allowDeselect={false}
          />
        ) : (
          <>
            <Text size="sm">{t('setupNoManagers')}</Text>
            <TextInput
              label={t('name')}
              required
              value={newManager.name}
              onChange={(e) => setNewManager({ ...newManager, name: e.currentTarget.value })}
            />
            <Group grow>
              <TextInput
                label={t('employeeNumber')}
                required
                value={newManager.employeeNumber}
                onChange={(e) => setNewManager({ ...newManager, employeeNumber: e.currentTarget.value })}
              />
              <TextInput
                label={t('team')}
                value={newManager.team}
                onChange={(e) => setNewManager({ ...newManager, team: e.currentTarget.value })}
              />
            </Group>
          </>
        )}
        <PasswordInput
          label={t('newPassword')}
          description={t('passwordHint')}
          required
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <PasswordInput
          label={t('repeatPassword')}
          required
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
        />
        <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
          {t('setupSubmit')}
        </Button>
      </Stack>
    </Card>
  );
}
