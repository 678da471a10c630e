import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { appSettings, type AppSettings, type AppSettingsInput } from '@contract';
import { api } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatNumber } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { AuditLogLink } from '../audit/AuditLogLink';
import { BackupsPanel } from '../backups/BackupsPanel';
import { TeamPanel } from '../team/TeamPanel';
import { useSession } from '../../app/session-store';

const megabytes = (bytes: number) => `${formatNumber(bytes / 1_000_000, 1)} MB`;

export function SettingsPage() {
  const { t } = useTranslation('settings');
  // Which database the whole team works in is the team manager's decision.
  const managesTeam = useSession((s) => s.session?.profile?.role === 'manager');
  const settings = useChannel('settings.get', {}, ['settings']);
  const log = useChannel('retention.log', {}, ['recordings']);
  const [running, setRunning] = useState(false);
  const form = useForm<AppSettingsInput, unknown, AppSettings>({
    resolver: zodResolver(appSettings),
    defaultValues: { audioRetentionMonths: 12, samplePerAdvisor: 4, sampleMinDurationSeconds: 60 },
  });
  const { reset } = form;
  useEffect(() => {
    if (settings.data) reset(settings.data);
  }, [settings.data, reset]);

  const save = form.handleSubmit(async (values) => {
    try {
      await api.call('settings.update', values);
      notifySuccess(t('saved'));
    } catch (error) {
      notifyError(error);
    }
  });
  const runNow = async () => {
    setRunning(true);
    try {
      const run = await api.call('retention.run', {});
      notifySuccess(t('runResult', { count: run.removed }));
    } catch (error) {
      notifyError(error);
    } finally {
      setRunning(false);
    }
  };

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <ErrorAlert error={settings.error ?? log.error} />
      <AuditLogLink />
      <Paper withBorder radius="md" p="lg" maw={880} mb="lg">
        {/* Part of the same settings object: saving sends every field, so neither section resets the other. */}
        <form onSubmit={(e) => void save(e)}>
          <Stack>
            <Title order={2} fz="lg">
              {t('sampleTitle')}
            </Title>
            <Text size="sm">{t('sampleIntro')}</Text>
            <Group align="flex-start">
              <Controller
                control={form.control}
                name="samplePerAdvisor"
                render={({ field, fieldState }) => (
                  <NumberInput
                    label={t('samplePerAdvisor')}
                    min={1}
                    max={20}
                    w={320}
                    value={field.value}
                    onChange={(v) => field.onChange(typeof v === 'number' ? v : Number(v))}
                    disabled={!settings.data}
                    error={fieldState.error?.message}
                    data-testid="sample-per-advisor-setting"
                  />
                )}
              />
              <Controller
                control={form.control}
                name="sampleMinDurationSeconds"
                render={({ field, fieldState }) => (
                  <NumberInput
                    label={t('sampleMinDuration')}
                    min={0}
                    max={3600}
                    w={320}
                    value={field.value}
                    onChange={(v) => field.onChange(typeof v === 'number' ? v : Number(v))}
                    disabled={!settings.data}
                    error={fieldState.error?.message}
                    data-testid="sample-min-duration-setting"
                  />
                )}
              />
            </Group>
            <Group>
              <Button type="submit" loading={form.formState.isSubmitting} data-testid="sample-settings-save">
                {t('sampleSave')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Paper withBorder radius="md" p="lg" maw={880}>
        <Stack>
          <Title order={2} fz="lg">
            {t('retentionTitle')}
          </Title>
          <Text size="sm">{t('retentionIntro')}</Text>
          <form onSubmit={(e) => void save(e)}>
            <Group align="flex-end">
              <Controller
                control={form.control}
                name="audioRetentionMonths"
                render={({ field, fieldState }) => (
                  <NumberInput
                    label={t('retentionMonths')}
                    min={1}
                    max={120}
                    w={320}
                    value={field.value}
                    onChange={(v) => field.onChange(typeof v === 'number' ? v : Number(v))}
                    disabled={!settings.data}
                    error={fieldState.error?.message}
                    data-testid="retention-months"
                  />
                )}
              />
              <Button type="submit" loading={form.formState.isSubmitting}>
                {t('save')}
              </Button>
              <Button variant="default" onClick={() => void runNow()} loading={running} data-testid="retention-run">
                {t('runNow')}
              </Button>
            </Group>
          </form>
          <Text size="xs" c="dimmed">
            {t('schedule')}
          </Text>
          <Title order={3} fz="md" mt="md">
            {t('logTitle')}
          </Title>
          {log.data?.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('logEmpty')}
            </Text>
          ) : (
            <Table aria-label={t('logTitle')} data-testid="retention-log">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('logWhen')}</Table.Th>
                  <Table.Th>{t('logFile')}</Table.Th>
                  <Table.Th ta="right">{t('logSize')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data?.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>{formatDateTime(entry.ranAt)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/recordings/${entry.recordingId}`}>
                        {entry.originalName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">{megabytes(entry.bytesFreed)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
      <BackupsPanel />
      {managesTeam && <TeamPanel />}
    </>
  );
}
