import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rubricDefinition, type Answer, type RubricVersion } from '../../src-main/contract';
import { assignCoaches, addQuotaOverride } from '../../src-main/core/coaching/plan';
import { finalizeEvaluation, saveDraft, startEvaluation } from '../../src-main/core/evaluations/evaluations';
import { recordFeedbackSession } from '../../src-main/core/feedback/sessions';
import { teamMonth } from '../../src-main/core/reports/team-month';
import { getTargets, setTargets } from '../../src-main/core/reports/targets';
import { advisorTrend, staffSparklines } from '../../src-main/core/reports/trend';
import { setRubricAssignments } from '../../src-main/core/rubrics/assignments';
import {
  createPublishedRubric,
  newRubricDraft,
  publishRubricVersion,
  rubricDefinitionOf,
  saveRubricDraft,
} from '../../src-main/core/rubrics/editor';
import { getRubricVersion } from '../../src-main/core/rubrics/rubrics';
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { createTempCore, type TempCore } from '../support/core';
import { insertRecording, insertStaff } from '../support/seed';

/*
 * A small KCC with a six-criterion rubric, so every figure can be worked out by hand.
 *
 *   section "opening"  groet    yes/no  w1
 *                      opname   yes/no  w1  n.v.t. allowed
 *   section "inhoud"   juist    yes/no  w2  customer-critical
 *                      empathie 1..5    w2  (achieved = (level − 1) / 4)
 *                      privacy  yes/no  w1  compliance-critical
 *                      belofte  yes/no  w1  n.v.t. allowed, business-critical
 *   all applicable: maximum = 1 + 1 + 2 + 2 + 1 + 1 = 8
 *
 * Team "KCC Noord": Anna (A), Bob (B, 2 per month: part-time), Dewi (D, onboarding, started
 * 2026-07-15), Eef (E, started 2026-06-15, no evaluations). Team "KCC Zuid": Cees (C).
 * Coach Carla follows A, B, D; coach Eva follows C; nobody follows E. Target 85 (Zuid: 60).
 *
 *   id   month    answers (groet opname juist empathie privacy belofte)   score
 *   A1   2026-05  1 1 1 5 1 1                                      8/8  = 100
 *   A2   2026-06  1 1 1 5 1 1                                      8/8  = 100
 *   A3   2026-06  0 1 1 5 1 1                                      7/8  = 87.5
 *   B0   2026-07  1 1 1 5 1 1                                      8/8  = 100
 *   A4   2026-08  1 na 0 5 1 na   (customer-critical)   (1+0+2+1)/(1+2+2+1) = 4/6 = 66.667
 *   A5   2026-08  0 0 1 3 1 1              (0+0+2+1+1+1)/8 = 5/8 = 62.5
 *   B1   2026-08  1 1 1 5 1 1                                      8/8  = 100
 *   B2   2026-08  0 1 1 5 1 1                                      7/8  = 87.5
 *   C1   2026-08  1 1 0 5 0 0   (customer, compliance, business)   (1+1+0+2+0+0)/8 = 50
 *   D1   2026-08  1 na 1 1 1 1          (1+2+0+1+1)/(1+2+2+1+1) = 5/7 = 71.429
 *   A6   2026-09  1 1 1 3 0 1   (compliance-critical, rubric v2)   (1+1+2+1+0+1)/8 = 75
 * Also in 2026-09 for Anna: a draft (all 0) and a finished evaluation that does not count
 * (counts = 0, like a second opinion that did not replace the original): both must be ignored.
 */

type Value = number | 'na';
type Scores = [groet: Value, opname: Value, juist: Value, empathie: Value, privacy: Value, belofte: Value];
const keys = ['groet', 'opname', 'juist', 'empathie', 'privacy', 'belofte'] as const;

const levels = [1, 2, 3, 4, 5].map((value) => ({ value, label: `${value}`, guidance: '' }));
const mini = rubricDefinition.parse({
  key: 'mini',
  name: 'Mini',
  sections: [
    {
      key: 'opening',
      title: 'Opening',
      criteria: [
        { key: 'groet', title: 'Begroet de inwoner', type: 'yes_no', weight: 1 },
        { key: 'opname', title: 'Meldt de opname', type: 'yes_no', weight: 1, allowNa: true },
      ],
    },
    {
      key: 'inhoud',
      title: 'Inhoud en houding',
      criteria: [
        { key: 'juist', title: 'Geeft een juist antwoord', type: 'yes_no', weight: 2, criticalClass: 'customer' },
        { key: 'empathie', title: 'Toont empathie', type: 'scale', scaleMax: 5, levels, weight: 2 },
        { key: 'privacy', title: 'Beschermt persoonsgegevens', type: 'yes_no', weight: 1, criticalClass: 'compliance' },
        { key: 'belofte', title: 'Belooft alleen wat kan', type: 'yes_no', weight: 1, allowNa: true, criticalClass: 'business' },
      ],
    },
  ],
});

