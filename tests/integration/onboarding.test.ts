import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../src-main/core/app';
import { monthPlan } from '../../src-main/core/coaching/plan';
import { AppError } from '../../src-main/core/errors';
import {
  addCheckin,
  assignOnboarding,
  completeOnboarding,
  getOnboarding,
  onboardingDashboard,
  reachLevel,
  signOffItems,
  startOnboarding,
  undoLevel,
  undoSignOff,
} from '../../src-main/core/onboarding/onboardings';
import { getProgram, listPrograms, saveProgram } from '../../src-main/core/onboarding/programs';
import { onboardingRampUp } from '../../src-main/core/onboarding/ramp-up';
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { listAudit } from '../../src-main/core/audit/audit';
import type { Onboarding } from '../../src-main/contract';
import { createTempCore, type TempCore } from '../support/core';
import { insertRecording, insertStaff } from '../support/seed';

let t: TempCore;
let newHire: number;
let trainer: number;
let buddy: number;
let coach: number;
let programId: number;

/** Wednesday: weeks run Wednesday to Tuesday. */
const start = '2026-11-11';

const codeOf = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof AppError ? error.code : String(error);
};

async function begin(today = start, buddyId: number | null = null): Promise<Onboarding> {
  return startOnboarding(
    t.core.db,
    trainer,
    { staffId: newHire, startDate: start, trainerId: trainer, programId, buddyId, quotaPerMonth: 8, quotaMonths: 3 },
    today,
  );
}

async function signOffWeek(track: Onboarding, week: number, on: string, today: string): Promise<Onboarding> {
  const itemIds = (track.weeks[week - 1]?.items ?? []).map((i) => i.id);
  return signOffItems(t.core.db, trainer, { itemIds, signedOffOn: on, note: '' }, today);
}

beforeEach(async () => {
  t = await createTempCore();
  newHire = await insertStaff(t.core, 'advisor', 'Fatima el Amrani');
  await t.core.db.updateTable('staff').set({ start_date: null }).where('id', '=', newHire).execute();
  trainer = await insertStaff(t.core, 'trainer', 'Ellen Visser');
  buddy = await insertStaff(t.core, 'advisor', 'Sanne de Vries');
  coach = await insertStaff(t.core, 'coach', 'Karim Bouzid');
  const [program] = await listPrograms(t.core.db);
  programId = program!.id;
});
afterEach(() => t.cleanup());

describe('the default program', () => {
  it('is installed once, with three weeks of items in the categories of a KCC training', async () => {
    const programs = await listPrograms(t.core.db);
    expect(programs).toHaveLength(1);
    const program = await getProgram(t.core.db, programs[0]!.id);
    expect(program).toMatchObject({ name: 'Inwerkprogramma KCC — 3 weken', weeks: 3, runningCount: 0 });
    const categories = (week: number) => [...new Set(program.items.filter((i) => i.week === week).map((i) => i.category))];
    expect(categories(1)).toEqual(['Organisatie', 'Systemen', 'Privacy', 'Kennisbank']);
    expect(categories(2)).toEqual(['Vakafdelingen en topvragen', 'Meeluisteren', 'Gesprekstechniek']);
    expect(categories(3)).toEqual(
      expect.arrayContaining(['Gesprekken onder begeleiding', 'Registratie in het zaaksysteem', 'Doorverbinden en terugbelnotities']),
    );

    // Opening the folder again (here: a second connection) does not install it twice.
    const again = await openCore(t.dataDir);
    expect(await again.db.selectFrom('onboarding_program').select('id').execute()).toHaveLength(1);
    await again.close();
  });

  it('refuses items outside the program’s weeks and a name already in use', async () => {
    const program = await getProgram(t.core.db, programId);
    const d = createDispatcher(t.core, () => undefined);
    await d.dispatch('session.selectProfile', { staffId: trainer });
    const tooLate = await d.dispatch('onboarding.saveProgram', {
      name: 'Kort programma',
      description: '',
      weeks: 1,
      items: [{ week: 2, category: 'Organisatie', title: 'Rondleiding', description: '' }],
    });
    expect(tooLate).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!tooLate.ok) expect(tooLate.error.message).toContain('programma duurt 1 weken');
    expect(
      await codeOf(
        saveProgram(t.core.db, trainer, {
          name: program.name,
          description: '',
          weeks: 1,
          items: [{ week: 1, category: 'A', title: 'B', description: '' }],
        }),
      ),
    ).toBe('program_name_in_use');
  });
});

