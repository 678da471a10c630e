import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  teamSettingsInput,
  type AppStatus,
  type IpcResult,
  type TeamCheck,
  type TeamMoveResult,
  type TeamStatus,
} from '../../src-main/contract';
import { AppError } from '../../src-main/core/errors';
import {
  readTeamSettings,
  teamSettingsPath,
  writeTeamSettings,
  type SecretBox,
  type TeamSettingsSources,
} from '../../src-main/core/team/settings';
import { startHost, type Host } from '../../src-main/ipc/host';
import { tempDir } from '../support/core';
import { createPostgresDatabase, onPostgres, type TestDatabase } from '../support/database';

/*
 * Switching a workstation to team mode (issue 9): where its settings live, what overrides them,
 * that the password never lands in the file as plain text, and what a person sees when the team
 * database cannot be reached (never a white window).
 */

/** Stands in for Electron's safeStorage: reversible, and visibly not the plain password. */
const fakeSecrets: SecretBox = {
  encrypt: (plain) => Buffer.from(`versleuteld:${[...plain].reverse().join('')}`).toString('base64'),
  decrypt: (encrypted) => {
    const text = Buffer.from(encrypted, 'base64').toString();
    if (!text.startsWith('versleuteld:')) throw new Error('kan niet ontsleutelen');
    return [...text.slice('versleuteld:'.length)].reverse().join('');
  },
};

const connection = {
  host: 'db.gemeente.local',
  port: 5432,
  database: 'klankbord',
  user: 'klankbord_app',
  recordingsDir: '/mnt/klankbord/opnames',
};
const PASSWORD = 'Geheim-Wachtwoord-42';

const hosts: Host[] = [];
const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
  for (const database of databases.splice(0)) await database.drop();
});

async function host(dir: string, sources: TeamSettingsSources = { secrets: fakeSecrets }): Promise<Host> {
  const h = await startHost(dir, { teamSources: sources, log: () => undefined });
  hosts.push(h);
  return h;
}

function data<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

