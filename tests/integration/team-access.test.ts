import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../src-main/contract';
import { setPassword, setSignInRequired, signInRequired } from '../../src-main/core/session/sign-in';
import { hashPassword, verifyPassword } from '../../src-main/core/team/passwords';
import { createDispatcher, mediaRefusal } from '../../src-main/ipc/dispatch';
import { createTempHost, type TempHost } from '../support/core';
import { finishEvaluation } from '../support/evaluate';
import { insertRecording, insertStaff } from '../support/seed';

/**
 * Sign-in per person and what each role may open, through the same dispatcher both transports
 * use. Runs on SQLite with sign-in switched on and on PostgreSQL (team mode, where it is always on).
 */
let t: TempHost;
const PASSWORD = 'lange zin van woorden';

interface People {
  managerNoord: number;
  managerZuid: number;
  coachNoord: number;
  coachZuid: number;
  trainer: number;
  advisorNoord: number;
  advisorZuid: number;
  trainee: number;
}
let p: People;
let evaluationNoord: number;
let evaluationZuid: number;
let evaluationTrainee: number;
let recordingZuid: number;
let recordingNoord: number;

const call = (channel: string, input: unknown = {}) => t.host.dispatch(channel, input);
const data = <T>(result: IpcResult<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
};
const errorOf = (result: IpcResult<unknown>) => (result.ok ? null : result.error);

async function numberOf(id: number): Promise<string> {
  const row = await t.core.db.selectFrom('staff').select('employee_number').where('id', '=', id).executeTakeFirstOrThrow();
  return row.employee_number;
}
async function signInAs(id: number, password = PASSWORD) {
  return call('session.signIn', { employeeNumber: await numberOf(id), password });
}
const inTeam = (id: number, team: string) => t.core.db.updateTable('staff').set({ team }).where('id', '=', id).execute();

beforeEach(async () => {
  t = await createTempHost();
  await setSignInRequired(t.core, true);
  const staff = async (role: 'advisor' | 'coach' | 'trainer' | 'manager', name: string, team: string) => {
    const id = await insertStaff(t.core, role, name);
    await inTeam(id, team);
    return id;
  };
  p = {
    managerNoord: await staff('manager', 'Fatima El Amrani', 'KCC Noord'),
    managerZuid: await staff('manager', 'Henk de Boer', 'KCC Zuid'),
    coachNoord: await staff('coach', 'Mark de Vries', 'KCC Noord'),
    coachZuid: await staff('coach', 'Ingrid Smit', 'KCC Zuid'),
    trainer: await staff('trainer', 'Priya Raghoebier', 'KCC Noord'),
    advisorNoord: await staff('advisor', 'Sanne Jansen', 'KCC Noord'),
    advisorZuid: await staff('advisor', 'Youssef Amrani', 'KCC Zuid'),
    trainee: await staff('advisor', 'Lotte Visser', 'KCC Noord'),
  };
  recordingNoord = await insertRecording(t.core, p.advisorNoord);
  evaluationNoord = await finishEvaluation(t.core, p.coachNoord, recordingNoord);
  recordingZuid = await insertRecording(t.core, p.advisorZuid);
  evaluationZuid = await finishEvaluation(t.core, p.coachZuid, recordingZuid);
  evaluationTrainee = await finishEvaluation(t.core, p.coachNoord, await insertRecording(t.core, p.trainee));
  await t.core.db
    .insertInto('onboarding')
    .values({
      staff_id: p.trainee,
      trainer_id: p.trainer,
      buddy_id: null,
      program_id: null,
      program_name: 'Inwerken KCC',
      training_weeks: 6,
      start_date: '2026-10-01',
      status: 'running',
      quota_override_id: null,
      created_by: null,
      created_at: '2026-10-01T08:00:00.000Z',
      completed_on: null,
      completed_by: null,
    })
    .execute();
});
afterEach(() => t.cleanup());

async function givePasswords(): Promise<void> {
  for (const id of [p.managerNoord, p.managerZuid, p.coachNoord, p.coachZuid, p.trainer])
    await setPassword(t.core, p.managerNoord, id, PASSWORD);
}