describe('starting an onboarding', () => {
  it('copies the program, puts the new hire on onboarding and raises the quota through the planner', async () => {
    const track = await begin();
    expect(track).toMatchObject({
      staffName: 'Fatima el Amrani',
      trainerName: 'Ellen Visser',
      buddyId: null,
      status: 'running',
      phase: 'training',
      currentWeek: 1,
      trainingEndDate: '2026-12-01',
      quota: { perMonth: 8, fromPeriod: '2026-11', toPeriod: '2027-01', reason: 'inwerken' },
    });
    expect(track.weeks.map((w) => [w.week, w.startDate, w.endDate])).toEqual([
      [1, '2026-11-11', '2026-11-17'],
      [2, '2026-11-18', '2026-11-24'],
      [3, '2026-11-25', '2026-12-01'],
    ]);
    const program = await getProgram(t.core.db, programId);
    expect(track.weeks.flatMap((w) => w.items.map((i) => i.title))).toEqual(program.items.map((i) => i.title));
    expect(program.runningCount).toBe(1);

    const person = await t.core.db.selectFrom('staff').selectAll().where('id', '=', newHire).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ status: 'onboarding', start_date: start });
    // December is a whole month within the override: the quota is 8, and the planner says why.
    const december = (await monthPlan(t.core.db, '2026-12')).find((p) => p.advisorId === newHire);
    expect(december).toMatchObject({ planned: 8, adjusted: true });
    expect(december?.explanation).toContain('inwerken');
    expect((await monthPlan(t.core.db, '2027-02')).find((p) => p.advisorId === newHire)?.planned).toBe(4);
  });

  it('refuses a second running track, a non-trainer as trainer and an unsuitable buddy', async () => {
    const first = await begin();
    expect(await codeOf(begin())).toBe('onboarding_running');
    // The database itself holds one running track per person, also if two starts race.
    const copy = await t.core.db.selectFrom('onboarding').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    const { id: _id, ...row } = copy;
    await expect(t.core.db.insertInto('onboarding').values(row).execute()).rejects.toThrow(/UNIQUE|duplicate key/);
    await expect(
      t.core.db
        .insertInto('onboarding')
        .values({ ...row, status: 'completed' })
        .execute(),
    ).resolves.toBeDefined();
    const other = await insertStaff(t.core, 'advisor', 'Noor Yilmaz');
    const input = { staffId: other, startDate: start, trainerId: coach, programId, buddyId: null, quotaPerMonth: 8, quotaMonths: 3 };
    expect(await codeOf(startOnboarding(t.core.db, trainer, input, start))).toBe('trainer_required');
    // Someone who is still being onboarded cannot be a buddy, nor can a coach.
    expect(await codeOf(startOnboarding(t.core.db, trainer, { ...input, trainerId: trainer, buddyId: newHire }, start))).toBe(
      'buddy_invalid',
    );
    expect(await codeOf(startOnboarding(t.core.db, trainer, { ...input, trainerId: trainer, buddyId: coach }, start))).toBe(
      'buddy_invalid',
    );
    expect(await codeOf(startOnboarding(t.core.db, trainer, { ...input, staffId: coach, trainerId: trainer }, start))).toBe(
      'not_an_advisor',
    );
  });
});

