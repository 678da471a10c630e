import { Alert, Anchor, Badge, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { format } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CoachProgress } from '@contract';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber, formatPeriod } from '../../components/format';
import { MonthSelect } from '../../components/MonthSelect';
import { PageHeader } from '../../components/PageHeader';
import { usePeriod } from './use-period';

/** Filled badges with dark shades keep small text above 4.5:1 contrast. */
function scheduleColor(pct: number | null): string {
  if (pct === null || pct >= 100) return 'teal.9';
  return pct >= 80 ? 'yellow.9' : 'red.9';
}

export function TeamPage() {
  const { t } = useTranslation('coaching');
  const [period, setPeriod] = usePeriod();
  // "On schedule" is measured against today on this workstation.
  const asOf = format(new Date(), 'yyyy-MM-dd');
  const overview = useChannel('coaching.team', { period, asOf }, ['evaluations', 'plan', 'staff', 'settings']);
  const data = overview.data;
  const expected = data ? data.coaches.reduce((sum, c) => sum + c.expectedByNow, 0) : 0;
  const teamPct = expected > 0 && data ? (data.done / expected) * 100 : null;

  return (
    <>
      <PageHeader
        title={t('team.title')}
        subtitle={data ? t('team.subtitle', { month: formatPeriod(period), day: data.dayOfMonth, days: data.daysInMonth }) : undefined}
        actions={<MonthSelect label={t('month')} value={period} onChange={setPeriod} testId="team-period" />}
      />
      <Stack gap="lg">
        <ErrorAlert error={overview.error} />
        {data ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Paper withBorder radius="md" p="md">
                <Text size="sm" c="gray.7">
                  {t('team.total')}
                </Text>
                <Text fz={28} fw={700} data-testid="team-total">
                  {t('scoredOf', { done: data.done, planned: data.planned })}
                </Text>
              </Paper>
              <Paper withBorder radius="md" p="md">
                <Text size="sm" c="gray.7">
                  {t('team.onSchedule')}
                </Text>
                <Text fz={28} fw={700} data-testid="team-on-schedule">
                  {teamPct === null ? '—' : `${formatNumber(teamPct, 0)}%`}
                </Text>
                <Text size="xs" c="gray.7">
                  {t('team.onScheduleHint', { day: data.dayOfMonth, expected: formatNumber(expected, 1) })}
                </Text>
              </Paper>
              <Paper withBorder radius="md" p="md">
                <Text size="sm" c="gray.7">
                  {t('team.coaches')}
                </Text>
                <Text fz={28} fw={700}>
                  {data.coaches.length}
                </Text>
              </Paper>
            </SimpleGrid>

            {data.unassigned.length > 0 ? (
              <Alert color="orange" variant="light" title={t('team.unassignedTitle')} data-testid="unassigned">
                <Text size="sm">
                  {t('team.unassigned', { count: data.unassigned.length, names: data.unassigned.map((u) => u.name).join(', ') })}
                </Text>
                <Anchor component={Link} to="/plan" size="sm">
                  {t('toPlan')}
                </Anchor>
              </Alert>
            ) : null}

            {data.coaches.length === 0 ? (
              <Alert color="blue" variant="light">
                {t('team.noCoaches')}
              </Alert>
            ) : (
              <Paper withBorder radius="md">
                <Title order={2} fz="lg" px="md" pt="md" id="coaches-title">
                  {t('team.coaches')}
                </Title>
                <Table.ScrollContainer minWidth={820}>
                  <Table verticalSpacing="sm" aria-labelledby="coaches-title" data-testid="team-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('team.columns.coach')}</Table.Th>
                        <Table.Th>{t('team.columns.advisors')}</Table.Th>
                        <Table.Th w={220}>{t('team.columns.progress')}</Table.Th>
                        <Table.Th>{t('team.columns.expected')}</Table.Th>
                        <Table.Th>{t('team.columns.onSchedule')}</Table.Th>
                        <Table.Th>{t('team.columns.behind')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.coaches.map((c) => (
                        <CoachRow key={c.coachId} coach={c} period={period} />
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            )}
          </>
        ) : null}
      </Stack>
    </>
  );
}

function CoachRow({ coach: c, period }: { coach: CoachProgress; period: string }) {
  const { t } = useTranslation('coaching');
  return (
    <Table.Tr data-testid={`coach-row-${c.coachId}`}>
      <Table.Td fw={600}>{c.name}</Table.Td>
      <Table.Td>{c.advisors}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={600} w={56}>
            {c.done}/{c.planned}
          </Text>
          <Progress
            value={c.planned > 0 ? (c.done / c.planned) * 100 : 0}
            color="blue.7"
            style={{ flex: 1 }}
            aria-label={t('progressLabel', { done: c.done, planned: c.planned })}
          />
        </Group>
      </Table.Td>
      <Table.Td>{formatNumber(c.expectedByNow, 1)}</Table.Td>
      <Table.Td>
        <Badge color={scheduleColor(c.onSchedulePct)} variant="filled" data-testid="on-schedule">
          {c.onSchedulePct === null ? '—' : `${formatNumber(c.onSchedulePct, 0)}%`}
        </Badge>
      </Table.Td>
      <Table.Td>
        {c.behind.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t('team.nobodyBehind')}
          </Text>
        ) : (
          <Group gap={6}>
            {c.behind.map((b) => (
              <Anchor key={b.advisorId} component={Link} to={`/staff/${b.advisorId}`} size="sm">
                {t('team.behindItem', { name: b.name, done: b.done, planned: b.planned })}
              </Anchor>
            ))}
          </Group>
        )}
        <Anchor component={Link} to={`/my-month?period=${period}&coach=${c.coachId}`} size="xs" display="block" mt={4}>
          {t('team.openMonth', { name: c.name })}
        </Anchor>
      </Table.Td>
    </Table.Tr>
  );
}
