import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, sql, SqliteDialect } from 'kysely';
import { migrations } from '../../src-main/core/db/migrations';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupList, IpcResult } from '../../src-main/contract';
import { openCore } from '../../src-main/core/app';
import { BACKUPS_KEPT, listBackups, parseBackupName } from '../../src-main/core/backup/backup';
import { dataPaths } from '../../src-main/core/paths';
import { startHost, type Host } from '../../src-main/ipc/host';
import { tempDir } from '../support/core';

const dirs: string[] = [];
const hosts: Host[] = [];
const fresh = () => {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function host(dir: string): Promise<Host> {
  const h = await startHost(dir, { log: () => {} });
  hosts.push(h);
  return h;
}

function data<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

async function addStaff(h: Host, name: string, employeeNumber: string, role: 'coach' | 'advisor' = 'advisor') {
  return data<{ id: number }>(
    await h.dispatch('staff.create', { employeeNumber, name, team: 'KCC', role, startDate: null, status: 'active' }),
  );
}

async function staffNames(h: Host): Promise<string[]> {
  return data<{ name: string }[]>(await h.dispatch('staff.list', {}))
    .map((s) => s.name)
    .sort();
}

/** A data folder with some work in it, closed again: what a coach has after a day. */
async function folderWithWork(): Promise<string> {
  const dir = fresh();
  const h = await startHost(dir);
  const coach = await addStaff(h, 'Karim Bouzid', 'C1', 'coach');
  await h.dispatch('session.selectProfile', { staffId: coach.id });
  await addStaff(h, 'Sanne de Vries', '1043');
  await h.close();
  return dir;
}

describe('automatic backups', () => {
  it('backs up an existing database at start, at most once a day', async () => {
    const dir = await folderWithWork();
    const { backups } = dataPaths(dir);
    expect(listBackups(backups)).toEqual([]); // a brand-new database had nothing to protect

    (await openCore(dir)).close();
    (await openCore(dir)).close();
    const today = listBackups(backups);
    expect(today.map((b) => b.kind)).toEqual(['daily']);

    // The next day (the same backup, dated yesterday) a new one is made.
    const yesterday = today[0]!.fileName.replace(/klankbord-\d{4}-\d{2}-\d{2}/, 'klankbord-2020-01-01');
    renameSync(join(backups, today[0]!.fileName), join(backups, yesterday));
    await (await openCore(dir)).close();
    expect(listBackups(backups).map((b) => b.kind)).toEqual(['daily', 'daily']);

    // The copy is a complete, consistent database with the day's work.
    const copy = new BetterSqlite3(join(backups, listBackups(backups)[0]!.fileName), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare("select name from staff where employee_number = '1043'").get()).toEqual({ name: 'Sanne de Vries' });
    copy.close();
  });

  it(`keeps the last ${BACKUPS_KEPT} backups and removes older ones`, async () => {
    const dir = await folderWithWork();
    const h = await host(dir);
    for (let i = 0; i < BACKUPS_KEPT + 3; i++) data(await h.dispatch('backups.create', {}));
    const { backups } = data<BackupList>(await h.dispatch('backups.list', {}));
    expect(backups).toHaveLength(BACKUPS_KEPT);
    expect(backups.every((b) => b.kind === 'manual')).toBe(true);
    expect(backups[0]!.createdAt >= backups.at(-1)!.createdAt).toBe(true);
  });

  it('survives a clock that was set ahead, a copy cut off by a crash, and leaves single-file backups', async () => {
    const dir = await folderWithWork();
    const h = await host(dir);
    const { backups } = dataPaths(dir);
    const first = data<{ fileName: string }>(await h.dispatch('backups.create', {}));
    // Backups "from the future" (a clock once set ahead) and a half copy from a crash.
    for (let i = 0; i < BACKUPS_KEPT; i++) {
      copyFileSync(
        join(backups, first.fileName),
        join(backups, `klankbord-2099-01-${String(i + 1).padStart(2, '0')}T00-00-00-000Z-dagelijks.sqlite`),
      );
    }
    writeFileSync(join(backups, 'klankbord-2026-11-23T08-00-00-000Z-dagelijks.sqlite.deel'), 'half');

    const made = data<{ fileName: string }>(await h.dispatch('backups.create', {}));
    const names = readdirSync(backups);
    expect(names).toContain(made.fileName);
    expect(listBackups(backups)).toHaveLength(BACKUPS_KEPT);
    expect(names.filter((n) => n.endsWith('.deel'))).toEqual([]);

    // Checking a backup (as a restore does) leaves no -wal/-shm files beside it.
    data(await h.dispatch('backups.restore', { fileName: made.fileName }));
    expect(readdirSync(backups).filter((n) => n.endsWith('-wal') || n.endsWith('-shm'))).toEqual([]);
  });

  it('reads when and why from a backup name, and ignores other files', () => {
    expect(parseBackupName('klankbord-2026-11-23T09-15-02-123Z-voor-migratie-0010_audit_log.sqlite')).toEqual({
      fileName: 'klankbord-2026-11-23T09-15-02-123Z-voor-migratie-0010_audit_log.sqlite',
      createdAt: '2026-11-23T09:15:02.123Z',
      kind: 'before_migration',
      detail: '0010_audit_log',
    });
    expect(parseBackupName('klankbord-2026-11-23T09-15-02-123Z-voor-herstel.sqlite')?.kind).toBe('before_restore');
    expect(parseBackupName('klankbord-2026-11-23T09-15-02-123Z-dagelijks.sqlite.deel')).toBeNull();
    expect(parseBackupName('vervangen-2026-11-23T09-15-02-123Z.sqlite')).toBeNull();
  });
});

describe('restoring a backup', () => {
  it('returns the database to the backup, keeps the state before it as a backup, and logs it', async () => {
    const dir = await folderWithWork();
    const h = await host(dir);
    const backup = data<{ fileName: string }>(await h.dispatch('backups.create', {}));
    await addStaff(h, 'Ahmed Yilmaz', '1077');
    expect(await staffNames(h)).toContain('Ahmed Yilmaz');

    const changed: string[][] = [];
    h.onChange((topics) => changed.push(topics));
    const result = data<{ restoredFrom: string; safetyCopy: string }>(await h.dispatch('backups.restore', { fileName: backup.fileName }));

    expect(await staffNames(h)).toEqual(['Karim Bouzid', 'Sanne de Vries']);
    expect(changed.at(-1)).toEqual(expect.arrayContaining(['staff', 'evaluations', 'settings']));
    // The coach stays signed in, and the restore is in the audit trail.
    const session = data<{ profile: { name: string } | null }>(await h.dispatch('session.get', {}));
    expect(session.profile?.name).toBe('Karim Bouzid');
    const audit = data<{ entity: string; action: string; actorName: string | null }[]>(
      await h.dispatch('audit.list', { entity: 'backup' }),
    );
    expect(audit[0]).toMatchObject({ action: 'restored', actorName: 'Karim Bouzid' });

    // The restore can itself be undone: the safety copy holds what was there before.
    const safety = new BetterSqlite3(join(dataPaths(dir).backups, result.safetyCopy), { readonly: true });
    expect(safety.prepare("select name from staff where employee_number = '1077'").get()).toEqual({ name: 'Ahmed Yilmaz' });
    safety.close();
    data(await h.dispatch('backups.restore', { fileName: result.safetyCopy }));
    expect(await staffNames(h)).toContain('Ahmed Yilmaz');
  });

  it('restores a backup from before a migration and brings it up to date', async () => {
    const dir = await folderWithWork();
    const { backups } = dataPaths(dir);
    // A backup made by an older Klankbord: its schema stops at 0009, with a colleague in it.
    const old = join(backups, 'klankbord-2026-10-01T08-00-00-000Z-dagelijks.sqlite');
    const oldDb = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(old) }) });
    const upTo0009 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= '0009'));
    const { error } = await new Migrator({ db: oldDb, provider: { getMigrations: async () => upTo0009 } }).migrateToLatest();
    expect(error).toBeUndefined();
    await sql`insert into staff (employee_number, name, team, role, status, created_at, updated_at)
              values ('1043', 'Sanne de Vries', 'KCC', 'advisor', 'active', 'x', 'x')`.execute(oldDb);
    await oldDb.destroy();

    const h = await host(dir);
    data(await h.dispatch('backups.restore', { fileName: 'klankbord-2026-10-01T08-00-00-000Z-dagelijks.sqlite' }));
    expect(await staffNames(h)).toEqual(['Sanne de Vries']);
    // Brought up to date: the tables of every later migration are there.
    expect(data<unknown[]>(await h.dispatch('audit.list', {})).length).toBeGreaterThan(0);
    expect(data<unknown[]>(await h.dispatch('calibration.list', {}))).toEqual([]);
  });

  it('refuses names that are not in the backup folder, damaged backups and backups from a newer version', async () => {
    const dir = await folderWithWork();
    const h = await host(dir);
    const { backups } = dataPaths(dir);
    const before = await staffNames(h);

    for (const fileName of ['../klankbord.sqlite', '/etc/passwd', 'klankbord-../../x.sqlite', '']) {
      const r = await h.dispatch('backups.restore', { fileName });
      expect(r.ok ? 'ok' : r.error.code).toBe('invalid_input');
    }
    const missing = await h.dispatch('backups.restore', { fileName: 'klankbord-2026-01-01T00-00-00-000Z-dagelijks.sqlite' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('backup_not_found');

    writeFileSync(join(backups, 'klankbord-2026-01-02T00-00-00-000Z-dagelijks.sqlite'), 'geen database '.repeat(500));
    const garbage = await h.dispatch('backups.restore', { fileName: 'klankbord-2026-01-02T00-00-00-000Z-dagelijks.sqlite' });
    expect(garbage.ok ? 'ok' : garbage.error.message).toMatch(/niet bruikbaar: het bestand is geen SQLite-database/);

    const newer = data<{ fileName: string }>(await h.dispatch('backups.create', {}));
    const newerDb = new BetterSqlite3(join(backups, newer.fileName));
    newerDb.prepare("insert into kysely_migration (name, timestamp) values ('0099_from_the_future', 'x')").run();
    newerDb.close();
    const future = await h.dispatch('backups.restore', { fileName: newer.fileName });
    expect(future.ok ? 'ok' : future.error.message).toMatch(/nieuwere versie van Klankbord/);

    // Nothing happened to the live database.
    expect(await staffNames(h)).toEqual(before);
  });
});

