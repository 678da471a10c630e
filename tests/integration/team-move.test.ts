import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../../src-main/contract';
import { openCore, type Core } from '../../src-main/core/app';
import { listBackups } from '../../src-main/core/backup/backup';
import { tableChecksum, tableNames, tableRows } from '../../src-main/core/db/tables';
import { seedDemo } from '../../src-main/core/demo/seed';
import { AppError } from '../../src-main/core/errors';
import { importAudioFile } from '../../src-main/core/recordings/recordings';
import { teamMonth } from '../../src-main/core/reports/team-month';
import { createStaff } from '../../src-main/core/staff/staff';
import { moveIntoTeam, type MoveResult } from '../../src-main/core/team/move';
import { tempDir } from '../support/core';
import { createPostgresDatabase, onPostgres, type TestDatabase } from '../support/database';

/*
 * The guided move (issue 9): a coach's seeded local database into a fresh team database on the
 * real PostgreSQL server, compared table by table. Needs the server, so it runs in the PostgreSQL
 * pass of CI only.
 */
const TODAY = '2026-11-15';
const PERIOD = '2026-10';

const rounded = (value: unknown): unknown =>
  typeof value === 'number'
    ? Math.round(value * 1e9) / 1e9
    : Array.isArray(value)
      ? value.map(rounded)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]))
        : value;

describe.skipIf(!onPostgres)('moving a local database into the team database', () => {
  const dirs: string[] = [];
  const cores: Core[] = [];
  const databases: TestDatabase[] = [];
  let local: Core;
  let team: Core;
  let shared: string;
  let result: MoveResult;
  let localBefore: Map<string, string>;

  const openTeam = async (database: TestDatabase) => {
    const dir = tempDir();
    dirs.push(dir);
    const core = await openCore(dir, { team: { postgres: database.settings, recordingsDir: shared } });
    cores.push(core);
    return core;
  };
  const openLocal = async () => {
    const dir = tempDir();
    dirs.push(dir);
    const core = await openCore(dir);
    cores.push(core);
    return core;
  };

  beforeAll(async () => {
    shared = tempDir('klankbord-shared-');
    dirs.push(shared);
    local = await openLocal();
    await seedDemo(local, { seed: 'test', today: TODAY });
    localBefore = new Map();
    for (const table of await tableNames(local.db)) localBefore.set(table, tableChecksum(await tableRows(local.db, table)));
    databases.push(await createPostgresDatabase());
    team = await openTeam(databases[0]!);
    result = await moveIntoTeam(local, team);
  }, 300_000);

  afterAll(async () => {
    for (const core of cores) await core.close();
    for (const database of databases) await database.drop();
  });

  it('copies every table with the same number of rows and the same checksum', async () => {
    const tables = await tableNames(local.db);
    expect(result.tables.map((t) => t.table)).toEqual(tables);
    for (const moved of result.tables) {
      expect(moved, moved.table).toMatchObject({ after: moved.before, equal: true });
      expect(moved.checksumTeam, moved.table).toBe(moved.checksumLocal);
      // Recomputed independently of what the move reported.
      expect(tableChecksum(await tableRows(team.db, moved.table)), moved.table).toBe(localBefore.get(moved.table));
    }
    const counts = Object.fromEntries(result.tables.map((t) => [t.table, t.before]));
    expect(counts.staff).toBeGreaterThan(40);
    expect(counts.evaluation).toBeGreaterThan(100);
    expect(counts.answer).toBeGreaterThan(1000);
    expect(counts.audit_log).toBeGreaterThan(0);
    expect(counts.marker).toBeGreaterThan(0);
  });

  it('leaves the local database as it was, with a backup made before the move', async () => {
    for (const table of await tableNames(local.db)) {
      expect(tableChecksum(await tableRows(local.db, table)), table).toBe(localBefore.get(table));
    }
    expect(listBackups(local.paths.backups).some((b) => b.fileName === result.backup && b.kind === 'manual')).toBe(true);
  });

  it('puts every recording file into the shared folder under its content-hash path', async () => {
    const recordings = await team.db.selectFrom('recording').select(['stored_path', 'peaks_path', 'original_path']).execute();
    const paths = recordings.flatMap((r) => [r.stored_path, r.peaks_path, r.original_path]).filter((p): p is string => p !== null);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(existsSync(join(shared, path)), path).toBe(true);
    expect(result.files.copied).toBeGreaterThanOrEqual(paths.length);
    expect(result.files.skipped).toBe(0);
  });

  it('gives the same team month figures on the team database as on the local one', async () => {
    const before = await teamMonth(local.db, { period: PERIOD }, TODAY);
    const after = await teamMonth(team.db, { period: PERIOD }, TODAY);
    // Same data; only the last digit of a float may differ, because the servers add in another order.
    expect(rounded(after)).toEqual(rounded(before));
    expect(after.advisors.length).toBeGreaterThan(0);
  });

  it('keeps working after the move: new rows get ids after the moved ones', async () => {
    const highest = await team.db
      .selectFrom('staff')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    const member = await createStaff(team.db, {
      employeeNumber: 'T-9001',
      name: 'Nieuwe Collega',
      team: 'KCC Noord',
      role: 'advisor',
      startDate: null,
      status: 'active',
    });
    expect(member.id).toBeGreaterThan(Number(highest.id));
  });

  it('refuses a second move into a team database that already holds work, in Dutch', async () => {
    const other = await openLocal();
    const refusal = await moveIntoTeam(other, team).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    const { code, params } = refusal as AppError;
    expect(code).toBe('team_not_empty');
    expect(formatError(code, params, 'nl')).toMatch(/bevat al gegevens \(staff: \d+.*samenvoegen met bestaande gegevens kan niet/);
  });

  it('collapses the same call imported by another coach: the file is already in the shared folder', async () => {
    const other = await openLocal();
    const recording = await local.db
      .selectFrom('recording')
      .select(['stored_path', 'original_name'])
      .where('stored_path', 'is not', null)
      .where('original_path', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await importAudioFile(other, null, {
      file: join(local.paths.store, recording.stored_path!),
      fileName: recording.original_name,
      mode: 'copy',
      advisorId: null,
      callAt: null,
      topic: null,
    });
    const filesBefore = readdirSync(shared, { recursive: true }).length;
    databases.push(await createPostgresDatabase());
    const secondTeam = await openTeam(databases[1]!);
    const moved = await moveIntoTeam(other, secondTeam);
    expect(moved.files).toEqual({ copied: 0, skipped: 2 });
    expect(readdirSync(shared, { recursive: true }).length).toBe(filesBefore);
    expect(moved.tables.every((t) => t.equal)).toBe(true);
  });
});
