import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import {
  staffFields,
  type RosterImportResult,
  type StaffFields,
  type StaffRole,
  type StaffStatus,
  type rosterImportInput,
  type rosterRowError,
} from '../../contract';
import { nowIso } from '../clock';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { recordStaffChange, staffFieldNames, toStaffColumns, toStaffMember } from './staff';

/**
 * Roster import: the staff list a team manager keeps in Excel, saved as CSV. Excel in a Dutch
 * locale writes semicolons (the comma is the decimal sign), and depending on the version and the
 * "Opslaan als" choice the bytes are UTF-8 with or without BOM, Windows-1252, or UTF-16 — so all
 * of those are read here rather than asking a coach to pick an encoding.
 *
 * Row errors: `row` is the spreadsheet row number as Excel shows it (header = 1, blank rows
 * counted), and `message` is the Dutch reason WITHOUT a "Rij N:" prefix, because the screen shows
 * the row number in its own column. Several problems in one row are joined with "; ".
 */

export type RosterImportInput = z.infer<typeof rosterImportInput>;
export type RosterRowError = z.infer<typeof rosterRowError>;

/** More rows than any KCC has staff; beyond this the file is almost certainly not a roster. */
export const maxRosterRows = 5000;

type RosterColumn = 'employeeNumber' | 'name' | 'firstName' | 'infix' | 'lastName' | 'team' | 'role' | 'startDate' | 'status';

/** Header names, normalised by `headerKey`, and what they mean. */
const headerAliases: Readonly<Record<string, RosterColumn>> = {
  personeelsnummer: 'employeeNumber',
  personeelsnr: 'employeeNumber',
  medewerkernummer: 'employeeNumber',
  medewerkernr: 'employeeNumber',
  naam: 'name',
  volledigenaam: 'name',
  voornaam: 'firstName',
  tussenvoegsel: 'infix',
  tussenvoegsels: 'infix',
  achternaam: 'lastName',
  team: 'team',
  rol: 'role',
  functie: 'role',
  startdatum: 'startDate',
  indienst: 'startDate',
  datumindienst: 'startDate',
  status: 'status',
};

const roleAliases: Readonly<Record<string, StaffRole>> = {
  klantadviseur: 'advisor',
  adviseur: 'advisor',
  advisor: 'advisor',
  coach: 'coach',
  kwaliteitscoach: 'coach',
  trainer: 'trainer',
  teammanager: 'manager',
  manager: 'manager',
  teamleider: 'manager',
};

const statusAliases: Readonly<Record<string, StaffStatus>> = {
  actief: 'active',
  active: 'active',
  inwerken: 'onboarding',
  inopleiding: 'onboarding',
  onboarding: 'onboarding',
  uitdienst: 'left',
  left: 'left',
};

const roleHint = 'gebruik klantadviseur, coach, trainer of teammanager';
const statusHint = 'gebruik actief, inwerken of uit dienst';
const dateHint = 'gebruik dd-mm-jjjj';

/** "Volledige naam", "PERSONEELSNR." and "in_dienst" all match: people type headers by hand. */
const headerKey = (text: string): string =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s._-]+/g, '');

/** Cells keep their inner spacing sane: Excel users often leave double or non-breaking spaces. */
const clean = (text: string | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

// Node's TextDecoder('windows-1252') decodes 0x80–0x9F as C1 controls (latin1), which would turn
// '€', 'Š' or curly quotes into invisible characters; this is the real Windows-1252 table.
const cp1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte >= 0x80 && byte < 0xa0 ? (cp1252High[byte - 0x80] ?? byte) : byte);
  return text;
}

/**
 * Bytes to text: a BOM decides; otherwise valid UTF-8 is UTF-8, and anything else is taken as
 * Windows-1252 (what "CSV (gescheiden door lijstscheidingsteken)" writes on a Dutch Windows).
 */
