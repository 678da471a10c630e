import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/errors';
import { decodeRoster, maxRosterRows, parseRoster, parseRosterDate, readRoster } from '../../src-main/core/staff/roster-csv';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/roster', name)));
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf-8'));
const header = 'Personeelsnummer;Naam;Team;Rol;Startdatum;Status';

/** The AppError a call throws, so a test can check its code and parameters together. */
function appErrorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, nothing was thrown');
}

describe('decodeRoster', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const text = decodeRoster(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Naam;Rol\nZoë;coach')]));
    expect(text).toBe('Naam;Rol\nZoë;coach');
  });

  it('reads UTF-8 without a BOM', () => {
    expect(decodeRoster(utf8('Noël Brouwer'))).toBe('Noël Brouwer');
  });

  it('falls back to Windows-1252, including the 0x80–0x9F range latin1 gets wrong', () => {
    // ë = 0xEB, Š = 0x8A, € = 0x80, ’ = 0x92 in Windows-1252.
    const bytes = new Uint8Array([0x4e, 0x6f, 0xeb, 0x6c, 0x20, 0x8a, 0x61, 0x72, 0x69, 0x63, 0x20, 0x80, 0x20, 0x92]);
    expect(decodeRoster(bytes)).toBe('Noël Šaric € ’');
  });

  it('reads UTF-16 LE with a BOM (Excel "Unicode-tekst")', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('Chloë', 'utf16le')]);
    expect(decodeRoster(bytes)).toBe('Chloë');
  });
});

describe('parseRosterDate', () => {
  it.each([
    ['1-3-2021', '2021-03-01'],
    ['01-03-2021', '2021-03-01'],
    ['1/3/2021', '2021-03-01'],
    ['2021-03-01', '2021-03-01'],
    ['29-02-2024', '2024-02-29'],
    ['1-3-2021 0:00', '2021-03-01'],
  ])('accepts %s', (text, iso) => {
    expect(parseRosterDate(text)).toEqual({ date: iso });
  });

  it.each(['31-02-2023', '29-02-2023', '2023-13-01', '0-1-2023', '31-04-2024'])('rejects the impossible date %s', (text) => {
    expect(parseRosterDate(text)).toEqual({ problem: `startdatum "${text}" bestaat niet (gebruik dd-mm-jjjj)` });
  });

  it.each(['morgen', '1-3-21', '2021/03'])('rejects the unreadable date %s', (text) => {
    expect(parseRosterDate(text)).toEqual({ problem: `startdatum "${text}" is geen datum (gebruik dd-mm-jjjj)` });
  });
});

