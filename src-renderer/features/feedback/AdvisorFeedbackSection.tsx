import { Anchor, Button, Center, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { ActionPointsPanel } from './ActionPointsPanel';
import { AgreementBadge } from './parts';

/** Feedback sessions and action points of one advisor, for the advisor page. */
export function AdvisorFeedbackSection({ advisorId, advisorName }: { advisorId: number; advisorName: string }) {
  const { t } = useTranslation('feedback');
  const { t: tc } = useTranslation();
  const sessions = useChannel('feedback.list', { advisorId }, ['feedback', 'staff']);
  // Only for the count of evaluations awaiting feedback; cheap enough for one advisor.
  const prep = useChannel('feedback.prepare', { advisorId }, ['feedback', 'evaluations']);
  const awaiting = prep.data?.evaluations.length;
  const list = sessions.data ?? [];

  return (
    <Stack gap="sm" component="section" aria-labelledby="advisor-feedback-title" data-testid="advisor-feedback">
      <Group justify="space-between" align="center" wrap="wrap">
        <Title order={2} fz="xl" id="advisor-feedback-title">
          {t('section.title')}
        </Title>
        <Group gap="sm">
          {awaiting !== undefined ? (
            <Text size="sm" c={awaiting > 0 ? undefined : 'gray.7'} fw={awaiting > 0 ? 600 : 400} data-testid="awaiting-feedback">
              {awaiting > 0 ? t('section.awaiting', { count: awaiting }) : t('section.noneAwaiting')}
            </Text>
          ) : null}
          <Button
            component={Link}
            to={`/staff/${advisorId}/feedback/new`}
            leftSection={<IconMessages size={16} aria-hidden />}
            data-testid="record-feedback"
          >
            {t('section.record')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={sessions.error ?? prep.error} />

      <Paper withBorder radius="md">
        <Title order={3} fz="md" px="md" pt="md" pb="xs">
          {t('section.sessions')}
        </Title>
        {sessions.loading && !sessions.data ? (
          <Center p="lg">
            <Loader size="sm" aria-label={tc('loading')} />
          </Center>
        ) : list.length === 0 ? (
          <Text px="md" pb="md" size="sm" c="gray.7" data-testid="sessions-empty">
            {t('section.noSessions', { name: advisorName })}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={620} type="native">
            <Table
              verticalSpacing="xs"
              horizontalSpacing="md"
              aria-label={t('section.sessionsTable', { name: advisorName })}
              data-testid="feedback-sessions"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('section.columns.heldOn')}</Table.Th>
                  <Table.Th>{t('section.columns.coach')}</Table.Th>
                  <Table.Th>{t('section.columns.agreement')}</Table.Th>
                  <Table.Th ta="right">{t('section.columns.evaluations')}</Table.Th>
                  <Table.Th ta="right">{t('section.columns.actionPoints')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((s) => (
                  <Table.Tr key={s.id} data-testid="feedback-session-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/feedback/${s.id}`} fw={600} size="sm">
                        {formatDate(s.heldOn)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{s.coachName}</Table.Td>
                    <Table.Td>
                      <AgreementBadge agreement={s.agreement} />
                    </Table.Td>
                    <Table.Td ta="right">{s.evaluations.length}</Table.Td>
                    <Table.Td ta="right">{s.actionPoints.length}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      <ActionPointsPanel advisorId={advisorId} withHistory headingOrder={3} />
    </Stack>
  );
}
