import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer, RubricVersion } from '../../src-main/contract';
import { monthPlan } from '../../src-main/core/coaching/plan';
import { assertNotBlind, decideDispute, listDisputes, raiseDispute, startSecondOpinion } from '../../src-main/core/evaluations/disputes';
import {
  finalizeEvaluation,
  getEvaluation,
  listEvaluationsForAdvisor,
  listEvaluationsForRecording,
  saveDraft,
  startEvaluation,
} from '../../src-main/core/evaluations/evaluations';
import { evaluationHistory, recordVersion } from '../../src-main/core/evaluations/history';
import { AppError } from '../../src-main/core/errors';
import { addMarker, listMarkers } from '../../src-main/core/markers/markers';
import { newRubricDraft, publishRubricVersion } from '../../src-main/core/rubrics/editor';
import { currentRubricVersionId, getRubricVersion } from '../../src-main/core/rubrics/rubrics';
import { createTempCore, type TempCore } from '../support/core';
import { refuseWrite } from '../support/faults';
import { scenarioScorePct, scenarioAnswerList } from '../support/scoring-scenario';
import { insertRecording, insertStaff } from '../support/seed';

let t: TempCore;
let advisor: number;
let coachA: number;
let coachB: number;
let coachC: number;
let manager: number;
let rubric: RubricVersion;
let recording: number;

beforeEach(async () => {
  t = await createTempCore();
  advisor = await insertStaff(t.core, 'advisor', 'Sanne de Vries');
  coachA = await insertStaff(t.core, 'coach', 'Karim Bouzid');
  coachB = await insertStaff(t.core, 'coach', 'Ellen Jansen');
  coachC = await insertStaff(t.core, 'coach', 'Ruud Smit');
  manager = await insertStaff(t.core, 'manager', 'Fatima El Amrani');
  rubric = await getRubricVersion(t.core.db, await currentRubricVersionId(t.core.db));
  recording = await insertRecording(t.core, advisor, '2026-11-03T09:35:12');
});
afterEach(() => t.cleanup());

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (e: unknown) => codeOf(e),
  );

const scenario = (): Answer[] => scenarioAnswerList(rubric);

/** Every criterion at its top (yes / highest level): 100%. */
function topAnswers(): Answer[] {
  return rubric.sections
    .flatMap((s) => s.criteria)
    .map((c) => ({ criterionId: c.id, value: c.type === 'yes_no' ? 1 : c.scaleMax, na: false, note: 'goed' }));
}

async function scoreAndFinalize(coachId: number, evaluationId: number, answers: Answer[], tops = '') {
  await saveDraft(t.core.db, coachId, { id: evaluationId, tops, tips: '', answers });
  return finalizeEvaluation(t.core.db, coachId, evaluationId);
}

async function finishedEvaluation(coachId = coachA, recordingId = recording) {
  const draft = await startEvaluation(t.core.db, coachId, recordingId);
  return scoreAndFinalize(coachId, draft.id, scenario(), 'Warme opening.');
}

