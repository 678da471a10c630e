import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthPlan } from '../../src-main/core/coaching/plan';
import { seedDemo, type DemoSummary } from '../../src-main/core/demo';
import { calibrationComparison } from '../../src-main/core/calibration/comparison';
import { getCalibration, listCalibrations } from '../../src-main/core/calibration/sessions';
import { getAnalysis } from '../../src-main/core/recordings/analysis-store';
import { getPeaks, listRecordings } from '../../src-main/core/recordings/recordings';
import { listRetentionLog } from '../../src-main/core/retention/retention';
import { listDisputes } from '../../src-main/core/evaluations/disputes';
import { listEvaluationsForAdvisor } from '../../src-main/core/evaluations/evaluations';
import { listActionPoints } from '../../src-main/core/feedback/action-points';
import { onboardingDashboard } from '../../src-main/core/onboarding/onboardings';
import { periodsBetween, shiftPeriod } from '../../src-main/core/reports/periods';
import { teamMonth } from '../../src-main/core/reports/team-month';
import { advisorTrend } from '../../src-main/core/reports/trend';
import { listRubrics } from '../../src-main/core/rubrics/editor';
import { getAppSettings } from '../../src-main/core/settings/app-settings';
import { listStaff } from '../../src-main/core/staff/staff';
import { createTempCore, type TempCore } from '../support/core';
import { dumpFolder, momentsSince } from '../support/dump';

/*
 * The demo environment (issue 10), seeded twice with the same seed into two fresh data folders.
 * Every figure is read back through the same core functions the screens use.
 */
const TODAY = '2026-11-23';
const SEED = 'klankbord-demo';
const CURRENT = TODAY.slice(0, 7);
const MONTHS = periodsBetween(shiftPeriod(CURRENT, -11), CURRENT);
const COMPLETE_MONTHS = MONTHS.slice(0, -1);

let first: TempCore;
let second: TempCore;
let summary: DemoSummary;
let seededFrom: string;

beforeAll(async () => {
  first = await createTempCore();
  second = await createTempCore();
  seededFrom = new Date().toISOString();
  summary = await seedDemo(first.core, { seed: SEED, today: TODAY });
  await seedDemo(second.core, { seed: SEED, today: TODAY });
}, 240_000);

afterAll(async () => {
  await first?.cleanup();
  await second?.cleanup();
});

const db = () => first.core.db;