describe('passwords', () => {
  it('hashes with scrypt and a random salt, and only the same password verifies', async () => {
    const one = await hashPassword(PASSWORD);
    const two = await hashPassword(PASSWORD);
    expect(one).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(one).not.toBe(two);
    expect(await verifyPassword(PASSWORD, one)).toBe(true);
    expect(await verifyPassword('lange zin van woorden!', one)).toBe(false);
    expect(await verifyPassword(PASSWORD, null)).toBe(false);
    expect(await verifyPassword(PASSWORD, 'scrypt$1$1$1$AA$AA')).toBe(false);
    await expect(hashPassword('kort')).rejects.toMatchObject({ code: 'password_too_short', params: { min: 10 } });
  });
});

describe('signing in', () => {
  it('is required in team mode without any setting, and on a local database only when switched on', async () => {
    await t.core.db.deleteFrom('setting').where('key', '=', 'access.signInRequired').execute();
    expect(await signInRequired({ ...t.core, dialect: 'postgres' })).toBe(true);
    expect(await signInRequired({ ...t.core, dialect: 'sqlite' })).toBe(false);
  });

  it('asks for sign-in instead of a profile, and refuses everything else until then', async () => {
    await givePasswords();
    const session = data<{ signInRequired: boolean; profile: unknown; firstManagers: unknown[] }>(await call('session.get'));
    expect(session).toMatchObject({ signInRequired: true, profile: null, firstManagers: [] });
    expect(errorOf(await call('session.selectProfile', { staffId: p.coachNoord }))?.code).toBe('profile_choice_off');
    expect(errorOf(await call('evaluations.get', { id: evaluationNoord }))).toMatchObject({
      code: 'sign_in_required',
      message: expect.stringContaining('Log eerst in'),
    });
    expect(errorOf(await call('staff.list'))?.code).toBe('sign_in_required');
  });

  it('says the same thing for a wrong password and an unknown number, without telling which was wrong', async () => {
    await givePasswords();
    const wrongPassword = errorOf(await signInAs(p.coachNoord, 'verkeerd wachtwoord'));
    const unknownNumber = errorOf(await call('session.signIn', { employeeNumber: 'X999', password: PASSWORD }));
    const advisor = errorOf(await signInAs(p.advisorNoord));
    expect(wrongPassword).toMatchObject({
      code: 'sign_in_failed',
      message: expect.stringContaining('Personeelsnummer of wachtwoord klopt niet'),
    });
    expect(unknownNumber).toEqual(wrongPassword);
    expect(advisor).toEqual(wrongPassword);

    const signedIn = data<{ profile: { id: number; name: string } }>(await signInAs(p.coachNoord));
    expect(signedIn.profile).toMatchObject({ id: p.coachNoord, name: 'Mark de Vries' });
    expect(data<{ profile: { id: number } }>(await call('session.get')).profile.id).toBe(p.coachNoord);

    data(await call('session.signOut'));
    expect(data<{ profile: unknown }>(await call('session.get')).profile).toBeNull();
    expect(errorOf(await call('evaluations.get', { id: evaluationNoord }))?.code).toBe('sign_in_required');
  });

  it('keeps who signed in per workstation, not in the shared database', async () => {
    await givePasswords();
    data(await signInAs(p.coachNoord));
    // A second workstation on the same database: nobody is signed in there.
    const other = createDispatcher(t.core, () => undefined);
    expect(data<{ profile: unknown }>(await other.dispatch('session.get', {})).profile).toBeNull();
    expect(errorOf(await other.dispatch('evaluations.get', { id: evaluationNoord }))?.code).toBe('sign_in_required');
    const setting = await t.core.db.selectFrom('setting').select('key').where('key', '=', 'workstation.profileId').executeTakeFirst();
    expect(setting).toBeUndefined();
  });

  it('lets a person change their own password after proving the current one', async () => {
    await givePasswords();
    data(await signInAs(p.coachNoord));
    expect(
      errorOf(await call('session.changePassword', { currentPassword: 'niet mijn wachtwoord', newPassword: 'nieuwe lange zin' }))?.code,
    ).toBe('password_current_wrong');
    expect(errorOf(await call('session.changePassword', { currentPassword: PASSWORD, newPassword: 'kort' }))?.code).toBe(
      'password_too_short',
    );
    data(await call('session.changePassword', { currentPassword: PASSWORD, newPassword: 'nieuwe lange zin' }));
    data(await call('session.signOut'));
    expect(errorOf(await signInAs(p.coachNoord))?.code).toBe('sign_in_failed');
    expect((await signInAs(p.coachNoord, 'nieuwe lange zin')).ok).toBe(true);
  });
});

