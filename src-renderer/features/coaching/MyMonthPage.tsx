import { Alert, Anchor, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowRight, IconMessageCircle, IconPlayerPlay, IconScale } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { AdvisorMonth, NextStep } from '@contract';
import { useChannel } from '../../api/use-channel';
import { warningOrange } from '../../app/theme';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatPeriod } from '../../components/format';
import { MonthSelect } from '../../components/MonthSelect';
import { notifyError } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { MonthActionPoints } from './MonthActionPoints';
import { evaluationForNextStep } from './next-step';
import { usePeriod } from './use-period';

const pct = (done: number, planned: number) => (planned > 0 ? Math.min(100, (done / planned) * 100) : 100);

function Stat({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId: string }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {value}
      </Text>
      {detail ? (
        <Text size="xs" c="gray.7">
          {detail}
        </Text>
      ) : null}
    </Paper>
  );
}

export function MyMonthPage() {
  const { t } = useTranslation('coaching');
  const navigate = useNavigate();
  const [period, setPeriod] = usePeriod();
  // A manager follows a coach's month from the team view (`?coach=`); a coach sees their own.
  const [params] = useSearchParams();
  const coachId = Number(params.get('coach')) || undefined;
  const month = useChannel('coaching.myMonth', { period, coachId }, ['evaluations', 'samples', 'plan', 'feedback', 'staff', 'settings']);
  const [opening, setOpening] = useState<string | null>(null);
  const data = month.data;

  const open = async (next: NextStep, key: string) => {
    setOpening(key);
    try {
      void navigate(`/evaluations/${await evaluationForNextStep(next)}`);
    } catch (error) {
      notifyError(error);
    } finally {
      setOpening(null);
    }
  };

  const totals = (data?.advisors ?? []).reduce(
    (sum, a) => ({
      drafts: sum.drafts + a.drafts,
      waiting: sum.waiting + a.sampleWaiting,
      feedback: sum.feedback + a.feedbackToGive,
      open: sum.open + a.actionPointsOpen,
      due: sum.due + a.actionPointsDue,
    }),
    { drafts: 0, waiting: 0, feedback: 0, open: 0, due: 0 },
  );

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={data ? t('subtitle', { name: data.coachName, month: formatPeriod(period) }) : undefined}
        actions={
          <>
            <MonthSelect label={t('month')} value={period} onChange={setPeriod} testId="my-month-period" />
            <Button
              mt={24}
              leftSection={<IconPlayerPlay size={16} aria-hidden />}
              disabled={!data?.next}
              loading={opening === 'top'}
              onClick={() => data?.next && void open(data.next, 'top')}
              data-testid="next-call"
            >
              {t('nextCall')}
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        <ErrorAlert error={month.error} />
        {data ? (
          <>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <Stat
                label={t('scored')}
                value={t('scoredOf', { done: data.done, planned: data.planned })}
                detail={`${Math.round(pct(data.done, data.planned))}%`}
                testId="stat-scored"
              />
              <Stat label={t('drafts')} value={String(totals.drafts)} testId="stat-drafts" />
              <Stat label={t('feedbackToGive')} value={String(totals.feedback)} testId="stat-feedback" />
              <Stat
                label={t('actionPoints')}
                value={String(totals.open)}
                detail={t('actionPointsDue', { count: totals.due })}
                testId="stat-action-points"
              />
            </SimpleGrid>

            {data.secondOpinions > 0 ? (
              <Alert color="orange" variant="light" icon={<IconScale aria-hidden />} data-testid="second-opinions-waiting">
                <Group justify="space-between">
                  <Text size="sm">{t('secondOpinions', { count: data.secondOpinions })}</Text>
                  <Anchor component={Link} to="/disputes" size="sm">
                    {t('toDisputes')}
                  </Anchor>
                </Group>
              </Alert>
            ) : null}

            {data.advisors.length === 0 ? (
              <Alert color="blue" variant="light" data-testid="no-advisors">
                <Text size="sm">{t('noAdvisors')}</Text>
                <Anchor component={Link} to="/plan" size="sm">
                  {t('toPlan')}
                </Anchor>
              </Alert>
            ) : (
              <>
                {!data.next && data.done < data.planned && totals.waiting === 0 ? (
                  <Alert color="blue" variant="light" data-testid="no-sample">
                    <Group justify="space-between">
                      <Text size="sm">{t('noSample')}</Text>
                      <Anchor component={Link} to="/samples" size="sm">
                        {t('toSample')}
                      </Anchor>
                    </Group>
                  </Alert>
                ) : null}
                <Paper withBorder radius="md">
                  <Title order={2} fz="lg" px="md" pt="md" id="advisors-title">
                    {t('advisorsTable')}
                  </Title>
                  <Table.ScrollContainer minWidth={820}>
                    <Table verticalSpacing="sm" aria-labelledby="advisors-title" data-testid="my-month-table">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('columns.advisor')}</Table.Th>
                          <Table.Th w={200}>{t('columns.progress')}</Table.Th>
                          <Table.Th>{t('columns.drafts')}</Table.Th>
                          <Table.Th>{t('columns.waiting')}</Table.Th>
                          <Table.Th>{t('columns.feedback')}</Table.Th>
                          <Table.Th>{t('columns.actionPoints')}</Table.Th>
                          <Table.Th>{t('columns.next')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {data.advisors.map((a) => (
                          <AdvisorRow key={a.advisorId} advisor={a} opening={opening} onOpen={open} />
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Paper>
                <MonthActionPoints advisorIds={data.advisors.map((a) => a.advisorId)} period={period} />
              </>
            )}
          </>
        ) : null}
      </Stack>
    </>
  );
}

function AdvisorRow({
  advisor: a,
  opening,
  onOpen,
}: {
  advisor: AdvisorMonth;
  opening: string | null;
  onOpen(next: NextStep, key: string): Promise<void>;
}) {
  const { t } = useTranslation('coaching');
  const key = `advisor-${a.advisorId}`;
  return (
    <Table.Tr data-testid={`advisor-row-${a.advisorId}`}>
      <Table.Td>
        <Anchor component={Link} to={`/staff/${a.advisorId}`} fw={600}>
          {a.name}
        </Anchor>
        {!a.adjusted ? null : (
          <Text size="xs" c="gray.7">
            {a.explanation}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={600} w={44} data-testid="progress-text">
            {a.done}/{a.planned}
          </Text>
          <Progress
            value={pct(a.done, a.planned)}
            color={a.done >= a.planned ? 'teal.8' : 'blue.7'}
            style={{ flex: 1 }}
            aria-label={t('progressLabel', { done: a.done, planned: a.planned })}
          />
        </Group>
      </Table.Td>
      <Table.Td>{a.drafts || '—'}</Table.Td>
      <Table.Td>{a.sampleWaiting || '—'}</Table.Td>
      <Table.Td>
        {a.feedbackToGive > 0 ? (
          <Button
            component={Link}
            to={`/staff/${a.advisorId}/feedback/new`}
            size="compact-sm"
            variant="light"
            leftSection={<IconMessageCircle size={14} aria-hidden />}
            aria-label={`${t('giveFeedback')}: ${a.name}`}
          >
            {a.feedbackToGive}
          </Button>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        {a.actionPointsOpen > 0 ? (
          <Group gap={6}>
            <Text size="sm">{a.actionPointsOpen}</Text>
            {a.actionPointsDue > 0 ? (
              <Badge color={warningOrange} variant="filled" size="sm">
                {t('dueSuffix', { count: a.actionPointsDue })}
              </Badge>
            ) : null}
          </Group>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        {a.next ? (
          <Button
            size="compact-sm"
            variant={a.next.kind === 'draft' ? 'filled' : 'light'}
            rightSection={<IconArrowRight size={14} aria-hidden />}
            loading={opening === key}
            onClick={() => a.next && void onOpen(a.next, key)}
            aria-label={`${a.next.kind === 'draft' ? t('resume') : t('score')}: ${a.name}`}
          >
            {a.next.kind === 'draft' ? t('resume') : t('score')}
          </Button>
        ) : a.done >= a.planned ? (
          <Badge color="teal.9" variant="filled">
            {t('complete')}
          </Badge>
        ) : (
          '—'
        )}
      </Table.Td>
    </Table.Tr>
  );
}
