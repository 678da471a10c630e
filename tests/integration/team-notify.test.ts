import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataTopics, type DataTopic } from '../../src-main/contract';
import type { TeamDatabase } from '../../src-main/core/db/connection';
import { setSignInRequired } from '../../src-main/core/session/sign-in';
import { startHost, type Host } from '../../src-main/ipc/host';
import { tempDir } from '../support/core';
import { createPostgresDatabase, onPostgres, type TestDatabase } from '../support/database';

/*
 * Two workstations on one team database (issue 9): what one saves shows up on the other without
 * a restart, through PostgreSQL's LISTEN/NOTIFY, also after the listening connection was cut.
 */
describe.skipIf(!onPostgres)('changes made on another workstation', () => {
  let database: TestDatabase;
  let team: TeamDatabase;
  let a: Host;
  let b: Host;
  const heardByB: DataTopic[][] = [];
  const heardByA: DataTopic[][] = [];

  /** Resolves with the first batch of topics B hears from now on that satisfies `match`. */
  function nextOnB(match: (topics: DataTopic[]) => boolean, timeoutMs = 5000): Promise<DataTopic[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => (off(), reject(new Error('B heard nothing'))), timeoutMs);
      const off = b.onChange((topics) => {
        if (!match(topics)) return;
        clearTimeout(timer);
        off();
        resolve(topics);
      });
    });
  }

  async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > until) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const createAdvisor = (host: Host, employeeNumber: string) =>
    host.dispatch('staff.create', {
      employeeNumber,
      name: `Adviseur ${employeeNumber}`,
      team: 'KCC Noord',
      role: 'advisor',
      startDate: null,
      status: 'active',
    });

  beforeAll(async () => {
    database = await createPostgresDatabase();
    team = { postgres: database.settings, recordingsDir: tempDir('klankbord-shared-') };
    a = await startHost(tempDir(), { team, log: () => undefined });
    // Sign-in is not what this test is about: both workstations work without it.
    await setSignInRequired(a.core()!, false);
    b = await startHost(tempDir(), { team, log: () => undefined });
    a.onChange((topics) => heardByA.push(topics));
    b.onChange((topics) => heardByB.push(topics));
    await waitUntil(() => a.notifier()!.listening() && b.notifier()!.listening());
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('reaches the other workstation within a few seconds of a save', async () => {
    const heard = nextOnB((topics) => topics.includes('staff'));
    const saved = await createAdvisor(a, 'N-1001');
    expect(saved.ok).toBe(true);
    expect(await heard).toEqual(['staff']);
    // B can read what A saved, from the same database.
    const list = await b.dispatch('staff.list', {});
    expect(list.ok && list.data).toEqual(expect.arrayContaining([expect.objectContaining({ employeeNumber: 'N-1001' })]));
  });

  it('does not make the saving workstation refresh twice on its own change', async () => {
    heardByA.length = 0;
    const heard = nextOnB((topics) => topics.includes('staff'));
    await createAdvisor(a, 'N-1002');
    await heard;
    await new Promise((r) => setTimeout(r, 300));
    expect(heardByA).toEqual([['staff']]);
  });

  it('listens again after the connection was cut, and refreshes everything once', async () => {
    const admin = new pg.Client(database.settings);
    await admin.connect();
    try {
      const refreshAll = nextOnB((topics) => topics.length === dataTopics.length, 10_000);
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'klankbord-luisteraar'`);
      await refreshAll;
    } finally {
      await admin.end();
    }
    await waitUntil(() => a.notifier()!.listening() && b.notifier()!.listening(), 10_000);
    const heard = nextOnB((topics) => topics.length === 1 && topics[0] === 'staff');
    await createAdvisor(a, 'N-1003');
    expect(await heard).toEqual(['staff']);
  }, 20_000);
});
