import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RubricVersion } from '@contract';
import { formatNumber } from '../../components/format';

/** A published version as the author wrote it, read-only: the same order and information as the editor. */
export function RubricView({ rubric }: { rubric: RubricVersion }) {
  const { t } = useTranslation('rubrics');
  const { t: tc } = useTranslation();
  return (
    <Stack gap="lg" data-testid="rubric-view">
      <Text size="sm">{rubric.criticalZeroesTotal ? t('view.criticalZeroesTotal') : t('view.criticalReported')}</Text>
      {rubric.sections.map((section, si) => (
        <Paper key={section.id} withBorder radius="md" p="lg" component="section" aria-labelledby={`view-section-${section.id}`}>
          <Group gap="xs" mb="sm">
            <Title order={2} fz="md" id={`view-section-${section.id}`}>
              {si + 1}. {section.title}
            </Title>
            <Text size="xs" c="dimmed" ff="monospace">
              {section.key}
            </Text>
          </Group>
          <Stack gap="md">
            {section.criteria.map((c, ci) => (
              <Stack key={c.id} gap={4} data-testid={`view-criterion-${c.key}`}>
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    {si + 1}.{ci + 1} {c.title}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {c.key}
                  </Text>
                </Group>
                {c.description ? (
                  <Text size="sm" c="dimmed">
                    {c.description}
                  </Text>
                ) : null}
                <Group gap={6}>
                  <Badge variant="light" color="gray" size="sm">
                    {c.type === 'yes_no' ? t('view.yesNo') : t('view.scale', { max: c.scaleMax })}
                  </Badge>
                  <Badge variant="light" color="gray" size="sm">
                    {t('view.weight', { weight: formatNumber(c.weight) })}
                  </Badge>
                  <Badge variant="light" color="gray" size="sm">
                    {c.required ? t('view.required') : t('view.optional')}
                  </Badge>
                  {c.allowNa ? (
                    <Badge variant="light" color="gray" size="sm">
                      {t('view.allowNa')}
                    </Badge>
                  ) : null}
                  {c.criticalClass ? (
                    <Badge variant="light" color="red" size="sm" leftSection={<IconAlertOctagon size={11} aria-hidden />}>
                      {tc(`critical.${c.criticalClass}`)}
                    </Badge>
                  ) : null}
                </Group>
                {c.type === 'scale' ? (
                  <Table fz="sm" verticalSpacing={4} withTableBorder aria-label={t('view.levelsLabel', { title: c.title })} maw={880}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={70}>{t('editor.levelColumn')}</Table.Th>
                        <Table.Th w={180}>{t('editor.levelLabel')}</Table.Th>
                        <Table.Th>{t('editor.levelGuidance')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {c.levels.map((level) => (
                        <Table.Tr key={level.value}>
                          <Table.Td>{level.value}</Table.Td>
                          <Table.Td>{level.label}</Table.Td>
                          <Table.Td>{level.guidance || '—'}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                ) : null}
              </Stack>
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
