/**
 * `node --import tsx tests/support/damaged-data-folder.ts <dataDir>`: a data folder whose database
 * was overwritten today, with yesterday's backup holding the team: the start-up problem e2e
 * (tests/e2e/fixtures.ts `prepareDataDir`).
 */
import { writeFileSync } from 'node:fs';
import { openCore } from '../../src-main/core/app';
import { backupDatabase } from '../../src-main/core/backup/backup';
import { dataPaths } from '../../src-main/core/paths';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: damaged-data-folder.ts <dataDir>');
const core = await openCore(dataDir);
const at = new Date().toISOString();
const member = (employee_number: string, name: string, role: 'coach' | 'advisor') =>
  ({ employee_number, name, team: 'KCC Noord', role, start_date: null, status: 'active', created_at: at, updated_at: at }) as const;
await core.db
  .insertInto('staff')
  .values([member('C100', 'Karim Bouzid', 'coach'), member('1043', 'Sanne de Vries', 'advisor')])
  .execute();
await backupDatabase(core, core.paths.backups, 'daily');
await core.close();
writeFileSync(dataPaths(dataDir).database, 'Dit bestand is per ongeluk overschreven. '.repeat(400));
