import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src-main/contract';
import { openCore, type Core } from '../../src-main/core/app';
import { AppError } from '../../src-main/core/errors';
import { raiseDispute } from '../../src-main/core/evaluations/disputes';
import { finalizeEvaluation, getEvaluation, saveDraft, startEvaluation } from '../../src-main/core/evaluations/evaluations';
import { evaluationHistory } from '../../src-main/core/evaluations/history';
import { newRubricDraft, rubricDefinitionOf, saveRubricDraft } from '../../src-main/core/rubrics/editor';
import { getRubricVersion } from '../../src-main/core/rubrics/rubrics';
import { createTempCore, tempDir, type TempCore } from '../support/core';
import { createPostgresDatabase, onPostgres } from '../support/database';
import { finishEvaluation, uniformAnswers } from '../support/evaluate';
import { insertRecording, insertStaff } from '../support/seed';

/**
 * Two workstations on one database (two connections to the SQLite file, or two pools on the team's
 * PostgreSQL server): whoever saves second over a change they have not seen gets a conflict,
 * never a silent overwrite, and nothing either of them saved successfully is lost.
 */
let t: TempCore;
let first: Core;
let second: Core;
let coach: number;
let recording: number;

beforeEach(async () => {
  t = await createTempCore();
  first = t.core;
  second = await t.openAgain();
  coach = await insertStaff(first, 'coach', 'Karim Bouzid');
  const advisor = await insertStaff(first, 'advisor', 'Sanne de Vries');
  recording = await insertRecording(first, advisor);
});
afterEach(() => t.cleanup());

const codeOf = (result: PromiseSettledResult<unknown>) =>
  result.status === 'rejected' && result.reason instanceof AppError ? result.reason.code : result.status;

async function storedAnswers(core: Core, id: number) {
  return (await getEvaluation(core.db, id)).answers.map((a) => [a.criterionId, a.value]);
}

