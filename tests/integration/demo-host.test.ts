import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppStatus, IpcResult, StaffMember } from '../../src-main/contract';
import { dataPaths } from '../../src-main/core/paths';
import { demoFolder, startHost, type Host } from '../../src-main/ipc/host';
import { tempDir } from '../support/core';

const dirs: string[] = [];
const hosts: Host[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function host(options: { demo?: boolean } = {}): Promise<{ h: Host; dir: string }> {
  const dir = tempDir();
  dirs.push(dir);
  const h = await startHost(dir, { log: () => {}, ...options });
  hosts.push(h);
  return { h, dir };
}

function data<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

const names = async (h: Host) => data<StaffMember[]>(await h.dispatch('staff.list', {})).map((s) => s.name);
const addStaff = (h: Host, name: string, employeeNumber: string) =>
  h.dispatch('staff.create', { employeeNumber, name, team: 'KCC', role: 'coach', startDate: null, status: 'active' });

describe('the demo environment beside the real data', () => {
  it('opens in its own folder, keeps the real data apart, and starts over on request', async () => {
    const { h, dir } = await host();
    data(await addStaff(h, 'Echte Coach', 'E1'));
    expect(data<AppStatus>(await h.dispatch('app.status', {}))).toMatchObject({ state: 'ready', demo: false, dataDir: dir });

    const opened = data<AppStatus>(await h.dispatch('demo.open', {}));
    expect(opened).toMatchObject({ state: 'ready', demo: true, dataDir: demoFolder(dir) });
    expect(existsSync(dataPaths(demoFolder(dir)).database)).toBe(true);
    const demoStaff = await names(h);
    expect(demoStaff.length).toBeGreaterThan(40);
    expect(demoStaff).not.toContain('Echte Coach');

    // Work done in the demo stays in the demo, also after leaving and coming back.
    data(await addStaff(h, 'Proef Persoon', 'P1'));
    data(await h.dispatch('demo.leave', {}));
    expect(await names(h)).toEqual(['Echte Coach']);
    data(await h.dispatch('demo.open', {}));
    expect(await names(h)).toContain('Proef Persoon');

    // Starting over gives the fresh demo again.
    data(await h.dispatch('demo.reset', {}));
    const fresh = await names(h);
    expect(fresh).not.toContain('Proef Persoon');
    expect(fresh.sort()).toEqual([...demoStaff].sort());
    expect(existsSync(join(dir, 'klankbord.sqlite'))).toBe(true);
  });

  it('starts straight in the demo for `npm run web -- --demo`', async () => {
    const { h, dir } = await host({ demo: true });
    expect(data<AppStatus>(await h.dispatch('app.status', {}))).toMatchObject({ state: 'ready', demo: true, dataDir: demoFolder(dir) });
    expect((await names(h)).length).toBeGreaterThan(40);
  });
});
