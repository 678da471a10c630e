import { sqliteOf } from '../../src-main/core/db/connection';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../src-main/core/app';
import { AppError } from '../../src-main/core/errors';
import { dataPaths } from '../../src-main/core/paths';
import { tempDir } from '../support/core';

const dirs: string[] = [];
const fresh = () => {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('opening a data folder', () => {
  it('creates the database, runs every migration and installs the default rubric', async () => {
    const dir = fresh();
    const core = await openCore(dir);
    const tables = (await core.db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['staff', 'recording', 'evaluation', 'answer', 'marker', 'rubric_criterion']));
    const criteria = await core.db.selectFrom('rubric_criterion').select('id').execute();
    expect(criteria.length).toBeGreaterThan(15);
    expect(sqliteOf(core).pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqliteOf(core).pragma('foreign_keys', { simple: true })).toBe(1);
    await core.close();
    // A fresh database has nothing to protect: no backup.
    expect(readdirSync(dataPaths(dir).backups)).toEqual([]);
  });

  it('reopens an existing database without migrating, duplicating the rubric or losing data', async () => {
    const dir = fresh();
    const first = await openCore(dir);
    await first.db
      .insertInto('staff')
      .values({
        employee_number: '1043',
        name: 'Sanne de Vries',
        team: 'KCC',
        role: 'advisor',
        start_date: null,
        status: 'active',
        created_at: 'x',
        updated_at: 'x',
      })
      .execute();
    await first.close();
    const second = await openCore(dir);
    expect(await second.db.selectFrom('rubric').select('id').execute()).toHaveLength(1);
    expect(await second.db.selectFrom('staff').select('name').execute()).toEqual([{ name: 'Sanne de Vries' }]);
    await second.close();
  });

  it('backs up an existing database before migrating it', async () => {
    const dir = fresh();
    const paths = dataPaths(dir);
    // An existing database this build has not migrated yet (here: one with only a legacy table).
    mkdirSync(dir, { recursive: true });
    const legacy = new BetterSqlite3(paths.database);
    legacy.exec("create table notes(text); insert into notes values ('oud')");
    legacy.close();
    const migrated = await openCore(dir);
    await migrated.close();
    const backups = readdirSync(paths.backups);
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/voor-migratie-0001_initial\.sqlite$/);
    const backup = new BetterSqlite3(join(paths.backups, backups[0]!), { readonly: true });
    expect(backup.prepare('select text from notes').get()).toEqual({ text: 'oud' });
    backup.close();
  });

  it('refuses a database written by a newer Klankbord, with a Dutch explanation', async () => {
    const dir = fresh();
    const core = await openCore(dir);
    await core.close();
    const raw = new BetterSqlite3(dataPaths(dir).database);
    raw.prepare("insert into kysely_migration (name, timestamp) values ('0099_from_the_future', '2030-01-01')").run();
    raw.close();
    const error = await openCore(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('db_newer_version');
    expect((error as AppError).params.found).toBe('0099_from_the_future');
  });

  it('refuses a file that is not a SQLite database', async () => {
    const dir = fresh();
    writeFileSync(dataPaths(dir).database, 'Dit is een Word-document, geen database. '.repeat(200));
    const error = await openCore(dir).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('db_not_klankbord');
    expect(existsSync(dataPaths(dir).database)).toBe(true);
  });
});