const TODAY = '2026-11-23';
let t: TempCore;
const staff = { carla: 0, eva: 0, anna: 0, bob: 0, cees: 0, dewi: 0, eef: 0 };
const ev: Record<string, number> = {};
let empathieV1 = 0;

function answersFor(rubric: RubricVersion, scores: Scores): Answer[] {
  const byKey = new Map(rubric.sections.flatMap((s) => s.criteria).map((c) => [c.key, c.id]));
  return keys.map((key, i) => {
    const v = scores[i]!;
    return { criterionId: byKey.get(key)!, value: v === 'na' ? null : v, na: v === 'na', note: '' };
  });
}

async function evaluate(advisorId: number, period: string, scores: Scores, finalizedAt?: string, finalize = true): Promise<number> {
  const db = t.core.db;
  const recordingId = await insertRecording(t.core, advisorId, `${period}-10T10:00:00`);
  const draft = await startEvaluation(db, staff.carla, recordingId);
  const rubric = await getRubricVersion(db, draft.rubricVersionId);
  await saveDraft(db, staff.carla, { id: draft.id, tops: '', tips: '', answers: answersFor(rubric, scores) });
  if (!finalize) return draft.id;
  await finalizeEvaluation(db, staff.carla, draft.id);
  if (finalizedAt) await db.updateTable('evaluation').set({ finalized_at: finalizedAt }).where('id', '=', draft.id).execute();
  return draft.id;
}

