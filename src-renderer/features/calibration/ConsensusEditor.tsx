import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Paper, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { consensusInput, type CalibrationComparison, type CalibrationSession, type Criterion, type RubricVersion } from '@contract';
import { api, ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useAnswerWords } from './ComparisonView';
import { answerText, criteriaById, groupBySection, type AnswerWords } from './model';

const consensusValues = consensusInput.omit({ sessionId: true });
type ConsensusInput = z.input<typeof consensusValues>;
type ConsensusOutput = z.output<typeof consensusValues>;
type ConsensusAnswer = ConsensusOutput['answers'][number];

/** One select per criterion: a value, n.v.t., or no agreement yet. */
const encode = (a: Pick<ConsensusAnswer, 'value' | 'na'>) => (a.na ? 'na' : a.value === null ? 'none' : String(a.value));
const decode = (choice: string): Pick<ConsensusAnswer, 'value' | 'na'> =>
  choice === 'na' ? { value: null, na: true } : choice === 'none' ? { value: null, na: false } : { value: Number(choice), na: false };

function choices(row: CalibrationComparison['criteria'][number], criterion: Criterion | undefined, words: AnswerWords, none: string) {
  const values = row.type === 'yes_no' ? [1, 0] : Array.from({ length: row.scaleMax }, (_, i) => i + 1);
  const options = [
    { value: 'none', label: none },
    ...values.map((v) => ({ value: String(v), label: answerText(row.type, v, false, criterion, words) })),
  ];
  // n.v.t. is offered where the form allows it, or where somebody (or the reference) already answered it.
  const naSeen = row.answers.some((a) => a.na) || row.reference?.na === true || row.consensus?.na === true;
  if (criterion?.allowNa || naSeen) options.push({ value: 'na', label: words.na });
  return options;
}

/**
 * After closing: the agreed answer per criterion and a guidance note for the rubric's explanation.
 * Where nothing is recorded yet it starts from the reference, so the group only changes what it decided otherwise.
 */
export function ConsensusEditor({
  session,
  comparison,
  rubric,
  readOnly,
}: {
  session: CalibrationSession;
  comparison: CalibrationComparison;
  rubric: RubricVersion;
  /** Participants who did not organise the session read what was agreed. */
  readOnly: boolean;
}) {
  if (readOnly) return <ConsensusSummary session={session} comparison={comparison} rubric={rubric} />;
  return <ConsensusForm session={session} comparison={comparison} rubric={rubric} />;
}