describe('the same draft open on two workstations', () => {
  it('refuses the later save that was built on an older revision, and keeps the earlier one', async () => {
    const draft = await startEvaluation(first.db, coach, recording);
    const top = await uniformAnswers(first, draft.rubricVersionId, 'top');
    const low = await uniformAnswers(first, draft.rubricVersionId, 'low');
    const seen = draft.revision;

    const saved = await saveDraft(first.db, coach, {
      id: draft.id,
      tops: 'van werkplek 1',
      tips: '',
      answers: top,
      expectedRevision: seen,
    });
    const refused = await saveDraft(second.db, coach, {
      id: draft.id,
      tops: 'van werkplek 2',
      tips: '',
      answers: low,
      expectedRevision: seen,
    }).catch((e: unknown) => e);

    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('edit_conflict');
    expect((refused as AppError).params.what).toBe('De beoordeling');
    const stored = await getEvaluation(second.db, draft.id);
    expect(stored.tops).toBe('van werkplek 1');
    expect(stored.revision).toBe(saved.revision);
    expect(await storedAnswers(second, draft.id)).toEqual(top.map((a) => [a.criterionId, a.value]));

    // After reloading, the second workstation builds on the newest revision and may save.
    const retried = await saveDraft(second.db, coach, {
      id: draft.id,
      tops: 'van werkplek 2',
      tips: '',
      answers: low,
      expectedRevision: stored.revision,
    });
    expect(retried.revision).toBe(stored.revision + 1);
    expect((await getEvaluation(first.db, draft.id)).tops).toBe('van werkplek 2');
  });

  it('lets exactly one of two simultaneous saves win; the stored answers are the winner’s, whole', async () => {
    const draft = await startEvaluation(first.db, coach, recording);
    const versions: Record<string, Answer[]> = {
      first: await uniformAnswers(first, draft.rubricVersionId, 'top'),
      second: await uniformAnswers(first, draft.rubricVersionId, 'low'),
    };
    for (let round = 0; round < 5; round += 1) {
      const { revision } = await getEvaluation(first.db, draft.id);
      const results = await Promise.allSettled([
        saveDraft(first.db, coach, { id: draft.id, tops: 'first', tips: '', answers: versions.first!, expectedRevision: revision }),
        saveDraft(second.db, coach, { id: draft.id, tops: 'second', tips: '', answers: versions.second!, expectedRevision: revision }),
      ]);
      expect(results.map(codeOf).sort()).toEqual(['edit_conflict', 'fulfilled']);
      const winner = results[0]!.status === 'fulfilled' ? 'first' : 'second';
      const stored = await getEvaluation(first.db, draft.id);
      expect(stored.tops).toBe(winner);
      expect(stored.revision).toBe(revision + 1);
      expect(await storedAnswers(first, draft.id)).toEqual(versions[winner]!.map((a) => [a.criterionId, a.value]));
    }
  });

  it('finalises once when both workstations press "Definitief maken" at the same moment', async () => {
    const draft = await startEvaluation(first.db, coach, recording);
    const saved = await saveDraft(first.db, coach, {
      id: draft.id,
      tops: '',
      tips: '',
      answers: await uniformAnswers(first, draft.rubricVersionId, 'top'),
    });
    const results = await Promise.allSettled([
      finalizeEvaluation(first.db, coach, draft.id, saved.revision),
      finalizeEvaluation(second.db, coach, draft.id, saved.revision),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.map(codeOf).filter((c) => c !== 'fulfilled')[0]).toMatch(/^(edit_conflict|evaluation_not_draft)$/);
    const history = await evaluationHistory(first.db, draft.id);
    expect(history.filter((v) => v.change === 'finalized')).toHaveLength(1);
  });

  it('refuses finalising answers that were changed elsewhere after this screen last saw them', async () => {
    const draft = await startEvaluation(first.db, coach, recording);
    const answers = await uniformAnswers(first, draft.rubricVersionId, 'top');
    const mine = await saveDraft(first.db, coach, { id: draft.id, tops: '', tips: '', answers });
    await saveDraft(second.db, coach, { id: draft.id, tops: 'ander', tips: '', answers, expectedRevision: mine.revision });
    await expect(finalizeEvaluation(first.db, coach, draft.id, mine.revision)).rejects.toMatchObject({ code: 'edit_conflict' });
    expect((await getEvaluation(first.db, draft.id)).status).toBe('draft');
  });
});

describe('two people at one finished evaluation or rubric', () => {
  it('records one dispute when two workstations raise it at once', async () => {
    const other = await insertStaff(first, 'coach', 'Ellen Jansen');
    const manager = await insertStaff(first, 'manager', 'Mirjam Bos');
    const id = await finishEvaluation(first, coach, recording);
    const results = await Promise.allSettled([
      raiseDispute(first.db, manager, { evaluationId: id, reason: 'Te streng', secondCoachId: other }),
      raiseDispute(second.db, manager, { evaluationId: id, reason: 'Te streng', secondCoachId: other }),
    ]);
    expect(results.map(codeOf).sort()).toEqual(['dispute_not_allowed', 'fulfilled']);
    expect(await first.db.selectFrom('dispute').select('id').execute()).toHaveLength(1);
  });

  it('refuses the second of two editors of one rubric draft, keeping the first one’s criteria', async () => {
    const published = await getRubricVersion(
      first.db,
      (await first.db.selectFrom('rubric_version').select('id').executeTakeFirstOrThrow()).id,
    );
    const draft = await newRubricDraft(first.db, published.rubricId);
    const definition = await rubricDefinitionOf(first.db, draft.id);
    const renamed = (title: string) => ({
      ...definition,
      sections: definition.sections.map((s, i) => (i === 0 ? { ...s, title } : s)),
    });
    const results = await Promise.allSettled([
      saveRubricDraft(first.db, draft.id, renamed('Opening (Karim)'), draft.revision),
      saveRubricDraft(second.db, draft.id, renamed('Opening (Ellen)'), draft.revision),
    ]);
    expect(results.map(codeOf).sort()).toEqual(['edit_conflict', 'fulfilled']);
    const winner = results[0]!.status === 'fulfilled' ? 'Opening (Karim)' : 'Opening (Ellen)';
    const stored = await getRubricVersion(second.db, draft.id);
    expect(stored.sections[0]!.title).toBe(winner);
    expect(stored.revision).toBe(draft.revision + 1);
    // Every criterion is there exactly once: the loser wrote nothing.
    expect(stored.sections.flatMap((s) => s.criteria)).toHaveLength(published.sections.flatMap((s) => s.criteria).length);
  });
});

describe.skipIf(!onPostgres)('a new team database', () => {
  it('gets the shipped rubric and program once when three workstations start at the same moment', async () => {
    const database = await createPostgresDatabase();
    const dirs = [tempDir(), tempDir(), tempDir()];
    const team = (dir: string) => ({ team: { postgres: database.settings, recordingsDir: join(dir, 'opnames') } });
    try {
      const cores = await Promise.all(dirs.map((dir) => openCore(dir, team(dir))));
      expect(await cores[0]!.db.selectFrom('rubric').select('id').execute()).toHaveLength(1);
      expect(await cores[1]!.db.selectFrom('onboarding_program').select('id').execute()).toHaveLength(1);
      for (const core of cores) await core.close();
    } finally {
      await database.drop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  });
});
