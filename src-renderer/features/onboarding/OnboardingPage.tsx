import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Onboarding } from '@contract';
import { api } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatPeriod } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { BackLink } from '../../components/BackLink';
import { PageHeader } from '../../components/PageHeader';
import { BuddyPhase } from './BuddyPhase';
import { CompletePanel } from './CompletePanel';
import { PhaseBadge, staffOptions } from './parts';
import { RampUpPanel } from './RampUpPanel';
import { WeekView } from './WeekView';

type Tab = 'program' | 'buddy' | 'rampUp' | 'complete';

/** One new hire's track: the weeks with sign-offs, the buddy phase, the ramp-up and completion. */
export function OnboardingPage() {
  const { t } = useTranslation('onboarding');
  const id = Number(useParams().id);
  const track = useChannel('onboarding.get', Number.isInteger(id) && id > 0 ? { id } : null, ['onboarding', 'staff']);
  const [tab, setTab] = useState<Tab | null>(null);
  const data = track.data;

  if (!data) return <ErrorAlert error={track.error} />;
  const shown: Tab = tab ?? (data.phase === 'buddy' ? 'buddy' : 'program');
  return (
    <>
      <BackLink to="/onboarding">{t('track.back')}</BackLink>
      <PageHeader
        title={t('track.title', { name: data.staffName })}
        subtitle={t('track.subtitle', { program: data.programName, start: formatDate(data.startDate) })}
        actions={<PhaseBadge phase={data.phase} week={data.currentWeek} />}
      />
      <Stack gap="lg">
        <ErrorAlert error={track.error} />
        {data.status === 'completed' ? (
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} data-testid="completed-banner">
            {t('track.completedBanner', { date: formatDate(data.completedOn), name: data.completedByName ?? '—' })}
          </Alert>
        ) : null}
        <Summary track={data} />
        <Tabs value={shown} onChange={(v) => setTab(v as Tab)} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="program">{t('track.tabs.program')}</Tabs.Tab>
            <Tabs.Tab value="buddy">{t('track.tabs.buddy')}</Tabs.Tab>
            <Tabs.Tab value="rampUp">{t('track.tabs.rampUp')}</Tabs.Tab>
            <Tabs.Tab value="complete">{t('track.tabs.complete')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="program" pt="md">
            <WeekView track={data} />
          </Tabs.Panel>
          <Tabs.Panel value="buddy" pt="md">
            <BuddyPhase track={data} />
          </Tabs.Panel>
          <Tabs.Panel value="rampUp" pt="md">
            <RampUpPanel track={data} />
          </Tabs.Panel>
          <Tabs.Panel value="complete" pt="md">
            <CompletePanel track={data} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}

function Summary({ track }: { track: Onboarding }) {
  const { t } = useTranslation('onboarding');
  const quota = track.quota;
  const fact = (label: string, value: string) => (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </Stack>
  );
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Title order={2} fz="lg">
          {t('track.summary')}
        </Title>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" data-testid="track-summary">
          {fact(t('track.trainer'), track.trainerName)}
          {fact(t('track.buddy'), track.buddyName ?? t('track.noBuddy'))}
          {fact(t('track.start'), formatDate(track.startDate))}
          {fact(t('track.trainingEnd'), formatDate(track.trainingEndDate))}
          {fact(t('track.level'), track.level ? t(`levels.${track.level}`) : '—')}
          {fact(
            t('track.quota'),
            !quota
              ? t('track.quotaNone')
              : quota.toPeriod
                ? t('track.quotaValue', { count: quota.perMonth, from: formatPeriod(quota.fromPeriod), to: formatPeriod(quota.toPeriod) })
                : t('track.quotaOpen', { count: quota.perMonth, from: formatPeriod(quota.fromPeriod) }),
          )}
        </SimpleGrid>
        {track.status === 'running' ? <AssignForm key={`${track.trainerId}-${track.buddyId}`} track={track} /> : null}
      </Stack>
    </Paper>
  );
}

function AssignForm({ track }: { track: Onboarding }) {
  const { t } = useTranslation('onboarding');
  const trainers = useChannel('staff.list', { roles: ['trainer'] }, ['staff']);
  const advisors = useChannel('staff.list', { roles: ['advisor'] }, ['staff']);
  const [trainerId, setTrainerId] = useState<string | null>(String(track.trainerId));
  const [buddyId, setBuddyId] = useState<string | null>(track.buddyId === null ? null : String(track.buddyId));
  const [saving, setSaving] = useState(false);
  const buddies = (advisors.data ?? []).filter((a) => a.status === 'active' && a.id !== track.staffId);
  const changed = trainerId !== String(track.trainerId) || buddyId !== (track.buddyId === null ? null : String(track.buddyId));

  const save = async () => {
    if (!trainerId) return;
    setSaving(true);
    try {
      await api.call('onboarding.assign', { id: track.id, trainerId: Number(trainerId), buddyId: buddyId ? Number(buddyId) : null });
      notifySuccess(t('track.assigned'));
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      aria-label={t('track.assignTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <ErrorAlert error={trainers.error ?? advisors.error} />
      <Group align="flex-end" gap="md">
        <Select label={t('track.trainer')} data={staffOptions(trainers.data ?? [])} value={trainerId} onChange={setTrainerId} w={240} />
        <Select
          label={t('track.buddy')}
          placeholder={t('track.noBuddy')}
          data={staffOptions(buddies)}
          value={buddyId}
          onChange={setBuddyId}
          searchable
          clearable
          w={240}
          data-testid="assign-buddy"
        />
        <Button
          type="submit"
          variant="light"
          loading={saving}
          disabled={!changed || !trainerId}
          leftSection={<IconDeviceFloppy size={16} aria-hidden />}
          data-testid="assign-save"
        >
          {t('track.saveAssign')}
        </Button>
      </Group>
    </form>
  );
}
