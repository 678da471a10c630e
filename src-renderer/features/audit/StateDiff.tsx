import { Table, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@contract';
import { formatDate, formatNumber, formatPeriod, formatScore } from '../../components/format';
import { changedFields, type FieldChange } from './diff';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoPeriod = /^\d{4}-\d{2}$/;

function fieldLabel(t: TFunction<'audit'>, entity: AuditEntry['entity'], change: FieldChange): string {
  if (change.sub !== undefined) {
    if (change.key === 'teams' && entity === 'settings') return t('fields.targetTeam', { team: change.sub });
    if (change.key === 'teams' && entity === 'rubric') return t('fields.rubricTeam', { team: change.sub });
    return `${fieldLabel(t, entity, { ...change, sub: undefined })} › ${change.sub}`;
  }
  if (entity === 'rubric' && change.key === 'name') return t('fields.rubricName');
  // States of other features (backups, privacy) may carry fields this screen has no label for yet.
  return t(`fields.${change.key}`, { defaultValue: change.key });
}

/** A stored value as a reader expects it: labels for codes, Dutch dates and percentages, "—" for nothing. */
function displayValue(t: TFunction<'audit'>, tc: TFunction, entity: AuditEntry['entity'], change: FieldChange, value: unknown): string {
  if (value === undefined || value === null || value === '') {
    return change.key === 'teams' && change.sub !== undefined ? t('followsDefault') : tc('none');
  }
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (change.key === 'role' && typeof value === 'string') return tc(`roles.${value}`);
  if (change.key === 'status' && typeof value === 'string') {
    if (entity === 'staff') return tc(`statuses.${value}`);
    if (entity === 'evaluation') return tc(`evaluationStatuses.${value}`);
    if (entity === 'rubric') return t(`rubricStatuses.${value}`, { defaultValue: value });
  }
  if (typeof value === 'number') {
    if (change.key === 'scorePct') return formatScore(value);
    if (change.key === 'defaultPct' || (change.key === 'teams' && entity === 'settings')) return `${formatNumber(value, 1)}%`;
    return formatNumber(value, 1);
  }
  if (Array.isArray(value)) return change.key === 'answers' ? t('answers', { count: value.length }) : value.map(String).join(', ');
  if (typeof value === 'string') {
    if (isoDate.test(value)) return formatDate(value);
    if (isoPeriod.test(value)) return formatPeriod(value);
    return value;
  }
  return JSON.stringify(value);
}

/** Before → after of one audit entry, only the fields that changed, with their labels. */
export function StateDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('audit');
  const { t: tc } = useTranslation();
  if (entry.before === null && entry.after === null) {
    return (
      <Text size="sm" c="gray.7">
        {t('noStates')}
      </Text>
    );
  }
  const changes = changedFields(entry.before, entry.after);
  return (
    <>
      {entry.before === null ? (
        <Text size="sm" c="gray.7" mb={4}>
          {t('created')}
        </Text>
      ) : null}
      {entry.after === null ? (
        <Text size="sm" c="gray.7" mb={4}>
          {t('removed')}
        </Text>
      ) : null}
      {changes.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('noChanges')}
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} withTableBorder bg="white" aria-label={t('diffLabel')} data-testid="audit-diff">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="30%">{t('field')}</Table.Th>
              <Table.Th>{t('before')}</Table.Th>
              <Table.Th w={28}>
                <span className="visually-hidden">→</span>
              </Table.Th>
              <Table.Th>{t('after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((change) => (
              <Table.Tr key={`${change.key}/${change.sub ?? ''}`} data-testid="audit-diff-row" data-field={change.key}>
                <Table.Td fw={600}>{fieldLabel(t, entry.entity, change)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }} data-testid="audit-before">
                  {entry.before === null ? tc('none') : displayValue(t, tc, entry.entity, change, change.before)}
                </Table.Td>
                <Table.Td>
                  <IconArrowRight size={14} aria-hidden />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }} fw={500} data-testid="audit-after">
                  {entry.after === null ? tc('none') : displayValue(t, tc, entry.entity, change, change.after)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
