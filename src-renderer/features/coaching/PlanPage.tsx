import {
  ActionIcon,
  Anchor,
  Autocomplete,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconLink, IconPlus, IconTrash } from '@tabler/icons-react';
import { format } from 'date-fns';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StaffMember } from '@contract';
import { api } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { warningOrange } from '../../app/theme';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatPeriod, recentPeriods } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';

/** People who can still be planned (not left), as select options. */
const pickable = (people: readonly StaffMember[] | undefined) =>
  (people ?? []).filter((p) => p.status !== 'left').map((p) => ({ value: String(p.id), label: p.name }));

export function PlanPage() {
  const { t } = useTranslation('coaching');
  return (
    <>
      <PageHeader title={t('plan.title')} subtitle={t('plan.subtitle')} />
      <Stack gap="lg">
        <Assignments />
        <QuotaOverrides />
      </Stack>
    </>
  );
}

function Assignments() {
  const { t } = useTranslation('coaching');
  const advisors = useChannel('staff.list', { roles: ['advisor'] }, ['staff']);
  const coaches = useChannel('staff.list', { roles: ['coach'] }, ['staff']);
  const current = useChannel('coaching.assignments', { currentOnly: true }, ['plan', 'staff']);
  const history = useChannel('coaching.assignments', { currentOnly: false }, ['plan', 'staff']);
  const [advisorIds, setAdvisorIds] = useState<string[]>([]);
  const [coachId, setCoachId] = useState<string | null>(null);
  const [fromDate, setFromDate] = useState(format(new Date(), 'yyyy-MM-dd'));
  const [saving, setSaving] = useState(false);

  const byAdvisor = new Map((current.data ?? []).map((a) => [a.advisorId, a]));
  const assign = async () => {
    if (!coachId) return;
    setSaving(true);
    try {
      const done = await api.call('coaching.assign', { advisorIds: advisorIds.map(Number), coachId: Number(coachId), fromDate });
      notifySuccess(t('plan.assigned', { count: done.length, coach: done[0]?.coachName ?? '' }));
      setAdvisorIds([]);
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Title order={2} fz="lg" id="assign-title">
          {t('plan.assignTitle')}
        </Title>
        <ErrorAlert error={advisors.error ?? coaches.error ?? current.error} />
        <form
          aria-labelledby="assign-title"
          onSubmit={(e) => {
            e.preventDefault();
            void assign();
          }}
        >
          <Group align="flex-end" gap="md" wrap="wrap">
            <MultiSelect
              label={t('plan.advisors')}
              data={pickable(advisors.data)}
              value={advisorIds}
              onChange={setAdvisorIds}
              searchable
              clearable
              style={{ flex: 1 }}
              miw={320}
              data-testid="assign-advisors"
            />
            <Select
              label={t('plan.coach')}
              data={pickable(coaches.data)}
              value={coachId}
              onChange={setCoachId}
              w={220}
              data-testid="assign-coach"
            />
            <TextInput
              label={t('plan.fromDate')}
              type="date"
              value={fromDate}
              onChange={(e) => setFromDate(e.currentTarget.value)}
              w={170}
            />
            <Button
              type="submit"
              leftSection={<IconLink size={16} aria-hidden />}
              loading={saving}
              disabled={advisorIds.length === 0 || !coachId || !fromDate}
              data-testid="assign-submit"
            >
              {t('plan.assign')}
            </Button>
          </Group>
          <Text size="xs" c="gray.7" mt={6}>
            {t('plan.assignHint')}
          </Text>
        </form>

        <Title order={3} fz="md" id="current-title">
          {t('plan.currentTitle')}
        </Title>
        <Table verticalSpacing="xs" aria-labelledby="current-title" data-testid="assignments-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plan.columns.advisor')}</Table.Th>
              <Table.Th>{t('plan.columns.coach')}</Table.Th>
              <Table.Th>{t('plan.columns.since')}</Table.Th>
              <Table.Th>{t('plan.columns.history')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(advisors.data ?? [])
              .filter((a) => a.status !== 'left')
              .map((a) => {
                const now = byAdvisor.get(a.id);
                const earlier = (history.data ?? []).filter((h) => h.advisorId === a.id && h.toDate !== null);
                return (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/staff/${a.id}`}>
                        {a.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{now ? now.coachName : <Text c={warningOrange}>{t('plan.noCoach')}</Text>}</Table.Td>
                    <Table.Td>{now ? formatDate(now.fromDate) : '—'}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c="gray.7">
                        {earlier
                          .map((h) => t('plan.historyItem', { coach: h.coachName, from: formatDate(h.fromDate), to: formatDate(h.toDate) }))
                          .join('; ') || '—'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

function QuotaOverrides() {
  const { t } = useTranslation('coaching');
  const settings = useChannel('settings.get', {}, ['settings']);
  const advisors = useChannel('staff.list', { roles: ['advisor'] }, ['staff']);
  const overrides = useChannel('coaching.quotaOverrides', {}, ['plan', 'staff']);
  const periods = useMemo(() => [...recentPeriods(13, new Date(new Date().getFullYear() + 1, new Date().getMonth(), 1))].reverse(), []);
  const [advisorId, setAdvisorId] = useState<string | null>(null);
  const [fromPeriod, setFromPeriod] = useState<string | null>(format(new Date(), 'yyyy-MM'));
  const [toPeriod, setToPeriod] = useState<string | null>(null);
  const [perMonth, setPerMonth] = useState<number | string>(2);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const reasons = [t('plan.reasons.newHire'), t('plan.reasons.partTime'), t('plan.reasons.leave')];
  const periodOptions = periods.map((p) => ({ value: p, label: formatPeriod(p) }));

  const add = async () => {
    if (!advisorId || !fromPeriod || typeof perMonth !== 'number') return;
    setSaving(true);
    try {
      await api.call('coaching.addQuotaOverride', { advisorId: Number(advisorId), fromPeriod, toPeriod, perMonth, reason });
      notifySuccess(t('plan.overrideAdded'));
      setAdvisorId(null);
      setReason('');
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };
  const remove = async (id: number) => {
    try {
      await api.call('coaching.removeQuotaOverride', { id });
      notifySuccess(t('plan.removed'));
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Title order={2} fz="lg">
          {t('plan.quotaTitle')}
        </Title>
        <ErrorAlert error={settings.error ?? advisors.error ?? overrides.error} />
        <Group gap="xs">
          <Text size="sm">{t('plan.quotaDefault', { count: settings.data?.samplePerAdvisor ?? 4 })}</Text>
          <Anchor component={Link} to="/settings" size="sm">
            {t('plan.toSettings')}
          </Anchor>
        </Group>
        <Title order={3} fz="md" id="overrides-title">
          {t('plan.overridesTitle')}
        </Title>
        <form
          aria-labelledby="overrides-title"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <Group align="flex-end" gap="md" wrap="wrap">
            <Select
              label={t('plan.overrideAdvisor')}
              data={pickable(advisors.data)}
              value={advisorId}
              onChange={setAdvisorId}
              searchable
              w={230}
              data-testid="override-advisor"
            />
            <Select label={t('plan.fromPeriod')} data={periodOptions} value={fromPeriod} onChange={setFromPeriod} w={170} />
            <Select label={t('plan.toPeriod')} data={periodOptions} value={toPeriod} onChange={setToPeriod} clearable w={290} />
            <NumberInput label={t('plan.perMonth')} min={0} max={20} value={perMonth} onChange={setPerMonth} w={110} />
            <Autocomplete label={t('plan.reason')} data={reasons} value={reason} onChange={setReason} w={200} maxLength={200} />
            <Button
              type="submit"
              leftSection={<IconPlus size={16} aria-hidden />}
              loading={saving}
              disabled={!advisorId || !fromPeriod || typeof perMonth !== 'number' || reason.trim() === ''}
              data-testid="override-submit"
            >
              {t('plan.addOverride')}
            </Button>
          </Group>
        </form>
        {overrides.data?.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t('plan.noOverrides')}
          </Text>
        ) : (
          <Table verticalSpacing="xs" data-testid="overrides-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plan.overrideColumns.advisor')}</Table.Th>
                <Table.Th>{t('plan.overrideColumns.period')}</Table.Th>
                <Table.Th>{t('plan.overrideColumns.perMonth')}</Table.Th>
                <Table.Th>{t('plan.overrideColumns.reason')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(overrides.data ?? []).map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{o.advisorName}</Table.Td>
                  <Table.Td>
                    {o.toPeriod
                      ? t('plan.periodRange', { from: formatPeriod(o.fromPeriod), to: formatPeriod(o.toPeriod) })
                      : t('plan.untilFurtherNotice', { from: formatPeriod(o.fromPeriod) })}
                  </Table.Td>
                  <Table.Td>{o.perMonth}</Table.Td>
                  <Table.Td>{o.reason}</Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      aria-label={t('plan.removeLabel', { name: o.advisorName })}
                      onClick={() => void remove(o.id)}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
