import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer, RubricVersion } from '../../src-main/contract';
import {
  finalizeEvaluation,
  getEvaluation,
  listEvaluationsForAdvisor,
  saveDraft,
  startEvaluation,
} from '../../src-main/core/evaluations/evaluations';
import { AppError } from '../../src-main/core/errors';
import { currentRubricVersionId, getRubricVersion } from '../../src-main/core/rubrics/rubrics';
import { createTempCore, type TempCore } from '../support/core';
import { scenarioAchieved, scenarioMaximum, scenarioScorePct, scenarioAnswerList } from '../support/scoring-scenario';
import { insertRecording, insertStaff } from '../support/seed';

let t: TempCore;
let advisor: number;
let coach: number;
let otherCoach: number;
let rubric: RubricVersion;

beforeEach(async () => {
  t = await createTempCore();
  advisor = await insertStaff(t.core, 'advisor', 'Sanne de Vries');
  coach = await insertStaff(t.core, 'coach', 'Karim Bouzid');
  otherCoach = await insertStaff(t.core, 'coach', 'Ellen Jansen');
  rubric = await getRubricVersion(t.core.db, await currentRubricVersionId(t.core.db));
});
afterEach(() => t.cleanup());

const scenario = (): Answer[] => scenarioAnswerList(rubric);

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));

describe('evaluating a call', () => {
  it('starts one draft per coach and call, pinned to the current rubric version and the call month', async () => {
    const recording = await insertRecording(t.core, advisor, '2026-10-28T14:02:00');
    const draft = await startEvaluation(t.core.db, coach, recording);
    expect(draft).toMatchObject({ status: 'draft', period: '2026-10', advisorId: advisor, coachId: coach, rubricVersionId: rubric.id });
    expect((await startEvaluation(t.core.db, coach, recording)).id).toBe(draft.id);
    expect((await startEvaluation(t.core.db, otherCoach, recording)).id).not.toBe(draft.id);
  });

  it('needs an advisor on the recording', async () => {
    const recording = await insertRecording(t.core, null);
    expect(codeOf(await startEvaluation(t.core.db, coach, recording).catch((e) => e))).toBe('advisor_required');
  });

  it('autosaves drafts and finalises with the hand-computed score', async () => {
    const { id } = await startEvaluation(t.core.db, coach, await insertRecording(t.core, advisor));
    const answers = scenario();
    const partial = await saveDraft(t.core.db, coach, {
      id,
      tops: 'Rustige, vriendelijke opening.',
      tips: '',
      answers: answers.slice(0, 3),
    });
    expect(partial.revision).toBe(2);

    const saved = await saveDraft(t.core.db, coach, { id, tops: 'Rustige, vriendelijke opening.', tips: 'Verbind warm door.', answers });
    expect(saved.result.scorePct).toBeCloseTo(scenarioScorePct, 6);

    const final = await finalizeEvaluation(t.core.db, coach, id);
    expect(final.status).toBe('final');
    expect(final.result.achieved).toBeCloseTo(scenarioAchieved, 9);
    expect(final.result.maximum).toBeCloseTo(scenarioMaximum, 9);
    expect(final.result.scorePct).toBeCloseTo(scenarioScorePct, 9);
    expect(final.result.hasCriticalError).toBe(false);
    expect(final.tips).toBe('Verbind warm door.');

    const [summary] = await listEvaluationsForAdvisor(t.core.db, advisor);
    expect(summary).toMatchObject({ id, status: 'final', coachName: 'Karim Bouzid', hasCriticalError: false });
    expect(summary?.scorePct).toBeCloseTo(scenarioScorePct, 9);
  });

  it('refuses to finalise while required criteria are open, naming them', async () => {
    const { id } = await startEvaluation(t.core.db, coach, await insertRecording(t.core, advisor));
    await saveDraft(t.core.db, coach, { id, tops: '', tips: '', answers: scenario().slice(1) });
    const error = await finalizeEvaluation(t.core.db, coach, id).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('evaluation_incomplete');
    expect((error as AppError).params.missing).toContain('Begroet de inwoner vriendelijk');
    expect((await getEvaluation(t.core.db, id)).status).toBe('draft');
  });

  it('flags a compliance-critical error on finalising', async () => {
    const { id } = await startEvaluation(t.core.db, coach, await insertRecording(t.core, advisor));
    const derden = rubric.sections.flatMap((s) => s.criteria).find((c) => c.key === 'derden')!;
    const answers = scenario().map((a) => (a.criterionId === derden.id ? { ...a, value: 0 } : a));
    await saveDraft(t.core.db, coach, { id, tops: '', tips: '', answers });
    const final = await finalizeEvaluation(t.core.db, coach, id);
    expect(final.result.critical).toEqual({ customer: false, business: false, compliance: true });
    const row = await t.core.db
      .selectFrom('evaluation')
      .select(['has_critical_error', 'critical_compliance'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ has_critical_error: 1, critical_compliance: 1 });
  });

  it('rejects answers that do not fit the rubric and leaves the saved draft as it was', async () => {
    const { id } = await startEvaluation(t.core.db, coach, await insertRecording(t.core, advisor));
    await saveDraft(t.core.db, coach, { id, tops: 'eerste versie', tips: '', answers: scenario().slice(0, 2) });
    const begroeting = scenario()[0]!;
    const error = await saveDraft(t.core.db, coach, {
      id,
      tops: 'tweede',
      tips: '',
      answers: [{ ...begroeting, na: true, value: null }],
    }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('evaluation_answer_invalid');
    const unchanged = await getEvaluation(t.core.db, id);
    expect(unchanged.tops).toBe('eerste versie');
    expect(unchanged.answers).toHaveLength(2);
  });

  it('keeps final evaluations and other coaches’ drafts out of reach', async () => {
    const { id } = await startEvaluation(t.core.db, coach, await insertRecording(t.core, advisor));
    expect(codeOf(await saveDraft(t.core.db, otherCoach, { id, tops: '', tips: '', answers: [] }).catch((e) => e))).toBe(
      'evaluation_not_yours',
    );
    await saveDraft(t.core.db, coach, { id, tops: '', tips: '', answers: scenario() });
    await finalizeEvaluation(t.core.db, coach, id);
    expect(codeOf(await saveDraft(t.core.db, coach, { id, tops: 'later', tips: '', answers: [] }).catch((e) => e))).toBe(
      'evaluation_not_draft',
    );
    expect((await getEvaluation(t.core.db, id)).answers).toHaveLength(18);
  });
});
