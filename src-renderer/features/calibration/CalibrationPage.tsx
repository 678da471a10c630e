import { Anchor, Badge, Button, Group, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CalibrationSummary } from '@contract';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { HistoryView } from './HistoryView';
import { DeadlineText, wholeLabel } from './labels';
import { myStep } from './model';
import { PlanSessionModal } from './PlanSessionModal';
import { StartScoringButton } from './StartScoringButton';

export type CalibrationTab = 'sessions' | 'history';

/** "Kalibratie": the sessions (open first) and, on the second tab, how agreement develops over them. */
export function CalibrationPage({ tab }: { tab: CalibrationTab }) {
  const { t } = useTranslation('calibration');
  const navigate = useNavigate();
  const [planning, setPlanning] = useState(false);
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setPlanning(true)} data-testid="plan-session">
            {t('plan')}
          </Button>
        }
      />
      <Tabs
        value={tab}
        onChange={(value) => void navigate(value === 'history' ? '/calibration/history' : '/calibration')}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="sessions" data-testid="tab-sessions">
            {t('tabs.sessions')}
          </Tabs.Tab>
          <Tabs.Tab value="history" data-testid="tab-history">
            {t('tabs.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sessions">
          <SessionLists />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <HistoryView />
        </Tabs.Panel>
      </Tabs>
      <PlanSessionModal
        opened={planning}
        onClose={() => setPlanning(false)}
        onCreated={(session) => {
          setPlanning(false);
          void navigate(`/calibration/${session.id}`);
        }}
      />
    </>
  );
}

function Section({ id, title, empty, count, children }: { id: string; title: string; empty: string; count: number; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id} data-testid={id}>
      <Title order={2} fz="lg" mb="sm" id={id}>
        {title}
      </Title>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        children
      )}
    </Paper>
  );
}

function SessionLists() {
  const { t } = useTranslation('calibration');
  const list = useChannel('calibration.list', {}, ['calibration', 'evaluations']);
  const sessions = list.data ?? [];
  // Soonest deadline first; sessions without one after those with one.
  const open = sessions
    .filter((s) => s.status === 'open')
    .sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || b.createdAt.localeCompare(a.createdAt));
  const closed = sessions.filter((s) => s.status === 'closed').sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));

  return (
    <Stack gap="lg">
      <ErrorAlert error={list.error} />
      <Section id="calibration-open" title={t('open')} empty={t('openEmpty')} count={open.length}>
        <Table verticalSpacing={8} fz="sm" aria-labelledby="calibration-open">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('columns.title')}</Table.Th>
              <Table.Th>{t('columns.call')}</Table.Th>
              <Table.Th>{t('columns.rubric')}</Table.Th>
              <Table.Th>{t('columns.deadline')}</Table.Th>
              <Table.Th>{t('columns.submitted')}</Table.Th>
              <Table.Th>{t('columns.mine')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {open.map((s) => (
              <Table.Tr key={s.id} data-testid="open-session-row">
                <Table.Td>
                  <TitleCell session={s} />
                </Table.Td>
                <Table.Td>
                  <CallCell session={s} />
                </Table.Td>
                <Table.Td>{t('rubricLine', { name: s.rubricName, version: s.rubricVersion })}</Table.Td>
                <Table.Td>
                  <DeadlineText session={s} />
                </Table.Td>
                <Table.Td data-testid="submitted-count">
                  {t('submittedCount', { submitted: s.submittedCount, total: s.participantCount })}
                </Table.Td>
                <Table.Td>
                  <MyPart session={s} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <Section id="calibration-closed" title={t('closed')} empty={t('closedEmpty')} count={closed.length}>
        <Table verticalSpacing={8} fz="sm" aria-labelledby="calibration-closed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('columns.title')}</Table.Th>
              <Table.Th>{t('columns.call')}</Table.Th>
              <Table.Th>{t('columns.rubric')}</Table.Th>
              <Table.Th>{t('columns.closedAt')}</Table.Th>
              <Table.Th>{t('columns.submitted')}</Table.Th>
              <Table.Th>{t('columns.mine')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {closed.map((s) => (
              <Table.Tr key={s.id} data-testid="closed-session-row">
                <Table.Td>
                  <TitleCell session={s} />
                </Table.Td>
                <Table.Td>
                  <CallCell session={s} />
                </Table.Td>
                <Table.Td>{t('rubricLine', { name: s.rubricName, version: s.rubricVersion })}</Table.Td>
                <Table.Td>{formatDate(s.closedAt)}</Table.Td>
                <Table.Td data-testid="submitted-count">
                  {t('submittedCount', { submitted: s.submittedCount, total: s.participantCount })}
                </Table.Td>
                <Table.Td>
                  <MyPart session={s} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
    </Stack>
  );
}

function TitleCell({ session: s }: { session: CalibrationSummary }) {
  const { t } = useTranslation('calibration');
  return (
    <>
      <Anchor component={Link} to={`/calibration/${s.id}`} fw={600} size="sm" aria-label={t('openSession', { title: s.title })}>
        {s.title}
      </Anchor>
      {s.referenceName ? (
        <Text size="xs" c="dimmed">
          {t('session.referenceExpert', { name: s.referenceName })}
        </Text>
      ) : null}
    </>
  );
}

function CallCell({ session: s }: { session: CalibrationSummary }) {
  const { t } = useTranslation('calibration');
  return (
    <>
      <Text size="sm">{s.advisorName ?? t('unknownAdvisor')}</Text>
      <Text size="xs" c="dimmed">
        {formatDateTime(s.callAt)}
      </Text>
    </>
  );
}

/** The profile's own status in words and the one next step, so nobody has to guess what is expected. */
function MyPart({ session: s }: { session: CalibrationSummary }) {
  const { t } = useTranslation('calibration');
  const step = myStep(s);
  const link = (label: string) => (
    <Anchor component={Link} to={`/calibration/${s.id}`} size="sm" data-testid="my-step-link">
      {label}
    </Anchor>
  );
  switch (step) {
    case 'start':
    case 'continue':
      return (
        <StartScoringButton
          sessionId={s.id}
          size="xs"
          variant={step === 'start' ? 'filled' : 'light'}
          label={t(`mine.${step}`)}
          ariaLabel={`${t(`mine.${step}`)}: ${s.title}`}
        />
      );
    case 'submitted':
      return (
        <Group gap="xs" wrap="nowrap">
          <Badge
            color="teal.9"
            variant="filled"
            leftSection={<IconCircleCheck size={12} aria-hidden />}
            styles={wholeLabel}
            data-testid="my-status"
          >
            {t('mine.submitted')}
          </Badge>
          {link(t('mine.compare'))}
        </Group>
      );
    case 'missed':
      return (
        <Group gap="xs" wrap="nowrap">
          <Badge
            color="gray.7"
            variant="filled"
            leftSection={<IconCircleX size={12} aria-hidden />}
            styles={wholeLabel}
            data-testid="my-status"
          >
            {t('mine.missed')}
          </Badge>
          {link(t('mine.compare'))}
        </Group>
      );
    case 'compare':
      return link(t('mine.compare'));
    case 'view':
      return (
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed">
            {t('mine.notParticipant')}
          </Text>
          {link(t('mine.view'))}
        </Group>
      );
  }
}
