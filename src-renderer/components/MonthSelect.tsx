import { Select } from '@mantine/core';
import { addMonths } from 'date-fns';
import { useMemo } from 'react';
import { formatPeriod, recentPeriods } from './format';

/** A month picker over next month (to look ahead) and the last year, and the month shown should it be older. */
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
    const recent = recentPeriods(14, addMonths(new Date(), 1));
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
