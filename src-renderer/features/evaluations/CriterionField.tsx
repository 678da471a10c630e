import { Badge, Group, Paper, Radio, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Answer, Criterion } from '@contract';
import { formatNumber } from '../../components/format';
import { answerToChoice, choiceToAnswer } from './answer-codec';

interface Props {
  criterion: Criterion;
  answer: Answer;
  onChange(answer: Answer): void;
  disabled?: boolean;
}

export function CriterionField({ criterion, answer, onChange, disabled }: Props) {
  const { t } = useTranslation('evaluations');
  const { t: tc } = useTranslation();
  const choice = answerToChoice(answer);
  const options: Array<{ value: string; label: string; title?: string }> =
    criterion.type === 'yes_no'
      ? [
          { value: '1', label: t('yes') },
          { value: '0', label: t('no') },
        ]
      : criterion.levels.map((l) => ({ value: String(l.value), label: String(l.value), title: `${l.label}: ${l.guidance}` }));
  if (criterion.allowNa) options.push({ value: 'na', label: t('na') });
  const selectedLevel =
    criterion.type === 'scale' && answer.value !== null && !answer.na ? criterion.levels.find((l) => l.value === answer.value) : undefined;
  const labelId = `criterion-${criterion.id}-label`;

  return (
    <Paper withBorder={false} p="sm" radius="sm" bg={choice === null ? 'gray.0' : 'white'} data-testid={`criterion-${criterion.key}`}>
      <Stack gap={6}>
        <Stack gap={2}>
          <Text id={labelId} fw={600} size="sm">
            {criterion.title}
          </Text>
          {criterion.description ? (
            <Text size="xs" c="dimmed">
              {criterion.description}
            </Text>
          ) : null}
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              {t('weight', { weight: formatNumber(criterion.weight) })}
            </Text>
            {criterion.criticalClass ? (
              <Badge color="red" variant="light" size="xs" leftSection={<IconAlertOctagon size={11} aria-hidden />}>
                {tc(`critical.${criterion.criticalClass}`)}
              </Badge>
            ) : null}
          </Group>
        </Stack>
        <Radio.Group
          value={choice}
          onChange={(v) => onChange(choiceToAnswer(criterion, v, answer.note))}
          aria-labelledby={labelId}
          name={`criterion-${criterion.id}`}
        >
          <Group gap="md">
            {options.map((o) => (
              <Tooltip key={o.value} label={o.title ?? o.label} disabled={!o.title} multiline w={280} openDelay={300}>
                <Radio value={o.value} label={o.label} disabled={disabled} />
              </Tooltip>
            ))}
          </Group>
        </Radio.Group>
        {selectedLevel ? (
          <Text size="xs" c="klankbord.9">
            <b>{selectedLevel.label}:</b> {selectedLevel.guidance}
          </Text>
        ) : null}
        <TextInput
          size="xs"
          variant="filled"
          placeholder={t('note')}
          aria-label={`${t('note')}: ${criterion.title}`}
          value={answer.note}
          disabled={disabled}
          maxLength={2000}
          onChange={(e) => onChange({ ...answer, note: e.currentTarget.value })}
        />
      </Stack>
    </Paper>
  );
}