describe('program changes', () => {
  it('do not change running tracks; tracks started afterwards get the new content', async () => {
    const before = await begin();
    const program = await getProgram(t.core.db, programId);
    await saveProgram(t.core.db, trainer, {
      id: programId,
      name: program.name,
      description: program.description,
      weeks: 2,
      items: [
        { week: 1, category: 'Organisatie', title: 'Nieuw: kennismaken met de wethouder', description: '' },
        { week: 2, category: 'Systemen', title: 'Nieuw: het nieuwe telefoniesysteem', description: '' },
      ],
    });
    const after = await getOnboarding(t.core.db, before.id, '2026-11-12');
    expect(after.weeks.flatMap((w) => w.items.map((i) => [i.id, i.title]))).toEqual(
      before.weeks.flatMap((w) => w.items.map((i) => [i.id, i.title])),
    );
    expect(after).toMatchObject({ trainingWeeks: 3, programName: program.name });

    const other = await insertStaff(t.core, 'advisor', 'Noor Yilmaz');
    const fresh = await startOnboarding(
      t.core.db,
      trainer,
      { staffId: other, startDate: start, trainerId: trainer, programId, buddyId: null, quotaPerMonth: 8, quotaMonths: 3 },
      start,
    );
    expect(fresh.trainingWeeks).toBe(2);
    expect(fresh.weeks.flatMap((w) => w.items.map((i) => i.title))).toEqual([
      'Nieuw: kennismaken met de wethouder',
      'Nieuw: het nieuwe telefoniesysteem',
    ]);
  });
});

describe('the week view', () => {
  it('shows week 2 overdue once its last day has passed, and the dashboard lists it', async () => {
    let track = await begin();
    track = await signOffWeek(track, 1, '2026-11-17', '2026-11-17');
    const week1 = track.weeks[0]!;
    expect(week1).toMatchObject({ signedOff: week1.total, overdue: 0 });
    expect(week1.items[0]).toMatchObject({ status: 'signed_off', signedOffOn: '2026-11-17', signedOffByName: 'Ellen Visser' });

    // On the last day of week 2 nothing is overdue yet; the day after, all of week 2 is.
    expect((await getOnboarding(t.core.db, track.id, '2026-11-24')).weeks[1]).toMatchObject({ overdue: 0 });
    const later = await getOnboarding(t.core.db, track.id, '2026-11-25');
    expect(later.weeks[1]!.overdue).toBe(later.weeks[1]!.total);
    expect(later.weeks[2]!.overdue).toBe(0);
    expect(later).toMatchObject({ phase: 'training', currentWeek: 3 });

    const dashboard = await onboardingDashboard(t.core.db, { trainerId: trainer }, '2026-11-26');
    expect(dashboard.rows).toHaveLength(1);
    expect(dashboard.rows[0]!.weeks.map((w) => w.overdue)).toEqual([0, later.weeks[1]!.total, 0]);
    expect(dashboard.overdue).toHaveLength(later.weeks[1]!.total);
    expect(dashboard.overdue[0]).toMatchObject({ staffName: 'Fatima el Amrani', week: 2, dueDate: '2026-11-24', daysOverdue: 2 });
    expect((await onboardingDashboard(t.core.db, { trainerId: coach }, '2026-11-26')).rows).toEqual([]);
  });

  it('refuses sign-offs before the start or in the future, and a second sign-off; an undo reopens the item', async () => {
    const track = await begin();
    const itemId = track.weeks[0]!.items[0]!.id;
    expect(await codeOf(signOffItems(t.core.db, trainer, { itemIds: [itemId], signedOffOn: '2026-11-10', note: '' }, '2026-11-12'))).toBe(
      'onboarding_date_range',
    );
    expect(await codeOf(signOffItems(t.core.db, trainer, { itemIds: [itemId], signedOffOn: '2026-11-13', note: '' }, '2026-11-12'))).toBe(
      'onboarding_date_range',
    );
    await signOffItems(t.core.db, trainer, { itemIds: [itemId], signedOffOn: '2026-11-12', note: 'Goed opgepakt' }, '2026-11-12');
    expect(await codeOf(signOffItems(t.core.db, trainer, { itemIds: [itemId], signedOffOn: '2026-11-12', note: '' }, '2026-11-12'))).toBe(
      'onboarding_item_signed',
    );
    // A week at once is all or nothing: one item signed off already refuses the lot.
    const week1 = track.weeks[0]!.items.map((i) => i.id);
    expect(await codeOf(signOffItems(t.core.db, trainer, { itemIds: week1, signedOffOn: '2026-11-12', note: '' }, '2026-11-12'))).toBe(
      'onboarding_item_signed',
    );
    expect((await getOnboarding(t.core.db, track.id, '2026-11-12')).weeks[0]!.signedOff).toBe(1);
    const other = await startOnboarding(
      t.core.db,
      trainer,
      { staffId: buddy, startDate: start, trainerId: trainer, programId, buddyId: null, quotaPerMonth: 8, quotaMonths: 3 },
      start,
    );
    const mixed = [track.weeks[0]!.items[1]!.id, other.weeks[0]!.items[0]!.id];
    expect(await codeOf(signOffItems(t.core.db, trainer, { itemIds: mixed, signedOffOn: '2026-11-12', note: '' }, '2026-11-12'))).toBe(
      'invalid_input',
    );
    const undone = await undoSignOff(t.core.db, itemId, '2026-11-19');
    expect(undone.weeks[0]!.items[0]).toMatchObject({ status: 'overdue', signedOffOn: null, note: '' });
  });
});

