import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StaffFields } from '../../src-main/contract';
import type { Db } from '../../src-main/core/db/connection';
import { AppError } from '../../src-main/core/errors';
import { importRoster } from '../../src-main/core/staff/roster-csv';
import { createStaff, getStaff, listStaff, updateStaff } from '../../src-main/core/staff/staff';
import { createTempCore, type TempCore } from '../support/core';
import { refuseWrite } from '../support/faults';

const fixtureBase64 = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/roster', name)).toString('base64');
const base64 = (text: string, encoding: BufferEncoding = 'utf-8') => Buffer.from(text, encoding).toString('base64');

const person = (overrides: Partial<StaffFields> = {}): StaffFields => ({
  employeeNumber: '1001',
  name: 'Sanne Jansen',
  team: 'Noord',
  role: 'advisor',
  startDate: '2021-03-01',
  status: 'active',
  ...overrides,
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (reason: unknown) => reason,
  );
  if (error instanceof AppError) return error;
  throw error;
}

const staffRows = (db: Db) => db.selectFrom('staff').selectAll().orderBy('employee_number').execute();

let temp: TempCore;
let db: Db;
beforeEach(async () => {
  temp = await createTempCore();
  db = temp.core.db;
});
afterEach(async () => {
  vi.useRealTimers();
  await temp.cleanup();
});

describe('staff', () => {
  it('creates, reads and updates a member, moving updated_at only on update', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-01-06T09:00:00Z'));
    const created = await createStaff(db, person());
    expect(await getStaff(db, created.id)).toEqual({ id: created.id, ...person() });

    vi.setSystemTime(new Date('2025-02-03T10:30:00Z'));
    const updated = await updateStaff(db, created.id, person({ name: 'Sanne Jansen-Bos', status: 'left', startDate: null }));
    expect(updated).toEqual({ id: created.id, ...person({ name: 'Sanne Jansen-Bos', status: 'left', startDate: null }) });

    const row = await db.selectFrom('staff').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.created_at).toBe('2025-01-06T09:00:00.000Z');
    expect(row.updated_at).toBe('2025-02-03T10:30:00.000Z');
  });

  it('refuses a second member with the same employee number, naming the holder', async () => {
    await createStaff(db, person());
    const error = await rejection(createStaff(db, person({ name: 'Iemand Anders' })));
    expect(error.code).toBe('staff_duplicate_number');
    expect(error.params).toEqual({ employeeNumber: '1001', name: 'Sanne Jansen' });
    expect(await staffRows(db)).toHaveLength(1);
  });

  it('refuses to update a member to a number someone else holds, but allows keeping their own', async () => {
    await createStaff(db, person());
    const other = await createStaff(db, person({ employeeNumber: '1002', name: 'Daan Visser' }));
    const error = await rejection(updateStaff(db, other.id, person({ employeeNumber: '1001', name: 'Daan Visser' })));
    expect(error.code).toBe('staff_duplicate_number');
    expect(error.params).toEqual({ employeeNumber: '1001', name: 'Sanne Jansen' });
    expect((await getStaff(db, other.id)).employeeNumber).toBe('1002');

    const same = await updateStaff(db, other.id, person({ employeeNumber: '1002', name: 'Daan Visser', team: 'Zuid' }));
    expect(same.team).toBe('Zuid');
  });

  it('reports a missing member as not_found', async () => {
    const error = await rejection(getStaff(db, 999));
    expect(error.code).toBe('not_found');
    expect(error.params).toEqual({ what: 'Medewerker 999' });
    const onUpdate = await rejection(updateStaff(db, 999, person()));
    expect(onUpdate.code).toBe('not_found');
  });

  it('lists in Dutch name order, hides leavers unless asked, and filters roles', async () => {
    await createStaff(db, person({ employeeNumber: '1', name: 'Zeynep Kaya', role: 'coach' }));
    await createStaff(db, person({ employeeNumber: '2', name: 'Özlem Yılmaz' }));
    await createStaff(db, person({ employeeNumber: '3', name: 'anna de Wit', role: 'manager' }));
    await createStaff(db, person({ employeeNumber: '4', name: 'Bram Oud', status: 'left' }));
    await createStaff(db, person({ employeeNumber: '5', name: 'Eva Smit', role: 'trainer', status: 'onboarding' }));

    const names = async (query: Parameters<typeof listStaff>[1]) => (await listStaff(db, query)).map((m) => m.name);
    // Binary order would put "anna" and "Özlem" after "Zeynep".
    expect(await names({})).toEqual(['anna de Wit', 'Eva Smit', 'Özlem Yılmaz', 'Zeynep Kaya']);
    expect(await names({ includeLeft: true })).toEqual(['anna de Wit', 'Bram Oud', 'Eva Smit', 'Özlem Yılmaz', 'Zeynep Kaya']);
    expect(await names({ roles: ['coach', 'manager'] })).toEqual(['anna de Wit', 'Zeynep Kaya']);
    expect(await names({ roles: ['advisor'] })).toEqual(['Özlem Yılmaz']);
    expect(await names({ roles: ['advisor'], includeLeft: true })).toEqual(['Bram Oud', 'Özlem Yılmaz']);
    expect(await names({ roles: [] })).toHaveLength(4);
  });
});

