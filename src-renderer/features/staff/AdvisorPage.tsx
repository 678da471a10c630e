import { Anchor, Badge, Box, Button, Center, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconChartLine, IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { EvaluationSummary } from '@contract';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime, formatPeriod, formatScore } from '../../components/format';
import { BackLink } from '../../components/BackLink';
import { PageHeader } from '../../components/PageHeader';
import { StaffChangesSection } from '../audit/StaffChangesSection';
import { AdvisorFeedbackSection } from '../feedback/AdvisorFeedbackSection';
import { PrivacyPanel } from '../privacy/PrivacyPanel';
import { EvaluationStatusBadge, StaffStatusBadge } from './badges';
import { StaffFormModal } from './StaffFormModal';

/** Only finalised evaluations count: a draft's score is provisional and would skew the average. */
function finalAverage(evaluations: EvaluationSummary[]): { score: number; count: number } | null {
  // Only what counts: a replaced original and its second opinion must not both weigh in.
  const scores = evaluations.flatMap((e) => (e.status !== 'draft' && e.counts && e.scorePct !== null ? [e.scorePct] : []));
  if (scores.length === 0) return null;
  return { score: scores.reduce((a, b) => a + b, 0) / scores.length, count: scores.length };
}

const fromControl = (target: EventTarget) => target instanceof Element && target.closest('a, button') !== null;

export function AdvisorPage() {
  const { t } = useTranslation('staff');
  const { t: tc } = useTranslation();
  const { t: tr } = useTranslation('reports');
  const params = useParams();
  const navigate = useNavigate();
  const id = Number(params.id);
  const validId = Number.isInteger(id) && id > 0;
  const [editing, setEditing] = useState(false);

  const person = useChannel('staff.get', validId ? { id } : null, ['staff']);
  // 'staff' too: the list shows advisor and coach names, which an edit elsewhere may change.
  const evaluations = useChannel('evaluations.listForAdvisor', validId ? { advisorId: id } : null, ['evaluations', 'staff']);
  const topics = useChannel('recordings.topics', {}, []);
  const topicLabel = (key: string | null) => (key === null ? tc('none') : (topics.data?.find((tp) => tp.key === key)?.label ?? key));

  const back = <BackLink to="/staff">{t('advisor.back')}</BackLink>;

  if (!validId) {
    return (
      <Stack>
        {back}
        <ErrorAlert error={new Error(t('advisor.invalidId'))} />
      </Stack>
    );
  }
  if (person.error) {
    return (
      <Stack>
        {back}
        <ErrorAlert error={person.error} />
      </Stack>
    );
  }
  const member = person.data;
  if (!member) {
    return (
      <Center py="xl">
        <Loader aria-label={tc('loading')} />
      </Center>
    );
  }

  const list = evaluations.data ?? [];
  const average = finalAverage(list);

  return (
    <>
      {back}
      <PageHeader
        title={member.name}
        subtitle={[tc(`roles.${member.role}`), member.team].filter(Boolean).join(' · ')}
        actions={
          <>
            {member.role === 'advisor' ? (
              <Button
                component={Link}
                to={`/staff/${id}/trend`}
                variant="default"
                leftSection={<IconChartLine size={16} aria-hidden />}
                data-testid="open-trend"
              >
                {tr('trend.link')}
              </Button>
            ) : null}
            <Button
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => setEditing(true)}
              data-testid="edit-advisor"
            >
              {t('advisor.edit')}
            </Button>
          </>
        }
      />

      <Paper withBorder radius="md" p="md" mb="xl">
        <SimpleGrid component="dl" cols={{ base: 2, sm: 5 }} m={0} data-testid="advisor-details">
          <Detail label={t('advisor.role')}>{tc(`roles.${member.role}`)}</Detail>
          <Detail label={t('advisor.team')}>{member.team || tc('none')}</Detail>
          <Detail label={t('advisor.employeeNumber')}>
            <Text span ff="monospace">
              {member.employeeNumber}
            </Text>
          </Detail>
          <Detail label={t('advisor.startDate')}>{formatDate(member.startDate)}</Detail>
          <Detail label={t('advisor.status')}>
            <StaffStatusBadge status={member.status} />
          </Detail>
        </SimpleGrid>
      </Paper>

      <Stack gap="sm">
        <Title order={2} fz="xl">
          {t('advisor.evaluations')}
        </Title>
        <ErrorAlert error={evaluations.error} />
        {evaluations.data && list.length > 0 ? (
          <Text size="sm" data-testid="average-score">
            {average ? t('advisor.average', { score: formatScore(average.score), count: average.count }) : t('advisor.noFinal')}
          </Text>
        ) : null}
        <Paper withBorder radius="md">
          {evaluations.loading && !evaluations.data ? (
            <Center p="xl">
              <Loader size="sm" aria-label={tc('loading')} />
            </Center>
          ) : list.length === 0 ? (
            <Text p="xl" c="gray.7" ta="center" data-testid="evaluations-empty">
              {t('advisor.empty', { name: member.name })}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={820} type="native">
              <Table
                striped
                highlightOnHover
                verticalSpacing="sm"
                horizontalSpacing="md"
                aria-label={t('advisor.tableLabel', { name: member.name })}
                data-testid="evaluations-table"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('advisor.columns.period')}</Table.Th>
                    <Table.Th>{t('advisor.columns.call')}</Table.Th>
                    <Table.Th>{t('advisor.columns.topic')}</Table.Th>
                    <Table.Th>{t('advisor.columns.coach')}</Table.Th>
                    <Table.Th ta="right">{t('advisor.columns.score')}</Table.Th>
                    <Table.Th>{t('advisor.columns.critical')}</Table.Th>
                    <Table.Th>{t('advisor.columns.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((ev) => (
                    <Table.Tr
                      key={ev.id}
                      style={{ cursor: 'pointer' }}
                      onClick={(e) => !fromControl(e.target) && void navigate(`/evaluations/${ev.id}`)}
                      data-testid="evaluation-row"
                      data-evaluation-id={ev.id}
                    >
                      <Table.Td>
                        <Anchor component={Link} to={`/evaluations/${ev.id}`} fw={600}>
                          {formatPeriod(ev.period)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" truncate="end" maw={260}>
                          {ev.recordingName}
                        </Text>
                        <Text size="xs" c="gray.7">
                          {formatDateTime(ev.callAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{topicLabel(ev.topic)}</Table.Td>
                      <Table.Td>{ev.coachName}</Table.Td>
                      <Table.Td ta="right" fw={700} data-testid="evaluation-score">
                        {formatScore(ev.scorePct)}
                      </Table.Td>
                      <Table.Td>
                        {ev.hasCriticalError ? (
                          <Badge color="red.8" variant="filled">
                            {t('advisor.criticalError')}
                          </Badge>
                        ) : (
                          tc('none')
                        )}
                      </Table.Td>
                      <Table.Td>
                        <EvaluationStatusBadge status={ev.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      </Stack>

      {member.role === 'advisor' ? (
        <Box mt="xl">
          <AdvisorFeedbackSection advisorId={id} advisorName={member.name} />
        </Box>
      ) : null}

      <StaffChangesSection staffId={id} name={member.name} />

      <Box mt="xl">
        <PrivacyPanel member={member} />
      </Box>

      <StaffFormModal opened={editing} member={member} onClose={() => setEditing(false)} />
    </>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Text component="dt" size="xs" c="gray.7" fw={500}>
        {label}
      </Text>
      <Box component="dd" m={0} mt={2} fz="sm">
        {children}
      </Box>
    </Box>
  );
}