describe('demo environment', () => {
  it('is a KCC of 40 advisors in two teams with 4 coaches, 2 trainers and a team manager, with varied names', async () => {
    expect(summary.staff).toEqual({ advisors: 40, coaches: 4, trainers: 2, managers: 1 });
    expect(summary.teams).toEqual(['KCC Noord', 'KCC Zuid']);
    const advisors = await listStaff(db(), { roles: ['advisor'] });
    expect(new Set(advisors.map((a) => a.name)).size).toBe(40);
    expect(advisors.map((a) => a.name)).toEqual(
      expect.arrayContaining(['Sanne de Vries', 'Mohammed El Idrissi', 'Priya Ramdin', 'Fatima Yilmaz']),
    );
    for (const team of ['KCC Noord', 'KCC Zuid']) expect(advisors.filter((a) => a.team === team)).toHaveLength(20);
  });

  it('gives the same content twice for the same seed and day: every table row and every store file', () => {
    // The audit trail keeps the moment the demo was written (append-only); nothing else may differ.
    const ignore = ['audit_log.at'];
    const a = dumpFolder(first.core, ignore);
    const b = dumpFolder(second.core, ignore);
    expect(Object.keys(a.tables)).toEqual(Object.keys(b.tables));
    for (const table of Object.keys(a.tables)) expect(b.tables[table], table).toEqual(a.tables[table]);
    expect(b.store).toEqual(a.store);
    expect(a.store.length).toBeGreaterThan(100);
  });

  it('dates every row by its story, not by when the seed ran (the audit trail apart)', () => {
    expect(momentsSince(first.core, seededFrom, ['audit_log.at'])).toEqual([]);
  });

  it('meets every advisor’s quota in every complete month, and is partway through the current one', async () => {
    const tracks = await db().selectFrom('onboarding').select(['staff_id', 'start_date']).execute();
    for (const period of COMPLETE_MONTHS) {
      for (const row of await monthPlan(db(), period)) {
        const track = tracks.find((t) => t.staff_id === row.advisorId);
        // A new hire takes calls from week 3 of training; a month before that has nothing to evaluate.
        const callingFrom = track ? new Date(Date.parse(track.start_date) + 14 * 86_400_000).toISOString().slice(0, 10) : null;
        const expected = callingFrom && callingFrom.slice(0, 7) > period ? 0 : row.planned;
        expect(row.done, `${row.name} in ${period} (${row.explanation})`).toBe(expected);
      }
    }
    const current = await monthPlan(db(), CURRENT);
    const regular = current.filter((r) => r.planned === 4);
    expect(regular.reduce((s, r) => s + r.done, 0)).toBeGreaterThan(regular.length * 1.5);
    for (const row of current) expect(row.done).toBeLessThanOrEqual(row.planned);
  });

  it('shows the quota exceptions: part-time, leave, a joiner’s first month and the onboarding override', async () => {
    const overrides = await db().selectFrom('quota_override').selectAll().execute();
    expect(overrides.map((o) => [o.per_month, o.reason]).sort()).toEqual(
      [
        [0, 'verlof'],
        [2, 'parttime (ouderschapsverlof)'],
        [8, 'inwerken'],
        [8, 'inwerken'],
        [8, 'inwerken'],
      ].sort(),
    );
    const leave = overrides.find((o) => o.reason === 'verlof')!;
    const plan = await monthPlan(db(), leave.from_period);
    expect(plan.find((p) => p.advisorId === leave.advisor_id)).toMatchObject({ planned: 0, done: 0 });
  });

  it('lets the declining advisor’s trend fire the decline alert, and the improvers rise after their action point', async () => {
    const trend = await advisorTrend(db(), { advisorId: summary.highlights.decliningAdvisorId }, TODAY);
    expect(trend.decline.map((a) => a.rule).sort()).toEqual(['below_target_twice', 'drop_vs_rolling']);
    const scores = trend.months.map((m) => m.scorePct);
    expect(scores.at(-1)!).toBeLessThan(scores[0]! - 12);

    for (const id of summary.highlights.improvingAdvisorIds) {
      const t = await advisorTrend(db(), { advisorId: id }, TODAY);
      const points = await listActionPoints(db(), { advisorId: id });
      const agreed = points.find((p) => p.criterionId !== null)!;
      const before = t.months.filter((m) => m.period < agreed.createdAt.slice(0, 7) && m.scorePct !== null).map((m) => m.scorePct!);
      const lastThree = t.months.slice(-4, -1).map((m) => m.scorePct!);
      const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
      expect(mean(lastThree), t.name).toBeGreaterThan(mean(before) + 7);
      expect(t.decline, t.name).toEqual([]);
    }
  });

  it('keeps most advisors steady between 85 and 95%', async () => {
    const plan = await teamMonth(db(), { period: COMPLETE_MONTHS.at(-1)! }, TODAY);
    const steady = plan.advisors.filter((a) => a.scorePct !== null && a.scorePct >= 85 && a.scorePct <= 96);
    expect(steady.length).toBeGreaterThanOrEqual(28);
  });

  it('reports team month averages that are the mean of the counted evaluations', async () => {
    for (const period of [COMPLETE_MONTHS[0]!, COMPLETE_MONTHS.at(-1)!, CURRENT]) {
      for (const team of ['KCC Noord', 'KCC Zuid']) {
        const rows = await db()
          .selectFrom('evaluation')
          .innerJoin('staff', 'staff.id', 'evaluation.advisor_id')
          .select('evaluation.score_pct')
          .where('evaluation.period', '=', period)
          .where('evaluation.counts', '=', 1)
          .where('evaluation.status', '!=', 'draft')
          .where('staff.team', '=', team)
          .execute();
        const report = await teamMonth(db(), { period, team }, TODAY);
        expect(report.current.n).toBe(rows.length);
        const mean = rows.reduce((s, r) => s + (r.score_pct ?? 0), 0) / rows.length;
        expect(report.current.avgScorePct).toBeCloseTo(mean, 6);
      }
    }
  });

  it('has the default rubric in two published versions, older evaluations on version 1', async () => {
    const [rubric] = await listRubrics(db());
    const versions = await db().selectFrom('rubric_version').selectAll().orderBy('version').execute();
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'published'],
      [2, 'published'],
    ]);
    expect(rubric).toBeDefined();
    const v2From = versions[1]!.published_at!;
    const evaluations = await db().selectFrom('evaluation').select(['rubric_version_id', 'created_at']).execute();
    for (const e of evaluations) expect(e.rubric_version_id, e.created_at).toBe(e.created_at < v2From ? versions[0]!.id : versions[1]!.id);
    expect(new Set(evaluations.map((e) => e.rubric_version_id)).size).toBe(2);
  });

  it('uses n.v.t. where a question does not arise and has a few critical errors', async () => {
    const na = await db()
      .selectFrom('answer')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('na', '=', 1)
      .executeTakeFirstOrThrow();
    expect(Number(na.n)).toBeGreaterThan(1000);
    expect(summary.evaluations.withCriticalError).toBeGreaterThanOrEqual(5);
    expect(summary.evaluations.withCriticalError).toBeLessThanOrEqual(40);
  });

  it('discusses the evaluations in monthly feedback sessions with open, done and one dropped action point', async () => {
    expect(summary.feedbackSessions).toBeGreaterThan(350);
    expect(summary.actionPoints.open).toBeGreaterThan(0);
    expect(summary.actionPoints.done).toBeGreaterThan(0);
    expect(summary.actionPoints.dropped).toBe(1);
    const dropped = await db().selectFrom('action_item').selectAll().where('status', '=', 'dropped').executeTakeFirstOrThrow();
    expect(dropped.follow_up_note).toMatch(/^Vervallen/);
    const waiting = await db()
      .selectFrom('evaluation')
      .select('period')
      .where('status', '=', 'final')
      .where('counts', '=', 1)
      .distinct()
      .execute();
    // Only last month's and this month's evaluations still wait for their session.
    expect(waiting.map((w) => w.period).sort()).toEqual([COMPLETE_MONTHS.at(-1)!, CURRENT]);
  });

  it('has one dispute, decided after a blind second opinion that now counts instead', async () => {
    const [dispute, ...more] = await listDisputes(db(), { openOnly: false });
    expect(more).toEqual([]);
    expect(dispute).toMatchObject({ outcome: 'replaced', secondEvaluationStatus: 'discussed' });
    expect(dispute!.secondCoachId).not.toBe(dispute!.originalCoachId);
    const evaluations = await listEvaluationsForAdvisor(db(), dispute!.advisorId);
    const original = evaluations.find((e) => e.id === dispute!.evaluationId)!;
    const replacement = evaluations.find((e) => e.id === dispute!.secondEvaluationId)!;
    expect(original.counts).toBe(false);
    expect(original.hasCriticalError).toBe(true);
    expect(replacement.counts).toBe(true);
    expect(replacement.scorePct!).toBeGreaterThan(original.scorePct!);
  });

  it('has a closed calibration session with spread on two criteria and a recorded consensus, and an open one awaiting a coach', async () => {
    const sessions = await listCalibrations(db(), null);
    expect(sessions.map((s) => s.status)).toEqual(['open', 'closed']);
    expect(summary.calibrations).toEqual({ open: 1, closed: 1 });
    const coaches = summary.highlights.coachIds;

    const closed = await getCalibration(db(), summary.highlights.managerId, summary.highlights.closedCalibrationId!);
    expect(closed).toMatchObject({ status: 'closed', participantCount: 3, submittedCount: 3, mayOrganise: true });
    expect(closed.createdByName).toBe('Annemiek Willems');
    expect(closed.participants.every((p) => coaches.includes(p.coachId))).toBe(true);
    // Some weeks ago: at least a week before the demo's today.
    expect(closed.closedAt! < '2026-11-16').toBe(true);
    expect(closed.notes).toMatch(/^Afgesproken/);
    // The advisor's own coach evaluated the call and stays out of the session.
    const regular = await db()
      .selectFrom('evaluation')
      .select('coach_id')
      .where('recording_id', '=', closed.recordingId)
      .where('kind', '=', 'regular')
      .executeTakeFirstOrThrow();
    expect(closed.participants.map((p) => p.coachId)).not.toContain(regular.coach_id);
    expect((await listRecordings(db())).find((r) => r.id === closed.recordingId)?.audioAvailable).toBe(true);

    const comparison = await calibrationComparison(db(), summary.highlights.managerId, closed.id);
    expect(comparison.referenceSource).toBe('consensus');
    const disputed = comparison.criteria.filter((c) => c.agreementPct !== null && c.agreementPct < 100);
    expect(disputed.map((c) => c.key).sort()).toEqual(['kanaalsturing', 'samenvatten']);
    for (const c of disputed) expect(c.consensus?.guidanceNote, c.key).not.toBe('');
    expect(comparison.criteria.every((c) => c.consensus !== null)).toBe(true);
    const scores = comparison.coaches.map((c) => c.scorePct!);
    expect(Math.max(...scores) - Math.min(...scores)).toBeGreaterThan(1);

    const open = await getCalibration(db(), null, summary.highlights.openCalibrationId!);
    expect(open).toMatchObject({ status: 'open', participantCount: 3, submittedCount: 2, closedAt: null });
    expect(open.deadline! > TODAY).toBe(true);
    const waiting = open.participants.find((p) => p.submittedAt === null)!;
    expect(coaches).toContain(waiting.coachId);
    // Still blind for the coach who has not submitted.
    await expect(calibrationComparison(db(), waiting.coachId, open.id)).rejects.toMatchObject({ code: 'calibration_blind' });
  });

  it('never counts a calibration scoring: not in quotas, reports or trends', async () => {
    const scorings = await db().selectFrom('evaluation').selectAll().where('kind', '=', 'calibration').execute();
    expect(scorings.length).toBe(3 + 3);
    expect(scorings.every((e) => e.counts === 0)).toBe(true);
    expect(scorings.filter((e) => e.status === 'final')).toHaveLength(5);
    for (const period of new Set(scorings.map((e) => e.period))) {
      const counted = await db()
        .selectFrom('evaluation')
        .select(['advisor_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('period', '=', period)
        .where('counts', '=', 1)
        .where('status', '!=', 'draft')
        .groupBy('advisor_id')
        .execute();
      for (const row of await monthPlan(db(), period)) {
        expect(row.done, `${row.name} in ${period}`).toBe(Number(counted.find((c) => c.advisor_id === row.advisorId)?.n ?? 0));
      }
    }
    const advisorId = scorings[0]!.advisor_id;
    const listed = await listEvaluationsForAdvisor(db(), advisorId);
    expect(listed.some((e) => scorings.some((s) => s.id === e.id))).toBe(false);
  });

  it('has a new hire in week 2 of training, one in the buddy phase with a check-in due, and one who finished', async () => {
    const dashboard = await onboardingDashboard(db(), { includeCompleted: true }, TODAY);
    const byStaff = new Map(dashboard.rows.map((r) => [r.staffId, r]));
    expect(byStaff.get(summary.highlights.trainingHireId)).toMatchObject({ phase: 'training', currentWeek: 2, status: 'running' });
    expect(byStaff.get(summary.highlights.buddyHireId)).toMatchObject({ phase: 'buddy', status: 'running', checkinDue: true });
    expect(byStaff.get(summary.highlights.buddyHireId)!.level).toBe('independent_buddy_nearby');
    expect(byStaff.get(summary.highlights.joinerId)).toMatchObject({ phase: 'done', status: 'completed' });
    expect(dashboard.overdue.map((o) => o.onboardingId)).toEqual([byStaff.get(summary.highlights.trainingHireId)!.id]);
    const staff = await listStaff(db(), { roles: ['advisor'] });
    expect(
      staff
        .filter((s) => s.status === 'onboarding')
        .map((s) => s.id)
        .sort(),
    ).toEqual([summary.highlights.trainingHireId, summary.highlights.buddyHireId].sort());
  });

  it('plays recent calls: distinct stereo audio with turns and holds for the analysis; older audio removed by retention', async () => {
    expect((await getAppSettings(db())).audioRetentionMonths).toBe(1);
    const recordings = await listRecordings(db());
    const withAudio = recordings.filter((r) => r.audioAvailable);
    expect(withAudio.length).toBeGreaterThan(80);
    expect(new Set(withAudio.map((r) => r.sha256)).size).toBe(withAudio.length);
    for (const r of withAudio) {
      expect(r).toMatchObject({ channels: 2, sampleRate: 8000, codec: 'G.711 µ-law' });
      expect(r.durationSeconds).toBeGreaterThanOrEqual(14);
      expect(r.durationSeconds).toBeLessThan(60);
    }
    const analyses = [];
    for (const r of withAudio) {
      const analysis = await getAnalysis(first.core, r.id);
      if (!analysis) throw new Error(`no analysis for ${r.originalName}`);
      analyses.push(analysis.totals);
    }
    for (const totals of analyses) {
      expect(totals.advisorTalkShare).toBeGreaterThan(0.2);
      expect(totals.advisorTalkShare).toBeLessThan(0.8);
    }
    expect(analyses.filter((t) => t.holdSeconds >= 3).length).toBeGreaterThan(10);
    expect(analyses.filter((t) => (t.talkOverSeconds ?? 0) > 0).length).toBeGreaterThan(10);
    const peaks = await getPeaks(first.core, withAudio[0]!.id);
    expect(peaks.channels).toHaveLength(2);

    const removed = recordings.filter((r) => !r.audioAvailable);
    expect(removed.length).toBeGreaterThan(1000);
    const cutoff = '2026-10-24';
    for (const r of removed) expect(r.callAt! < cutoff).toBe(true);
    for (const r of withAudio) expect(r.callAt! >= cutoff).toBe(true);
    const log = await listRetentionLog(first.core, 5000);
    expect(log).toHaveLength(removed.length);
  });

  it('refuses a data folder that is not empty and a day after today', async () => {
    await expect(seedDemo(first.core, { seed: SEED, today: TODAY })).rejects.toMatchObject({ code: 'invalid_input' });
    const empty = await createTempCore();
    try {
      await expect(seedDemo(empty.core, { seed: SEED, today: '2999-01-01' })).rejects.toMatchObject({ code: 'invalid_input' });
      expect(await listStaff(empty.core.db)).toEqual([]);
    } finally {
      await empty.cleanup();
    }
  });
});
