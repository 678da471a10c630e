import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monthElapsed, myMonth, teamOverview } from '../../src-main/core/coaching/month';
import { addQuotaOverride, assignCoaches, listAssignments } from '../../src-main/core/coaching/plan';
import { startEvaluation } from '../../src-main/core/evaluations/evaluations';
import { AppError } from '../../src-main/core/errors';
import { createTempCore, type TempCore } from '../support/core';
import { finishEvaluation } from '../support/evaluate';
import { insertRecording, insertStaff } from '../support/seed';

let t: TempCore;
let karim: number;
let ellen: number;
let advisors: number[];

beforeEach(async () => {
  t = await createTempCore();
  karim = await insertStaff(t.core, 'coach', 'Karim Bouzid');
  ellen = await insertStaff(t.core, 'coach', 'Ellen Jansen');
  advisors = [];
  for (let i = 0; i < 10; i++) advisors.push(await insertStaff(t.core, 'advisor', `Adviseur ${String(i).padStart(2, '0')}`));
  await assignCoaches(t.core.db, advisors, karim, '2026-01-01');
});
afterEach(() => t.cleanup());

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));

async function activeSample(advisorId: number, recordingIds: number[]) {
  const sample = await t.core.db
    .insertInto('sample')
    .values({ period: '2026-11', seed: 'abc', drawn_by: karim, drawn_at: '2026-11-02T08:00:00Z', settings_json: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, recordingId] of recordingIds.entries()) {
    await t.core.db
      .insertInto('sample_item')
      .values({
        sample_id: sample.id,
        advisor_id: advisorId,
        source_file_id: null,
        recording_id: recordingId,
        position: i + 1,
        reason: 'week 45',
        status: 'active',
        replaced_by: null,
        replace_reason: null,
        replaced_at: null,
      })
      .execute();
  }
}

describe('Mijn maand', () => {
  it('starts a month at 0 of 40 for a coach with ten advisors, and nothing to do next without calls', async () => {
    const month = await myMonth(t.core.db, karim, '2026-11');
    expect(month).toMatchObject({ coachName: 'Karim Bouzid', planned: 40, done: 0, next: null, secondOpinions: 0 });
    expect(month.advisors).toHaveLength(10);
    expect(month.advisors[0]).toMatchObject({ planned: 4, done: 0, drafts: 0, sampleWaiting: 0, feedbackToGive: 0 });
    expect((await myMonth(t.core.db, ellen, '2026-11')).advisors).toEqual([]);
  });

  it('leads to a draft first, then to the next sampled call, and to nothing once the quota is met', async () => {
    const anouk = advisors[0]!;
    const calls = [];
    for (let day = 3; day <= 7; day++) calls.push(await insertRecording(t.core, anouk, `2026-11-0${day}T10:00:00`));
    await activeSample(anouk, calls.slice(0, 4));
    let month = await myMonth(t.core.db, karim, '2026-11');
    expect(month.advisors[0]).toMatchObject({ sampleWaiting: 4 });
    expect(month.next).toEqual({ kind: 'recording', recordingId: calls[0], advisorId: anouk });

    const draft = await startEvaluation(t.core.db, karim, calls[1]!);
    month = await myMonth(t.core.db, karim, '2026-11');
    expect(month.next).toEqual({ kind: 'draft', evaluationId: draft.id, advisorId: anouk });
    expect(month.advisors[0]).toMatchObject({ drafts: 1 });

    for (const call of calls.slice(0, 4)) await finishEvaluation(t.core, karim, call);
    month = await myMonth(t.core.db, karim, '2026-11');
    expect(month.advisors[0]).toMatchObject({ done: 4, planned: 4, drafts: 0, sampleWaiting: 0, feedbackToGive: 4, next: null });
    expect(month).toMatchObject({ done: 4, planned: 40, next: null });
  });

  it('plans by overrides and leave, and a mid-month handover moves the advisor to the new coach', async () => {
    await addQuotaOverride(t.core.db, karim, {
      advisorId: advisors[1]!,
      fromPeriod: '2026-11',
      toPeriod: '2026-11',
      perMonth: 0,
      reason: 'verlof',
    });
    await addQuotaOverride(t.core.db, karim, {
      advisorId: advisors[2]!,
      fromPeriod: '2026-10',
      toPeriod: null,
      perMonth: 8,
      reason: 'nieuwe medewerker',
    });
    await assignCoaches(t.core.db, [advisors[3]!], ellen, '2026-11-16');
    const karimsMonth = await myMonth(t.core.db, karim, '2026-11');
    // On leave with nothing done: not on the worklist. The handed-over advisor is Ellen's now.
    expect(karimsMonth.advisors.map((a) => a.advisorId)).not.toContain(advisors[1]);
    expect(karimsMonth.advisors.map((a) => a.advisorId)).not.toContain(advisors[3]);
    expect(karimsMonth.planned).toBe(4 * 7 + 8);
    expect((await myMonth(t.core.db, ellen, '2026-11')).advisors.map((a) => a.advisorId)).toEqual([advisors[3]]);
    // October still shows the advisor with Karim.
    expect((await myMonth(t.core.db, karim, '2026-10')).advisors.map((a) => a.advisorId)).toContain(advisors[3]);
  });

  it('counts open and due action points per advisor', async () => {
    const anouk = advisors[0]!;
    const values = (due: string, status: 'open' | 'done') => ({
      advisor_id: anouk,
      feedback_session_id: null,
      criterion_id: null,
      description: 'Samenvatten aan het eind',
      due_date: due,
      status,
      follow_up_note: '',
      created_by: karim,
      created_at: '2026-10-20T10:00:00Z',
      closed_by: null,
      closed_at: null,
    });
    await t.core.db
      .insertInto('action_item')
      .values([values('2026-11-30', 'open'), values('2026-12-31', 'open'), values('2026-11-10', 'done')])
      .execute();
    const month = await myMonth(t.core.db, karim, '2026-11');
    expect(month.advisors[0]).toMatchObject({ actionPointsOpen: 2, actionPointsDue: 1 });
  });
});