describe('the buddy phase', () => {
  it('climbs the ladder in order, with dates that never go back', async () => {
    const track = await begin('2026-12-10', buddy);
    const reach = (level: Parameters<typeof reachLevel>[2]['level'], reachedOn: string) =>
      reachLevel(t.core.db, trainer, { id: track.id, level, reachedOn }, '2026-12-20');
    expect(await codeOf(reach('calling_with_buddy', '2026-12-02'))).toBe('onboarding_level_order');
    await reach('listening_in', '2026-12-02');
    expect(await codeOf(reach('listening_in', '2026-12-03'))).toBe('onboarding_level_reached');
    expect(await codeOf(reach('independent_buddy_nearby', '2026-12-03'))).toBe('onboarding_level_order');
    expect(await codeOf(reach('calling_with_buddy', '2026-12-01'))).toBe('onboarding_level_date');
    expect(await codeOf(reach('calling_with_buddy', '2026-12-21'))).toBe('onboarding_date_range');
    let current = await reach('calling_with_buddy', '2026-12-07');
    expect(current.level).toBe('calling_with_buddy');
    expect(current.ladder.map((s) => s.reachedOn)).toEqual(['2026-12-02', '2026-12-07', null, null]);
    current = await undoLevel(t.core.db, track.id, '2026-12-20');
    expect(current.level).toBe('listening_in');
  });

  it('needs a buddy for check-ins, and asks for one when none was held in the last seven days', async () => {
    const track = await begin('2026-12-02');
    const checkin = {
      id: track.id,
      heldOn: '2026-12-02',
      level: 'listening_in' as const,
      wentWell: 'Rustig meegeluisterd',
      toPractise: 'Notities maken',
    };
    expect(await codeOf(addCheckin(t.core.db, trainer, checkin, '2026-12-02'))).toBe('onboarding_no_buddy');
    expect((await onboardingDashboard(t.core.db, {}, '2026-12-02')).checkinsDue).toEqual([
      { onboardingId: track.id, staffName: 'Fatima el Amrani', buddyName: null, lastCheckinOn: null },
    ]);
    expect(await codeOf(assignOnboarding(t.core.db, { id: track.id, trainerId: trainer, buddyId: newHire }, '2026-12-02'))).toBe(
      'buddy_invalid',
    );
    await assignOnboarding(t.core.db, { id: track.id, trainerId: trainer, buddyId: buddy }, '2026-12-02');
    const after = await addCheckin(t.core.db, trainer, checkin, '2026-12-02');
    expect(after.checkins[0]).toMatchObject({ heldOn: '2026-12-02', buddyName: 'Sanne de Vries', recordedByName: 'Ellen Visser' });
    expect(after).toMatchObject({ phase: 'buddy', checkinDue: false, lastCheckinOn: '2026-12-02' });
    expect((await getOnboarding(t.core.db, track.id, '2026-12-08')).checkinDue).toBe(false);
    expect((await getOnboarding(t.core.db, track.id, '2026-12-09')).checkinDue).toBe(true);
    expect((await onboardingDashboard(t.core.db, {}, '2026-12-09')).checkinsDue).toEqual([
      { onboardingId: track.id, staffName: 'Fatima el Amrani', buddyName: 'Sanne de Vries', lastCheckinOn: '2026-12-02' },
    ]);
  });
});

