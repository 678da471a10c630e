import type { TFunction } from 'i18next';
import type { Cell, Row, Sheet } from 'write-excel-file/browser';
import type { TeamMonth } from '@contract';
import { downloadBlob } from '../../components/charts/download';
import { cellKind, fileSlug, type TableData } from '../../components/charts/table-data';
import { actionPointsTable, advisorsTable, criteriaTable, reportTitle, summaryTable } from './month-tables';

/**
 * Excel number formats per kind. Values stay unrounded numbers: a manager who sums or averages in
 * Excel gets the exact figures, while the cells show what the dashboard shows.
 */
const formats = { pct: '0.0', int: '0', decimal: '0.0' } as const;

function sheetRows(table: TableData): Row[] {
  const header: Row = table.columns.map((c): Cell => ({ value: c.label, fontWeight: 'bold' }));
  const body = table.rows.map((row, r) =>
    row.map((value, i): Cell => {
      if (value === null) return null;
      if (typeof value === 'string') return { value, type: String };
      const kind = cellKind(table, r, i);
      return { value, type: Number, format: kind === 'text' ? undefined : formats[kind] };
    }),
  );
  return [header, ...body];
}

const widths = (table: TableData) =>
  table.columns.map((c, i) => ({
    width: Math.min(60, Math.max(c.label.length, ...table.rows.map((r) => String(r[i] ?? '').length)) + 2),
  }));

/** The workbook's sheets (samenvatting, per medewerker, per criterium, actiepunten) from the dashboard's data. */
export function workbookSheets(m: TeamMonth, t: TFunction<'reports'>): Sheet<Blob>[] {
  const summary = summaryTable(m, t);
  const sheets: Array<[string, TableData]> = [
    [t('xlsx.sheets.summary'), summary],
    [t('xlsx.sheets.advisors'), advisorsTable(m, t)],
    [t('xlsx.sheets.criteria'), criteriaTable(m, t)],
    [t('xlsx.sheets.actionPoints'), actionPointsTable(m, t)],
  ];
  return sheets.map(([sheet, table], i) => ({
    sheet,
    // The summary opens with the report's title, as the printed report does.
    data: i === 0 ? [[{ value: reportTitle(m, t), fontWeight: 'bold' }], [], ...sheetRows(table)] : sheetRows(table),
    columns: widths(table),
    stickyRowsCount: i === 0 ? 3 : 1,
  }));
}

export const workbookFileName = (m: TeamMonth) => `maandrapportage-${m.period}${m.team ? `-${fileSlug(m.team)}` : ''}.xlsx`;

export async function downloadWorkbook(m: TeamMonth, t: TFunction<'reports'>): Promise<string> {
  const fileName = workbookFileName(m);
  // Loaded on the first export only: most visits to the dashboard never write a workbook.
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const blob = await writeXlsxFile(workbookSheets(m, t)).toBlob();
  downloadBlob(fileName, blob);
  return fileName;
}