describe('parseRoster', () => {
  it('reads the Excel UTF-8 (BOM, semicolon, CRLF) fixture', () => {
    const parsed = readRoster('rooster.csv', fixture('rooster-utf8-bom.csv'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.columns).toEqual({ team: true, startDate: true, status: true });
    expect(parsed.entries).toEqual([
      {
        row: 2,
        fields: { employeeNumber: '1001', name: 'Sanne Jansen', team: 'Noord', role: 'advisor', startDate: '2021-03-01', status: 'active' },
      },
      {
        row: 3,
        fields: {
          employeeNumber: '1002',
          name: 'Fatima el Amrani',
          team: 'Noord',
          role: 'advisor',
          startDate: '2024-08-15',
          status: 'onboarding',
        },
      },
      {
        row: 4,
        fields: { employeeNumber: '1003', name: 'Özlem Yılmaz', team: 'Zuid', role: 'coach', startDate: '2019-04-01', status: 'active' },
      },
      {
        row: 5,
        fields: { employeeNumber: '1004', name: 'Daan Visser', team: 'Zuid', role: 'manager', startDate: '2018-02-01', status: 'active' },
      },
    ]);
  });

  it('reads the Windows-1252 fixture and joins voornaam, tussenvoegsel and achternaam', () => {
    const parsed = readRoster('rooster.csv', fixture('rooster-cp1252.csv'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.columns).toEqual({ team: true, startDate: true, status: false });
    expect(parsed.entries.map((e) => [e.fields.name, e.fields.role, e.fields.startDate])).toEqual([
      ['Noël Brouwer', 'advisor', '2022-01-03'],
      ['Chloë de Vries', 'trainer', '2020-09-12'],
      ['René van Dijk', 'manager', null],
    ]);
  });

  it('accepts a comma separator when the header has no semicolon', () => {
    const parsed = parseRoster('r.csv', 'personeelsnr,Volledige naam,functie\n7,"Visser, Daan",coach\n');
    expect(parsed.entries.map((e) => e.fields)).toEqual([
      { employeeNumber: '7', name: 'Visser, Daan', team: '', role: 'coach', startDate: null, status: 'active' },
    ]);
    expect(parsed.columns).toEqual({ team: false, startDate: false, status: false });
  });

  it('matches header names regardless of case and spaces', () => {
    const parsed = parseRoster('r.csv', ' PERSONEELSNR. ; volledige  naam ;Datum in dienst;ROL\n8;Eva Smit;2-2-2022;Team manager\n');
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries[0]?.fields).toMatchObject({ employeeNumber: '8', name: 'Eva Smit', role: 'manager', startDate: '2022-02-02' });
  });

  it.each([
    ['klantadviseur', 'advisor'],
    ['Adviseur', 'advisor'],
    ['advisor', 'advisor'],
    ['Coach', 'coach'],
    ['kwaliteitscoach', 'coach'],
    ['trainer', 'trainer'],
    ['teammanager', 'manager'],
    ['manager', 'manager'],
    ['Teamleider', 'manager'],
  ])('maps role %s to %s', (text, role) => {
    const parsed = parseRoster('r.csv', `Personeelsnummer;Naam;Rol\n1;A B;${text}\n`);
    expect(parsed.entries[0]?.fields.role).toBe(role);
  });

  it.each([
    ['actief', 'active'],
    ['', 'active'],
    ['Inwerken', 'onboarding'],
    ['in opleiding', 'onboarding'],
    ['onboarding', 'onboarding'],
    ['Uit dienst', 'left'],
  ])('maps status "%s" to %s', (text, status) => {
    const parsed = parseRoster('r.csv', `Personeelsnummer;Naam;Rol;Status\n1;A B;coach;${text}\n`);
    expect(parsed.entries[0]?.fields.status).toBe(status);
  });

  it('reports bad rows with their spreadsheet row number and keeps the good ones', () => {
    const parsed = readRoster('rooster.csv', fixture('rooster-fouten.csv'));
    expect(parsed.errors).toEqual([
      { row: 3, message: 'rol "stagiair" is onbekend (gebruik klantadviseur, coach, trainer of teammanager)' },
      { row: 4, message: 'startdatum "31-02-2023" bestaat niet (gebruik dd-mm-jjjj)' },
      { row: 6, message: 'naam ontbreekt' },
      { row: 7, message: 'personeelsnummer "1001" staat ook al in rij 2' },
    ]);
    expect(parsed.entries.map((e) => [e.row, e.fields.employeeNumber, e.fields.status])).toEqual([
      [2, '1001', 'active'],
      [8, '1005', 'left'],
    ]);
  });

  it('counts blank lines and multi-line cells the way Excel numbers rows', () => {
    const text = `${header}\n\n1;"Jan\nJansen";A;coach;;\n2;Piet;A;piloot;;\n`;
    const parsed = parseRoster('r.csv', text);
    // Row 2 is blank, row 3 holds a cell with a line break, so the bad role is on row 4.
    expect(parsed.errors).toEqual([{ row: 4, message: 'rol "piloot" is onbekend (gebruik klantadviseur, coach, trainer of teammanager)' }]);
    expect(parsed.entries[0]).toMatchObject({ row: 3, fields: { name: 'Jan Jansen' } });
  });

  it('joins several problems of one row into one message', () => {
    const parsed = parseRoster('r.csv', `${header}\n12 34;;;;morgen;weg\n`);
    expect(parsed.errors).toEqual([
      {
        row: 2,
        message:
          'rol ontbreekt (gebruik klantadviseur, coach, trainer of teammanager); startdatum "morgen" is geen datum (gebruik dd-mm-jjjj); ' +
          'status "weg" is onbekend (gebruik actief, inwerken of uit dienst); ' +
          'personeelsnummer "12 34" mag alleen letters, cijfers en streepjes bevatten; naam ontbreekt',
      },
    ]);
  });

  it('honours an Excel "sep=" first line without counting it as a row', () => {
    const parsed = parseRoster('r.csv', 'sep=,\nPersoneelsnummer,Naam,Rol\n1,Eva Smit;Jansen,coach\n2,X,piloot\n');
    expect(parsed.entries[0]?.fields.name).toBe('Eva Smit;Jansen');
    expect(parsed.errors[0]?.row).toBe(3);
  });

  it('names every missing required column', () => {
    const error = appErrorOf(() => readRoster('leeg.csv', fixture('rooster-zonder-rol.csv')));
    expect(error.code).toBe('roster_unreadable');
    expect(error.params.fileName).toBe('leeg.csv');
    expect(error.params.reason).toMatch(/^de kolom "rol" ontbreekt in de kopregel/);

    const two = appErrorOf(() => parseRoster('x.csv', 'Nummer;Team\n1;Noord\n'));
    expect(two.params.reason).toMatch(/^de kolommen "personeelsnummer", "naam" en "rol" ontbreken \(of "voornaam" en "achternaam"\)/);
    expect(two.params.reason).toContain('Gevonden kolommen: Nummer, Team.');
  });

  it.each([
    ['an empty file', '', 'het bestand is leeg.'],
    ['only whitespace', ' \r\n\r\n', 'het bestand is leeg.'],
    ['a header without rows', `${header}\r\n;;;;;\r\n`, 'er staan geen medewerkers onder de kopregel.'],
  ])('refuses %s', (_, text, reason) => {
    const error = appErrorOf(() => readRoster('r.csv', utf8(text)));
    expect(error.code).toBe('roster_unreadable');
    expect(error.params.reason).toBe(reason);
  });

  it(`refuses more than ${maxRosterRows} rows`, () => {
    const rows = Array.from({ length: maxRosterRows + 1 }, (_, i) => `${i + 1};Persoon ${i};;coach;;`);
    const error = appErrorOf(() => parseRoster('groot.csv', [header, ...rows].join('\n')));
    expect(error.params.reason).toMatch(/^het bestand heeft 5001 rijen; het maximum is 5000/);
    expect(parseRoster('net.csv', [header, ...rows.slice(0, maxRosterRows)].join('\n')).entries).toHaveLength(maxRosterRows);
  });

  it('recognises an Excel workbook saved under the wrong name', () => {
    const error = appErrorOf(() => readRoster('rooster.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])));
    expect(error.code).toBe('roster_unreadable');
    expect(error.params.reason).toContain('Excel-werkmap');
  });

  it('refuses a quote that is never closed', () => {
    const error = appErrorOf(() => parseRoster('r.csv', `${header}\n1;"Jan;A;coach;;\n`));
    expect(error.code).toBe('roster_unreadable');
    expect(error.params.reason).toMatch(/^een aanhalingsteken wordt niet afgesloten/);
  });
});