describe('team overview', () => {
  it('shows each coach on schedule for the day of the month, and who is behind', async () => {
    await assignCoaches(t.core.db, advisors.slice(5), ellen, '2026-11-01');
    const unassigned = await insertStaff(t.core, 'advisor', 'Zara Nieuw');
    for (const advisor of advisors.slice(0, 5)) {
      for (let i = 0; i < 3; i++)
        await finishEvaluation(t.core, karim, await insertRecording(t.core, advisor, `2026-11-0${i + 2}T09:00:00`));
    }
    const overview = await teamOverview(t.core.db, '2026-11', '2026-11-15');
    expect(overview).toMatchObject({ dayOfMonth: 15, daysInMonth: 30, planned: 44, done: 15 });
    const [ellenRow, karimRow] = overview.coaches;
    // 20 planned, half the month gone: 10 expected; Karim did 15 (150%), Ellen 0.
    expect(karimRow).toMatchObject({
      name: 'Karim Bouzid',
      advisors: 5,
      planned: 20,
      done: 15,
      expectedByNow: 10,
      onSchedulePct: 150,
      behind: [],
    });
    expect(ellenRow).toMatchObject({ name: 'Ellen Jansen', advisors: 5, done: 0, onSchedulePct: 0 });
    expect(ellenRow?.behind).toHaveLength(5);
    expect(overview.unassigned).toEqual([{ advisorId: unassigned, name: 'Zara Nieuw', planned: 4 }]);
  });

  it('counts the share of the month that has passed', () => {
    expect(monthElapsed('2026-11', '2026-10-31').fraction).toBe(0);
    expect(monthElapsed('2026-11', '2026-11-15').fraction).toBe(0.5);
    expect(monthElapsed('2026-11', '2026-12-02').fraction).toBe(1);
    expect(monthElapsed('2026-02', '2026-02-14')).toEqual({ dayOfMonth: 14, daysInMonth: 28, fraction: 0.5 });
  });
});

describe('assigning coaches', () => {
  it('keeps the history and refuses non-coaches and non-advisors without assigning anyone', async () => {
    await assignCoaches(t.core.db, [advisors[0]!], ellen, '2026-11-16');
    const history = await listAssignments(t.core.db, { advisorId: advisors[0]!, currentOnly: false });
    expect(history.map((a) => [a.coachName, a.fromDate, a.toDate])).toEqual([
      ['Ellen Jansen', '2026-11-16', null],
      ['Karim Bouzid', '2026-01-01', '2026-11-16'],
    ]);
    expect(codeOf(await assignCoaches(t.core.db, [advisors[1]!], advisors[2]!, '2026-11-20').catch((e) => e))).toBe('coach_required');
    expect(codeOf(await assignCoaches(t.core.db, [advisors[1]!, ellen], ellen, '2026-11-20').catch((e) => e))).toBe('not_an_advisor');
    expect(await listAssignments(t.core.db, { advisorId: advisors[1]!, currentOnly: true })).toMatchObject([{ coachName: 'Karim Bouzid' }]);
    expect(codeOf(await assignCoaches(t.core.db, [advisors[0]!], karim, '2026-11-01').catch((e) => e))).toBe('invalid_input');
  });
});
