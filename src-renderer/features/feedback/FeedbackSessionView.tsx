import { Anchor, Box, Center, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime, formatScore } from '../../components/format';
import { BackLink } from '../../components/BackLink';
import { PageHeader } from '../../components/PageHeader';
import { EvaluationStatusBadge } from '../staff/badges';
import { ActionStatusBadge, AgreementBadge, useTopicLabel } from './parts';

export function FeedbackSessionView() {
  const { t } = useTranslation('feedback');
  const { t: tc } = useTranslation();
  const id = Number(useParams().id);
  const validId = Number.isInteger(id) && id > 0;
  // 'feedback': follow-ups later on change the status of the action points shown here.
  const session = useChannel('feedback.get', validId ? { id } : null, ['feedback', 'evaluations', 'staff']);
  const topicLabel = useTopicLabel();

  if (!validId || session.error) return <ErrorAlert error={session.error ?? new Error(tc('loadFailed'))} />;
  const s = session.data;
  if (!s) {
    return (
      <Center py="xl">
        <Loader aria-label={tc('loading')} />
      </Center>
    );
  }

  return (
    <>
      <BackLink to={`/staff/${s.advisorId}`}>{t('backToAdvisor', { name: s.advisorName })}</BackLink>
      <PageHeader
        title={t('titleWith', { name: s.advisorName })}
        subtitle={t('view.heldOn', { date: formatDate(s.heldOn), coach: s.coachName })}
        actions={<AgreementBadge agreement={s.agreement} />}
      />
      <Stack gap="lg" data-testid="feedback-session">
        <ViewSection title={t('view.evaluations')} id="fbv-evaluations">
          {s.evaluations.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t('view.noEvaluations')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={680} type="native">
              <Table verticalSpacing="xs" aria-label={t('view.evaluationsTable')} data-testid="session-evaluations">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('view.columns.call')}</Table.Th>
                    <Table.Th>{t('view.columns.topic')}</Table.Th>
                    <Table.Th ta="right">{t('view.columns.score')}</Table.Th>
                    <Table.Th>{t('view.columns.status')}</Table.Th>
                    <Table.Th>{t('view.columns.daysToFeedback')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.evaluations.map((e) => (
                    <Table.Tr key={e.id} data-testid="session-evaluation">
                      <Table.Td>
                        <Anchor component={Link} to={`/evaluations/${e.id}`} fw={600} size="sm">
                          {formatDateTime(e.callAt)}
                        </Anchor>
                        <Text size="xs" c="gray.7" truncate="end" maw={260}>
                          {e.recordingName}
                        </Text>
                      </Table.Td>
                      <Table.Td>{topicLabel(e.topic)}</Table.Td>
                      <Table.Td ta="right" fw={700}>
                        {formatScore(e.scorePct)}
                      </Table.Td>
                      <Table.Td>
                        <EvaluationStatusBadge status={e.status} />
                      </Table.Td>
                      <Table.Td data-testid="days-to-feedback">
                        {e.daysToFeedback === null ? tc('none') : t('view.days', { count: e.daysToFeedback })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </ViewSection>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <ViewSection title={t('view.tops')} id="fbv-tops">
            <LongText testId="view-tops">{s.tops}</LongText>
          </ViewSection>
          <ViewSection title={t('view.tips')} id="fbv-tips">
            <LongText testId="view-tips">{s.tips}</LongText>
          </ViewSection>
        </SimpleGrid>

        <ViewSection title={t('view.reaction')} id="fbv-reaction">
          <Stack gap="sm">
            <LongText testId="view-reaction">{s.reaction}</LongText>
            <Group gap="sm">
              <Text size="sm" fw={600}>
                {t('view.agreement')}
              </Text>
              <AgreementBadge agreement={s.agreement} />
            </Group>
            {s.agreement === 'disagreed' ? (
              <Box>
                <Text size="sm" fw={600}>
                  {t('view.disagreementComment')}
                </Text>
                <LongText testId="view-disagreement">{s.disagreementComment}</LongText>
              </Box>
            ) : null}
          </Stack>
        </ViewSection>

        <ViewSection title={t('view.actionPoints')} id="fbv-actions">
          {s.actionPoints.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t('view.noActionPoints')}
            </Text>
          ) : (
            <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {s.actionPoints.map((p) => (
                <Paper key={p.id} component="li" withBorder radius="sm" p="sm" data-testid="session-action-point">
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <Stack gap={2}>
                      <Text size="sm" fw={600}>
                        {p.description}
                      </Text>
                      <Text size="xs" c="gray.7">
                        {[
                          p.criterionTitle ? t('panel.criterion', { title: p.criterionTitle }) : null,
                          t('panel.due', { date: formatDate(p.dueDate) }),
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                      {p.followUpNote ? (
                        <Text size="xs" c="gray.8" style={{ whiteSpace: 'pre-wrap' }}>
                          {t('panel.note', { note: p.followUpNote })}
                        </Text>
                      ) : null}
                    </Stack>
                    <ActionStatusBadge status={p.status} />
                  </Group>
                </Paper>
              ))}
            </Stack>
          )}
        </ViewSection>
        <Text size="xs" c="gray.7">
          {t('view.recordedAt', { when: formatDateTime(s.createdAt) })}
        </Text>
      </Stack>
    </>
  );
}

function ViewSection({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function LongText({ children, testId }: { children: string; testId: string }) {
  const { t } = useTranslation('feedback');
  return children.trim() === '' ? (
    <Text size="sm" c="gray.7" data-testid={testId}>
      {t('view.empty')}
    </Text>
  ) : (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={testId}>
      {children}
    </Text>
  );
}
