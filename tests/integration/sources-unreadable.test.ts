import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type * as fsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createStaff } from '../../src-main/core/staff/staff';
import { scanSource } from '../../src-main/core/sources/scan';
import { createSource, listSourceFiles } from '../../src-main/core/sources/sources';
import { createTempCore, tempDir, type TempCore } from '../support/core';
import { tinyWav } from '../support/tiny-wav';

/**
 * An unreadable sub-folder, simulated: tests often run as root (CI containers), where chmod 000
 * does not stop reading. sources-scan.test.ts has the same case with real permissions, skipped as root.
 */
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof fsPromises>();
  const denied = (path: unknown) => String(path).includes('geheim');
  const eacces = () => Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
  return {
    ...real,
    opendir: (path: string, ...rest: []) => (denied(path) ? Promise.reject(eacces()) : real.opendir(path, ...rest)),
  };
});

let t: TempCore;
let root: string;
beforeEach(async () => {
  t = await createTempCore();
  root = tempDir('klankbord-bron-');
});
afterEach(async () => {
  await t.cleanup();
  rmSync(root, { recursive: true, force: true });
});

it('lists an unreadable sub-folder as a problem in Dutch and indexes the rest', async () => {
  await createStaff(t.core.db, { employeeNumber: '1043', name: 'Anna', team: '', role: 'advisor', startDate: null, status: 'active' });
  writeFileSync(join(root, '20261103-093512_1043_a.wav'), tinyWav());
  mkdirSync(join(root, 'geheim'));
  writeFileSync(join(root, 'geheim', '20261103-093512_1043_b.wav'), tinyWav());
  mkdirSync(join(root, 'open'));
  writeFileSync(join(root, 'open', '20261103-093512_1043_c.wav'), tinyWav());
  const source = await createSource(t.core.db, {
    name: 'X',
    rootPath: root,
    patterns: ['{date}-{time}_{employee}_*.wav'],
    advisorChannel: 1,
  });
  const summary = await scanSource(t.core, source.id);
  expect(summary).toMatchObject({ status: 'done', filesSeen: 2, filesNew: 2 });
  expect(summary.problem).toBe('Map "geheim" kon niet worden gelezen: geen toegang (rechten)');
  expect((await listSourceFiles(t.core.db, { limit: 10, offset: 0 })).total).toBe(2);
});
