import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, List, Modal, NumberInput, Paper, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconCircleDashed, IconPlugConnected, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { teamSettingsInput, type TeamCheck, type TeamMoveResult, type TeamSettingsInput, type TeamStatus } from '@contract';
import { api } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';

type FormInput = z.input<typeof teamSettingsInput>;

const blank: FormInput = { host: '', port: 5432, database: '', user: '', password: '', recordingsDir: '' };

function Checklist({ check }: { check: TeamCheck }) {
  const { t } = useTranslation('team');
  return (
    <Stack gap="xs" data-testid="team-check">
      <Text fw={600} size="sm">
        {t('checkTitle')}
        {check.serverVersion && ` — ${t('serverVersion', { version: check.serverVersion })}`}
      </Text>
      <List spacing="xs" size="sm" center>
        {check.items.map((item) => (
          <List.Item
            key={item.key}
            data-testid={`team-check-${item.key}`}
            data-ok={item.ok}
            icon={
              item.ok ? (
                <IconCheck size={18} color="var(--mantine-color-teal-7)" aria-label="in orde" />
              ) : item.skipped ? (
                <IconCircleDashed size={18} color="var(--mantine-color-gray-6)" aria-label="niet geprobeerd" />
              ) : (
                <IconX size={18} color="var(--mantine-color-red-7)" aria-label="niet in orde" />
              )
            }
          >
            <Text size="sm" fw={500} span>
              {t(`check_${item.key}`)}:
            </Text>{' '}
            <Text size="sm" span c={item.skipped ? 'dimmed' : undefined}>
              {item.message}
            </Text>
          </List.Item>
        ))}
      </List>
      <Alert color={check.ok ? 'teal' : 'orange'} variant="light">
        {check.ok ? t('checkOk') : t('checkFailed')}
      </Alert>
    </Stack>
  );
}

