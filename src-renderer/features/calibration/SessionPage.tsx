import { Alert, Anchor, Badge, Button, Center, Grid, Group, Loader, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconEyeOff, IconHeadphones, IconLock } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CalibrationSession } from '@contract';
import { api } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { useSession } from '../../app/session-store';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { ComparisonView } from './ComparisonView';
import { ConsensusEditor } from './ConsensusEditor';
import { DeadlineText, ParticipantBadge, StatusBadge, wholeLabel } from './labels';
import { myStep, participantState } from './model';
import { StartScoringButton } from './StartScoringButton';

export function SessionPage() {
  const { t } = useTranslation('calibration');
  const { t: tc } = useTranslation();
  const id = Number(useParams().id);
  const validId = Number.isInteger(id) && id > 0;
  const session = useChannel('calibration.get', validId ? { id } : null, ['calibration', 'evaluations']);
  const s = session.data;
  const canCompare = s?.canCompare ?? false;
  const comparison = useChannel('calibration.comparison', s && canCompare ? { id: s.id } : null, ['calibration', 'evaluations']);
  const rubric = useChannel('rubrics.getVersion', s ? { id: s.rubricVersionId } : null, []);
  const mayOrganise = s?.mayOrganise ?? false;

  const back = <BackLink to="/calibration">{t('session.back')}</BackLink>;
  if (!validId || session.error) {
    return (
      <Stack>
        {back}
        <ErrorAlert error={session.error ?? new Error(tc('loadFailed'))} />
      </Stack>
    );
  }
  if (!s) {
    return (
      <Center py="xl">
        <Loader aria-label={tc('loading')} />
      </Center>
    );
  }

  return (
    <>
      {back}
      <PageHeader
        title={s.title}
        subtitle={
          <Group gap="md" component="span">
            <StatusBadge status={s.status} />
            <span>{t('session.created', { name: s.createdByName, at: formatDateTime(s.createdAt) })}</span>
            {s.closedAt ? <span>{t('session.closedOn', { at: formatDateTime(s.closedAt) })}</span> : null}
          </Group>
        }
        actions={<SessionActions session={s} mayOrganise={mayOrganise} />}
      />
      <Stack gap="lg">
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <CallPanel session={s} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <ParticipantsPanel session={s} />
          </Grid.Col>
        </Grid>
        {canCompare ? (
          <>
            <ErrorAlert error={comparison.error ?? rubric.error} />
            {comparison.data && rubric.data ? (
              <>
                <ComparisonView session={s} comparison={comparison.data} rubric={rubric.data} />
                {s.status === 'closed' ? (
                  <ConsensusEditor session={s} comparison={comparison.data} rubric={rubric.data} readOnly={!mayOrganise} />
                ) : null}
              </>
            ) : comparison.error ? null : (
              <Center py="md">
                <Loader aria-label={tc('loading')} />
              </Center>
            )}
          </>
        ) : (
          <Alert color="indigo" variant="light" icon={<IconEyeOff aria-hidden />} data-testid="blind-note">
            <Text size="sm" fw={600}>
              {s.mine ? t('session.blindNote') : t('session.notParticipant')}
            </Text>
            <Text size="sm">{t('session.waiting')}</Text>
          </Alert>
        )}
      </Stack>
    </>
  );
}

function SessionActions({ session: s, mayOrganise }: { session: CalibrationSession; mayOrganise: boolean }) {
  const { t } = useTranslation('calibration');
  const [closing, setClosing] = useState(false);
  const step = myStep(s);
  return (
    <>
      {step === 'start' || step === 'continue' ? (
        <StartScoringButton sessionId={s.id} label={t(`session.${step}`)} />
      ) : s.mine?.evaluationId ? (
        <Anchor component={Link} to={`/evaluations/${s.mine.evaluationId}`} size="sm" data-testid="view-mine">
          {t('session.viewMine')}
        </Anchor>
      ) : null}
      {s.status === 'open' && mayOrganise ? (
        <Button
          variant={step === 'start' || step === 'continue' ? 'default' : 'filled'}
          leftSection={<IconLock size={16} aria-hidden />}
          onClick={() => setClosing(true)}
          data-testid="close-session"
        >
          {t('session.close')}
        </Button>
      ) : null}
      <CloseModal session={s} opened={closing} onClose={() => setClosing(false)} />
    </>
  );
}