describe('the first manager', () => {
  it('sets the first password while nobody has one, and never again after that', async () => {
    const before = data<{ firstManagers: { id: number; name: string }[] }>(await call('session.get'));
    expect(before.firstManagers.map((m) => m.name)).toEqual(['Fatima El Amrani', 'Henk de Boer']);

    expect(errorOf(await call('session.claimFirstManager', { staffId: p.coachNoord, password: PASSWORD }))?.code).toBe(
      'first_manager_role',
    );
    // A new manager only on a database without any: here one of the two sets the first password.
    const newManager = { employeeNumber: 'M1', name: 'Nieuwe Manager', team: 'KCC Noord' };
    expect(errorOf(await call('session.claimFirstManager', { newManager, password: PASSWORD }))?.code).toBe('first_manager_taken');
    expect(errorOf(await call('session.claimFirstManager', { staffId: p.managerNoord, password: 'kort' }))?.code).toBe(
      'password_too_short',
    );
    const claimed = data<{ profile: { id: number }; firstManagers: unknown[] }>(
      await call('session.claimFirstManager', { staffId: p.managerNoord, password: PASSWORD }),
    );
    expect(claimed.profile.id).toBe(p.managerNoord);

    data(await call('session.signOut'));
    expect(data<{ firstManagers: unknown[] }>(await call('session.get')).firstManagers).toEqual([]);
    expect(errorOf(await call('session.claimFirstManager', { staffId: p.managerZuid, password: PASSWORD }))?.code).toBe(
      'first_manager_taken',
    );
    expect(errorOf(await call('session.claimFirstManager', { staffId: p.managerNoord, password: 'een ander wachtwoord' }))?.code).toBe(
      'first_manager_taken',
    );
    expect((await signInAs(p.managerNoord)).ok).toBe(true);
  });
});

describe('the password hash never leaves main', () => {
  it('is absent from staff, the access export and the audit trail', async () => {
    await givePasswords();
    data(await signInAs(p.managerNoord));
    data(await call('staff.setPassword', { staffId: p.coachNoord, password: 'door de manager gezet' }));

    const texts = [
      JSON.stringify(data(await call('staff.get', { id: p.coachNoord }))),
      JSON.stringify(data(await call('staff.list', { includeLeft: true }))),
      JSON.stringify(data(await call('privacy.exportPerson', { id: p.coachNoord }))),
      JSON.stringify(data(await call('audit.list', { entity: 'staff' }))),
      JSON.stringify(await t.core.db.selectFrom('audit_log').selectAll().execute()),
    ];
    for (const text of texts) {
      expect(text).not.toContain('scrypt');
      expect(text).not.toMatch(/password_?hash|passwordHash/i);
    }
    const audit = data<{ summary: string; after: unknown }[]>(await call('audit.list', { entity: 'staff' }));
    expect(audit[0]).toMatchObject({ summary: 'Wachtwoord ingesteld voor Mark de Vries', after: { wachtwoord: 'ingesteld' } });
  });

  it('is set only by a manager, and only for people who sign in', async () => {
    await givePasswords();
    data(await signInAs(p.coachNoord));
    expect(errorOf(await call('staff.setPassword', { staffId: p.coachZuid, password: 'overgenomen account' }))?.code).toBe('access_denied');
    data(await call('session.signOut'));
    data(await signInAs(p.managerNoord));
    expect(errorOf(await call('staff.setPassword', { staffId: p.advisorNoord, password: 'adviseur wachtwoord' }))?.code).toBe(
      'password_not_for_role',
    );
  });
});

