import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { addMonths, format, parseISO } from 'date-fns';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { useSession } from '../../app/session-store';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatPeriod } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { BackLink } from '../../components/BackLink';
import { PageHeader } from '../../components/PageHeader';
import { staffOptions } from './parts';

export function StartOnboardingPage() {
  const { t } = useTranslation('onboarding');
  const navigate = useNavigate();
  const profile = useSession((s) => s.session?.profile);
  const advisors = useChannel('staff.list', { roles: ['advisor'] }, ['staff']);
  const trainers = useChannel('staff.list', { roles: ['trainer'] }, ['staff']);
  const programs = useChannel('onboarding.programs', {}, ['onboarding']);
  const running = useChannel('onboarding.dashboard', {}, ['onboarding']);

  const [staffId, setStaffId] = useState<string | null>(null);
  const [startDate, setStartDate] = useState(format(new Date(), 'yyyy-MM-dd'));
  const [trainerId, setTrainerId] = useState<string | null>(profile?.role === 'trainer' ? String(profile.id) : null);
  const [chosenProgram, setProgramId] = useState<string | null>(null);
  const [buddyId, setBuddyId] = useState<string | null>(null);
  const [quotaPerMonth, setQuotaPerMonth] = useState<number | string>(8);
  const [quotaMonths, setQuotaMonths] = useState<number | string>(3);
  const [saving, setSaving] = useState(false);

  // The shipped program is preselected while it is the only one, so a first onboarding is quick.
  const programId = chosenProgram ?? (programs.data?.length === 1 ? String(programs.data[0]!.id) : null);
  const program = programs.data?.find((p) => String(p.id) === programId);
  const busy = new Set((running.data?.rows ?? []).map((r) => r.staffId));
  const candidates = (advisors.data ?? []).filter((a) => !busy.has(a.id));
  const buddies = (advisors.data ?? []).filter((a) => a.status === 'active' && String(a.id) !== staffId);
  const until =
    /^\d{4}-\d{2}-\d{2}$/.test(startDate) && typeof quotaMonths === 'number' && quotaMonths >= 1
      ? formatPeriod(format(addMonths(parseISO(startDate), quotaMonths - 1), 'yyyy-MM'))
      : '—';
  const ready = staffId && trainerId && programId && startDate && typeof quotaPerMonth === 'number' && typeof quotaMonths === 'number';

  const submit = async () => {
    if (!ready) {
      notifyError(new Error(t('start.required')));
      return;
    }
    setSaving(true);
    try {
      const track = await api.call('onboarding.start', {
        staffId: Number(staffId),
        startDate,
        trainerId: Number(trainerId),
        programId: Number(programId),
        buddyId: buddyId ? Number(buddyId) : null,
        quotaPerMonth,
        quotaMonths,
      });
      notifySuccess(t('start.started', { name: track.staffName }));
      void navigate(`/onboarding/${track.id}`);
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <BackLink to="/onboarding">{t('track.back')}</BackLink>
      <PageHeader title={t('start.title')} subtitle={t('start.subtitle')} />
      <ErrorAlert error={advisors.error ?? trainers.error ?? programs.error ?? running.error} />
      <Paper withBorder radius="md" p="lg" maw={900}>
        <form
          aria-label={t('start.title')}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('start.staff')}
                description={t('start.staffHint')}
                data={staffOptions(candidates)}
                value={staffId}
                onChange={setStaffId}
                searchable
                withAsterisk
                data-testid="start-staff"
              />
              <TextInput
                label={t('start.startDate')}
                description={t('start.startDateHint')}
                type="date"
                value={startDate}
                onChange={(e) => setStartDate(e.currentTarget.value)}
                withAsterisk
              />
              <Select
                label={t('start.trainer')}
                data={staffOptions(trainers.data ?? [])}
                value={trainerId}
                onChange={setTrainerId}
                withAsterisk
                data-testid="start-trainer"
              />
              <Select
                label={t('start.program')}
                description={program ? t('start.programInfo', { weeks: program.weeks, items: program.itemCount }) : undefined}
                data={(programs.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
                value={programId}
                onChange={setProgramId}
                withAsterisk
                data-testid="start-program"
              />
              <Select
                label={t('start.buddy')}
                description={t('start.buddyHint')}
                data={staffOptions(buddies)}
                value={buddyId}
                onChange={setBuddyId}
                searchable
                clearable
                data-testid="start-buddy"
              />
            </SimpleGrid>
            <Title order={2} fz="md">
              {t('start.quotaTitle')}
            </Title>
            <Group align="flex-end">
              <NumberInput label={t('start.quotaPerMonth')} min={0} max={20} value={quotaPerMonth} onChange={setQuotaPerMonth} w={200} />
              <NumberInput label={t('start.quotaMonths')} min={1} max={12} value={quotaMonths} onChange={setQuotaMonths} w={160} />
            </Group>
            <Text size="sm" c="dimmed">
              {t('start.quotaHint', { until })}
            </Text>
            <Group>
              <Button
                type="submit"
                loading={saving}
                disabled={!ready}
                leftSection={<IconPlayerPlay size={16} aria-hidden />}
                data-testid="start-submit"
              >
                {t('start.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