describe('a database that does not open', () => {
  it('keeps answering with the reason in Dutch, and a restore brings the app back', async () => {
    const dir = await folderWithWork();
    const h0 = await host(dir);
    const backup = data<{ fileName: string }>(await h0.dispatch('backups.create', {}));
    await h0.close();
    const { database, backups } = dataPaths(dir);
    rmSync(`${database}-wal`, { force: true });
    writeFileSync(database, 'Dit is een Word-document, geen database. '.repeat(200));

    const h = await host(dir);
    const status = data<{ state: string; problem: { code: string; message: string } }>(await h.dispatch('app.status', {}));
    expect(status.state).toBe('failed');
    expect(status.problem.code).toBe('db_not_klankbord');
    expect(status.problem.message).toMatch(/Zet een back-up terug of kies een andere gegevensmap/);
    const blocked = await h.dispatch('staff.list', {});
    expect(blocked.ok ? 'ok' : blocked.error.code).toBe('app_not_started');
    expect(h.core()).toBeNull();
    expect(data<BackupList>(await h.dispatch('backups.list', {})).backups.map((b) => b.fileName)).toContain(backup.fileName);

    data(await h.dispatch('backups.restore', { fileName: backup.fileName }));
    expect(data<{ state: string }>(await h.dispatch('app.status', {})).state).toBe('ready');
    expect(await staffNames(h)).toEqual(['Karim Bouzid', 'Sanne de Vries']);
    // The file that did not open is kept aside, not deleted.
    const aside = readdirSync(backups).filter((f) => f.startsWith('vervangen-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(backups, aside[0]!), 'utf8')).toMatch(/Word-document/);
  });

  it('finds a damaged database at the daily check instead of backing it up', async () => {
    const dir = await folderWithWork();
    const { database, backups } = dataPaths(dir);
    // Scribble over the pages after the schema: what a failing disk or a bad copy does.
    const bytes = readFileSync(database);
    const pageSize = bytes.readUInt16BE(16);
    for (let i = pageSize * 2; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
    writeFileSync(database, bytes);

    const h = await host(dir);
    const status = data<{ state: string; problem: { code: string; message: string } }>(await h.dispatch('app.status', {}));
    expect(status).toMatchObject({ state: 'failed', problem: { code: 'db_corrupt' } });
    expect(status.problem.message).toMatch(/is beschadigd/);
    expect(listBackups(backups)).toEqual([]);
  });

  it('says a database from a newer Klankbord needs an update, and leaves it alone', async () => {
    const dir = await folderWithWork();
    const raw = new BetterSqlite3(dataPaths(dir).database);
    raw.prepare("insert into kysely_migration (name, timestamp) values ('0099_from_the_future', 'x')").run();
    raw.close();
    const h = await host(dir);
    const status = data<{ state: string; problem: { code: string; message: string } }>(await h.dispatch('app.status', {}));
    expect(status).toMatchObject({ state: 'failed', problem: { code: 'db_newer_version' } });
    expect(status.problem.message).toMatch(/Werk Klankbord bij/);
    expect(existsSync(dataPaths(dir).database)).toBe(true);
  });
});
