import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Divider, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { draftInput, type Answer, type DraftInput, type Evaluation, type RubricVersion, type ScoreResult } from '@contract';
import { api } from '../../api/client';
import { formatScore, formatTime } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { CriterionField } from './CriterionField';
import { useAutosave } from './use-autosave';

type DraftValues = Omit<DraftInput, 'id'>;
const draftValues = draftInput.omit({ id: true });

function initialValues(evaluation: Evaluation, rubric: RubricVersion): DraftValues {
  const byCriterion = new Map(evaluation.answers.map((a) => [a.criterionId, a]));
  const answers = rubric.sections
    .flatMap((s) => s.criteria)
    .map((c): Answer => byCriterion.get(c.id) ?? { criterionId: c.id, value: null, na: false, note: '' });
  return { tops: evaluation.tops, tips: evaluation.tips, answers };
}

const isAnswered = (a: Answer) => a.na || a.value !== null;

/** The rubric as a form: every change is autosaved as a draft; finalising fixes the score in core. */
export function ScoringForm({ evaluation, rubric, onFinalized }: { evaluation: Evaluation; rubric: RubricVersion; onFinalized(): void }) {
  const { t } = useTranslation('evaluations');
  const { t: tc } = useTranslation();
  const defaults = useMemo(() => initialValues(evaluation, rubric), [evaluation, rubric]);
  const form = useForm<DraftValues>({ resolver: zodResolver(draftValues), defaultValues: defaults });
  const [result, setResult] = useState<ScoreResult>(evaluation.result);
  const [confirming, setConfirming] = useState(false);
  const [finalizing, setFinalizing] = useState(false);
  const { state, schedule, flush, revision } = useAutosave(evaluation.revision, setResult);
  // A calibration scoring is handed in, not made final for the advisor: its own words throughout.
  const submitKey = (key: 'finalize' | 'finalizeTitle' | 'finalizeText' | 'finalizeConfirm' | 'finalized') =>
    evaluation.kind === 'calibration' ? (`submit.${key}` as const) : key;
  const criteria = useMemo(() => rubric.sections.flatMap((s) => s.criteria), [rubric]);
  const indexOf = useMemo(() => new Map(criteria.map((c, i) => [c.id, i])), [criteria]);

  useEffect(() => {
    const subscription = form.watch((values) => {
      const parsed = draftValues.safeParse(values);
      if (parsed.success) schedule({ id: evaluation.id, ...parsed.data });
    });
    return () => subscription.unsubscribe();
  }, [form, schedule, evaluation.id]);

  const answers = form.watch('answers');
  const openRequired = criteria.filter(
    (c, i) => c.required && !isAnswered(answers[i] ?? { criterionId: c.id, value: null, na: false, note: '' }),
  ).length;

  const finalize = async () => {
    setFinalizing(true);
    try {
      await flush();
      const final = await api.call('evaluations.finalize', { id: evaluation.id, expectedRevision: revision() });
      notifySuccess(t(submitKey('finalized'), { score: formatScore(final.result.scorePct) }));
      setConfirming(false);
      onFinalized();
    } catch (error) {
      notifyError(error);
      setConfirming(false);
    } finally {
      setFinalizing(false);
    }
  };

  const sectionScore = (sectionId: number) => result.sections.find((s) => s.sectionId === sectionId)?.scorePct ?? null;

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" pos="sticky" top={0} style={{ zIndex: 5 }} shadow="xs">
        <Group justify="space-between">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('provisional')}
            </Text>
            <Text fz={28} fw={700} data-testid="provisional-score">
              {formatScore(result.scorePct)}
            </Text>
          </Stack>
          <Stack gap={4} align="flex-end">
            <Text size="xs" c={state.kind === 'failed' ? 'red.9' : 'dimmed'} data-testid="save-state" role="status">
              {state.kind === 'saving'
                ? t('autosaving')
                : state.kind === 'saved'
                  ? t('saved', { time: formatTime(state.at) })
                  : state.kind === 'failed'
                    ? t('saveFailed', { message: state.message })
                    : ''}
            </Text>
            {result.hasCriticalError ? (
              <Badge color="red.9" data-testid="critical-badge">
                {t('criticalError')}
              </Badge>
            ) : null}
            <Text size="xs" c={openRequired > 0 ? 'dimmed' : 'teal.9'}>
              {openRequired > 0 ? t('unanswered', { count: openRequired }) : t('allAnswered')}
            </Text>
            <Button size="sm" onClick={() => setConfirming(true)} disabled={openRequired > 0} data-testid="finalize">
              {t(submitKey('finalize'))}
            </Button>
          </Stack>
        </Group>
      </Paper>

      <form onSubmit={(e) => e.preventDefault()} aria-label={rubric.name}>
        <Stack gap="lg">
          {rubric.sections.map((section) => (
            <Paper key={section.id} withBorder radius="md" p="md" component="section" aria-labelledby={`section-${section.id}`}>
              <Group justify="space-between" mb="xs">
                <Title order={3} fz="md" id={`section-${section.id}`}>
                  {section.title}
                </Title>
                <Text size="sm" fw={600} c="dimmed">
                  {formatScore(sectionScore(section.id))}
                </Text>
              </Group>
              <Stack gap={6}>
                {section.criteria.map((criterion) => {
                  const index = indexOf.get(criterion.id) ?? 0;
                  return (
                    <Controller
                      key={criterion.id}
                      control={form.control}
                      name={`answers.${index}`}
                      render={({ field }) => <CriterionField criterion={criterion} answer={field.value} onChange={field.onChange} />}
                    />
                  );
                })}
              </Stack>
            </Paper>
          ))}
          <Paper withBorder radius="md" p="md">
            <Stack>
              <Textarea label={t('tops')} autosize minRows={3} maxLength={5000} {...form.register('tops')} data-testid="tops" />
              <Divider />
              <Textarea label={t('tips')} autosize minRows={3} maxLength={5000} {...form.register('tips')} data-testid="tips" />
            </Stack>
          </Paper>
        </Stack>
      </form>

      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t(submitKey('finalizeTitle'))}>
        <Stack>
          <Text size="sm">{t(submitKey('finalizeText'))}</Text>
          <Text fw={700} fz="xl">
            {formatScore(result.scorePct)}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {tc('actions.cancel')}
            </Button>
            <Button onClick={() => void finalize()} loading={finalizing} data-testid="confirm-finalize">
              {t(submitKey('finalizeConfirm'))}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
