import { Anchor, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dispute, DisputeOutcome, Evaluation } from '@contract';
import { api } from '../../api/client';
import { formatDateTime, formatScore } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { OutcomeBadge, scoresComparable, SecondStatusBadge, secondStatusKey } from '../disputes/labels';

function DecideForm({ dispute, onDecided }: { dispute: Dispute; onDecided(): void }) {
  const { t } = useTranslation('disputes');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<DisputeOutcome | null>(null);

  const decide = async (outcome: DisputeOutcome) => {
    setBusy(outcome);
    try {
      await api.call('disputes.decide', { id: dispute.id, outcome, note: note.trim() });
      notifySuccess(t('panel.decidedToast', { outcome: t(`outcomes.${outcome}`) }));
      onDecided();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="xs" data-testid="decide-form">
      <Title order={3} fz="sm">
        {t('panel.decideTitle')}
      </Title>
      <Text size="sm">{t('panel.decideIntro')}</Text>
      <Textarea
        label={t('panel.decideNote')}
        autosize
        minRows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        data-testid="decide-note"
      />
      <Group gap="sm">
        <Button variant="default" onClick={() => void decide('original_kept')} loading={busy === 'original_kept'} disabled={busy !== null}>
          {t('panel.keep')}
        </Button>
        <Button onClick={() => void decide('replaced')} loading={busy === 'replaced'} disabled={busy !== null}>
          {t('panel.replace')}
        </Button>
      </Group>
    </Stack>
  );
}

function DisputeCard({ dispute, evaluation, onDecided }: { dispute: Dispute; evaluation: Evaluation; onDecided(): void }) {
  const { t } = useTranslation('disputes');
  const viewingSecond = evaluation.id === dispute.secondEvaluationId;
  const headingId = `dispute-${dispute.id}`;
  const status = secondStatusKey(dispute);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId} data-testid="dispute-panel">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} fz="md" id={headingId}>
            {viewingSecond ? t('panel.titleSecond') : t('panel.title')}
          </Title>
          <OutcomeBadge dispute={dispute} />
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="dispute-reason">
          {dispute.reason}
        </Text>
        <Text size="xs" c="dimmed">
          {t('panel.raised', { name: dispute.raisedByName, at: formatDateTime(dispute.raisedAt) })}
        </Text>
        <Group gap="xs">
          <Text size="sm">{t('panel.secondBy', { name: dispute.secondCoachName })}</Text>
          <SecondStatusBadge dispute={dispute} />
        </Group>

        {scoresComparable(dispute) ? (
          <Group gap="xl" data-testid="dispute-scores">
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('panel.original', { name: dispute.originalCoachName })}
              </Text>
              <Text fw={700} fz="lg" data-testid="dispute-original-score">
                {formatScore(dispute.originalScorePct)}
              </Text>
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('panel.second', { name: dispute.secondCoachName })}
              </Text>
              <Text fw={700} fz="lg" data-testid="dispute-second-score">
                {formatScore(dispute.secondScorePct)}
              </Text>
            </Stack>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('scores')}: {t('panel.hiddenScore')}
          </Text>
        )}

        {/* Links only where the core would show the other evaluation anyway. */}
        {scoresComparable(dispute) ? (
          viewingSecond ? (
            <Anchor component={Link} to={`/evaluations/${dispute.evaluationId}`} size="sm" data-testid="open-original">
              {t('panel.openOriginal')}
            </Anchor>
          ) : dispute.secondEvaluationId !== null ? (
            <Anchor component={Link} to={`/evaluations/${dispute.secondEvaluationId}`} size="sm" data-testid="open-second">
              {t('panel.openSecond')}
            </Anchor>
          ) : null
        ) : null}

        {dispute.outcome !== null ? (
          <Stack gap={2} data-testid="dispute-decision">
            <Text size="sm" fw={600}>
              {t('panel.decidedLine', {
                outcome: t(`outcomes.${dispute.outcome}`),
                name: dispute.decidedByName ?? '—',
                at: formatDateTime(dispute.decidedAt),
              })}
            </Text>
            {dispute.outcomeNote ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {dispute.outcomeNote}
              </Text>
            ) : null}
          </Stack>
        ) : status === 'final' ? (
          <DecideForm dispute={dispute} onDecided={onDecided} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('panel.waiting', { name: dispute.secondCoachName })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Every dispute on this evaluation (or the one this second opinion answers), newest first. */
export function DisputePanel({ evaluation, disputes, onDecided }: { evaluation: Evaluation; disputes: Dispute[]; onDecided(): void }) {
  if (disputes.length === 0) return null;
  return (
    <Stack gap="md">
      {disputes.map((d) => (
        <DisputeCard key={d.id} dispute={d} evaluation={evaluation} onDecided={onDecided} />
      ))}
    </Stack>
  );
}