function appError(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('team settings', () => {
  it('are absent on a workstation that works locally', () => {
    expect(readTeamSettings(tempDir(), { secrets: fakeSecrets })).toBeNull();
  });

  it('keep the password only encrypted in teammodus.json, and read it back', () => {
    const dir = tempDir();
    writeTeamSettings(dir, connection, PASSWORD, { secrets: fakeSecrets });
    const file = readFileSync(teamSettingsPath(dir), 'utf8');
    expect(file).not.toContain(PASSWORD);
    expect(JSON.parse(file)).toMatchObject({ ...connection, password: { encrypted: expect.any(String) } });
    expect(readTeamSettings(dir, { secrets: fakeSecrets })).toEqual({ connection, password: PASSWORD, fromEnvironment: false });
  });

  it('store no password at all in web mode, where it comes from KLANKBORD_PG_PASSWORD', () => {
    const dir = tempDir();
    writeTeamSettings(dir, connection, PASSWORD, { env: {} });
    expect(readFileSync(teamSettingsPath(dir), 'utf8')).not.toContain(PASSWORD);
    expect(JSON.parse(readFileSync(teamSettingsPath(dir), 'utf8'))).not.toHaveProperty('password');
    expect(readTeamSettings(dir, { env: { KLANKBORD_PG_PASSWORD: 'uit-de-omgeving' } })?.password).toBe('uit-de-omgeving');
    expect(readTeamSettings(dir, { env: {} })?.password).toBeNull();
  });

  it('take host, port, database, user and recordings folder from the environment over the file', () => {
    const dir = tempDir();
    writeTeamSettings(dir, connection, PASSWORD, { env: {} });
    const env = {
      KLANKBORD_PG_HOST: 'pg.intern',
      KLANKBORD_PG_PORT: '6543',
      KLANKBORD_PG_DATABASE: 'kcc',
      KLANKBORD_PG_USER: 'kcc_app',
      KLANKBORD_RECORDINGS_DIR: '/srv/opnames',
      KLANKBORD_PG_PASSWORD: 'x',
    };
    expect(readTeamSettings(dir, { env })).toEqual({
      connection: { host: 'pg.intern', port: 6543, database: 'kcc', user: 'kcc_app', recordingsDir: '/srv/opnames' },
      password: 'x',
      fromEnvironment: true,
    });
    // Without a file at all, the environment alone switches a web server to team mode.
    expect(readTeamSettings(tempDir(), { env })?.connection.host).toBe('pg.intern');
    expect(readTeamSettings(dir, { env: { KLANKBORD_PG_PORT: '6543', KLANKBORD_PG_PASSWORD: 'x' } })?.connection).toEqual({
      ...connection,
      port: 6543,
    });
  });

  it('refuse wrong values with a Dutch message that names the field', () => {
    const port = teamSettingsInput.safeParse({ ...connection, port: 70000, password: '' });
    expect(port.success).toBe(false);
    expect(port.error?.issues[0]?.message).toBe('Een poort ligt tussen 1 en 65535');
    const folder = teamSettingsInput.safeParse({ ...connection, recordingsDir: 'opnames', password: '' });
    expect(folder.error?.issues[0]?.message).toMatch(/^Vul een volledig pad in/);
    expect(teamSettingsInput.safeParse({ ...connection, recordingsDir: '\\\\server\\klankbord\\opnames', password: '' }).success).toBe(
      true,
    );

    const dir = tempDir();
    writeFileSync(teamSettingsPath(dir), JSON.stringify({ ...connection, port: 'vijf' }));
    const error = appError(() => readTeamSettings(dir));
    expect(error.code).toBe('team_settings_invalid');
    expect(error.params.detail).toMatch(/^port: /);
  });

  it('say in Dutch when the stored password cannot be decrypted on this machine', () => {
    const dir = tempDir();
    writeTeamSettings(dir, connection, PASSWORD, { secrets: fakeSecrets });
    const error = appError(() => readTeamSettings(dir, { secrets: { ...fakeSecrets, decrypt: () => fakeSecrets.decrypt('eA==') } }));
    expect(error.code).toBe('team_secret_unavailable');
  });
});

describe('a workstation whose team database cannot be reached', () => {
  it('answers with the Dutch reason instead of a white window, and can go back to its own database', async () => {
    const dir = tempDir();
    writeTeamSettings(dir, { ...connection, host: '127.0.0.1', port: 1 }, PASSWORD, { secrets: fakeSecrets });
    const h = await host(dir);
    const status = data<AppStatus>(await h.dispatch('app.status', {}));
    expect(status).toMatchObject({
      state: 'failed',
      mode: 'team',
      databaseFile: '127.0.0.1:1/klankbord',
      problem: { code: 'team_unreachable' },
    });
    if (status.state === 'failed') expect(status.problem.message).toMatch(/^De teamdatabase op 127\.0\.0\.1:1 is niet bereikbaar/);
    expect(data<TeamStatus>(await h.dispatch('team.status', {}))).toMatchObject({ mode: 'team', settings: { host: '127.0.0.1', port: 1 } });

    const back = data<TeamStatus>(await h.dispatch('team.disable', {}));
    expect(back).toMatchObject({ mode: 'local', settings: null });
    expect(data<AppStatus>(await h.dispatch('app.status', {}))).toMatchObject({ state: 'ready', mode: 'local' });
    expect(existsSync(teamSettingsPath(dir))).toBe(false);
  });

  it('reports the checklist in Dutch: the server is not reachable, the rest not tried', async () => {
    const h = await host(tempDir());
    const check = data<TeamCheck>(
      await h.dispatch('team.test', { ...connection, host: '127.0.0.1', port: 1, recordingsDir: tempDir(), password: 'x' }),
    );
    expect(check.ok).toBe(false);
    expect(check.items.map((i) => [i.key, i.ok, i.skipped])).toEqual([
      ['reachable', false, false],
      ['login', false, true],
      ['rights', false, true],
      ['recordings', true, false],
    ]);
    expect(check.items[0]!.message).toMatch(/niet bereikbaar/);
  });
});

describe.skipIf(!onPostgres)('switching to team mode on the PostgreSQL server', () => {
  async function fresh() {
    const database = await createPostgresDatabase();
    databases.push(database);
    return { ...database.settings, recordingsDir: tempDir('klankbord-shared-') };
  }

  // The test server trusts connections from 127.0.0.1 (scripts/test-postgres.sh), so it does not
  // check passwords; an unknown user gets the same refusal (28000) a wrong password gets (28P01).
  it('reports a refused login in Dutch in the connection test', async () => {
    const settings = await fresh();
    const h = await host(tempDir());
    const check = data<TeamCheck>(await h.dispatch('team.test', { ...settings, user: 'onbekend', password: 'fout-wachtwoord' }));
    expect(check.ok).toBe(false);
    expect(check.items[0]).toMatchObject({ key: 'reachable', ok: true });
    expect(check.items[1]).toMatchObject({ key: 'login', ok: false });
    expect(check.items[1]!.message).toMatch(/^De teamdatabase weigert gebruiker "onbekend"/);
    expect(check.items[2]).toMatchObject({ key: 'rights', skipped: true });
  });

  it('passes every check with the right settings', async () => {
    const settings = await fresh();
    const h = await host(tempDir());
    const check = data<TeamCheck>(await h.dispatch('team.test', settings));
    expect(check.items.map((i) => [i.key, i.ok])).toEqual([
      ['reachable', true],
      ['login', true],
      ['rights', true],
      ['recordings', true],
    ]);
    expect(check.serverVersion).toMatch(/^\d+/);
  });

  it('switches on, survives a restart, moves the local data in, and switches off again', async () => {
    const settings = await fresh();
    const dir = tempDir();
    const local = await host(dir);
    const advisor = data<{ id: number }>(
      await local.dispatch('staff.create', {
        employeeNumber: 'L-1',
        name: 'Lokale Adviseur',
        team: '',
        role: 'advisor',
        startDate: null,
        status: 'active',
      }),
    );
    const enabled = data<TeamStatus>(await local.dispatch('team.enable', settings));
    expect(enabled).toMatchObject({ mode: 'team', settings: { host: settings.host, database: settings.database }, passwordStored: true });
    expect(enabled.serverVersion).toMatch(/^\d+/);
    expect(enabled.localData).toEqual({ staff: 1, recordings: 0, evaluations: 0 });
    const stored = JSON.parse(readFileSync(teamSettingsPath(dir), 'utf8')) as Record<string, unknown>;
    // (The test server's user and password are both "klankbord": only the shape can be checked here.)
    expect(Object.keys(stored).sort()).toEqual(['database', 'host', 'password', 'port', 'recordingsDir', 'user']);
    expect(stored.password).toEqual({ encrypted: fakeSecrets.encrypt(settings.password) });
    expect(data<AppStatus>(await local.dispatch('app.status', {}))).toMatchObject({ state: 'ready', mode: 'team' });

    const moved = data<TeamMoveResult>(await local.dispatch('team.move', {}));
    expect(moved.tables.find((t) => t.table === 'staff')).toMatchObject({ before: 1, after: 1, equal: true });
    expect(moved.tables.every((t) => t.equal)).toBe(true);
    const again = await local.dispatch('team.move', {});
    expect(again).toMatchObject({ ok: false, error: { code: 'team_not_empty' } });
    await local.close();
    hosts.splice(hosts.indexOf(local), 1);

    const restarted = await host(dir);
    expect(data<AppStatus>(await restarted.dispatch('app.status', {}))).toMatchObject({ state: 'ready', mode: 'team' });
    const row = await restarted.core()!.db.selectFrom('staff').select('name').where('id', '=', advisor.id).executeTakeFirst();
    expect(row?.name).toBe('Lokale Adviseur');

    // In team mode people sign in; pointing the workstation elsewhere is for a signed-in team manager.
    expect(await restarted.dispatch('team.enable', settings)).toMatchObject({ ok: false, error: { code: 'access_denied' } });
    expect(data<TeamStatus>(await restarted.dispatch('team.disable', {}))).toMatchObject({ mode: 'local' });
    expect(restarted.core()!.dialect).toBe('sqlite');
    expect(existsSync(join(dir, 'teammodus.json'))).toBe(false);
  });

  it('keeps working locally when the team database refuses the login', async () => {
    const settings = await fresh();
    const dir = tempDir();
    const h = await host(dir);
    const refused = await h.dispatch('team.enable', { ...settings, user: 'onbekend', password: 'fout' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'team_login_refused' } });
    expect(data<AppStatus>(await h.dispatch('app.status', {}))).toMatchObject({ state: 'ready', mode: 'local' });
    expect(existsSync(teamSettingsPath(dir))).toBe(false);
  });
});
