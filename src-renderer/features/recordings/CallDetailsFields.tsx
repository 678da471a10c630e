import { Select, Table, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDetails } from '@contract';
import { useChannel } from '../../api/use-channel';

interface Props {
  value: CallDetails;
  onChange(next: CallDetails): void;
  /** As three table cells with labels for screen readers only (the import list), or as a stacked form. */
  compact?: boolean;
  idPrefix: string;
}

/** Advisor, call moment and topic: the three things every recording needs for reports. */
export function CallDetailsFields({ value, onChange, compact, idPrefix }: Props) {
  const { t } = useTranslation('recordings');
  const advisors = useChannel('staff.list', { roles: ['advisor'] }, ['staff']);
  const topics = useChannel('recordings.topics', {}, []);
  const labelProps = compact ? { labelProps: { className: 'visually-hidden' } } : {};
  const cell = (node: ReactNode) => (compact ? <Table.Td>{node}</Table.Td> : node);
  return (
    <>
      {cell(
        <Select
          id={`${idPrefix}-advisor`}
          label={t('advisor')}
          {...labelProps}
          searchable
          clearable
          placeholder={t('noAdvisor')}
          data={(advisors.data ?? []).map((a) => ({ value: String(a.id), label: `${a.name} (${a.employeeNumber})` }))}
          value={value.advisorId === null ? null : String(value.advisorId)}
          onChange={(v) => onChange({ ...value, advisorId: v === null ? null : Number(v) })}
        />,
      )}
      {cell(
        <TextInput
          id={`${idPrefix}-callAt`}
          type="datetime-local"
          step={1}
          label={t('callAt')}
          {...labelProps}
          value={value.callAt ?? ''}
          onChange={(e) => onChange({ ...value, callAt: e.currentTarget.value === '' ? null : e.currentTarget.value })}
        />,
      )}
      {cell(
        <Select
          id={`${idPrefix}-topic`}
          label={t('topic')}
          {...labelProps}
          clearable
          data={(topics.data ?? []).map((tp) => ({ value: tp.key, label: tp.label }))}
          value={value.topic}
          onChange={(v) => onChange({ ...value, topic: v })}
        />,
      )}
    </>
  );
}
