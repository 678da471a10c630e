import { Box, Button, Group, Paper, Title } from '@mantine/core';
import { IconTable, IconTableOff } from '@tabler/icons-react';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTableView } from './DataTableView';
import { TableActions } from './TableActions';
import type { TableData } from './table-data';
import './charts.css';

export interface ChartFigureProps {
  title: string;
  /** What the chart shows and its key figures, in words: screen readers read this instead of the drawing. */
  description: string;
  table: TableData;
  fileName: string;
  children: ReactNode;
  /** Below the chart, always visible (e.g. a legend of action points). */
  footer?: ReactNode;
  /** The printed report shows chart and table together, without the toggle. */
  alwaysShowTable?: boolean;
  /** The title's heading level, so it fits the page's outline. */
  headingOrder?: 2 | 3 | 4;
  testId?: string;
}

/**
 * Every chart in the app goes through here: a titled figure whose drawing is one image with a
 * description, and the data behind it one click away as a real table (copyable, CSV), so nobody
 * depends on seeing the lines or telling colours apart.
 */
export function ChartFigure({
  title,
  description,
  table,
  fileName,
  children,
  footer,
  alwaysShowTable = false,
  headingOrder = 3,
  testId,
}: ChartFigureProps) {
  const { t } = useTranslation('charts');
  const titleId = useId();
  const tableId = useId();
  const [open, setOpen] = useState(false);
  const showTable = alwaysShowTable || open;

  return (
    <Paper component="figure" withBorder radius="md" p="md" m={0} aria-labelledby={titleId} className="kb-figure" data-testid={testId}>
      <Group justify="space-between" align="center" mb="sm" gap="xs">
        <Title order={headingOrder} fz={headingOrder === 2 ? 'lg' : 'md'} id={titleId}>
          {title}
        </Title>
        {alwaysShowTable ? null : (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={open ? <IconTableOff size={14} aria-hidden /> : <IconTable size={14} aria-hidden />}
            aria-expanded={open}
            aria-controls={tableId}
            aria-label={open ? t('hideTableLabel', { title }) : t('showTableLabel', { title })}
            onClick={() => setOpen((o) => !o)}
            className="kb-no-print"
            data-testid="toggle-table"
          >
            {open ? t('hideTable') : t('showTable')}
          </Button>
        )}
      </Group>
      <Box role="img" aria-label={description} data-testid="chart">
        {children}
      </Box>
      {footer}
      {showTable ? (
        <Box mt="sm">
          <Group justify="flex-end">
            <TableActions title={title} table={table} fileName={fileName} />
          </Group>
          <DataTableView id={tableId} caption={title} table={table} fit={alwaysShowTable} testId="chart-table" />
        </Box>
      ) : (
        // The button's aria-controls must point at an element that exists.
        <div id={tableId} hidden />
      )}
    </Paper>
  );
}
