import { formatNumber, formatScore } from '../format';
import i18n from '../../i18n';

/** What a cell holds: numbers stay numbers so CSV and XLSX get values, not pre-formatted text. */
export type CellValue = string | number | null;
/** pct: a 0–100 percentage with one decimal; int: a count; decimal: one decimal (days, points). */
export type ColumnKind = 'text' | 'pct' | 'int' | 'decimal';

export interface TableColumn {
  label: string;
  kind?: ColumnKind;
}

/** The data behind a chart or a screen table, in the shape every export (table, copy, CSV, XLSX) reads. */
export interface TableData {
  columns: TableColumn[];
  rows: CellValue[][];
  /** A row's own kind for its number cells, where rows differ (e.g. a summary of percentages and counts). */
  rowKinds?: ColumnKind[];
}

/** The kind that formats one cell: the row's when it has one, else the column's. */
export const cellKind = (table: TableData, row: number, column: number): ColumnKind =>
  (column > 0 ? table.rowKinds?.[row] : undefined) ?? table.columns[column]?.kind ?? 'text';

/** How a cell reads on screen and in the report. */
export function formatCell(value: CellValue, kind: ColumnKind = 'text'): string {
  if (value === null || value === '') return i18n.t('none');
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'pct':
      return formatScore(value);
    case 'int':
      return formatNumber(value, 0);
    case 'decimal':
      return formatNumber(value, 1);
    default:
      return String(value);
  }
}

const dutch = () => i18n.language !== 'en';

/** Rounded like the screen shows it, written with the decimal mark of the person's language. */
function plainNumber(value: number, kind: ColumnKind): string {
  const digits = kind === 'int' ? 0 : 1;
  const rounded = kind === 'text' ? String(value) : value.toFixed(digits);
  return dutch() ? rounded.replace('.', ',') : rounded;
}

function delimited(table: TableData, separator: string): string {
  const quote = (text: string) => (/["\n\r\t;,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const line = (cells: string[]) => cells.map(quote).join(separator);
  const body = table.rows.map((row, r) =>
    line(row.map((cell, i) => (cell === null ? '' : typeof cell === 'number' ? plainNumber(cell, cellKind(table, r, i)) : cell))),
  );
  return [line(table.columns.map((c) => c.label)), ...body].join('\r\n');
}

/**
 * CSV as Excel opens it in the person's locale: Dutch Excel expects semicolons and decimal commas,
 * English Excel commas and points. The BOM makes Excel read UTF-8 (names with diacritics).
 */
export const toCsv = (table: TableData) => `\uFEFF${delimited(table, dutch() ? ';' : ',')}`;

/** Tab-separated: pastes into Excel, Word and e-mail as a table. */
export const toTsv = (table: TableData) => delimited(table, '\t');

/** Lower-case, dash-separated, without diacritics: safe on every file system. */
export const fileSlug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
