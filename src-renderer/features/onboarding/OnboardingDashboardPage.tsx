import { Anchor, Badge, Box, Button, Group, Paper, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconBook, IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CheckinDueRow, OnboardingSummary, OverdueItem } from '@contract';
import { useChannel } from '../../api/use-channel';
import { useSession } from '../../app/session-store';
import { warningOrange } from '../../app/theme';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { PhaseBadge, staffOptions } from './parts';

/** The trainer's overview: every new hire on one timeline, then what needs doing. */
export function OnboardingDashboardPage() {
  const { t } = useTranslation('onboarding');
  const profile = useSession((s) => s.session?.profile);
  const [trainerId, setTrainerId] = useState<string | null>(profile?.role === 'trainer' ? String(profile.id) : null);
  const [includeCompleted, setIncludeCompleted] = useState(false);
  const trainers = useChannel('staff.list', { roles: ['trainer'] }, ['staff']);
  const dashboard = useChannel('onboarding.dashboard', { trainerId: trainerId ? Number(trainerId) : undefined, includeCompleted }, [
    'onboarding',
    'staff',
  ]);
  const data = dashboard.data;

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={data ? t('dashboard.subtitle', { today: formatDate(data.today) }) : undefined}
        actions={
          <>
            <Button component={Link} to="/onboarding/programs" variant="default" leftSection={<IconBook size={16} aria-hidden />}>
              {t('dashboard.programs')}
            </Button>
            <Button component={Link} to="/onboarding/new" leftSection={<IconPlus size={16} aria-hidden />} data-testid="start-onboarding">
              {t('dashboard.start')}
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        <ErrorAlert error={dashboard.error ?? trainers.error} />
        <Group gap="lg" align="flex-end">
          <Select
            label={t('dashboard.trainer')}
            placeholder={t('dashboard.allTrainers')}
            data={staffOptions(trainers.data ?? [])}
            value={trainerId}
            onChange={setTrainerId}
            clearable
            w={260}
            data-testid="trainer-filter"
          />
          <Switch
            label={t('dashboard.includeCompleted')}
            checked={includeCompleted}
            onChange={(e) => setIncludeCompleted(e.currentTarget.checked)}
            mb={8}
          />
        </Group>
        {data ? <Timeline rows={data.rows} /> : null}
        {data ? <OverdueList rows={data.overdue} /> : null}
        {data ? <CheckinsDue rows={data.checkinsDue} /> : null}
      </Stack>
    </>
  );
}