function ConsensusSummary({
  session,
  comparison,
  rubric,
}: {
  session: CalibrationSession;
  comparison: CalibrationComparison;
  rubric: RubricVersion;
}) {
  const { t } = useTranslation('calibration');
  const words = useAnswerWords();
  const criteria = criteriaById(rubric);
  const agreed = comparison.criteria.filter((c) => c.consensus !== null);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="calibration-consensus" data-testid="consensus">
      <Title order={2} fz="lg" id="calibration-consensus" mb="sm">
        {t('consensus.recorded')}
      </Title>
      {agreed.length === 0 && session.notes === '' ? (
        <Text size="sm" c="dimmed">
          {t('consensus.noneYet', { name: session.createdByName })}
        </Text>
      ) : (
        <Stack gap="sm">
          {agreed.length > 0 ? (
            <Table verticalSpacing={6} fz="sm" aria-labelledby="calibration-consensus">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('comparison.criterion')}</Table.Th>
                  <Table.Th>{t('consensus.answer')}</Table.Th>
                  <Table.Th>{t('consensus.guidance')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {agreed.map((row) => (
                  <Table.Tr key={row.criterionId} data-testid={`consensus-${row.key}`}>
                    <Table.Td fw={600}>{row.title}</Table.Td>
                    <Table.Td>
                      {row.consensus
                        ? answerText(row.type, row.consensus.value, row.consensus.na, criteria.get(row.criterionId), words)
                        : null}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{row.consensus?.guidanceNote}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
          {session.notes ? (
            <div>
              <Text size="sm" fw={600}>
                {t('consensus.notes')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="consensus-notes-text">
                {session.notes}
              </Text>
            </div>
          ) : null}
        </Stack>
      )}
    </Paper>
  );
}

function ConsensusForm({
  session,
  comparison,
  rubric,
}: {
  session: CalibrationSession;
  comparison: CalibrationComparison;
  rubric: RubricVersion;
}) {
  const { t } = useTranslation('calibration');
  const words = useAnswerWords();
  const criteria = useMemo(() => criteriaById(rubric), [rubric]);
  const recorded = comparison.criteria.some((c) => c.consensus !== null);
  const [serverError, setServerError] = useState<Error | null>(null);
  const indexOf = new Map(comparison.criteria.map((c, i) => [c.criterionId, i]));

  const form = useForm<ConsensusInput, unknown, ConsensusOutput>({
    resolver: zodResolver(consensusValues),
    defaultValues: {
      notes: session.notes,
      answers: comparison.criteria.map((c) => {
        const start = c.consensus ?? (recorded ? null : c.reference);
        return {
          criterionId: c.criterionId,
          value: start?.na ? null : (start?.value ?? null),
          na: start?.na ?? false,
          guidanceNote: c.consensus?.guidanceNote ?? '',
        };
      }),
    },
  });

  const submit = form.handleSubmit(async (values) => {
    setServerError(null);
    try {
      await api.call('calibration.saveConsensus', { sessionId: session.id, ...values });
      notifySuccess(t('consensus.saved'));
    } catch (error) {
      setServerError(error instanceof Error ? error : new ApiError('internal', { detail: String(error) }, String(error)));
    }
  });

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="calibration-consensus" data-testid="consensus">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2} fz="lg" id="calibration-consensus" mb={4}>
              {t('consensus.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('consensus.intro')}
            </Text>
          </div>
          {recorded ? null : (
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} data-testid="consensus-prefilled">
              <Text size="sm">{t('consensus.prefilled')}</Text>
            </Alert>
          )}
          <ErrorAlert error={serverError} />
          {groupBySection(comparison.criteria).map((group, g) => (
            <section key={group.title} aria-labelledby={`cons-section-${g}`}>
              <Title order={3} fz="md" id={`cons-section-${g}`} mb={6}>
                {group.title}
              </Title>
              <Table verticalSpacing={6} fz="sm" withTableBorder aria-labelledby={`cons-section-${g}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="36%">{t('comparison.criterion')}</Table.Th>
                    <Table.Th w="24%">{t('consensus.answer')}</Table.Th>
                    <Table.Th>{t('consensus.guidance')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {group.rows.map((row) => {
                    const index = indexOf.get(row.criterionId) ?? 0;
                    const criterion = criteria.get(row.criterionId);
                    return (
                      <Table.Tr key={row.criterionId} data-testid={`consensus-${row.key}`}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {row.title}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {t('comparison.reference', { source: t(`comparison.referenceShort.${comparison.referenceSource}`) })}:{' '}
                            {row.reference
                              ? answerText(row.type, row.reference.value, row.reference.na, criterion, words)
                              : words.unanswered}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Controller
                            control={form.control}
                            name={`answers.${index}`}
                            render={({ field }) => (
                              <Select
                                aria-label={t('consensus.answerOf', { criterion: row.title })}
                                data={choices(row, criterion, words, t('consensus.none'))}
                                value={encode({ value: field.value.value ?? null, na: field.value.na ?? false })}
                                onChange={(v) => field.onChange({ ...field.value, ...decode(v ?? 'none') })}
                                onBlur={field.onBlur}
                                allowDeselect={false}
                                comboboxProps={{ withinPortal: false }}
                                data-testid="consensus-answer"
                              />
                            )}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Textarea
                            aria-label={t('consensus.guidanceOf', { criterion: row.title })}
                            autosize
                            minRows={1}
                            maxLength={2000}
                            {...form.register(`answers.${index}.guidanceNote`)}
                            data-testid="consensus-guidance"
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </section>
          ))}
          <Textarea
            label={t('consensus.notes')}
            placeholder={t('consensus.notesPlaceholder')}
            autosize
            minRows={3}
            maxLength={4000}
            {...form.register('notes')}
            data-testid="consensus-notes"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={form.formState.isSubmitting} data-testid="save-consensus">
              {t('consensus.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
