import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cellKind, formatCell, type TableData } from './table-data';

/**
 * A plain, selectable table: the accessible and copyable twin of a chart, and the screen form of
 * any exported table. `rowLinks` turns a row's first cell into a link (drill-down).
 */
export function DataTableView({
  id,
  caption,
  table,
  rowLinks,
  fit = false,
  testId,
}: {
  id?: string;
  caption: string;
  table: TableData;
  rowLinks?: (string | null)[];
  /** Fit the width it gets (a printed A4 page) instead of scrolling sideways. */
  fit?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation('charts');
  if (table.rows.length === 0) {
    return (
      <Text id={id} size="sm" c="gray.7" py="sm">
        {t('noData')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={fit ? 0 : table.columns.length * 110} type="native">
      <Table id={id} striped verticalSpacing={4} horizontalSpacing={fit ? 6 : 'sm'} fz={fit ? 'xs' : 'sm'} data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {table.columns.map((c) => (
              <Table.Th key={c.label} scope="col" ta={c.kind && c.kind !== 'text' ? 'right' : undefined}>
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row, r) => (
            <Table.Tr key={r} data-testid={testId ? `${testId}-row` : undefined}>
              {row.map((cell, i) => {
                const kind = cellKind(table, r, i);
                const link = i === 0 ? rowLinks?.[r] : null;
                return i === 0 ? (
                  <Table.Th key={i} scope="row" fw={500}>
                    {link ? (
                      <Anchor component={Link} to={link} fw={600} size="sm">
                        {formatCell(cell, kind)}
                      </Anchor>
                    ) : (
                      formatCell(cell, kind)
                    )}
                  </Table.Th>
                ) : (
                  <Table.Td key={i} ta={table.columns[i]?.kind && table.columns[i]?.kind !== 'text' ? 'right' : undefined}>
                    {formatCell(cell, kind)}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
