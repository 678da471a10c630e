import { describe, expect, it } from 'vitest';
import type { Answer, Criterion, RubricVersion } from '../../src-main/contract';
import { answerProblem, scoreEvaluation } from '../../src-main/core/evaluations/scoring';

const criterion = (id: number, over: Partial<Criterion>): Criterion => ({
  id,
  key: `c${id}`,
  title: `Criterium ${id}`,
  description: '',
  type: 'yes_no',
  scaleMax: 1,
  levels: [],
  weight: 1,
  required: true,
  allowNa: false,
  criticalClass: null,
  ...over,
});
const levels = [1, 2, 3, 4, 5].map((value) => ({ value, label: `L${value}`, guidance: '' }));

/** Two sections: a yes/no weight 2, a critical yes/no weight 3 (n.v.t. allowed), a 1–5 scale weight 4, a yes/no weight 1. */
function rubric(criticalZeroesTotal = false): RubricVersion {
  return {
    id: 1,
    rubricId: 1,
    revision: 1,
    name: 'Test',
    version: 1,
    status: 'published',
    criticalZeroesTotal,
    sections: [
      {
        id: 10,
        key: 'a',
        title: 'A',
        criteria: [criterion(1, { weight: 2 }), criterion(2, { weight: 3, criticalClass: 'compliance', allowNa: true })],
      },
      {
        id: 20,
        key: 'b',
        title: 'B',
        criteria: [criterion(3, { type: 'scale', scaleMax: 5, levels, weight: 4 }), criterion(4, { weight: 1, criticalClass: 'customer' })],
      },
    ],
  };
}
const a = (criterionId: number, value: number | null, na = false): Answer => ({ criterionId, value, na, note: '' });

describe('scoreEvaluation', () => {
  it('weights criteria and normalises a 1–5 scale as (level − 1) / 4', () => {
    // c1 yes: 2/2; c2 no: 0/3 (critical!); c3 level 4: 4 × 0.75 = 3 of 4; c4 yes: 1/1 → 6 / 10.
    const result = scoreEvaluation(rubric(), [a(1, 1), a(2, 0), a(3, 4), a(4, 1)]);
    expect(result.achieved).toBeCloseTo(6);
    expect(result.maximum).toBeCloseTo(10);
    expect(result.scorePct).toBeCloseTo(60);
    expect(result.sections.map((s) => s.scorePct)).toEqual([40, 80]);
  });

  it('leaves n.v.t. out of both sums', () => {
    // c2 n.v.t.: (2 + 3 + 1) / (2 + 4 + 1) = 6 / 7.
    const result = scoreEvaluation(rubric(), [a(1, 1), a(2, null, true), a(3, 4), a(4, 1)]);
    expect(result.maximum).toBeCloseTo(7);
    expect(result.scorePct).toBeCloseTo((6 / 7) * 100);
    expect(result.criteria.find((c) => c.criterionId === 2)).toMatchObject({ counted: false, achieved: null, maximum: null });
    expect(result.hasCriticalError).toBe(false);
  });

  it('flags critical errors per COPC class without zeroing by default', () => {
    const result = scoreEvaluation(rubric(), [a(1, 1), a(2, 0), a(3, 5), a(4, 0)]);
    expect(result.critical).toEqual({ customer: true, business: false, compliance: true });
    expect(result.hasCriticalError).toBe(true);
    expect(result.zeroedByCritical).toBe(false);
    expect(result.scorePct).toBeCloseTo(60); // (2 + 0 + 4 + 0) / 10
  });

  it('zeroes the total when the rubric says a critical error does', () => {
    const result = scoreEvaluation(rubric(true), [a(1, 1), a(2, 0), a(3, 5), a(4, 1)]);
    expect(result.zeroedByCritical).toBe(true);
    expect(result.scorePct).toBe(0);
  });

  it('scores the lowest scale level as nothing and the highest as everything', () => {
    expect(scoreEvaluation(rubric(), [a(3, 1)]).scorePct).toBe(0);
    expect(scoreEvaluation(rubric(), [a(3, 5)]).scorePct).toBe(100);
    expect(scoreEvaluation(rubric(), [a(3, 3)]).scorePct).toBe(50);
  });

  it('has no score when nothing applicable was answered', () => {
    expect(scoreEvaluation(rubric(), [a(2, null, true)]).scorePct).toBeNull();
  });
});

describe('answerProblem', () => {
  const r = rubric();
  const [c1, c2] = r.sections[0]!.criteria as [Criterion, Criterion];
  const c3 = r.sections[1]!.criteria[0]!;
  it('refuses n.v.t. where the rubric does not allow it', () => {
    expect(answerProblem(c1, a(1, null, true))).toMatch(/niet toegestaan/);
    expect(answerProblem(c2, a(2, null, true))).toBeNull();
  });
  it('refuses values outside the criterion', () => {
    expect(answerProblem(c1, a(1, 3))).toMatch(/ja of nee/);
    expect(answerProblem(c3, a(3, 6))).toMatch(/1 tot en met 5/);
    expect(answerProblem(c3, a(3, 0))).toMatch(/1 tot en met 5/);
  });
});
