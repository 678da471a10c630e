import { Alert, Anchor, Badge, Grid, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useChannel } from '../../api/use-channel';
import { useSession } from '../../app/session-store';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatPeriod } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { CallStats } from '../player/CallStats';
import { NotesPanel } from '../player/NotesPanel';
import { Player } from '../player/Player';
import { ScoreBreakdown } from './ScoreBreakdown';
import { ScoringForm } from './ScoringForm';

export function EvaluationPage() {
  const { t } = useTranslation('evaluations');
  const { t: tc } = useTranslation();
  const id = Number(useParams().id);
  const startAt = Number(useSearchParams()[0].get('t') ?? 0);
  const profileId = useSession((s) => s.session?.profile?.id);
  // Not refreshed on 'evaluations' writes: the form's own autosaves would reset it mid-typing.
  const evaluation = useChannel('evaluations.get', { id }, []);
  const e = evaluation.data;
  const rubric = useChannel('rubrics.getVersion', e ? { id: e.rubricVersionId } : null, []);
  const recording = useChannel('recordings.get', e ? { id: e.recordingId } : null, ['recordings']);
  const markers = useChannel('markers.list', e ? { recordingId: e.recordingId } : null, ['markers']);
  const noteInput = useRef<HTMLInputElement>(null);

  if (evaluation.error) return <ErrorAlert error={evaluation.error} />;
  if (!e || !rubric.data || !recording.data) return <ErrorAlert error={rubric.error ?? recording.error} />;
  const editable = e.status === 'draft' && e.coachId === profileId;

  return (
    <>
      <PageHeader
        title={t('title', { advisor: e.advisorName })}
        subtitle={
          <Group gap="md" component="span">
            <span>{formatDateTime(recording.data.callAt)}</span>
            <span>{t('period', { period: formatPeriod(e.period) })}</span>
            <span>{t('coach', { name: e.coachName })}</span>
            <span>{t('rubric', { name: rubric.data.name, version: rubric.data.version })}</span>
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
            <Badge size="lg" variant="light" color={e.status === 'draft' ? 'gray' : 'klankbord'} data-testid="evaluation-status">
              {tc(`evaluationStatuses.${e.status}`)}
            </Badge>
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6, xl: 7 }}>
          <Stack>
            <Player
              startAt={startAt}
              recording={recording.data}
              markers={markers.data ?? []}
              onNoteShortcut={() => noteInput.current?.focus()}
            />
            <NotesPanel ref={noteInput} recordingId={e.recordingId} evaluationId={e.id} markers={markers.data ?? []} />
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
            {editable ? (
              <ScoringForm key={e.id} evaluation={e} rubric={rubric.data} onFinalized={evaluation.reload} />
            ) : e.status === 'draft' ? (
              <Alert color="yellow">
                <Text size="sm">{t('readOnlyDraft', { coach: e.coachName })}</Text>
              </Alert>
            ) : (
              <ScoreBreakdown evaluation={e} rubric={rubric.data} />
            )}
          </ScrollArea>
        </Grid.Col>
      </Grid>
    </>
  );
}
