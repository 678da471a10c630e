import {
  ActionIcon,
  Alert,
  Badge,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsDiff, IconInfoCircle, IconMessage } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type {
  AlphaResult,
  CalibrationCell,
  CalibrationComparison,
  CalibrationCriterionRow,
  CalibrationSession,
  Criterion,
  RubricVersion,
} from '@contract';
import { formatScore } from '../../components/format';
import i18n from '../../i18n';
import { AlphaBadge, wholeLabel } from './labels';
import { answerText, criteriaById, groupBySection, pct, shareToLevel, type AnswerWords } from './model';

export function useAnswerWords(): AnswerWords {
  const { t } = useTranslation('calibration');
  return { yes: t('comparison.yes'), no: t('comparison.no'), na: t('comparison.na'), unanswered: t('comparison.unanswered') };
}

/** Everyone's answers side by side per criterion, then per participant, then the agreement in one number per kind. */
export function ComparisonView({
  session,
  comparison,
  rubric,
}: {
  session: CalibrationSession;
  comparison: CalibrationComparison;
  rubric: RubricVersion;
}) {
  const { t } = useTranslation('calibration');
  const criteria = criteriaById(rubric);
  const names = new Map(comparison.coaches.map((c) => [c.coachId, c.name]));
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="calibration-comparison" data-testid="comparison">
        <Title order={2} fz="lg" id="calibration-comparison" mb={4}>
          {t('comparison.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('comparison.intro')}
        </Text>
        <Text size="sm" fw={600} mt={4} data-testid="reference-source">
          {t(`comparison.referenceFrom.${comparison.referenceSource}`)}
        </Text>
        {session.status === 'open' ? (
          <Alert color="yellow" variant="light" mt="sm" icon={<IconInfoCircle aria-hidden />}>
            <Text size="sm">{t('comparison.partial')}</Text>
          </Alert>
        ) : null}
        <Stack gap="lg" mt="md">
          {groupBySection(comparison.criteria).map((group, g) => (
            <section key={group.title} aria-labelledby={`cal-section-${g}`}>
              <Title order={3} fz="md" id={`cal-section-${g}`} mb={6}>
                {group.title}
              </Title>
              <Table.ScrollContainer minWidth={720}>
                {/* A fixed layout gives every section's table the same columns, so they read as one grid. */}
                <Table verticalSpacing={6} fz="sm" withTableBorder withColumnBorders layout="fixed" aria-labelledby={`cal-section-${g}`}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w="28%">{t('comparison.criterion')}</Table.Th>
                      {comparison.coaches.map((c) => (
                        <Table.Th key={c.coachId}>{c.name}</Table.Th>
                      ))}
                      <Table.Th>
                        {t('comparison.reference', { source: t(`comparison.referenceShort.${comparison.referenceSource}`) })}
                      </Table.Th>
                      <Table.Th>{t('comparison.spread')}</Table.Th>
                      <Table.Th>{t('comparison.agreement')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {group.rows.map((row) => (
                      <CriterionRow
                        key={row.criterionId}
                        row={row}
                        criterion={criteria.get(row.criterionId)}
                        coachIds={comparison.coaches.map((c) => c.coachId)}
                        names={names}
                      />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </section>
          ))}
        </Stack>
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <CoachesPanel comparison={comparison} />
        <AlphaPanel alpha={comparison.alpha} />
      </SimpleGrid>
    </Stack>
  );
}

function CriterionRow({
  row,
  criterion,
  coachIds,
  names,
}: {
  row: CalibrationCriterionRow;
  criterion: Criterion | undefined;
  coachIds: number[];
  names: Map<number, string>;
}) {
  const { t } = useTranslation('calibration');
  const words = useAnswerWords();
  const cells = new Map(row.answers.map((a) => [a.coachId, a]));
  return (
    <Table.Tr data-testid={`compare-${row.key}`}>
      <Table.Td>
        <Text size="sm" fw={600}>
          {row.title}
        </Text>
        <Text size="xs" c="dimmed">
          {row.type === 'yes_no' ? t('comparison.yesNo') : t('comparison.scale', { max: row.scaleMax })} ·{' '}
          {t('comparison.weight', { pct: formatScore(row.weightShare * 100) })}
        </Text>
      </Table.Td>
      {coachIds.map((id) => (
        <AnswerCell key={id} row={row} cell={cells.get(id)} criterion={criterion} name={names.get(id) ?? ''} words={words} />
      ))}
      <Table.Td data-testid="reference-cell">
        <Text size="sm" fw={600}>
          {row.reference ? answerText(row.type, row.reference.value, row.reference.na, criterion, words) : words.unanswered}
        </Text>
      </Table.Td>
      <Table.Td data-testid="spread-cell">{spreadText(row, t)}</Table.Td>
      <Table.Td data-testid="agreement-cell">{formatScore(row.agreementPct)}</Table.Td>
    </Table.Tr>
  );
}

function spreadText(row: CalibrationCriterionRow, t: TFunction<'calibration'>): string {
  const { min, max, range } = row.spread;
  if (min === null || max === null || range === null) return '—';
  if (range === 0) return t('comparison.unanimous');
  if (row.type === 'yes_no') return t('comparison.split');
  return t('comparison.levels', { min: shareToLevel(min, row.scaleMax), max: shareToLevel(max, row.scaleMax) });
}

/** A differing answer gets a tint, an arrow and words: the colour alone never carries it. */
function AnswerCell({
  row,
  cell,
  criterion,
  name,
  words,
}: {
  row: CalibrationCriterionRow;
  cell: CalibrationCell | undefined;
  criterion: Criterion | undefined;
  name: string;
  words: AnswerWords;
}) {
  const { t } = useTranslation('calibration');
  if (!cell) return <Table.Td>{words.unanswered}</Table.Td>;
  const deviates = cell.alignment !== null && cell.alignment < 1;
  const direction = cell.deviation === null || cell.deviation === 0 ? 'differs' : cell.deviation > 0 ? 'higher' : 'lower';
  const Icon = direction === 'higher' ? IconArrowUp : direction === 'lower' ? IconArrowDown : IconArrowsDiff;
  return (
    <Table.Td bg={deviates ? 'orange.0' : undefined} data-testid="answer-cell" data-deviates={deviates ? 'true' : 'false'}>
      <Group gap={4} wrap="nowrap">
        {deviates ? (
          <Tooltip label={t(`comparison.${direction}`)}>
            <Icon size={16} color="var(--mantine-color-orange-9)" aria-hidden data-testid="deviation-icon" />
          </Tooltip>
        ) : null}
        <Text size="sm" fw={deviates ? 700 : 400}>
          {answerText(row.type, cell.value, cell.na, criterion, words)}
        </Text>
        {deviates ? <VisuallyHidden>{` (${t(`comparison.${direction}`)})`}</VisuallyHidden> : null}
        {cell.note ? (
          <Tooltip label={cell.note} multiline w={280} withArrow>
            <ActionIcon
              variant="subtle"
              color="gray.8"
              size="sm"
              aria-label={t('comparison.noteOf', { name, note: cell.note })}
              data-testid="note-button"
            >
              <IconMessage size={14} aria-hidden />
            </ActionIcon>
          </Tooltip>
        ) : null}
      </Group>
    </Table.Td>
  );
}

function CoachesPanel({ comparison }: { comparison: CalibrationComparison }) {
  const { t } = useTranslation('calibration');
  const { t: tc } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="calibration-coaches" data-testid="coach-summary">
      <Title order={2} fz="lg" id="calibration-coaches" mb={4}>
        {t('coaches.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('coaches.intro')}
      </Text>
      <Table verticalSpacing={6} fz="sm" aria-labelledby="calibration-coaches">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('coaches.name')}</Table.Th>
            <Table.Th>{t('coaches.score')}</Table.Th>
            <Table.Th>{t('coaches.alignment')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {comparison.coaches.map((c) => (
            <Table.Tr key={c.coachId} data-testid="coach-row">
              <Table.Td>
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {c.name}
                  </Text>
                  {c.isReference ? (
                    <Badge variant="outline" color="grape.9" size="sm" styles={wholeLabel}>
                      {t('session.expert')}
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td data-testid="coach-score">{formatScore(c.scorePct)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={600} w={56} data-testid="coach-alignment">
                    {c.alignment === null ? tc('none') : formatScore(pct(c.alignment))}
                  </Text>
                  {c.alignment === null ? null : <Progress value={c.alignment * 100} w={100} color="klankbord.7" aria-hidden />}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

const alphaKinds = ['scales', 'yesNo', 'overall'] as const;

/** Always three decimals, so 0,667 and 0,800 read against Krippendorff's thresholds. */
export function formatAlpha(value: number | null): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(
    value,
  );
}

function AlphaPanel({ alpha }: { alpha: CalibrationComparison['alpha'] }) {
  const { t } = useTranslation('calibration');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="calibration-alpha" data-testid="alpha">
      <Title order={2} fz="lg" id="calibration-alpha" mb={4}>
        {t('alpha.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('alpha.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {alphaKinds.map((kind) => (
          <AlphaCard key={kind} label={t(`alpha.${kind}`)} result={alpha[kind]} testId={`alpha-${kind}`} />
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function AlphaCard({ label, result, testId }: { label: string; result: AlphaResult; testId: string }) {
  const { t } = useTranslation('calibration');
  return (
    <Paper withBorder radius="sm" p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700} data-testid="alpha-value">
        {formatAlpha(result.value)}
      </Text>
      <AlphaBadge value={result.value} />
      <Text size="xs" c="dimmed" mt={4}>
        {result.value === null ? t('alpha.noneHint') : t('alpha.pairable', { count: result.pairable })}
      </Text>
    </Paper>
  );
}