describe('what each role may open', () => {
  beforeEach(givePasswords);

  it('coach: own team and own advisors, not another team’s evaluation through the API', async () => {
    data(await signInAs(p.coachNoord));
    expect(data<{ id: number }>(await call('evaluations.get', { id: evaluationNoord })).id).toBe(evaluationNoord);
    expect(data<unknown[]>(await call('evaluations.listForAdvisor', { advisorId: p.advisorNoord }))).toHaveLength(1);

    const denied = errorOf(await call('evaluations.get', { id: evaluationZuid }));
    expect(denied).toMatchObject({ code: 'access_denied' });
    expect(denied?.message).toContain('de beoordeling van Youssef Amrani');
    expect(denied?.message).toContain('team KCC Zuid');
    for (const [channel, input] of [
      ['evaluations.listForAdvisor', { advisorId: p.advisorZuid }],
      ['evaluations.history', { id: evaluationZuid }],
      ['recordings.get', { id: recordingZuid }],
      ['evaluations.listForRecording', { recordingId: recordingZuid }],
      ['markers.list', { recordingId: recordingZuid }],
      ['reports.advisorTrend', { advisorId: p.advisorZuid }],
      ['reports.teamMonth', { period: '2026-11', team: 'KCC Zuid' }],
      ['feedback.prepare', { advisorId: p.advisorZuid }],
      ['staff.create', { employeeNumber: 'N1', name: 'Nieuw', team: '', role: 'coach', startDate: null, status: 'active' }],
      ['settings.update', data(await call('settings.get'))],
    ] as const)
      expect(errorOf(await call(channel, input))?.code, channel).toBe('access_denied');

    // The audio stream (media route and protocol) asks the same guard.
    expect(await mediaRefusal(call, 'recording', recordingZuid)).toMatchObject({ code: 'access_denied' });
    expect(await mediaRefusal(call, 'recording', recordingNoord)).toBeNull();

    const recordings = data<{ advisorId: number | null }[]>(await call('recordings.list'));
    expect(recordings.map((r) => r.advisorId).sort()).toEqual([p.advisorNoord, p.trainee].sort());
    expect(data<{ team: string }>(await call('reports.teamMonth', { period: '2026-11' })).team).toBe('KCC Noord');

    // Once a Zuid advisor is assigned to this coach, their calls open too.
    await t.core.db
      .insertInto('coach_assignment')
      .values({
        advisor_id: p.advisorZuid,
        coach_id: p.coachNoord,
        from_date: '2026-11-01',
        to_date: null,
        created_at: '2026-11-01T08:00:00Z',
      })
      .execute();
    expect((await call('evaluations.get', { id: evaluationZuid })).ok).toBe(true);
  });

  it('manager: everything in their own team and the administration, not another team’s evaluations', async () => {
    data(await signInAs(p.managerNoord));
    expect((await call('evaluations.get', { id: evaluationNoord })).ok).toBe(true);
    expect(errorOf(await call('evaluations.get', { id: evaluationZuid }))?.message).toContain('jij bent teammanager van team KCC Noord');
    expect((await call('settings.update', data(await call('settings.get')))).ok).toBe(true);
    expect((await call('staff.setPassword', { staffId: p.coachZuid, password: 'opnieuw ingesteld' })).ok).toBe(true);
    expect((await call('audit.list', {})).ok).toBe(true);
    data(await call('session.signOut'));

    data(await signInAs(p.managerZuid));
    expect((await call('evaluations.get', { id: evaluationZuid })).ok).toBe(true);
    expect(errorOf(await call('evaluations.get', { id: evaluationNoord }))?.code).toBe('access_denied');
  });

  it('trainer: onboarding, the staff list and their trainees, not other advisors’ evaluations', async () => {
    data(await signInAs(p.trainer));
    expect((await call('onboarding.dashboard', {})).ok).toBe(true);
    expect((await call('staff.list', {})).ok).toBe(true);
    expect((await call('evaluations.get', { id: evaluationTrainee })).ok).toBe(true);
    expect(errorOf(await call('evaluations.get', { id: evaluationNoord }))).toMatchObject({
      code: 'access_denied',
      message: expect.stringContaining('Sanne Jansen is niet een van de nieuwe medewerkers die jij begeleidt'),
    });
    expect(errorOf(await call('evaluations.start', { recordingId: recordingZuid }))?.code).toBe('access_denied');
    expect(errorOf(await call('settings.update', data(await call('settings.get'))))?.code).toBe('access_denied');
    expect(errorOf(await call('samples.list', {}))?.code).toBe('access_denied');
  });
});
