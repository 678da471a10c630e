import { Alert, Button, Drawer, Stack, Table, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evaluation, EvaluationVersion, RubricVersion } from '@contract';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatScore } from '../../components/format';
import { ScoreBreakdown } from './ScoreBreakdown';

/** One version as it was: its answers scored on the pinned rubric, read-only. */
function VersionView({
  version,
  index,
  evaluation,
  rubric,
  onBack,
}: {
  version: EvaluationVersion;
  index: number;
  evaluation: Evaluation;
  rubric: RubricVersion;
  onBack(): void;
}) {
  const { t } = useTranslation('evaluations');
  const { t: td } = useTranslation('disputes');
  const asOf: Evaluation = {
    ...evaluation,
    status: version.snapshot.status,
    tops: version.snapshot.tops,
    tips: version.snapshot.tips,
    answers: version.snapshot.answers,
    result: version.result,
  };
  return (
    <Stack gap="md" data-testid="history-version">
      <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack} w="fit-content" px={4}>
        {t('historyBack')}
      </Button>
      <Text fw={600}>
        {t('historyViewing', {
          n: index + 1,
          change: td(`changes.${version.change}`),
          by: version.changedByName ?? t('systemActor'),
          at: formatDateTime(version.changedAt),
        })}
      </Text>
      {version.note ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {version.note}
        </Text>
      ) : null}
      <Alert color="gray" variant="light">
        <Text size="sm">
          {t('historyReadOnly', { rubric: t('rubricPinned', { name: evaluation.rubricName, version: evaluation.rubricVersion }) })}
        </Text>
      </Alert>
      <ScoreBreakdown evaluation={asOf} rubric={rubric} />
    </Stack>
  );
}

/** Every version of a finished evaluation: who changed what and when; each one opens read-only. */
export function HistoryDrawer({
  evaluation,
  rubric,
  opened,
  onClose,
}: {
  evaluation: Evaluation;
  rubric: RubricVersion;
  opened: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation('evaluations');
  const { t: td } = useTranslation('disputes');
  const { t: tc } = useTranslation();
  const history = useChannel('evaluations.history', opened ? { id: evaluation.id } : null, ['evaluations']);
  const [selected, setSelected] = useState<number | null>(null);
  const versions = history.data ?? [];
  const index = versions.findIndex((v) => v.id === selected);
  const version = versions[index];
  const close = () => {
    setSelected(null);
    onClose();
  };

  return (
    <Drawer
      opened={opened}
      onClose={close}
      position="right"
      size="xl"
      title={<Text fw={700}>{t('history')}</Text>}
      closeButtonProps={{ 'aria-label': tc('actions.close') }}
    >
      {version ? (
        <VersionView version={version} index={index} evaluation={evaluation} rubric={rubric} onBack={() => setSelected(null)} />
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('historyIntro')}
          </Text>
          <ErrorAlert error={history.error} />
          {history.data && versions.length === 0 ? <Text size="sm">{t('historyEmpty')}</Text> : null}
          {versions.length > 0 ? (
            <Table verticalSpacing={6} fz="sm" aria-label={t('history')} data-testid="history-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('historyVersion')}</Table.Th>
                  <Table.Th>{t('historyChange')}</Table.Th>
                  <Table.Th>{t('historyBy')}</Table.Th>
                  <Table.Th>{t('historyAt')}</Table.Th>
                  <Table.Th>{t('historyNote')}</Table.Th>
                  <Table.Th ta="right">{t('historyScore')}</Table.Th>
                  <Table.Th>
                    <span className="visually-hidden">{t('historyOpen')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {versions.map((v, i) => (
                  <Table.Tr key={v.id} data-testid="history-row" data-change={v.change}>
                    <Table.Td>{i + 1}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {td(`changes.${v.change}`)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('historyStatus')}: {tc(`evaluationStatuses.${v.snapshot.status}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{v.changedByName ?? t('systemActor')}</Table.Td>
                    <Table.Td>{formatDateTime(v.changedAt)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap', maxWidth: 220 }}>{v.note || '—'}</Table.Td>
                    <Table.Td ta="right">{formatScore(v.result.scorePct)}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => setSelected(v.id)} aria-label={t('historyOpenLabel', { n: i + 1 })}>
                        {t('historyOpen')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </Stack>
      )}
    </Drawer>
  );
}