async function actionItem(advisorId: number, createdAt: string, dueDate: string, closedAt: string | null) {
  await t.core.db
    .insertInto('action_item')
    .values({
      advisor_id: advisorId,
      feedback_session_id: null,
      criterion_id: null,
      description: `Actiepunt ${createdAt.slice(0, 10)}`,
      due_date: dueDate,
      status: closedAt ? 'done' : 'open',
      follow_up_note: '',
      created_by: null,
      created_at: createdAt,
      closed_by: null,
      closed_at: closedAt,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTempCore();
  const db = t.core.db;
  staff.carla = await insertStaff(t.core, 'coach', 'Carla Coach');
  staff.eva = await insertStaff(t.core, 'coach', 'Eva Coach');
  staff.anna = await insertStaff(t.core, 'advisor', 'Anna');
  staff.bob = await insertStaff(t.core, 'advisor', 'Bob');
  staff.cees = await insertStaff(t.core, 'advisor', 'Cees');
  staff.dewi = await insertStaff(t.core, 'advisor', 'Dewi');
  staff.eef = await insertStaff(t.core, 'advisor', 'Eef');
  await db.updateTable('staff').set({ team: 'KCC Zuid' }).where('id', '=', staff.cees).execute();
  await db.updateTable('staff').set({ status: 'onboarding', start_date: '2026-07-15' }).where('id', '=', staff.dewi).execute();
  await db.updateTable('staff').set({ start_date: '2026-06-15' }).where('id', '=', staff.eef).execute();
  await assignCoaches(db, [staff.anna, staff.bob, staff.dewi], staff.carla, '2026-01-01');
  await assignCoaches(db, [staff.cees], staff.eva, '2026-01-01');
  await addQuotaOverride(db, null, { advisorId: staff.bob, fromPeriod: '2026-01', toPeriod: null, perMonth: 2, reason: 'parttime' });
  await setTargets(db, { defaultPct: 85, teams: [{ team: 'KCC Zuid', targetPct: 60 }] });

  const v1 = await createPublishedRubric(db, mini);
  await setRubricAssignments(db, { defaultVersionId: v1, teams: [] });
  empathieV1 = (await getRubricVersion(db, v1)).sections[1]!.criteria[1]!.id;

  ev.A1 = await evaluate(staff.anna, '2026-05', [1, 1, 1, 5, 1, 1]);
  ev.A2 = await evaluate(staff.anna, '2026-06', [1, 1, 1, 5, 1, 1]);
  ev.A3 = await evaluate(staff.anna, '2026-06', [0, 1, 1, 5, 1, 1]);
  ev.B0 = await evaluate(staff.bob, '2026-07', [1, 1, 1, 5, 1, 1]);
  ev.A4 = await evaluate(staff.anna, '2026-08', [1, 'na', 0, 5, 1, 'na'], '2026-08-12T12:00:00.000Z');
  ev.A5 = await evaluate(staff.anna, '2026-08', [0, 0, 1, 3, 1, 1], '2026-08-15T12:00:00.000Z');
  ev.B1 = await evaluate(staff.bob, '2026-08', [1, 1, 1, 5, 1, 1], '2026-08-25T12:00:00.000Z');
  ev.B2 = await evaluate(staff.bob, '2026-08', [0, 1, 1, 5, 1, 1], '2026-08-29T12:00:00.000Z');
  ev.C1 = await evaluate(staff.cees, '2026-08', [1, 1, 0, 5, 0, 0]);
  ev.D1 = await evaluate(staff.dewi, '2026-08', [1, 'na', 1, 1, 1, 1]);

  // Version 2 renames a criterion; its key stays, so the trend runs on across versions.
  const rubricId = (await getRubricVersion(db, v1)).rubricId;
  const draft = await newRubricDraft(db, rubricId);
  const def = await rubricDefinitionOf(db, draft.id);
  def.sections[1]!.criteria[1]!.title = 'Toont begrip en empathie';
  await saveRubricDraft(db, draft.id, def);
  const v2 = await publishRubricVersion(db, draft.id);
  await setRubricAssignments(db, { defaultVersionId: v2.id, teams: [] });

  ev.A6 = await evaluate(staff.anna, '2026-09', [1, 1, 1, 3, 0, 1]);
  await evaluate(staff.anna, '2026-09', [0, 0, 0, 1, 0, 0], undefined, false);
  const ignored = await evaluate(staff.anna, '2026-09', [0, 0, 0, 1, 0, 0]);
  await db.updateTable('evaluation').set({ counts: 0 }).where('id', '=', ignored).execute();

  // Time to feedback: A4 8 days (08-12 → 08-20), A5 5, B1 9 (08-25 → 09-03), B2 5.
  const session = (
    heldOn: string,
    advisorId: number,
    evaluationIds: number[],
    actionPoints: { description: string; criterionId: number | null; dueDate: string }[],
  ) =>
    recordFeedbackSession(db, staff.carla, {
      advisorId,
      heldOn,
      evaluationIds,
      tops: '',
      tips: '',
      reaction: '',
      agreement: 'agreed',
      disagreementComment: '',
      actionPoints,
      followUps: [],
    });
  await session(
    '2026-08-20',
    staff.anna,
    [ev.A4!, ev.A5!],
    [{ description: 'Vraag door naar wat de inwoner voelt', criterionId: empathieV1, dueDate: '2026-09-30' }],
  );
  await session('2026-09-03', staff.bob, [ev.B1!, ev.B2!], []);

  await actionItem(staff.anna, '2026-06-10T12:00:00.000Z', '2026-06-30', '2026-07-01T12:00:00.000Z'); // AP2
  await actionItem(staff.dewi, '2026-07-01T12:00:00.000Z', '2026-08-15', '2026-09-10T12:00:00.000Z'); // AP3: open all of August
  await actionItem(staff.cees, '2026-08-05T12:00:00.000Z', '2026-08-25', null); // AP4
  await actionItem(staff.anna, '2026-01-05T12:00:00.000Z', '2026-01-31', '2026-02-01T12:00:00.000Z'); // AP5: before the range
});
afterAll(() => t.cleanup());

describe('the scores reports start from', () => {
  it('stores the hand-computed scores and critical flags', async () => {
    const rows = await t.core.db
      .selectFrom('evaluation')
      .select(['id', 'score_pct', 'critical_customer', 'critical_business', 'critical_compliance'])
      .execute();
    const score = (id: number | undefined) => rows.find((r) => r.id === id)!.score_pct!;
    expect(score(ev.A3)).toBeCloseTo(87.5, 9);
    expect(score(ev.A4)).toBeCloseTo(400 / 6, 9);
    expect(score(ev.A5)).toBeCloseTo(62.5, 9);
    expect(score(ev.C1)).toBeCloseTo(50, 9);
    expect(score(ev.D1)).toBeCloseTo(500 / 7, 9);
    expect(score(ev.A6)).toBeCloseTo(75, 9);
    expect(rows.find((r) => r.id === ev.C1)).toMatchObject({ critical_customer: 1, critical_business: 1, critical_compliance: 1 });
  });
});

describe('advisor trend', () => {
  it('gives monthly n, mean, 3-month rolling mean, team line, target and COPC per month', async () => {
    const trend = await advisorTrend(t.core.db, { advisorId: staff.anna, from: '2026-05', to: '2026-09' }, TODAY);
    expect(trend).toMatchObject({ name: 'Anna', team: 'KCC Noord', from: '2026-05', to: '2026-09', targetPct: 85 });
    expect(trend.months.map((m) => m.period)).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09']);
    expect(trend.months.map((m) => m.n)).toEqual([1, 2, 0, 2, 1]); // draft and non-counting 2026-09 evaluations left out
    const [may, jun, jul, aug, sep] = trend.months;
    // Means: 06 (100 + 87.5)/2 = 93.75; 08 (66.667 + 62.5)/2 = 64.583; 09 75.
    expect(may!.scorePct).toBeCloseTo(100, 9);
    expect(jun!.scorePct).toBeCloseTo(93.75, 9);
    expect(jul!.scorePct).toBeNull();
    expect(aug!.scorePct).toBeCloseTo((400 / 6 + 62.5) / 2, 9);
    expect(sep!.scorePct).toBeCloseTo(75, 9);
    // Rolling = every evaluation of the month and the two before, each weighing the same:
    // 05: 100; 06: (100 + 100 + 87.5)/3 = 95.833; 07: same three; 08 (06..08): (100 + 87.5 + 66.667 + 62.5)/4 = 79.167;
    // 09 (07..09): (66.667 + 62.5 + 75)/3 = 68.056.
    expect(may!.rollingPct).toBeCloseTo(100, 9);
    expect(jun!.rollingPct).toBeCloseTo(287.5 / 3, 9);
    expect(jul!.rollingPct).toBeCloseTo(287.5 / 3, 9);
    expect(aug!.rollingPct).toBeCloseTo((100 + 87.5 + 400 / 6 + 62.5) / 4, 9);
    expect(sep!.rollingPct).toBeCloseTo((400 / 6 + 62.5 + 75) / 3, 9);
    // Team KCC Noord (Anna, Bob, Dewi, Eef; not Cees): 07 B0 = 100; 08 A4 A5 B1 B2 D1 = (66.667 + 62.5 + 100 + 87.5 + 71.429)/5 = 77.619.
    expect(jul).toMatchObject({ teamPct: 100, teamN: 1 });
    expect(aug!.teamPct).toBeCloseTo((400 / 6 + 62.5 + 100 + 87.5 + 500 / 7) / 5, 9);
    expect(aug!.teamN).toBe(5);
    expect(sep).toMatchObject({ teamPct: 75, teamN: 1 });
    // COPC, % without: 08 one customer-critical of 2 → 50; 09 one compliance-critical of 1 → 0.
    expect(aug!.criticalFree).toEqual({ customer: 50, business: 100, compliance: 100, any: 50 });
    expect(sep!.criticalFree).toEqual({ customer: 100, business: 100, compliance: 0, any: 0 });
    expect(jul!.criticalFree).toEqual({ customer: null, business: null, compliance: null, any: null });
  });

  it('fires the decline alert by both rules, in data', async () => {
    const trend = await advisorTrend(t.core.db, { advisorId: staff.anna, from: '2026-05', to: '2026-09' }, TODAY);
    const [may, jun, jul, aug, sep] = trend.months;
    expect([may!.alerts, jun!.alerts, jul!.alerts]).toEqual([[], [], []]);
    // 08: the three months before (05..07: 100, 100, 87.5) average 95.833; 95.833 − 64.583 = 31.25 ≥ 10.
    // Not "below target twice": 07 has no score, which breaks the run.
    expect(aug!.alerts).toHaveLength(1);
    expect(aug!.alerts[0]).toMatchObject({ rule: 'drop_vs_rolling', period: '2026-08' });
    expect(aug!.alerts[0]!.referencePct).toBeCloseTo(287.5 / 3, 9);
    // 09: 75 < 85 after 64.583 < 85 → below target twice. Drop: 06..08 average 79.167 − 75 = 4.17 < 10.
    expect(sep!.alerts).toEqual([{ rule: 'below_target_twice', period: '2026-09', scorePct: 75, referencePct: 85 }]);
    expect(trend.decline).toEqual(sep!.alerts);
  });

  it('gives sections (mean over evaluations) and criteria (mean over applicable answers), matched by key across versions', async () => {
    const trend = await advisorTrend(t.core.db, { advisorId: staff.anna, from: '2026-05', to: '2026-09' }, TODAY);
    expect(trend.sections.map((s) => s.key)).toEqual(['opening', 'inhoud']);
    const opening = trend.sections[0]!.points;
    // Opening 06: A2 2/2 = 100, A3 1/2 = 50 → 75. 08: A4 1/1 (opname n.v.t.) = 100, A5 0/2 = 0 → 50
    // (pooling the answers would give 1/3 = 33.3: each call weighs the same instead).
    expect(opening.map((p) => p.pct)).toEqual([100, 75, null, 50, 100]);
    expect(opening.map((p) => p.n)).toEqual([1, 2, 0, 2, 1]);
    // Inhoud 08: A4 (0 + 2 + 1)/(2 + 2 + 1) = 60 (belofte n.v.t.), A5 (2 + 1 + 1 + 1)/6 = 83.333 → 71.667.
    // 09: A6 (2 + 1 + 0 + 1)/6 = 66.667.
    const inhoud = trend.sections[1]!.points;
    expect(inhoud[3]!.pct).toBeCloseTo((60 + 500 / 6) / 2, 9);
    expect(inhoud[4]!.pct).toBeCloseTo(400 / 6, 9);

    const criterion = (key: string) => trend.criteria.find((c) => c.key === key)!;
    expect(trend.criteria.map((c) => c.key)).toEqual(['groet', 'opname', 'juist', 'empathie', 'privacy', 'belofte']);
    // Empathie: 05 level 5 → 100; 06 5, 5 → 100; 08 5, 3 → (1 + 0.5)/2 = 75; 09 (version 2) 3 → 50. Newest title.
    expect(criterion('empathie')).toMatchObject({ title: 'Toont begrip en empathie', sectionKey: 'inhoud' });
    expect(criterion('empathie').points.map((p) => p.pct)).toEqual([100, 100, null, 75, 50]);
    // Opname 08: A4 n.v.t. leaves it; A5 0 → 0 over 1 applicable answer.
    expect(criterion('opname').points.map((p) => [p.n, p.pct])).toEqual([
      [1, 100],
      [2, 100],
      [0, null],
      [1, 0],
      [1, 100],
    ]);
    expect(criterion('belofte').points[3]).toMatchObject({ period: '2026-08', n: 1, pct: 100 });
  });

  it('gives sections and criteria a 3-month rolling mean and the team line, as the total has', async () => {
    const trend = await advisorTrend(t.core.db, { advisorId: staff.anna, from: '2026-05', to: '2026-09', teamLines: true }, TODAY);
    const section = (key: string) => trend.sections.find((s) => s.key === key)!.points;
    const criterion = (key: string) => trend.criteria.find((c) => c.key === key)!.points;

    // Empathie (achieved = (level − 1)/4), Anna: 05 [1]; 06 [1, 1]; 07 —; 08 [1, 0.5]; 09 [0.5].
    // Rolling pools the applicable answers of the month and the two before it:
    // 05 1/1 = 100; 06 (1+1+1)/3 = 100; 07 (05..07) = 100; 08 (06..08) (1+1+1+0.5)/4 = 87.5;
    // 09 (07..09) (1+0.5+0.5)/3 = 66.667.
    const empathie = criterion('empathie');
    expect(empathie.map((p) => p.rollingPct)).toEqual([100, 100, 100, 87.5, expect.closeTo(200 / 3, 9)]);
    // Team KCC Noord (Anna, Bob, Dewi; Eef has none; Cees is Zuid): 05 A1 = 100; 06 A2 A3 = 100;
    // 07 B0 level 5 = 100; 08 A4 1, A5 0.5, B1 1, B2 1, D1 level 1 → 0: 3.5/5 = 70;
    // 09 A6 0.5 = 50 (the draft and the non-counting evaluation, both level 1, left out).
    expect(empathie.map((p) => p.teamPct)).toEqual([100, 100, 100, 70, 50]);

    // Opening per evaluation: A1 100; A2 100, A3 50; A4 100 (opname n.v.t.), A5 0; A6 100.
    // Rolling pools the evaluations: 07 (05..07) (100+100+50)/3 = 83.333; 08 (06..08)
    // (100+50+100+0)/4 = 62.5; 09 (07..09) (100+0+100)/3 = 66.667.
    const opening = section('opening');
    expect(opening.map((p) => p.rollingPct)).toEqual([
      100,
      expect.closeTo(250 / 3, 9),
      expect.closeTo(250 / 3, 9),
      62.5,
      expect.closeTo(200 / 3, 9),
    ]);
    // Team 08: A4 100, A5 0, B1 100, B2 1/2 = 50, D1 1/1 = 100 (opname n.v.t.) → 350/5 = 70; 07 B0 100.
    expect(opening.map((p) => p.teamPct)).toEqual([100, 75, 100, 70, 100]);
    // Inhoud team 08: A4 60, A5 83.333, B1 100, B2 100, D1 (2+0+1+1)/6 = 66.667 → 410/5 = 82.
    expect(section('inhoud')[3]!.teamPct).toBeCloseTo(82, 9);
    // Cees's own team is Zuid alone: inhoud 08 C1 (0+2+0+0)/6 = 33.333.
    const cees = await advisorTrend(t.core.db, { advisorId: staff.cees, from: '2026-08', to: '2026-08', teamLines: true }, TODAY);
    expect(cees.sections.find((s) => s.key === 'inhoud')!.points[0]!.teamPct).toBeCloseTo(100 / 3, 9);
  });

  it('reads the two months before the range for the first months of a series', async () => {
    const trend = await advisorTrend(t.core.db, { advisorId: staff.anna, from: '2026-07', to: '2026-09', teamLines: true }, TODAY);
    // Without `teamLines` the team's answers are not read at all: no team line per series.
    const lean = await advisorTrend(t.core.db, { advisorId: staff.anna, from: '2026-07', to: '2026-09' }, TODAY);
    expect(lean.sections.flatMap((s) => s.points.map((p) => p.teamPct))).toEqual(lean.sections.flatMap((s) => s.points.map(() => null)));
    expect(lean.sections.map((s) => s.points.map((p) => p.rollingPct))).toEqual(
      trend.sections.map((s) => s.points.map((p) => p.rollingPct)),
    );
    const opening = trend.sections.find((s) => s.key === 'opening')!.points;
    // 07: no evaluation itself, but 05 (100) and 06 (100, 50) → 83.333; teamPct 07 B0 = 100.
    expect(opening[0]).toMatchObject({ period: '2026-07', n: 0, pct: null, teamPct: 100 });
    expect(opening[0]!.rollingPct).toBeCloseTo(250 / 3, 9);
    // Groet 07 (05..07): 1, 1, 0 → 66.667.
    expect(trend.criteria.find((c) => c.key === 'groet')!.points[0]!.rollingPct).toBeCloseTo(200 / 3, 9);
  });

  it('puts action points on the timeline: agreed (session date or creation), closed, status', async () => {
    const trend = await advisorTrend(t.core.db, { advisorId: staff.anna, from: '2026-05', to: '2026-09' }, TODAY);
    expect(trend.actionPoints.map((p) => [p.agreedOn, p.closedOn, p.status, p.criterionKey])).toEqual([
      ['2026-06-10', '2026-07-01', 'done', null],
      ['2026-08-20', null, 'open', 'empathie'],
    ]);
  });

  it('defaults to the 12 months up to today and refuses impossible ranges and non-advisors', async () => {
    const trend = await advisorTrend(t.core.db, { advisorId: staff.anna }, TODAY);
    expect([trend.from, trend.to, trend.months.length]).toEqual(['2025-12', '2026-11', 12]);
    await expect(advisorTrend(t.core.db, { advisorId: staff.anna, from: '2026-09', to: '2026-05' }, TODAY)).rejects.toMatchObject({
      code: 'report_range_invalid',
    });
    await expect(advisorTrend(t.core.db, { advisorId: staff.carla }, TODAY)).rejects.toMatchObject({ code: 'not_an_advisor' });
  });
});

describe('team month summary', () => {
  it('sums completion, scores, distribution and COPC over every advisor', async () => {
    const m = await teamMonth(t.core.db, { period: '2026-08' }, TODAY);
    expect(m).toMatchObject({ period: '2026-08', team: null, targetPct: 85, asOf: '2026-08-31' });
    // Planned: Anna 4 + Bob 2 (override) + Cees 4 + Dewi 4 + Eef 4 = 18; done min(done, planned): 2 + 2 + 1 + 1 + 0 = 6.
    expect(m.current).toMatchObject({ planned: 18, done: 6, n: 6, advisorsBelowTarget: 3, actionPointsOpen: 3, actionPointsOverdue: 2 });
    expect(m.current.completionPct).toBeCloseTo((6 / 18) * 100, 9);
    // (66.667 + 62.5 + 100 + 87.5 + 50 + 71.429)/6 = 73.016
    expect(m.current.avgScorePct).toBeCloseTo((400 / 6 + 62.5 + 100 + 87.5 + 50 + 500 / 7) / 6, 9);
    // Critical: customer A4 and C1 → 4/6 without; business C1 → 5/6; compliance C1 → 5/6; any A4, C1 → 4/6.
    expect(m.current.criticalFree.customer).toBeCloseTo((4 / 6) * 100, 9);
    expect(m.current.criticalFree.business).toBeCloseTo((5 / 6) * 100, 9);
    expect(m.current.criticalFree.compliance).toBeCloseTo((5 / 6) * 100, 9);
    expect(m.current.criticalFree.any).toBeCloseTo((4 / 6) * 100, 9);
    // Median days to feedback of August's discussed evaluations: 5, 5, 8, 9 → (5 + 8)/2.
    expect(m.current.medianDaysToFeedback).toBe(6.5);
    // Buckets: C1 50 | A5 62.5, A4 66.7 | D1 71.4 | – | B2 87.5 | B1 100.
    expect(m.distribution.map((b) => [b.key, b.count])).toEqual([
      ['lt60', 1],
      ['60to70', 2],
      ['70to80', 1],
      ['80to85', 0],
      ['85to90', 1],
      ['ge90', 1],
    ]);
  });

  it('gives completion per coach (by assignment) and per advisor, and who is below their team target', async () => {
    const m = await teamMonth(t.core.db, { period: '2026-08' }, TODAY);
    // Carla: Anna 2/4, Bob 2/2, Dewi 1/4 → 5/10; mean of A4 A5 B1 B2 D1 = 77.619. Eva: Cees 1/4, 50. Nobody: Eef 0/4.
    expect(m.coaches.map((c) => [c.name, c.advisors, c.planned, c.done, c.n])).toEqual([
      ['Carla Coach', 3, 10, 5, 5],
      ['Eva Coach', 1, 4, 1, 1],
      [null, 1, 4, 0, 0],
    ]);
    expect(m.coaches[0]!.avgScorePct).toBeCloseTo((400 / 6 + 62.5 + 100 + 87.5 + 500 / 7) / 5, 9);
    expect(m.coaches[0]!.completionPct).toBe(50);
    expect(m.coaches[2]).toMatchObject({ coachId: null, completionPct: 0, avgScorePct: null });
    const bob = m.advisors.find((a) => a.advisorId === staff.bob)!;
    expect(bob).toMatchObject({ planned: 2, done: 2, coachName: 'Carla Coach', belowTarget: false, scorePct: 93.75 });
    // Below target: Cees 50 < 60 (Zuid), Anna 64.583 < 85, Dewi 71.429 < 85; lowest first.
    expect(m.belowTarget.map((a) => [a.name, a.targetPct])).toEqual([
      ['Cees', 60],
      ['Anna', 85],
      ['Dewi', 85],
    ]);
    expect(m.belowTarget[0]!.criticalErrors).toBe(1);
  });

  it('ranks the most missed criteria by miss rate, with counts and a minimum of applicable answers', async () => {
    const m = await teamMonth(t.core.db, { period: '2026-08' }, TODAY);
    // Applicable / missed over A4 A5 B1 B2 C1 D1:
    //   groet 6/2, juist 6/2, empathie 6/2 (A5 level 3, D1 level 1) → 33.3%; belofte 5/1 → 20%; privacy 6/1 → 16.7%;
    //   opname 4/1 (two n.v.t.) is under the minimum of 5 applicable answers. Ties: alphabetical title.
    expect(m.minApplicable).toBe(5);
    expect(m.topMissed.map((c) => [c.key, c.applicable, c.missed])).toEqual([
      ['groet', 6, 2],
      ['juist', 6, 2],
      ['empathie', 6, 2],
      ['belofte', 5, 1],
      ['privacy', 6, 1],
    ]);
    expect(m.topMissed[0]!.missRatePct).toBeCloseTo(100 / 3, 9);
    expect(m.topMissed[3]!.missRatePct).toBe(20);
    expect(m.topMissed[2]).toMatchObject({ title: 'Toont empathie', sectionTitle: 'Inhoud en houding' });
    // The "per criterium" sheet: every criterion in rubric order, also those under the minimum or
    // never missed. A yes/no criterion's score is the share answered yes: groet 4 of 6, opname 3 of 4.
    expect(m.criteria.map((c) => [c.key, c.applicable, c.missed])).toEqual([
      ['groet', 6, 2],
      ['opname', 4, 1],
      ['juist', 6, 2],
      ['empathie', 6, 2],
      ['privacy', 6, 1],
      ['belofte', 5, 1],
    ]);
    expect(m.criteria[0]!.scorePct).toBeCloseTo(400 / 6, 9);
    expect(m.criteria[1]!.scorePct).toBe(75);
  });

  it('reconstructs open and overdue action points at the month end, and lists new hires against their team', async () => {
    const m = await teamMonth(t.core.db, { period: '2026-08' }, TODAY);
    // On 2026-08-31: AP3 (Dewi, due 08-15, closed 09-10) and AP4 (Cees, due 08-25) overdue; AP1 (Anna, due 09-30) open.
    expect(m.actionPoints.map((p) => [p.advisorName, p.dueDate, p.overdue])).toEqual([
      ['Dewi', '2026-08-15', true],
      ['Cees', '2026-08-25', true],
      ['Anna', '2026-09-30', false],
    ]);
    // Dewi (onboarding) and Eef (started 2026-06-15, within 3 months) against Noord's others: (66.667 + 62.5 + 100 + 87.5)/4 = 79.167.
    expect(m.newHires.map((h) => [h.name, h.n])).toEqual([
      ['Dewi', 1],
      ['Eef', 0],
    ]);
    expect(m.newHires[0]!.scorePct).toBeCloseTo(500 / 7, 9);
    expect(m.newHires[0]!.teamPct).toBeCloseTo((400 / 6 + 62.5 + 100 + 87.5) / 4, 9);
    expect(m.newHires[1]!.scorePct).toBeNull();
  });

  it("gives the previous month's headline for comparison", async () => {
    const m = await teamMonth(t.core.db, { period: '2026-08' }, TODAY);
    // July: Anna 4, Bob 2, Cees 4, Dewi ⌈4 × 17/31⌉ = 3 (from 07-15), Eef 4 = 17 planned; done Bob 1.
    // Open on 07-31: AP3 only (due 08-15, not yet overdue); AP2 was closed on 07-01.
    expect(m.previous).toMatchObject({
      period: '2026-07',
      planned: 17,
      done: 1,
      n: 1,
      avgScorePct: 100,
      advisorsBelowTarget: 0,
      actionPointsOpen: 1,
      actionPointsOverdue: 0,
      medianDaysToFeedback: null,
      criticalFree: { customer: 100, business: 100, compliance: 100, any: 100 },
    });
    expect(m.previous.completionPct).toBeCloseTo((1 / 17) * 100, 9);
  });

  it('narrows everything to one team', async () => {
    const m = await teamMonth(t.core.db, { period: '2026-08', team: 'KCC Noord' }, TODAY);
    // Noord: Anna 2/4, Bob 2/2, Dewi 1/4, Eef 0/4 → 5/14; mean of A4 A5 B1 B2 D1 = 77.619; below: Anna, Dewi.
    expect(m.current).toMatchObject({ planned: 14, done: 5, n: 5, advisorsBelowTarget: 2, actionPointsOpen: 2, actionPointsOverdue: 1 });
    expect(m.current.avgScorePct).toBeCloseTo((400 / 6 + 62.5 + 100 + 87.5 + 500 / 7) / 5, 9);
    expect(m.coaches.map((c) => c.name)).toEqual(['Carla Coach', null]);
    // groet 5/2 = 40%, empathie 5/2 = 40%, juist 5/1 = 20%; opname (3) and belofte (4) under the minimum; privacy never missed.
    expect(m.topMissed.map((c) => [c.key, c.applicable, c.missed])).toEqual([
      ['groet', 5, 2],
      ['empathie', 5, 2],
      ['juist', 5, 1],
    ]);
    expect(m.distribution.map((b) => b.count)).toEqual([0, 2, 1, 0, 1, 1]);
    expect(m.targetPct).toBe(85);
  });
});

describe('sparklines, targets and the channels', () => {
  it('gives every advisor the mean score of each of the last N months', async () => {
    const s = await staffSparklines(t.core.db, { months: 3, to: '2026-09' }, TODAY);
    expect(s.periods).toEqual(['2026-07', '2026-08', '2026-09']);
    const of = (id: number) => s.advisors.find((a) => a.advisorId === id)!.scores;
    expect(of(staff.anna)[0]).toBeNull();
    expect(of(staff.anna)[1]).toBeCloseTo((400 / 6 + 62.5) / 2, 9);
    expect(of(staff.anna)[2]).toBeCloseTo(75, 9);
    expect(of(staff.bob)).toEqual([100, 93.75, null]);
    expect(of(staff.eef)).toEqual([null, null, null]);
    expect(s.advisors.map((a) => a.advisorId)).not.toContain(staff.carla);
  });

  it('stores targets per team, with 85 as the default', async () => {
    expect(await getTargets(t.core.db)).toEqual({
      defaultPct: 85,
      teams: [
        { team: 'KCC Noord', targetPct: 85, custom: false },
        { team: 'KCC Zuid', targetPct: 60, custom: true },
      ],
    });
  });

  it('answers through the dispatcher with replies that satisfy the contract', async () => {
    const d = createDispatcher(t.core, () => undefined);
    const trend = await d.dispatch('reports.advisorTrend', { advisorId: staff.anna, from: '2026-05', to: '2026-09' });
    expect(trend.ok).toBe(true);
    const month = await d.dispatch('reports.teamMonth', { period: '2026-08', team: 'KCC Noord' });
    expect(month.ok).toBe(true);
    expect(await d.dispatch('reports.staffSparklines', { months: 6 })).toMatchObject({ ok: true });
    const bad = await d.dispatch('reports.advisorTrend', { advisorId: staff.anna, from: '2026-13' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const reversed = await d.dispatch('reports.advisorTrend', { advisorId: staff.anna, from: '2026-09', to: '2026-01' });
    expect(reversed).toMatchObject({ ok: false, error: { code: 'report_range_invalid' } });

    const topics: string[][] = [];
    d.onChange((t) => topics.push(t));
    const saved = await d.dispatch('reports.setTargets', { defaultPct: 80, teams: [{ team: 'KCC Zuid', targetPct: 60 }] });
    expect(saved).toMatchObject({
      ok: true,
      data: {
        defaultPct: 80,
        teams: [
          { team: 'KCC Noord', targetPct: 80 },
          { team: 'KCC Zuid', targetPct: 60 },
        ],
      },
    });
    expect(topics).toEqual([['settings']]);
    expect(await d.dispatch('reports.targets', {})).toMatchObject({ ok: true, data: { defaultPct: 80 } });
    await d.dispatch('reports.setTargets', { defaultPct: 85, teams: [{ team: 'KCC Zuid', targetPct: 60 }] });
  });
});