const doneFor = async (period: string) => (await monthPlan(t.core.db, period)).find((r) => r.advisorId === advisor)?.done;
const rowCount = async (table: 'dispute' | 'evaluation' | 'evaluation_version') =>
  Number(
    (
      await t.core.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('raising a dispute', () => {
  it('refuses a missing reason, the same coach, a non-coach, a draft and a second open dispute', async () => {
    const original = await finishedEvaluation();
    const raise = (input: Partial<{ evaluationId: number; reason: string; secondCoachId: number }>) =>
      failure(
        raiseDispute(t.core.db, coachA, {
          evaluationId: original.id,
          reason: 'Adviseur vindt de score te laag.',
          secondCoachId: coachB,
          ...input,
        }),
      );

    expect(await raise({ reason: '   ' })).toBe('dispute_reason_required');
    expect(await raise({ secondCoachId: coachA })).toBe('dispute_second_coach');
    expect(await raise({ secondCoachId: manager })).toBe('coach_required');
    expect(await raise({ secondCoachId: advisor })).toBe('coach_required');
    const draft = await startEvaluation(t.core.db, coachC, recording);
    expect(await raise({ evaluationId: draft.id })).toBe('dispute_not_allowed');
    expect(await rowCount('dispute')).toBe(0);
    expect((await getEvaluation(t.core.db, original.id)).status).toBe('final');

    const dispute = await raiseDispute(t.core.db, manager, {
      evaluationId: original.id,
      reason: '  De adviseur heeft de identiteit wel gecontroleerd.  ',
      secondCoachId: coachB,
    });
    expect(dispute).toMatchObject({
      evaluationId: original.id,
      recordingId: recording,
      advisorName: 'Sanne de Vries',
      originalCoachName: 'Karim Bouzid',
      originalStatus: 'disputed',
      reason: 'De adviseur heeft de identiteit wel gecontroleerd.',
      raisedByName: 'Fatima El Amrani',
      secondCoachName: 'Ellen Jansen',
      secondEvaluationId: null,
      outcome: null,
      originalScorePct: null,
      secondScorePct: null,
    });
    expect(await raise({ secondCoachId: coachC })).toBe('dispute_not_allowed');
    expect(await rowCount('dispute')).toBe(1);

    const after = await getEvaluation(t.core.db, original.id);
    expect(after.status).toBe('disputed');
    expect(after.revision).toBe(original.revision + 1);
    const history = await evaluationHistory(t.core.db, original.id);
    expect(history.map((v) => [v.change, v.snapshot.status, v.changedByName])).toEqual([
      ['finalized', 'final', 'Karim Bouzid'],
      ['disputed', 'disputed', 'Fatima El Amrani'],
    ]);
    expect(history[1]?.note).toBe('De adviseur heeft de identiteit wel gecontroleerd.');
  });

  it('refuses a second opinion and an evaluation that was already replaced', async () => {
    const original = await finishedEvaluation();
    const dispute = await raiseDispute(t.core.db, coachA, { evaluationId: original.id, reason: 'Te streng', secondCoachId: coachB });
    const second = await startSecondOpinion(t.core.db, coachB, dispute.id);
    await scoreAndFinalize(coachB, second.id, topAnswers());
    expect(await failure(raiseDispute(t.core.db, coachA, { evaluationId: second.id, reason: 'x', secondCoachId: coachC }))).toBe(
      'dispute_not_allowed',
    );
    await decideDispute(t.core.db, manager, { id: dispute.id, outcome: 'replaced', note: '' });
    expect(await failure(raiseDispute(t.core.db, coachA, { evaluationId: original.id, reason: 'x', secondCoachId: coachC }))).toBe(
      'dispute_not_allowed',
    );
  });

  it('lets two simultaneous requests for one evaluation record only one dispute', async () => {
    const original = await finishedEvaluation();
    const results = await Promise.allSettled([
      raiseDispute(t.core.db, coachA, { evaluationId: original.id, reason: 'eerste', secondCoachId: coachB }),
      raiseDispute(t.core.db, coachA, { evaluationId: original.id, reason: 'tweede', secondCoachId: coachC }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await rowCount('dispute')).toBe(1);
    expect((await evaluationHistory(t.core.db, original.id)).filter((v) => v.change === 'disputed')).toHaveLength(1);
  });
});

describe('the blind second opinion', () => {
  it('is pinned to the original rubric version, even after a new version is published', async () => {
    const original = await finishedEvaluation();
    const v2 = await publishRubricVersion(t.core.db, (await newRubricDraft(t.core.db, rubric.rubricId)).id);
    expect(v2.version).toBe(rubric.version + 1);
    // A fresh evaluation of another call now uses version 2 ...
    const fresh = await startEvaluation(t.core.db, coachB, await insertRecording(t.core, advisor));
    expect(fresh.rubricVersionId).toBe(v2.id);

    const dispute = await raiseDispute(t.core.db, coachA, { evaluationId: original.id, reason: 'Te streng', secondCoachId: coachB });
    expect(await failure(startSecondOpinion(t.core.db, coachA, dispute.id))).toBe('dispute_not_yours');
    const second = await startSecondOpinion(t.core.db, coachB, dispute.id);
    // ... but the second opinion is scored on the original's version, so the two compare.
    expect(second).toMatchObject({
      kind: 'second_opinion',
      counts: false,
      status: 'draft',
      coachId: coachB,
      recordingId: recording,
      advisorId: advisor,
      period: original.period,
      rubricVersionId: original.rubricVersionId,
      rubricVersion: rubric.version,
      rubricName: rubric.name,
    });
    expect((await startSecondOpinion(t.core.db, coachB, dispute.id)).id).toBe(second.id);
    expect((await listDisputes(t.core.db, { evaluationId: second.id, openOnly: true }))[0]?.secondEvaluationId).toBe(second.id);
  });

  it('keeps every other evaluation of the call from the second coach until their own is final, and theirs from others', async () => {
    const original = await finishedEvaluation();
    const third = await finishedEvaluation(coachC);
    await addMarker(t.core.db, coachA, { recordingId: recording, evaluationId: original.id, atSeconds: 12, text: 'Geen ID-check' });
    const dispute = await raiseDispute(t.core.db, coachA, { evaluationId: original.id, reason: 'Te streng', secondCoachId: coachB });

    // Blind from the moment they are asked, before they even start.
    expect(await failure(assertNotBlind(t.core.db, coachB, original.id))).toBe('evaluation_blind');
    const second = await startSecondOpinion(t.core.db, coachB, dispute.id);
    await addMarker(t.core.db, coachB, { recordingId: recording, evaluationId: second.id, atSeconds: 30, text: 'Eigen notitie' });
    await saveDraft(t.core.db, coachB, { id: second.id, tops: '', tips: '', answers: topAnswers().slice(0, 4) });

    expect(await failure(assertNotBlind(t.core.db, coachB, original.id))).toBe('evaluation_blind');
    expect(await failure(assertNotBlind(t.core.db, coachB, third.id))).toBe('evaluation_blind');
    expect(await failure(assertNotBlind(t.core.db, coachB, second.id))).toBe('resolved');
    // The other way round: nobody else opens the unfinished second opinion.
    expect(await failure(assertNotBlind(t.core.db, coachA, second.id))).toBe('second_opinion_pending');
    expect(await failure(assertNotBlind(t.core.db, manager, second.id))).toBe('second_opinion_pending');
    expect(await failure(assertNotBlind(t.core.db, null, second.id))).toBe('second_opinion_pending');
    expect(await failure(assertNotBlind(t.core.db, coachA, original.id))).toBe('resolved');
    expect(await failure(saveDraft(t.core.db, coachA, { id: second.id, tops: '', tips: '', answers: [] }))).toBe('evaluation_not_yours');

    // Lists and notes withhold what each may not see.
    const forB = await listEvaluationsForRecording(t.core.db, recording, coachB);
    expect(forB.find((e) => e.id === original.id)).toMatchObject({ scorePct: null, hasCriticalError: false, scoreHidden: true });
    expect(forB.find((e) => e.id === third.id)).toMatchObject({ scorePct: null, scoreHidden: true });
    expect(forB.find((e) => e.id === second.id)?.scoreHidden).toBeUndefined();
    const byAdvisorForB = await listEvaluationsForAdvisor(t.core.db, advisor, coachB);
    expect(byAdvisorForB.filter((e) => e.recordingId === recording && e.id !== second.id).every((e) => e.scorePct === null)).toBe(true);
    const forA = await listEvaluationsForRecording(t.core.db, recording, coachA);
    expect(forA.find((e) => e.id === original.id)?.scorePct).toBeCloseTo(scenarioScorePct, 9);
    expect(forA.find((e) => e.id === second.id)).toMatchObject({ scorePct: null, scoreHidden: true });
    expect((await listMarkers(t.core.db, recording, coachB)).map((m) => m.text)).toEqual(['Eigen notitie']);
    expect((await listMarkers(t.core.db, recording, coachA)).map((m) => m.text)).toEqual(['Geen ID-check']);
    expect((await listDisputes(t.core.db, { secondCoachId: coachB, openOnly: true }))[0]).toMatchObject({
      secondEvaluationStatus: 'draft',
      originalScorePct: null,
      secondScorePct: null,
    });
    expect(await failure(decideDispute(t.core.db, manager, { id: dispute.id, outcome: 'replaced', note: '' }))).toBe(
      'dispute_second_not_final',
    );

    await scoreAndFinalize(coachB, second.id, topAnswers());
    expect(await failure(assertNotBlind(t.core.db, coachB, original.id))).toBe('resolved');
    expect(await failure(assertNotBlind(t.core.db, coachA, second.id))).toBe('resolved');
    expect((await listEvaluationsForRecording(t.core.db, recording, coachB)).some((e) => e.scoreHidden)).toBe(false);
    expect(await listMarkers(t.core.db, recording, coachB)).toHaveLength(2);
    const [visible] = await listDisputes(t.core.db, { evaluationId: original.id, openOnly: true });
    expect(visible?.originalScorePct).toBeCloseTo(scenarioScorePct, 9);
    expect(visible?.secondScorePct).toBe(100);
  });
});

describe('deciding a dispute', () => {
  async function disputedWithFinalSecond() {
    const original = await finishedEvaluation();
    const dispute = await raiseDispute(t.core.db, coachA, { evaluationId: original.id, reason: 'Te streng', secondCoachId: coachB });
    const second = await startSecondOpinion(t.core.db, coachB, dispute.id);
    await scoreAndFinalize(coachB, second.id, topAnswers(), 'Alles volgens de kennisbank.');
    return { original, dispute, second };
  }

  it('keeps the original: back to its status before the dispute, the second opinion does not count', async () => {
    const { original, dispute, second } = await disputedWithFinalSecond();
    expect(await doneFor('2026-11')).toBe(1);
    const decided = await decideDispute(t.core.db, manager, { id: dispute.id, outcome: 'original_kept', note: 'Score klopt.' });
    expect(decided).toMatchObject({ outcome: 'original_kept', outcomeNote: 'Score klopt.', decidedByName: 'Fatima El Amrani' });
    expect(decided.decidedAt).not.toBeNull();
    expect(await getEvaluation(t.core.db, original.id)).toMatchObject({ status: 'final', counts: true });
    expect(await getEvaluation(t.core.db, second.id)).toMatchObject({ status: 'final', counts: false });
    expect(await doneFor('2026-11')).toBe(1);
    expect((await evaluationHistory(t.core.db, original.id)).map((v) => v.change)).toEqual(['finalized', 'disputed', 'original_kept']);
    expect(await failure(decideDispute(t.core.db, manager, { id: dispute.id, outcome: 'replaced', note: '' }))).toBe('dispute_closed');
    expect(await listDisputes(t.core.db, { openOnly: true })).toHaveLength(0);
    expect(await listDisputes(t.core.db, { openOnly: false })).toHaveLength(1);
  });

  it('replaces the original: counts swap, the call still counts once, and nothing is overwritten', async () => {
    const original = await finishedEvaluation();
    // A feedback session discussed it before the advisor disputed it.
    await t.core.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('evaluation')
        .set((eb) => ({ status: 'discussed', discussed_on: '2026-11-10', revision: eb('revision', '+', 1) }))
        .where('id', '=', original.id)
        .execute();
      await recordVersion(trx, original.id, 'discussed', coachA);
    });
    const before = await getEvaluation(t.core.db, original.id);
    const dispute = await raiseDispute(t.core.db, coachA, { evaluationId: original.id, reason: 'Te streng', secondCoachId: coachB });
    const second = await startSecondOpinion(t.core.db, coachB, dispute.id);
    await scoreAndFinalize(coachB, second.id, topAnswers(), 'Alles volgens de kennisbank.');

    const decided = await decideDispute(t.core.db, coachA, { id: dispute.id, outcome: 'replaced', note: 'Tweede coach overtuigt.' });
    expect(decided).toMatchObject({ outcome: 'replaced', originalStatus: 'discussed', secondEvaluationStatus: 'final' });

    const after = await getEvaluation(t.core.db, original.id);
    expect(after).toMatchObject({ status: 'discussed', counts: false, tops: before.tops });
    expect(after.answers).toEqual(before.answers);
    expect(after.result.scorePct).toBeCloseTo(scenarioScorePct, 9);
    expect(await getEvaluation(t.core.db, second.id)).toMatchObject({ status: 'final', counts: true, kind: 'second_opinion' });
    expect(await doneFor('2026-11')).toBe(1);
    const summaries = await listEvaluationsForAdvisor(t.core.db, advisor);
    expect(summaries.map((s) => [s.id, s.counts]).sort()).toEqual(
      [
        [original.id, false],
        [second.id, true],
      ].sort(),
    );

    const history = await evaluationHistory(t.core.db, original.id);
    expect(history.map((v) => [v.change, v.snapshot.status, v.changedByName])).toEqual([
      ['finalized', 'final', 'Karim Bouzid'],
      ['discussed', 'discussed', 'Karim Bouzid'],
      ['disputed', 'disputed', 'Karim Bouzid'],
      ['replaced', 'discussed', 'Karim Bouzid'],
    ]);
    for (const version of history) {
      expect(version.snapshot.answers).toEqual(before.answers);
      expect(version.result.scorePct).toBeCloseTo(scenarioScorePct, 9);
      expect(version.changedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    expect(history.at(-1)?.note).toBe('Tweede coach overtuigt.');
    expect(new Set(history.map((v) => v.revision)).size).toBe(history.length);
    const secondHistory = await evaluationHistory(t.core.db, second.id);
    expect(secondHistory.map((v) => [v.change, v.changedByName])).toEqual([
      ['finalized', 'Ellen Jansen'],
      ['replaces_original', 'Karim Bouzid'],
    ]);
    expect(secondHistory.at(-1)?.result.scorePct).toBe(100);
  });
});

describe('refused steps leave nothing half-written', () => {
  const failOn = (event: string, when?: string) => refuseWrite(t.core, { event, when, message: 'test: geweigerd' });

  it('raising: no dispute without the status change and its history entry', async () => {
    const original = await finishedEvaluation();
    await failOn('BEFORE INSERT ON evaluation_version', "NEW.change = 'disputed'");
    await expect(
      raiseDispute(t.core.db, coachA, { evaluationId: original.id, reason: 'Te streng', secondCoachId: coachB }),
    ).rejects.toThrow();
    expect(await rowCount('dispute')).toBe(0);
    expect(await getEvaluation(t.core.db, original.id)).toMatchObject({ status: 'final', revision: original.revision });
  });

  it('starting: no orphan second opinion when the dispute cannot be linked', async () => {
    const original = await finishedEvaluation();
    const dispute = await raiseDispute(t.core.db, coachA, { evaluationId: original.id, reason: 'Te streng', secondCoachId: coachB });
    const evaluations = await rowCount('evaluation');
    await failOn('BEFORE UPDATE OF second_evaluation_id ON dispute');
    await expect(startSecondOpinion(t.core.db, coachB, dispute.id)).rejects.toThrow();
    expect(await rowCount('evaluation')).toBe(evaluations);
  });

  it('deciding: the original keeps counting and stays disputed when the second opinion cannot be switched on', async () => {
    const original = await finishedEvaluation();
    const dispute = await raiseDispute(t.core.db, coachA, { evaluationId: original.id, reason: 'Te streng', secondCoachId: coachB });
    const second = await startSecondOpinion(t.core.db, coachB, dispute.id);
    await scoreAndFinalize(coachB, second.id, topAnswers());
    const versions = await rowCount('evaluation_version');
    await failOn('BEFORE INSERT ON evaluation_version', "NEW.change = 'replaces_original'");
    await expect(decideDispute(t.core.db, manager, { id: dispute.id, outcome: 'replaced', note: '' })).rejects.toThrow();
    expect(await getEvaluation(t.core.db, original.id)).toMatchObject({ status: 'disputed', counts: true });
    expect(await getEvaluation(t.core.db, second.id)).toMatchObject({ counts: false });
    expect((await listDisputes(t.core.db, { evaluationId: original.id, openOnly: true }))[0]?.outcome).toBeNull();
    expect(await rowCount('evaluation_version')).toBe(versions);
    expect(await doneFor('2026-11')).toBe(1);
  });
});