export function decodeRoster(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

const unreadable = (fileName: string, reason: string) => new AppError('roster_unreadable', { fileName, reason });

/** A spreadsheet saved in the wrong format is the most likely mistake; say how to fix it. */
function assertLooksLikeText(fileName: string, bytes: Uint8Array): void {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const isOldExcel = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (isZip || isOldExcel) {
    throw unreadable(
      fileName,
      'dit is een Excel-werkmap. Kies in Excel "Opslaan als" en dan "CSV (gescheiden door lijstscheidingsteken)".',
    );
  }
  const isUtf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!isUtf16 && bytes.subarray(0, 4096).includes(0)) {
    throw unreadable(fileName, 'het is geen tekstbestand. Sla de lijst op als CSV.');
  }
}

/** Optional columns the file has. Absent ones leave what is already known about a person alone. */
export interface RosterColumns {
  team: boolean;
  startDate: boolean;
  status: boolean;
}

export interface RosterEntry {
  /** Spreadsheet row number (header = 1). */
  row: number;
  fields: StaffFields;
}

export interface ParsedRoster {
  entries: RosterEntry[];
  errors: RosterRowError[];
  columns: RosterColumns;
}

/** Day-first as Dutch Excel writes it, or ISO; an optional midnight time is what Excel adds to dates. */
export function parseRosterDate(text: string): { date: string } | { problem: string } {
  const value = text.replace(/\s+0{1,2}:00(:00)?$/, '');
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  const parts = iso ? [iso[1], iso[2], iso[3]] : dutch ? [dutch[3], dutch[2], dutch[1]] : null;
  if (!parts) return { problem: `startdatum "${text}" is geen datum (${dateHint})` };
  const [year, month, day] = parts.map(Number) as [number, number, number];
  // Date.UTC rolls 31-02 over into March; a round trip catches every impossible day or month.
  const moment = new Date(Date.UTC(year, month - 1, day));
  const exists = moment.getUTCFullYear() === year && moment.getUTCMonth() === month - 1 && moment.getUTCDate() === day;
  if (!exists || year < 1900 || year > 2999) return { problem: `startdatum "${text}" bestaat niet (${dateHint})` };
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${year}-${pad(month)}-${pad(day)}` };
}

/** Turns the contract's validation issues into the sentence a team manager can act on. */
function describeIssue(issue: z.core.$ZodIssue, fields: Record<string, unknown>): string {
  const key = String(issue.path[0] ?? '');
  const label = staffFieldNames[key] ?? key;
  const value = typeof fields[key] === 'string' ? (fields[key] as string) : '';
  if (issue.code === 'too_small') return `${label} ontbreekt`;
  if (issue.code === 'too_big') return `${label} "${value}" is te lang (maximaal ${String(issue.maximum)} tekens)`;
  if (issue.code === 'invalid_format' && key === 'employeeNumber') {
    return `personeelsnummer "${value}" mag alleen letters, cijfers en streepjes bevatten`;
  }
  return `${label} "${value}": ${issue.message}`;
}

function detectDelimiter(headerLine: string): string {
  if (headerLine.includes(';')) return ';';
  if (headerLine.includes('\t')) return '\t';
  return ',';
}

function readRecords(fileName: string, text: string): { records: string[][]; delimiter: string } {
  let body = text;
  let delimiter: string | null = null;
  // Excel writes (and honours) a first line "sep=;"; it is not shown as a row, so drop it.
  const sepLine = /^sep=(.)\r?\n/i.exec(body);
  if (sepLine?.[1]) {
    delimiter = sepLine[1];
    body = body.slice(sepLine[0].length);
  }
  const firstLine = body.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  delimiter ??= detectDelimiter(firstLine);
  try {
    const records = parse(body, {
      delimiter,
      // Blank rows must come through as records so row numbers match what Excel shows.
      skip_empty_lines: false,
      relax_column_count: true,
      relax_quotes: true,
    });
    return { records, delimiter };
  } catch (error) {
    const line = error instanceof Error && 'lines' in error && typeof error.lines === 'number' ? error.lines : null;
    const where = line === null ? '' : ` (rond regel ${line})`;
    const code = error instanceof Error && 'code' in error ? error.code : null;
    const reason =
      code === 'CSV_QUOTE_NOT_CLOSED'
        ? `een aanhalingsteken wordt niet afgesloten${where}.`
        : `de indeling klopt niet${where}. Sla de lijst in Excel opnieuw op als CSV.`;
    throw unreadable(fileName, reason);
  }
}

const isBlank = (record: readonly string[]) => record.every((cell) => cell.trim() === '');

const joinNames = (names: string[]): string =>
  names.length === 1
    ? `"${names[0]}"`
    : `${names
        .slice(0, -1)
        .map((n) => `"${n}"`)
        .join(', ')} en "${names.at(-1)}"`;

/**
 * Text to validated rows. Throws `roster_unreadable` when the file as a whole cannot be a roster
 * (empty, no header, a required column missing, too many rows); problems in single rows are
 * returned in `errors` so the good rows can still be imported.
 */
export function parseRoster(fileName: string, text: string): ParsedRoster {
  if (text.trim() === '') throw unreadable(fileName, 'het bestand is leeg.');
  const { records, delimiter } = readRecords(fileName, text);

  const headerIndex = records.findIndex((record) => !isBlank(record));
  const header = records[headerIndex];
  if (!header) throw unreadable(fileName, 'het bestand is leeg.');

  const columnIndex = new Map<RosterColumn, number>();
  header.forEach((cell, index) => {
    const column = headerAliases[headerKey(cell)];
    // With two columns of the same meaning, the leftmost wins: that is the one people read first.
    if (column && !columnIndex.has(column)) columnIndex.set(column, index);
  });

  const missing: string[] = [];
  if (!columnIndex.has('employeeNumber')) missing.push('personeelsnummer');
  const hasSplitName = columnIndex.has('firstName') && columnIndex.has('lastName');
  if (!columnIndex.has('name') && !hasSplitName) missing.push('naam');
  if (!columnIndex.has('role')) missing.push('rol');
  if (missing.length > 0) {
    const found = header.map(clean).filter((cell) => cell !== '');
    const nameHint = missing.includes('naam') ? ' (of "voornaam" en "achternaam")' : '';
    const what = missing.length === 1 ? `de kolom ${joinNames(missing)} ontbreekt` : `de kolommen ${joinNames(missing)} ontbreken`;
    const seen = found.length > 0 ? ` Gevonden kolommen: ${found.slice(0, 12).join(', ')}.` : '';
    const separator = delimiter === ';' ? 'puntkomma' : delimiter === ',' ? 'komma' : 'tab';
    throw unreadable(fileName, `${what}${nameHint} in de kopregel (scheidingsteken: ${separator}).${seen}`);
  }

  const dataRows = records.slice(headerIndex + 1).map((record, offset) => ({ record, row: headerIndex + offset + 2 }));
  const filled = dataRows.filter(({ record }) => !isBlank(record));
  if (filled.length === 0) throw unreadable(fileName, 'er staan geen medewerkers onder de kopregel.');
  if (filled.length > maxRosterRows) {
    throw unreadable(
      fileName,
      `het bestand heeft ${filled.length} rijen; het maximum is ${maxRosterRows}. Splits de lijst in kleinere bestanden.`,
    );
  }

  const columns: RosterColumns = {
    team: columnIndex.has('team'),
    startDate: columnIndex.has('startDate'),
    status: columnIndex.has('status'),
  };
  const entries: RosterEntry[] = [];
  const errors: RosterRowError[] = [];
  const firstRowOfNumber = new Map<string, number>();

  for (const { record, row } of filled) {
    const cell = (column: RosterColumn): string => {
      const index = columnIndex.get(column);
      return index === undefined ? '' : clean(record[index]);
    };
    const problems: string[] = [];

    const employeeNumber = cell('employeeNumber');
    const earlier = employeeNumber === '' ? undefined : firstRowOfNumber.get(employeeNumber);
    if (earlier !== undefined) problems.push(`personeelsnummer "${employeeNumber}" staat ook al in rij ${earlier}`);
    else if (employeeNumber !== '') firstRowOfNumber.set(employeeNumber, row);

    // A full-name cell wins; otherwise "Fatima" + "el" + "Amrani" becomes "Fatima el Amrani".
    const name = cell('name') || [cell('firstName'), cell('infix'), cell('lastName')].filter((part) => part !== '').join(' ');

    const roleText = cell('role');
    const role = roleAliases[headerKey(roleText)];
    if (roleText === '') problems.push(`rol ontbreekt (${roleHint})`);
    else if (!role) problems.push(`rol "${roleText}" is onbekend (${roleHint})`);

    let startDate: string | null = null;
    const dateText = cell('startDate');
    if (dateText !== '') {
      const parsed = parseRosterDate(dateText);
      if ('problem' in parsed) problems.push(parsed.problem);
      else startDate = parsed.date;
    }

    const statusText = cell('status');
    const status: StaffStatus | undefined = statusText === '' ? 'active' : statusAliases[headerKey(statusText)];
    if (!status) problems.push(`status "${statusText}" is onbekend (${statusHint})`);

    const candidate = { employeeNumber, name, team: cell('team'), role: role ?? 'advisor', startDate, status: status ?? 'active' };
    const checked = staffFields.safeParse(candidate);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const message = describeIssue(issue, candidate);
        if (!problems.includes(message)) problems.push(message);
      }
    }

    if (problems.length > 0 || !checked.success) errors.push({ row, message: problems.join('; ') });
    else entries.push({ row, fields: checked.data });
  }

  return { entries, errors, columns };
}

/** Bytes (as uploaded) to validated rows; see `parseRoster`. */
export function readRoster(fileName: string, bytes: Uint8Array): ParsedRoster {
  if (bytes.length === 0) throw unreadable(fileName, 'het bestand is leeg.');
  assertLooksLikeText(fileName, bytes);
  return parseRoster(fileName, decodeRoster(bytes));
}

/**
 * Imports a roster: new employee numbers become new staff, known ones are updated (and counted
 * as updated even when nothing changed, so a re-import reports every person it matched). Good
 * rows are written in one transaction — a failing write leaves the database as it was — and bad
 * rows come back as errors with their spreadsheet row number.
 */
export async function importRoster(db: Db, input: RosterImportInput, actorId: number | null = null): Promise<RosterImportResult> {
  const { entries, errors, columns } = readRoster(input.fileName, Buffer.from(input.contentBase64, 'base64'));

  let created = 0;
  let updated = 0;
  const via = `roosterimport ${input.fileName}`;
  await db.transaction().execute(async (trx) => {
    // Staff lists are small: one read beats a query per row.
    const existing = new Map((await trx.selectFrom('staff').selectAll().execute()).map((row) => [row.employee_number, row]));
    const now = nowIso();
    for (const { fields } of entries) {
      const current = existing.get(fields.employeeNumber);
      if (!current) {
        const row = await trx
          .insertInto('staff')
          .values({ ...toStaffColumns(fields), created_at: now, updated_at: now })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordStaffChange(trx, actorId, row.id, null, toStaffMember(row), via);
        created += 1;
        continue;
      }
      const next = {
        name: fields.name,
        role: fields.role,
        team: columns.team ? fields.team : current.team,
        start_date: columns.startDate ? fields.startDate : current.start_date,
        status: columns.status ? fields.status : current.status,
      };
      const changed = (Object.keys(next) as (keyof typeof next)[]).some((key) => next[key] !== current[key]);
      // Only real changes move updated_at, so "last changed" keeps meaning something after a re-import.
      if (changed) {
        const row = await trx
          .updateTable('staff')
          .set({ ...next, updated_at: now })
          .where('id', '=', current.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordStaffChange(trx, actorId, row.id, toStaffMember(current), toStaffMember(row), via);
      }
      updated += 1;
    }
  });

  return { created, updated, errors: errors.sort((a, b) => a.row - b.row) };
}