describe('importRoster', () => {
  it('imports an Excel UTF-8 file with BOM and semicolons', async () => {
    const result = await importRoster(db, { fileName: 'rooster.csv', contentBase64: fixtureBase64('rooster-utf8-bom.csv') });
    expect(result).toEqual({ created: 4, updated: 0, errors: [] });
    const rows = await staffRows(db);
    expect(rows.map((r) => [r.employee_number, r.name, r.team, r.role, r.start_date, r.status])).toEqual([
      ['1001', 'Sanne Jansen', 'Noord', 'advisor', '2021-03-01', 'active'],
      ['1002', 'Fatima el Amrani', 'Noord', 'advisor', '2024-08-15', 'onboarding'],
      ['1003', 'Özlem Yılmaz', 'Zuid', 'coach', '2019-04-01', 'active'],
      ['1004', 'Daan Visser', 'Zuid', 'manager', '2018-02-01', 'active'],
    ]);
  });

  it('imports a committed Windows-1252 file with the ë intact', async () => {
    const result = await importRoster(db, { fileName: 'rooster.csv', contentBase64: fixtureBase64('rooster-cp1252.csv') });
    expect(result).toEqual({ created: 3, updated: 0, errors: [] });
    expect((await listStaff(db, {})).map((m) => m.name)).toEqual(['Chloë de Vries', 'Noël Brouwer', 'René van Dijk']);
  });

  it('imports Windows-1252 bytes written by hand', async () => {
    const text = 'Personeelsnummer;Naam;Rol\r\n4711;Noël Brouwer;klantadviseur\r\n';
    await importRoster(db, { fileName: 'latin.csv', contentBase64: base64(text, 'latin1') });
    const [member] = await listStaff(db, {});
    expect(member?.name).toBe('Noël Brouwer');
  });

  it('imports the good rows and lists the bad ones by spreadsheet row', async () => {
    const result = await importRoster(db, { fileName: 'fouten.csv', contentBase64: fixtureBase64('rooster-fouten.csv') });
    expect(result.created).toBe(2);
    expect(result.updated).toBe(0);
    expect(result.errors).toEqual([
      { row: 3, message: 'rol "stagiair" is onbekend (gebruik klantadviseur, coach, trainer of teammanager)' },
      { row: 4, message: 'startdatum "31-02-2023" bestaat niet (gebruik dd-mm-jjjj)' },
      { row: 6, message: 'naam ontbreekt' },
      { row: 7, message: 'personeelsnummer "1001" staat ook al in rij 2' },
    ]);
    const rows = await staffRows(db);
    expect(rows.map((r) => [r.employee_number, r.name, r.status])).toEqual([
      ['1001', 'Sanne Jansen', 'active'],
      ['1005', 'Daan Visser', 'left'],
    ]);
  });

  it('updates on re-import instead of duplicating', async () => {
    const input = { fileName: 'rooster.csv', contentBase64: fixtureBase64('rooster-utf8-bom.csv') };
    await importRoster(db, input);
    const again = await importRoster(db, input);
    expect(again).toEqual({ created: 0, updated: 4, errors: [] });
    expect(await staffRows(db)).toHaveLength(4);
  });

  it('updates changed people and keeps what a file without those columns does not mention', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-01-06T09:00:00Z'));
    await importRoster(db, { fileName: 'rooster.csv', contentBase64: fixtureBase64('rooster-utf8-bom.csv') });
    const before = await getStaff(db, (await staffRows(db))[0]!.id);
    await updateStaff(db, before.id, { ...before, status: 'left' });

    vi.setSystemTime(new Date('2025-03-03T08:00:00Z'));
    const text = 'Personeelsnummer;Naam;Rol\n1001;Sanne Jansen-Bos;coach\n1004;Daan Visser;teammanager\n2000;Nieuw Mens;trainer\n';
    const result = await importRoster(db, { fileName: 'kort.csv', contentBase64: base64(text) });
    expect(result).toEqual({ created: 1, updated: 2, errors: [] });

    const rows = await staffRows(db);
    const byNumber = new Map(rows.map((r) => [r.employee_number, r]));
    expect(byNumber.get('1001')).toMatchObject({
      name: 'Sanne Jansen-Bos',
      role: 'coach',
      team: 'Noord',
      start_date: '2021-03-01',
      status: 'left',
      updated_at: '2025-03-03T08:00:00.000Z',
    });
    // Nothing changed for Daan, so his "last changed" stays at the first import.
    expect(byNumber.get('1004')?.updated_at).toBe('2025-01-06T09:00:00.000Z');
    expect(byNumber.get('2000')).toMatchObject({ name: 'Nieuw Mens', role: 'trainer', team: '', start_date: null, status: 'active' });
  });

  it('refuses a file without a required column and writes nothing', async () => {
    const error = await rejection(importRoster(db, { fileName: 'zonder-rol.csv', contentBase64: fixtureBase64('rooster-zonder-rol.csv') }));
    expect(error.code).toBe('roster_unreadable');
    expect(error.params.fileName).toBe('zonder-rol.csv');
    expect(error.params.reason).toContain('"rol"');
    expect(await staffRows(db)).toEqual([]);
  });

  it('writes nothing when one write fails halfway', async () => {
    // A real trigger makes the third insert fail after two have succeeded.
    await refuseWrite(temp.core, { event: 'BEFORE INSERT ON staff', when: "NEW.employee_number = '1003'" });
    await expect(importRoster(db, { fileName: 'rooster.csv', contentBase64: fixtureBase64('rooster-utf8-bom.csv') })).rejects.toThrow(
      'schijf vol',
    );
    expect(await staffRows(db)).toEqual([]);
  });
});