describe('completing an onboarding', () => {
  it('needs every item signed off and full independence; then the new hire is active and the track stays readable', async () => {
    let track = await begin('2026-12-02', buddy);
    const today = '2027-01-06';
    expect(await codeOf(completeOnboarding(t.core.db, trainer, { id: track.id, completedOn: today, note: '' }, today))).toBe(
      'onboarding_items_open',
    );
    for (const week of [1, 2, 3]) track = await signOffWeek(track, week, '2026-12-01', today);
    expect(await codeOf(completeOnboarding(t.core.db, trainer, { id: track.id, completedOn: today, note: '' }, today))).toBe(
      'onboarding_not_independent',
    );
    const steps = [
      ['listening_in', '2026-12-02'],
      ['calling_with_buddy', '2026-12-09'],
      ['independent_buddy_nearby', '2026-12-16'],
      ['fully_independent', '2027-01-05'],
    ] as const;
    for (const [level, reachedOn] of steps) await reachLevel(t.core.db, trainer, { id: track.id, level, reachedOn }, today);

    const done = await completeOnboarding(t.core.db, trainer, { id: track.id, completedOn: today, note: 'Klaar voor de vloer' }, today);
    expect(done).toMatchObject({
      status: 'completed',
      phase: 'done',
      completedOn: today,
      completedByName: 'Ellen Visser',
      completionNote: 'Klaar voor de vloer',
      level: 'fully_independent',
      checkinDue: false,
      // The higher quota ends with the month of completion.
      quota: { fromPeriod: '2026-11', toPeriod: '2027-01' },
    });
    const person = await t.core.db.selectFrom('staff').select('status').where('id', '=', newHire).executeTakeFirstOrThrow();
    expect(person.status).toBe('active');
    // Both status changes of the staff record are in the audit trail, with the trainer as actor.
    const trail = await listAudit(t.core.db, { entity: 'staff', entityId: newHire });
    expect(
      trail
        .slice(0, 2)
        .map((e) => [e.summary.replace(/^.*\((inwerktraject [a-z]+)\)$/, '$1'), e.before?.status, e.after?.status, e.actorName]),
    ).toEqual([
      ['inwerktraject afgerond', 'onboarding', 'active', 'Ellen Visser'],
      ['inwerktraject gestart', 'active', 'onboarding', 'Ellen Visser'],
    ]);
    expect(
      await codeOf(signOffItems(t.core.db, trainer, { itemIds: [done.weeks[0]!.items[0]!.id], signedOffOn: today, note: '' }, today)),
    ).toBe('onboarding_closed');
    expect(
      (await getOnboarding(t.core.db, track.id, '2027-03-01')).weeks.flatMap((w) => w.items).every((i) => i.status === 'signed_off'),
    ).toBe(true);
    expect((await onboardingDashboard(t.core.db, {}, today)).rows).toEqual([]);
    expect((await onboardingDashboard(t.core.db, { includeCompleted: true }, today)).rows.map((r) => r.phase)).toEqual(['done']);
    // A completed track no longer blocks a new one (e.g. a second program for a new role).
    await expect(begin(today)).resolves.toMatchObject({ status: 'running' });
  });

  it('shortens an override that runs on past the month of completion', async () => {
    let track = await begin('2026-11-11', buddy);
    const today = '2026-12-15';
    for (const week of [1, 2, 3]) track = await signOffWeek(track, week, '2026-11-11', today);
    for (const [level, on] of [
      ['listening_in', '2026-12-02'],
      ['calling_with_buddy', '2026-12-03'],
      ['independent_buddy_nearby', '2026-12-04'],
      ['fully_independent', '2026-12-05'],
    ] as const)
      await reachLevel(t.core.db, trainer, { id: track.id, level, reachedOn: on }, today);
    const done = await completeOnboarding(t.core.db, trainer, { id: track.id, completedOn: today, note: '' }, today);
    expect(done.quota).toMatchObject({ fromPeriod: '2026-11', toPeriod: '2026-12' });
    expect((await monthPlan(t.core.db, '2027-01')).find((p) => p.advisorId === newHire)?.planned).toBe(4);
  });
});

