import { Anchor, Badge, Button, Group, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CalibrationSummary } from '@contract';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { ListSection } from '../../components/ListSection';
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
      <ListSection id="calibration-open" title={t('open')} empty={t('openEmpty')} count={open.length}>
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
      </ListSection>

      <ListSection id="calibration-closed" title={t('closed')} empty={t('closedEmpty')} count={closed.length}>
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
      </ListSection>
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
  const statusThenCompare = (color: string, Icon: typeof IconCircleCheck, label: string) => (
    <Group gap="xs" wrap="nowrap">
      <Badge color={color} variant="filled" leftSection={<Icon size={12} aria-hidden />} styles={wholeLabel} data-testid="my-status">
        {label}
      </Badge>
      {link(t('mine.compare'))}
    </Group>
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
      return statusThenCompare('teal.9', IconCircleCheck, t('mine.submitted'));
    case 'missed':
      return statusThenCompare('gray.7', IconCircleX, t('mine.missed'));
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
