import { Anchor, Badge, Button, Grid, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconClipboardCheck, IconPencil } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { CallDetails, Recording } from '@contract';
import { api } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatDuration, formatPeriod, formatScore } from '../../components/format';
import { notifyError } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { CallStats } from '../player/CallStats';
import { NotesPanel } from '../player/NotesPanel';
import { Player } from '../player/Player';
import { CallDetailsFields } from './CallDetailsFields';

export function RecordingPage() {
  const { t } = useTranslation('recordings');
  const { t: tc } = useTranslation();
  const id = Number(useParams().id);
  const startAt = Number(useSearchParams()[0].get('t') ?? 0);
  const navigate = useNavigate();
  const recording = useChannel('recordings.get', { id }, ['recordings']);
  const markers = useChannel('markers.list', { recordingId: id }, ['markers']);
  const evaluations = useChannel('evaluations.listForRecording', { recordingId: id }, ['evaluations']);
  const noteInput = useRef<HTMLInputElement>(null);
  const [editing, setEditing] = useState(false);
  const [starting, setStarting] = useState(false);

  if (recording.error) return <ErrorAlert error={recording.error} />;
  const r = recording.data;
  if (!r) return null;

  const evaluate = async () => {
    setStarting(true);
    try {
      const evaluation = await api.call('evaluations.start', { recordingId: id });
      void navigate(`/evaluations/${evaluation.id}`);
    } catch (error) {
      notifyError(error);
    } finally {
      setStarting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={r.advisorName ? `${r.advisorName} — ${r.callAt ? formatDateTime(r.callAt) : r.originalName}` : r.originalName}
        subtitle={`${r.originalName} · ${formatDuration(r.durationSeconds)} · ${t('codecLine', { codec: r.codec, rate: r.sampleRate, channels: t('channels', { count: r.channels }) })}`}
        actions={
          <>
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
              {t('editDetails')}
            </Button>
            <Button
              leftSection={<IconClipboardCheck size={16} />}
              onClick={() => void evaluate()}
              loading={starting}
              data-testid="start-evaluation"
            >
              {t('evaluate')}
            </Button>
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <Player startAt={startAt} recording={r} markers={markers.data ?? []} onNoteShortcut={() => noteInput.current?.focus()} />
            <NotesPanel ref={noteInput} recordingId={r.id} markers={markers.data ?? []} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <DetailsCard recording={r} />
            <CallStats recordingId={r.id} />
            <Paper withBorder p="md" radius="md">
              <Title order={2} fz="md" mb="sm">
                {t('evaluationsTitle')}
              </Title>
              {evaluations.data?.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('noEvaluations')}
                </Text>
              ) : (
                <Table aria-label={t('evaluationsTitle')}>
                  <Table.Tbody>
                    {evaluations.data?.map((e) => (
                      <Table.Tr key={e.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/evaluations/${e.id}`}>
                            {formatPeriod(e.period)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{e.coachName}</Table.Td>
                        <Table.Td fw={600}>{formatScore(e.scorePct)}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={e.status === 'draft' ? 'gray' : 'klankbord'}>
                            {tc(`evaluationStatuses.${e.status}`)}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <EditDetailsModal recording={r} opened={editing} onClose={() => setEditing(false)} />
    </>
  );
}

function DetailsCard({ recording: r }: { recording: Recording }) {
  const { t } = useTranslation('recordings');
  const topics = useChannel('recordings.topics', {}, []);
  const rows: Array<[string, string]> = [
    [t('advisor'), r.advisorName ?? t('noAdvisor')],
    [t('callAt'), formatDateTime(r.callAt)],
    [t('topic'), topics.data?.find((tp) => tp.key === r.topic)?.label ?? r.topic ?? '—'],
    [t('imported'), formatDateTime(r.importedAt)],
    [t('sha'), `${r.sha256.slice(0, 16)}…`],
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz="md" mb="sm">
        {t('detailsTitle')}
      </Title>
      <Stack gap={6} component="dl" m={0}>
        {rows.map(([label, value]) => (
          <Group key={label} justify="space-between" gap="xs" wrap="nowrap">
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" size="sm" m={0} ta="right">
              {value}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

function EditDetailsModal({ recording, opened, onClose }: { recording: Recording; opened: boolean; onClose(): void }) {
  const { t } = useTranslation('recordings');
  const { t: tc } = useTranslation();
  const [details, setDetails] = useState<CallDetails>({ advisorId: recording.advisorId, callAt: recording.callAt, topic: recording.topic });
  const save = async () => {
    try {
      await api.call('recordings.updateDetails', { id: recording.id, ...details });
      onClose();
    } catch (error) {
      notifyError(error);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('detailsTitle')}>
      <Stack>
        <CallDetailsFields idPrefix="edit" value={details} onChange={setDetails} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tc('actions.cancel')}
          </Button>
          <Button onClick={() => void save()}>{tc('actions.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
