import type { Answer } from '../../src-main/contract';
import type { Core } from '../../src-main/core/app';
import { finalizeEvaluation, saveDraft, startEvaluation } from '../../src-main/core/evaluations/evaluations';
import { getRubricVersion } from '../../src-main/core/rubrics/rubrics';

/** Every criterion of the evaluation's rubric answered at the top ('top') or bottom ('low') of its scale. */
export async function uniformAnswers(core: Core, rubricVersionId: number, level: 'top' | 'low'): Promise<Answer[]> {
  const rubric = await getRubricVersion(core.db, rubricVersionId);
  return rubric.sections.flatMap((s) =>
    s.criteria.map((c) => ({
      criterionId: c.id,
      value: level === 'top' ? (c.type === 'yes_no' ? 1 : c.scaleMax) : c.type === 'yes_no' ? 0 : 1,
      na: false,
      note: '',
    })),
  );
}

/** Starts, fills in and finalises an evaluation of a call as a coach; returns its id. */
export async function finishEvaluation(core: Core, coachId: number, recordingId: number, level: 'top' | 'low' = 'top'): Promise<number> {
  const draft = await startEvaluation(core.db, coachId, recordingId);
  await saveDraft(core.db, coachId, {
    id: draft.id,
    tops: 'Vriendelijke opening',
    tips: 'Vat samen',
    answers: await uniformAnswers(core, draft.rubricVersionId, level),
  });
  await finalizeEvaluation(core.db, coachId, draft.id);
  return draft.id;
}