function Timeline({ rows }: { rows: OnboardingSummary[] }) {
  const { t } = useTranslation('onboarding');
  const weeks = Math.max(3, ...rows.map((r) => r.trainingWeeks));
  const weekNumbers = Array.from({ length: weeks }, (_, i) => i + 1);
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="timeline-title">
          {t('dashboard.timelineTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('dashboard.timelineHint')}
        </Text>
        {rows.length === 0 ? (
          <Text size="sm">{t('dashboard.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table aria-labelledby="timeline-title" data-testid="onboarding-timeline" verticalSpacing="sm" withColumnBorders>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.columns.name')}</Table.Th>
                  <Table.Th>{t('dashboard.columns.trainer')}</Table.Th>
                  <Table.Th>{t('dashboard.columns.start')}</Table.Th>
                  {weekNumbers.map((w) => (
                    <Table.Th key={w}>{t('dashboard.columns.week', { week: w })}</Table.Th>
                  ))}
                  <Table.Th>{t('dashboard.columns.buddy_phase')}</Table.Th>
                  <Table.Th>{t('dashboard.columns.done')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.id} data-testid={`timeline-row-${row.staffId}`}>
                    <Table.Th scope="row">
                      <Stack gap={4}>
                        <Anchor
                          component={Link}
                          to={`/onboarding/${row.id}`}
                          fw={600}
                          aria-label={t('dashboard.openFor', { name: row.staffName })}
                        >
                          {row.staffName}
                        </Anchor>
                        <PhaseBadge phase={row.phase} week={row.currentWeek} />
                      </Stack>
                    </Table.Th>
                    <Table.Td>{row.trainerName}</Table.Td>
                    <Table.Td>{formatDate(row.startDate)}</Table.Td>
                    {weekNumbers.map((w) => (
                      <WeekCell key={w} row={row} week={w} />
                    ))}
                    <PhaseCell current={row.phase === 'buddy'}>
                      <Text size="sm">{row.buddyName ?? t('dashboard.noBuddy')}</Text>
                      <Text size="xs" c="dimmed">
                        {row.level ? t('dashboard.levelCell', { level: t(`levels.${row.level}`) }) : t('dashboard.noLevel')}
                      </Text>
                    </PhaseCell>
                    <PhaseCell current={row.phase === 'done'}>
                      {row.completedOn ? <Text size="sm">{t('dashboard.doneOn', { date: formatDate(row.completedOn) })}</Text> : null}
                    </PhaseCell>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

/** A timeline cell; the phase someone is in today says so in words, not only in colour. */
function PhaseCell({ current, children }: { current: boolean; children?: ReactNode }) {
  const { t } = useTranslation('onboarding');
  return (
    <Table.Td bg={current ? 'klankbord.0' : undefined} data-current={current || undefined}>
      <Stack gap={2}>
        {current ? (
          <Badge size="xs" color="klankbord.9" variant="filled" w="fit-content">
            {t('dashboard.now')}
          </Badge>
        ) : null}
        {children}
      </Stack>
    </Table.Td>
  );
}

function WeekCell({ row, week }: { row: OnboardingSummary; week: number }) {
  const { t } = useTranslation('onboarding');
  const progress = row.weeks.find((w) => w.week === week);
  if (!progress) return <PhaseCell current={false}>—</PhaseCell>;
  return (
    <PhaseCell current={row.phase === 'training' && row.currentWeek === week}>
      <Text size="sm" fw={500}>
        {t('dashboard.weekCell', { done: progress.signedOff, total: progress.total })}
      </Text>
      {progress.overdue > 0 ? (
        <Text size="xs" fw={600} c={warningOrange}>
          {t('dashboard.weekCellOverdue', { count: progress.overdue })}
        </Text>
      ) : null}
    </PhaseCell>
  );
}

function OverdueList({ rows }: { rows: OverdueItem[] }) {
  const { t } = useTranslation('onboarding');
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="overdue-title">
          {t('dashboard.overdueTitle')}
        </Title>
        {rows.length === 0 ? (
          <Text size="sm">{t('dashboard.overdueEmpty')}</Text>
        ) : (
          <Box>
            <Table aria-labelledby="overdue-title" data-testid="overdue-table" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.overdueColumns.name')}</Table.Th>
                  <Table.Th>{t('dashboard.overdueColumns.item')}</Table.Th>
                  <Table.Th>{t('dashboard.overdueColumns.week')}</Table.Th>
                  <Table.Th>{t('dashboard.overdueColumns.due')}</Table.Th>
                  <Table.Th>{t('dashboard.overdueColumns.days')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.itemId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/onboarding/${r.onboardingId}`}>
                        {r.staffName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{r.title}</Table.Td>
                    <Table.Td>{r.week}</Table.Td>
                    <Table.Td>{formatDate(r.dueDate)}</Table.Td>
                    <Table.Td>{r.daysOverdue}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
        )}
      </Stack>
    </Paper>
  );
}

function CheckinsDue({ rows }: { rows: CheckinDueRow[] }) {
  const { t } = useTranslation('onboarding');
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="checkins-due-title">
          {t('dashboard.checkinsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('dashboard.checkinsHint')}
        </Text>
        {rows.length === 0 ? (
          <Text size="sm">{t('dashboard.checkinsEmpty')}</Text>
        ) : (
          <Table aria-labelledby="checkins-due-title" data-testid="checkins-due-table" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.checkinColumns.name')}</Table.Th>
                <Table.Th>{t('dashboard.checkinColumns.buddy')}</Table.Th>
                <Table.Th>{t('dashboard.checkinColumns.last')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.onboardingId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/onboarding/${r.onboardingId}`}>
                      {r.staffName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.buddyName ?? t('dashboard.noBuddy')}</Table.Td>
                  <Table.Td>{r.lastCheckinOn ? formatDate(r.lastCheckinOn) : t('dashboard.never')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
