import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Evaluation, RubricVersion } from '@contract';
import { formatNumber, formatScore } from '../../components/format';
import { describeAnswer } from './answer-codec';

/** The evaluation explains its own number: every criterion, its weight, and whether it counted. */
export function ScoreBreakdown({ evaluation, rubric }: { evaluation: Evaluation; rubric: RubricVersion }) {
  const { t } = useTranslation('evaluations');
  const { t: tc } = useTranslation();
  const { result } = evaluation;
  const answers = new Map(evaluation.answers.map((a) => [a.criterionId, a]));
  const scores = new Map(result.criteria.map((c) => [c.criterionId, c]));
  const labels = { yes: t('yes'), no: t('no'), na: t('na') };
  const criticalClasses = (['customer', 'business', 'compliance'] as const).filter((c) => result.critical[c]);

  return (
    <Stack gap="md">
      <Paper withBorder p="lg" radius="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Text size="sm" c="dimmed">
              {t('finalScore')}
            </Text>
            <Text fz={40} fw={750} lh={1.1} data-testid="final-score">
              {formatScore(result.scorePct)}
            </Text>
            <Text size="sm" c="dimmed">
              {formatNumber(result.achieved)} / {formatNumber(result.maximum)}
            </Text>
          </Stack>
          <Stack gap={4} align="flex-end">
            <Text size="sm" fw={600}>
              {t('criticalErrors')}
            </Text>
            {criticalClasses.length === 0 ? (
              <Badge color="teal" variant="light">
                {t('noCriticalErrors')}
              </Badge>
            ) : (
              criticalClasses.map((c) => (
                <Badge key={c} color="red.9" data-testid="critical-class">
                  {tc(`critical.${c}`)}
                </Badge>
              ))
            )}
            {result.zeroedByCritical ? (
              <Text size="xs" c="red.9">
                {t('zeroed')}
              </Text>
            ) : null}
          </Stack>
        </Group>
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Title order={2} fz="md" mb={4}>
          {t('calculation')}
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          {t('calculationIntro')}
        </Text>
        <Table verticalSpacing={6} fz="sm" aria-label={t('calculation')} data-testid="calculation-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('criterion')}</Table.Th>
              <Table.Th>{t('answer')}</Table.Th>
              <Table.Th ta="right">{t('weight', { weight: '' }).trim()}</Table.Th>
              <Table.Th ta="right">{t('achieved')}</Table.Th>
              <Table.Th ta="right">{t('maximum')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rubric.sections.map((section) => {
              const sectionScore = result.sections.find((s) => s.sectionId === section.id);
              return [
                <Table.Tr key={`s-${section.id}`} bg="gray.0">
                  <Table.Td colSpan={3} fw={700}>
                    {section.title}
                  </Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {sectionScore ? formatNumber(sectionScore.achieved) : '—'}
                  </Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {sectionScore ? `${formatNumber(sectionScore.maximum)} (${formatScore(sectionScore.scorePct)})` : '—'}
                  </Table.Td>
                </Table.Tr>,
                ...section.criteria.map((criterion) => {
                  const score = scores.get(criterion.id);
                  const counted = score?.counted ?? false;
                  return (
                    <Table.Tr key={criterion.id} c={counted ? undefined : 'dimmed'}>
                      <Table.Td>
                        {criterion.title}
                        {score?.criticalFailed ? (
                          <Badge ml={6} color="red.9" size="xs">
                            {t('criticalError')}
                          </Badge>
                        ) : null}
                        {answers.get(criterion.id)?.note ? (
                          <Text size="xs" c="dimmed" fs="italic">
                            “{answers.get(criterion.id)?.note}”
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{describeAnswer(criterion, answers.get(criterion.id), labels)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(criterion.weight)}</Table.Td>
                      <Table.Td ta="right">
                        {counted && score?.achieved !== null && score ? formatNumber(score.achieved) : t('notCounted')}
                      </Table.Td>
                      <Table.Td ta="right">{counted && score?.maximum !== null && score ? formatNumber(score.maximum) : '—'}</Table.Td>
                    </Table.Tr>
                  );
                }),
              ];
            })}
            <Table.Tr>
              <Table.Td colSpan={3} fw={700}>
                {t('total')}
              </Table.Td>
              <Table.Td ta="right" fw={700}>
                {formatNumber(result.achieved)}
              </Table.Td>
              <Table.Td ta="right" fw={700}>
                {formatNumber(result.maximum)} ({formatScore(result.scorePct)})
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>

      {evaluation.tops || evaluation.tips ? (
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <div>
              <Text fw={600} size="sm">
                {t('tops')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {evaluation.tops || '—'}
              </Text>
            </div>
            <div>
              <Text fw={600} size="sm">
                {t('tips')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {evaluation.tips || '—'}
              </Text>
            </div>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
