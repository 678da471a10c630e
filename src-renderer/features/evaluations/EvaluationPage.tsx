import { Alert, Anchor, Badge, Button, Grid, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { IconEyeOff, IconHistory, IconScale, IconTargetArrow } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Evaluation } from '@contract';
import { useChannel } from '../../api/use-channel';
import { useSession } from '../../app/session-store';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatPeriod } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { ActionPointsPanel } from '../feedback/ActionPointsPanel';
import { CallStats } from '../player/CallStats';
import { NotesPanel } from '../player/NotesPanel';
import { Player } from '../player/Player';
import { DisputePanel } from './DisputePanel';
import { HistoryDrawer } from './HistoryDrawer';
import { RaiseDisputeModal } from './RaiseDisputeModal';
import { ScoreBreakdown } from './ScoreBreakdown';
import { ScoringForm } from './ScoringForm';
import { StatusBadge } from './StatusBadge';

/** Only a finished regular evaluation that still counts, without an open dispute, can be disputed. */
const canDispute = (e: Evaluation) => e.kind === 'regular' && e.counts && (e.status === 'final' || e.status === 'discussed');

export function EvaluationPage() {
  const { t } = useTranslation('evaluations');
  const id = Number(useParams().id);
  const startAt = Number(useSearchParams()[0].get('t') ?? 0);
  const profileId = useSession((s) => s.session?.profile?.id);
  // Not refreshed on 'evaluations' writes: the form's own autosaves would reset it mid-typing.
  const evaluation = useChannel('evaluations.get', { id }, []);
  const e = evaluation.data;
  const rubric = useChannel('rubrics.getVersion', e ? { id: e.rubricVersionId } : null, []);
  const recording = useChannel('recordings.get', e ? { id: e.recordingId } : null, ['recordings']);
  const markers = useChannel('markers.list', e ? { recordingId: e.recordingId } : null, ['markers']);
  const disputes = useChannel('disputes.list', e ? { evaluationId: e.id, openOnly: false } : null, ['evaluations']);
  const noteInput = useRef<HTMLInputElement>(null);
  const [raising, setRaising] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const navigate = useNavigate();

  if (evaluation.error) return <ErrorAlert error={evaluation.error} />;
  if (!e || !rubric.data || !recording.data) return <ErrorAlert error={rubric.error ?? recording.error} />;
  const editable = e.status === 'draft' && e.coachId === profileId;
  const calibrationSessionId = e.kind === 'calibration' ? e.calibrationSessionId : null;
  // A calibration participant scores blind too: other coaches' notes on this call stay out of view.
  const blind = editable && (e.kind === 'second_opinion' || e.kind === 'calibration');
  // Defence in depth: core withholds other coaches' notes from a blind coach, and the screen only shows this opinion's own.
  const visibleMarkers = (markers.data ?? []).filter((m) => !blind || m.evaluationId === e.id);
  const refresh = () => {
    evaluation.reload();
    disputes.reload();
  };

  return (
    <>
      <PageHeader
        title={t('title', { advisor: e.advisorName })}
        subtitle={
          <Group gap="md" component="span">
            <span>{formatDateTime(recording.data.callAt)}</span>
            <span>{t('period', { period: formatPeriod(e.period) })}</span>
            <span>{t('coach', { name: e.coachName })}</span>
            <span data-testid="rubric-version">{t('rubricPinned', { name: e.rubricName, version: e.rubricVersion })}</span>
          </Group>
        }
        actions={
          <Group gap="sm">
            <Anchor component={Link} to={`/recordings/${e.recordingId}`} size="sm">
              {t('backToCall')}
            </Anchor>
            <Anchor component={Link} to={`/staff/${e.advisorId}`} size="sm">
              {t('advisorPage', { name: e.advisorName })}
            </Anchor>
            {e.status !== 'draft' ? (
              <Button
                variant="default"
                size="sm"
                leftSection={<IconHistory size={16} aria-hidden />}
                onClick={() => setHistoryOpen(true)}
                data-testid="open-history"
              >
                {t('history')}
              </Button>
            ) : null}
            {canDispute(e) ? (
              <Button
                variant="default"
                size="sm"
                leftSection={<IconScale size={16} aria-hidden />}
                onClick={() => setRaising(true)}
                data-testid="raise-dispute"
              >
                {t('raiseDispute')}
              </Button>
            ) : null}
            {e.kind === 'second_opinion' ? (
              <Badge size="lg" variant="filled" color="indigo.8" data-testid="kind-badge">
                {t('secondOpinion')}
              </Badge>
            ) : null}
            {!e.counts ? (
              <Badge size="lg" variant="outline" color="gray.8" data-testid="counts-badge" title={t('notCountingHint')}>
                {t('notCounting')}
              </Badge>
            ) : null}
            <span data-testid="evaluation-status">
              <StatusBadge status={e.status} />
            </span>
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6, xl: 7 }}>
          <Stack>
            <Player
              startAt={startAt}
              recording={recording.data}
              markers={visibleMarkers}
              onNoteShortcut={() => noteInput.current?.focus()}
            />
            <NotesPanel ref={noteInput} recordingId={e.recordingId} evaluationId={e.id} markers={visibleMarkers} />
            {/* Open action points belong on the next call's screen; a blind second opinion must not be steered by them. */}
            {editable && !blind ? <ActionPointsPanel advisorId={e.advisorId} compact headingOrder={2} /> : null}
            <CallStats recordingId={e.recordingId} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6, xl: 5 }}>
          {/* The rubric scrolls on its own so the player stays in reach while scoring. */}
          <ScrollArea
            h="calc(100vh - 190px)"
            offsetScrollbars
            type="auto"
            data-testid="rubric-pane"
            viewportProps={{ tabIndex: 0, 'aria-label': rubric.data.name }}
          >
            <Stack gap="md">
              {calibrationSessionId !== null ? (
                <Alert color="grape" variant="light" icon={<IconTargetArrow aria-hidden />} data-testid="calibration-banner">
                  <Text size="sm" fw={600}>
                    {t('calibrationBanner')}
                  </Text>
                  {editable ? <Text size="sm">{t('calibrationBlind')}</Text> : null}
                  <Anchor component={Link} to={`/calibration/${calibrationSessionId}`} size="sm" data-testid="back-to-session">
                    {t('backToSession')}
                  </Anchor>
                </Alert>
              ) : null}
              {blind && e.kind === 'second_opinion' ? (
                <Alert color="indigo" variant="light" icon={<IconEyeOff aria-hidden />} data-testid="blind-banner">
                  <Text size="sm" fw={600}>
                    {t('blindBanner')}
                  </Text>
                </Alert>
              ) : null}
              <DisputePanel evaluation={e} disputes={disputes.data ?? []} onDecided={refresh} />
              {editable ? (
                <ScoringForm
                  key={e.id}
                  evaluation={e}
                  rubric={rubric.data}
                  // A submitted calibration scoring belongs with the session, where the comparison now opens.
                  onFinalized={calibrationSessionId !== null ? () => void navigate(`/calibration/${calibrationSessionId}`) : refresh}
                />
              ) : e.status === 'draft' ? (
                <Alert color="yellow">
                  <Text size="sm">{t('readOnlyDraft', { coach: e.coachName })}</Text>
                </Alert>
              ) : (
                <ScoreBreakdown evaluation={e} rubric={rubric.data} />
              )}
            </Stack>
          </ScrollArea>
        </Grid.Col>
      </Grid>
      <RaiseDisputeModal evaluation={e} opened={raising} onClose={() => setRaising(false)} onRaised={refresh} />
      <HistoryDrawer evaluation={e} rubric={rubric.data} opened={historyOpen} onClose={() => setHistoryOpen(false)} />
    </>
  );
}