function MoveResultTable({ result }: { result: TeamMoveResult }) {
  const { t } = useTranslation('team');
  const allEqual = result.tables.every((row) => row.equal);
  const label = (table: string) => t(`tables.${table}`, { defaultValue: table });
  // The tables people recognise first; the rest follows by name.
  const first = ['staff', 'recording', 'evaluation', 'answer', 'feedback_session', 'action_item', 'onboarding', 'audit_log'];
  const rank = (table: string) => first.indexOf(table) + 1 || first.length + 1;
  const rows = [...result.tables].sort((a, b) => rank(a.table) - rank(b.table) || label(a.table).localeCompare(label(b.table), 'nl'));
  return (
    <Stack gap="xs" data-testid="team-move-result">
      <Alert color={allEqual ? 'teal' : 'red'} variant="light">
        {allEqual ? t('moveAllEqual') : t('moveNotEqual')}
      </Alert>
      <Text size="sm">{t('moveFiles', { copied: formatNumber(result.files.copied), skipped: formatNumber(result.files.skipped) })}</Text>
      <Text size="sm" c="dimmed">
        {t('moveBackup', { file: result.backup })}
      </Text>
      <Table striped withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('moveTable')}</Table.Th>
            <Table.Th ta="right">{t('moveBefore')}</Table.Th>
            <Table.Th ta="right">{t('moveAfter')}</Table.Th>
            <Table.Th ta="center">{t('moveEqual')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.table} data-testid={`team-move-${row.table}`}>
              <Table.Td>{label(row.table)}</Table.Td>
              <Table.Td ta="right">{formatNumber(row.before)}</Table.Td>
              <Table.Td ta="right">{formatNumber(row.after)}</Table.Td>
              <Table.Td ta="center">
                {row.equal ? (
                  <IconCheck size={16} color="var(--mantine-color-teal-7)" aria-label="gelijk" />
                ) : (
                  <IconX size={16} color="var(--mantine-color-red-7)" aria-label="verschilt" />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function ConnectedView({ status, onChanged }: { status: TeamStatus; onChanged(): void }) {
  const { t } = useTranslation('team');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<'move' | 'disable' | null>(null);
  const [moved, setMoved] = useState<TeamMoveResult | null>(null);
  const settings = status.settings;
  const local = status.localData;
  const hasLocalData = local !== null && local.staff + local.recordings + local.evaluations > 0;

  const move = async () => {
    setBusy('move');
    try {
      setMoved(await api.call('team.move', {}));
      notifySuccess(t('moved'));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };
  const disable = async () => {
    setBusy('disable');
    try {
      await api.call('team.disable', {});
      setConfirming(false);
      notifySuccess(t('disabled'));
      onChanged();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack>
      {settings && (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconPlugConnected size={22} color="var(--mantine-color-teal-7)" aria-hidden />
          <Stack gap={2}>
            <Text fw={600} data-testid="team-connected">
              {t('connected', { host: settings.host, database: settings.database })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('connectedDetail', {
                host: settings.host,
                port: settings.port,
                user: settings.user,
                dir: status.recordingsDir ?? settings.recordingsDir,
              })}
              {status.serverVersion && ` · ${t('serverVersion', { version: status.serverVersion })}`}
            </Text>
          </Stack>
        </Group>
      )}
      {status.fromEnvironment && <Text size="sm">{t('fromEnvironment')}</Text>}

      {hasLocalData && !moved && (
        <Paper withBorder p="md" radius="md" bg="var(--mantine-color-gray-0)">
          <Stack gap="sm">
            <Title order={3} fz="md">
              {t('moveTitle')}
            </Title>
            <Text size="sm">{t('moveIntro', { staff: local.staff, recordings: local.recordings, evaluations: local.evaluations })}</Text>
            <Text size="sm" c="dimmed">
              {t('moveOnlyEmpty')}
            </Text>
            <Group>
              <Button onClick={() => void move()} loading={busy === 'move'} data-testid="team-move">
                {t('move')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {moved && <MoveResultTable result={moved} />}

      <Text size="sm" c="dimmed">
        {t('reloadHint')}
      </Text>
      <Group>
        <Button variant="light" onClick={() => window.location.replace(window.location.href.split('#')[0] ?? '')}>
          {t('reload')}
        </Button>
        <Button variant="default" color="red" onClick={() => setConfirming(true)} data-testid="team-disable">
          {t('disable')}
        </Button>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('disableTitle')}>
        <Stack>
          <Text size="sm">{t('disableText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </Button>
            <Button color="red" onClick={() => void disable()} loading={busy === 'disable'} data-testid="team-disable-confirm">
              {t('disable')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function SetupForm({ status, onChanged }: { status: TeamStatus; onChanged(): void }) {
  const { t } = useTranslation('team');
  const [check, setCheck] = useState<TeamCheck | null>(null);
  const [busy, setBusy] = useState<'test' | 'enable' | null>(null);
  const form = useForm<FormInput, unknown, TeamSettingsInput>({ resolver: zodResolver(teamSettingsInput), defaultValues: blank });
  const { reset } = form;
  useEffect(() => {
    if (status.settings) reset({ ...status.settings, password: '' });
  }, [status.settings, reset]);

  /** The password may stay empty only when one is stored already. */
  const withPassword = (run: (values: TeamSettingsInput) => Promise<void>) =>
    form.handleSubmit(async (values) => {
      if (values.password === '' && !status.passwordStored) {
        form.setError('password', { message: 'Vul het wachtwoord in' });
        return;
      }
      await run(values);
    });

  const test = withPassword(async (values) => {
    setBusy('test');
    try {
      setCheck(await api.call('team.test', values));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  });
  const enable = withPassword(async (values) => {
    setBusy('enable');
    try {
      await api.call('team.enable', values);
      notifySuccess(t('enabled'));
      onChanged();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  });

  const field = (name: 'host' | 'database' | 'user' | 'recordingsDir', extra: { w?: number; description?: string } = {}) => (
    <TextInput
      label={t(name)}
      {...form.register(name)}
      error={form.formState.errors[name]?.message}
      w={extra.w}
      description={extra.description}
      data-testid={`team-${name}`}
      required
    />
  );

  return (
    <form onSubmit={(e) => void enable(e)}>
      <Stack>
        {status.fromEnvironment && <Text size="sm">{t('fromEnvironment')}</Text>}
        <Group align="flex-start">
          {field('host', { w: 320 })}
          <Controller
            control={form.control}
            name="port"
            render={({ field: port, fieldState }) => (
              <NumberInput
                label={t('port')}
                min={1}
                max={65535}
                w={120}
                hideControls
                thousandSeparator=""
                value={typeof port.value === 'number' ? port.value : Number(port.value)}
                onChange={(v) => port.onChange(typeof v === 'number' ? v : Number(v))}
                onBlur={port.onBlur}
                error={fieldState.error?.message}
                data-testid="team-port"
                required
              />
            )}
          />
        </Group>
        <Group align="flex-start">
          {field('database', { w: 220 })}
          {field('user', { w: 220 })}
          <PasswordInput
            label={t('password')}
            {...form.register('password')}
            error={form.formState.errors.password?.message}
            placeholder={status.passwordStored ? t('passwordKept') : undefined}
            w={260}
            data-testid="team-password"
            required={!status.passwordStored}
          />
        </Group>
        <Text size="xs" c="dimmed">
          {t('passwordSafe')}
        </Text>
        {field('recordingsDir', { description: t('recordingsDirHint') })}
        <Group>
          <Button variant="light" onClick={() => void test()} loading={busy === 'test'} data-testid="team-test">
            {t('test')}
          </Button>
          <Button type="submit" loading={busy === 'enable'} data-testid="team-enable">
            {t('enable')}
          </Button>
        </Group>
        {check && <Checklist check={check} />}
      </Stack>
    </form>
  );
}

/** Instellingen → Teammodus: set up, test and switch on the team database; move this workstation's data into it once. */
export function TeamPanel() {
  const { t } = useTranslation('team');
  const status = useChannel('team.status', {}, []);
  return (
    <Paper withBorder radius="md" p="lg" maw={880} mt="lg" data-testid="team-panel">
      <Stack>
        <Title order={2} fz="lg">
          {t('title')}
        </Title>
        <Text size="sm">{t('intro')}</Text>
        <ErrorAlert error={status.error} />
        {status.data?.mode === 'team' && <ConnectedView status={status.data} onChanged={status.reload} />}
        {status.data?.mode === 'local' && <SetupForm status={status.data} onChanged={status.reload} />}
      </Stack>
    </Paper>
  );
}

/**
 * On the start-up problem page when the team database does not open: the way back to this
 * workstation's own database, so nobody is stuck while IT fixes the server.
 */
export function TeamStartupOption() {
  const { t } = useTranslation('team');
  const [busy, setBusy] = useState(false);
  const disable = async () => {
    setBusy(true);
    try {
      await api.call('team.disable', {});
      window.location.replace(window.location.href.split('#')[0] ?? '');
    } catch (error) {
      notifyError(error);
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="lg" radius="md" data-testid="team-startup-option">
      <Stack>
        <Title order={2} fz="lg">
          1. {t('startupDisable')}
        </Title>
        <Text size="sm">{t('startupDisableText')}</Text>
        <Group>
          <Button variant="light" color="red" onClick={() => void disable()} loading={busy} data-testid="team-startup-disable">
            {t('startupDisable')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