describe('the ramp-up', () => {
  it('sets the new hire’s monthly average against the rest of the team’s, from the start month on', async () => {
    const track = await begin();
    const rubricVersion = (await t.core.db.selectFrom('rubric_version').select('id').executeTakeFirstOrThrow()).id;
    const evaluation = async (advisorId: number, period: string, score: number, status: 'final' | 'draft' = 'final') => {
      const recording = await insertRecording(t.core, advisorId);
      await t.core.db
        .insertInto('evaluation')
        .values({
          recording_id: recording,
          advisor_id: advisorId,
          coach_id: coach,
          rubric_version_id: rubricVersion,
          period,
          status,
          tops: '',
          tips: '',
          score_pct: score,
          critical_customer: 0,
          critical_business: 0,
          critical_compliance: 0,
          has_critical_error: 0,
          created_at: 'x',
          updated_at: 'x',
          finalized_at: null,
        })
        .execute();
    };
    await evaluation(newHire, '2026-12', 60);
    await evaluation(newHire, '2026-12', 70);
    await evaluation(newHire, '2026-12', 10, 'draft');
    await evaluation(newHire, '2027-01', 78);
    await evaluation(buddy, '2026-12', 85);
    await evaluation(buddy, '2026-10', 50);
    const ramp = await onboardingRampUp(t.core.db, track.id, '2027-01-20');
    expect(ramp).toMatchObject({ name: 'Fatima el Amrani', team: 'KCC Noord' });
    expect(ramp.months).toEqual([
      { period: '2026-11', pct: null, n: 0, teamPct: null, teamN: 0 },
      { period: '2026-12', pct: 65, n: 2, teamPct: 85, teamN: 1 },
      { period: '2027-01', pct: 78, n: 1, teamPct: null, teamN: 0 },
    ]);
    expect((await onboardingRampUp(t.core.db, track.id, '2028-01-01')).months).toHaveLength(6);
  });
});

describe('through the contract', () => {
  it('answers every onboarding channel with output the contract accepts', async () => {
    const d = createDispatcher(t.core, () => undefined);
    await d.dispatch('session.selectProfile', { staffId: trainer });
    const started = await d.dispatch('onboarding.start', {
      staffId: newHire,
      startDate: '2026-11-02',
      trainerId: trainer,
      programId,
      buddyId: buddy,
    });
    expect(started).toMatchObject({ ok: true, data: { quota: { perMonth: 8, reason: 'inwerken' } } });
    if (!started.ok) return;
    const id = (started.data as Onboarding).id;
    for (const [channel, input] of [
      ['onboarding.get', { id }],
      ['onboarding.dashboard', {}],
      ['onboarding.rampUp', { id }],
      ['onboarding.programs', {}],
      ['onboarding.program', { id: programId }],
    ] as const) {
      expect(await d.dispatch(channel, input), channel).toMatchObject({ ok: true });
    }
  });
});