function CloseModal({ session: s, opened, onClose }: { session: CalibrationSession; opened: boolean; onClose(): void }) {
  const { t } = useTranslation('calibration');
  const { t: tc } = useTranslation();
  const [busy, setBusy] = useState(false);
  const missing = s.participants.filter((p) => p.submittedAt === null).map((p) => p.name);
  const close = async () => {
    setBusy(true);
    try {
      await api.call('calibration.close', { id: s.id });
      notifySuccess(t('session.closedToast'));
      onClose();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('session.closeTitle')} closeButtonProps={{ 'aria-label': tc('actions.close') }}>
      <Stack>
        <Text size="sm" data-testid="close-explanation">
          {missing.length > 0 ? t('session.closeText', { names: missing.join(', ') }) : t('session.closeTextAll')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tc('actions.cancel')}
          </Button>
          <Button onClick={() => void close()} loading={busy} data-testid="confirm-close">
            {t('session.closeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Group>
  );
}

function CallPanel({ session: s }: { session: CalibrationSession }) {
  const { t } = useTranslation('calibration');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="calibration-call" h="100%">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="calibration-call">
          {t('session.call')}
        </Title>
        <Button
          component={Link}
          to={`/recordings/${s.recordingId}`}
          variant="light"
          size="xs"
          leftSection={<IconHeadphones size={14} aria-hidden />}
          data-testid="listen"
        >
          {t('session.listen')}
        </Button>
      </Group>
      <Stack gap={6} data-testid="call-facts">
        <Fact label={t('session.advisor')}>{s.advisorName ?? t('unknownAdvisor')}</Fact>
        <Fact label={t('session.callAt')}>{formatDateTime(s.callAt)}</Fact>
        <Fact label={t('session.rubric')}>{t('rubricLine', { name: s.rubricName, version: s.rubricVersion })}</Fact>
        <Fact label={t('session.deadline')}>
          <DeadlineText session={s} />
        </Fact>
        <Fact label={t('session.reference')}>
          {s.referenceName ? t('session.referenceExpert', { name: s.referenceName }) : t('session.referenceNone')}
        </Fact>
      </Stack>
    </Paper>
  );
}

/** Who takes part and how far they are; never what they answered (that is the comparison's, once allowed). */
function ParticipantsPanel({ session: s }: { session: CalibrationSession }) {
  const { t } = useTranslation('calibration');
  const profileId = useSession((state) => state.session?.profile?.id);
  const closed = s.status === 'closed';
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="calibration-participants" h="100%">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="calibration-participants">
          {t('session.participants')}
        </Title>
        <Text size="sm" c="dimmed" data-testid="session-submitted">
          {t('submittedCount', { submitted: s.submittedCount, total: s.participantCount })} {t('columns.submitted').toLowerCase()}
        </Text>
      </Group>
      <Table verticalSpacing={6} fz="sm" aria-labelledby="calibration-participants">
        <Table.Tbody>
          {s.participants.map((p) => {
            const state = participantState(p, closed);
            return (
              <Table.Tr key={p.coachId} data-testid="participant-row">
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm" fw={p.coachId === profileId ? 700 : 500}>
                      {p.name} {p.coachId === profileId ? t('session.you') : ''}
                    </Text>
                    {p.isReference ? (
                      <Badge variant="outline" color="grape.9" size="sm" styles={wholeLabel}>
                        {t('session.expert')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <ParticipantBadge
                    state={state}
                    label={t(`session.participantStatus.${state}`, { at: p.submittedAt ? formatDateTime(p.submittedAt) : '' })}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
