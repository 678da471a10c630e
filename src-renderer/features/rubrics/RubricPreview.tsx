import { Alert, Badge, Box, Button, Grid, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer, RubricVersion, ScoreResult } from '@contract';
import { api } from '../../api/client';
import { formatNumber, formatScore } from '../../components/format';
import { notifyError } from '../../components/notify';
import { CriterionField } from '../evaluations/CriterionField';

const emptyAnswer = (criterionId: number): Answer => ({ criterionId, value: null, na: false, note: '' });
const answered = (a: Answer) => a.na || a.value !== null;

/**
 * The coach's form on a saved version, scored by main with the one scoring implementation; nothing
 * is stored. Keyed by the version's content in the parent, so a save starts a fresh preview.
 */
export function RubricPreview({ rubric }: { rubric: RubricVersion }) {
  const { t } = useTranslation('rubrics');
  const [answers, setAnswers] = useState<Record<number, Answer>>({});
  const [result, setResult] = useState<ScoreResult | null>(null);
  const generation = useRef(0);

  const score = async (next: Record<number, Answer>) => {
    const mine = ++generation.current;
    const filled = Object.values(next).filter(answered);
    if (filled.length === 0) {
      setResult(null);
      return;
    }
    try {
      const scored = await api.call('rubrics.preview', { versionId: rubric.id, answers: filled });
      if (mine === generation.current) setResult(scored);
    } catch (error) {
      notifyError(error);
    }
  };
  const change = (answer: Answer) => {
    const next = { ...answers, [answer.criterionId]: answer };
    setAnswers(next);
    void score(next);
  };
  const clear = () => {
    generation.current += 1;
    setAnswers({});
    setResult(null);
  };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="lg">
          <Text size="sm">{t('preview.intro')}</Text>
          <form onSubmit={(e) => e.preventDefault()} aria-label={rubric.name} data-testid="preview-form">
            <Stack gap="lg">
              {rubric.sections.map((section) => (
                <Paper key={section.id} withBorder radius="md" p="md" component="section" aria-labelledby={`preview-section-${section.id}`}>
                  <Title order={3} fz="md" mb="xs" id={`preview-section-${section.id}`}>
                    {section.title}
                  </Title>
                  <Stack gap={6}>
                    {section.criteria.map((criterion) => (
                      <CriterionField
                        key={criterion.id}
                        criterion={criterion}
                        answer={answers[criterion.id] ?? emptyAnswer(criterion.id)}
                        onChange={change}
                      />
                    ))}
                  </Stack>
                </Paper>
              ))}
            </Stack>
          </form>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Box pos="sticky" top={76}>
          <PreviewResult rubric={rubric} result={result} onClear={clear} />
        </Box>
      </Grid.Col>
    </Grid>
  );
}

function PreviewResult({ rubric, result, onClear }: { rubric: RubricVersion; result: ScoreResult | null; onClear(): void }) {
  const { t } = useTranslation('rubrics');
  const { t: tc } = useTranslation();
  const failedClasses = result ? (['customer', 'business', 'compliance'] as const).filter((c) => result.critical[c]) : [];
  const byCriterion = new Map(result?.criteria.map((c) => [c.criterionId, c]));

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={t('preview.resultLabel')} data-testid="preview-result">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Text size="sm" c="dimmed">
              {t('preview.score')}
            </Text>
            <Text fz={36} fw={750} lh={1.1} data-testid="preview-score" aria-live="polite">
              {formatScore(result?.scorePct ?? null)}
            </Text>
            {result ? (
              <Text size="sm" c="dimmed">
                {formatNumber(result.achieved)} / {formatNumber(result.maximum)}
              </Text>
            ) : null}
          </Stack>
          <Button variant="default" size="xs" onClick={onClear}>
            {t('preview.clear')}
          </Button>
        </Group>
        {!result ? (
          <Text size="sm" c="gray.7">
            {t('preview.noAnswers')}
          </Text>
        ) : (
          <>
            <Stack gap={6} data-testid="preview-critical">
              <Text size="sm" fw={600}>
                {t('preview.criticalErrors')}
              </Text>
              <Group gap={6}>
                {failedClasses.length === 0 ? (
                  <Badge color="teal" variant="light">
                    {t('preview.noCriticalErrors')}
                  </Badge>
                ) : (
                  failedClasses.map((c) => (
                    <Badge key={c} color="red.9" data-testid="preview-critical-class">
                      {tc(`critical.${c}`)}
                    </Badge>
                  ))
                )}
              </Group>
              {result.zeroedByCritical ? (
                <Alert color="red" variant="light" p="xs" data-testid="preview-zeroed">
                  <Text size="sm">{t('preview.zeroed')}</Text>
                </Alert>
              ) : result.hasCriticalError ? (
                <Text size="sm" c="gray.7" data-testid="preview-not-zeroed">
                  {t('preview.notZeroed')}
                </Text>
              ) : null}
            </Stack>
            {/* Scrolls on its own so the score and critical flags stay in view next to a long form. */}
            <ScrollArea.Autosize
              mah="calc(100vh - 380px)"
              type="auto"
              offsetScrollbars
              viewportProps={{ tabIndex: 0, 'aria-label': t('preview.criteria') }}
            >
              <Table fz="sm" verticalSpacing={4} aria-label={t('preview.criteria')} data-testid="preview-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('preview.criterion')}</Table.Th>
                    <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {t('preview.points')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rubric.sections.map((section) => {
                    const sectionScore = result.sections.find((s) => s.sectionId === section.id);
                    return [
                      <Table.Tr key={`s-${section.id}`} bg="gray.0">
                        <Table.Td fw={700}>{section.title}</Table.Td>
                        <Table.Td ta="right" fw={700}>
                          {formatScore(sectionScore?.scorePct ?? null)}
                        </Table.Td>
                      </Table.Tr>,
                      ...section.criteria.map((criterion) => {
                        const score = byCriterion.get(criterion.id);
                        return (
                          <Table.Tr key={criterion.id} data-testid={`preview-row-${criterion.key}`}>
                            <Table.Td>
                              {criterion.title}
                              {score?.criticalFailed ? (
                                <Badge ml={6} color="red.9" size="xs">
                                  {t('preview.criticalFailed')}
                                </Badge>
                              ) : null}
                            </Table.Td>
                            <Table.Td ta="right" c={score?.counted ? undefined : 'gray.7'}>
                              {score?.counted && score.achieved !== null && score.maximum !== null
                                ? `${formatNumber(score.achieved)} / ${formatNumber(score.maximum)}`
                                : t('preview.notCounted')}
                            </Table.Td>
                          </Table.Tr>
                        );
                      }),
                    ];
                  })}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </>
        )}
      </Stack>
    </Paper>
  );
}
