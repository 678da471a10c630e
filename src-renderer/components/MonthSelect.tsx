import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { formatPeriod, recentPeriods } from './format';

/** A month picker over the last year (and the month shown, should it be older). */
export function MonthSelect({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  onChange(period: string): void;
  testId?: string;
}) {
  const periods = useMemo(() => {
    const recent = recentPeriods(13);
    return recent.includes(value) ? recent : [value, ...recent].sort().reverse();
  }, [value]);
  return (
    <Select
      label={label}
      data={periods.map((p) => ({ value: p, label: formatPeriod(p) }))}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      w={200}
      data-testid={testId}
    />
  );
}
