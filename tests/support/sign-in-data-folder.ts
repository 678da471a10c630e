/**
 * `node --import tsx tests/support/sign-in-data-folder.ts <dataDir>`: a local data folder where
 * each person signs in (as in team mode), with a team manager who has a password and a coach who
 * has none yet: the sign-in e2e (tests/e2e/fixtures.ts `prepareDataDir`).
 */
import { openCore } from '../../src-main/core/app';
import { setPassword, setSignInRequired } from '../../src-main/core/session/sign-in';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: sign-in-data-folder.ts <dataDir>');
const core = await openCore(dataDir);
const at = new Date().toISOString();
const member = (employee_number: string, name: string, role: 'coach' | 'manager' | 'advisor') =>
  ({ employee_number, name, team: 'KCC Noord', role, start_date: null, status: 'active', created_at: at, updated_at: at }) as const;
const [manager] = await core.db
  .insertInto('staff')
  .values([
    member('M200', 'Fatima El Amrani', 'manager'),
    member('C100', 'Karim Bouzid', 'coach'),
    member('1043', 'Sanne de Vries', 'advisor'),
  ])
  .returning('id')
  .execute();
if (!manager) throw new Error('no manager inserted');
await setSignInRequired(core, true);
await setPassword(core, manager.id, manager.id, 'welkom bij klankbord');
await core.close();
