import { describe, expect, it } from 'vitest';
import type { Answer, Criterion, RubricVersion } from '../../src-main/contract';
import { buildComparison, cellAlignment, medianReference, type Scoring } from '../../src-main/core/calibration/alignment';

const levels = (max: number) => Array.from({ length: max }, (_, i) => ({ value: i + 1, label: `N${i + 1}`, guidance: '' }));
const criterion = (id: number, key: string, over: Partial<Criterion>): Criterion => ({
  id,
  key,
  title: key,
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

/**
 * Weights 1 + 2 + 1 + 2 = 6, so the shares of the rubric are 1/6, 2/6, 1/6, 2/6.
 *   1 begroeting   yes/no  weight 1
 *   2 vragen       1–5     weight 2
 *   3 samenvatten  1–3     weight 1, n.v.t. allowed
 *   4 afspraken    yes/no  weight 2
 */
const rubric: RubricVersion = {
  id: 1,
  rubricId: 1,
  revision: 1,
  name: 'Klein formulier',
  version: 1,
  status: 'published',
  criticalZeroesTotal: false,
  sections: [
    {
      id: 1,
      key: 'opening',
      title: 'Opening',
      criteria: [criterion(1, 'begroeting', {}), criterion(2, 'vragen', { type: 'scale', scaleMax: 5, levels: levels(5), weight: 2 })],
    },
    {
      id: 2,
      key: 'afsluiting',
      title: 'Afsluiting',
      criteria: [
        criterion(3, 'samenvatten', { type: 'scale', scaleMax: 3, levels: levels(3), allowNa: true }),
        criterion(4, 'afspraken', { weight: 2 }),
      ],
    },
  ],
};

const answers = (values: Record<number, number | 'na'>): Answer[] =>
  Object.entries(values).map(([id, v]) => ({ criterionId: Number(id), value: v === 'na' ? null : v, na: v === 'na', note: '' }));

/**
 * Achieved shares (yes 1, no 0, scale (level − 1) / (max − 1)):
 *            begroeting  vragen       samenvatten   afspraken
 *   Anna     yes → 1     4 → 0.75     2 → 0.5       yes → 1
 *   Bram     yes → 1     3 → 0.5      n.v.t.        no → 0
 *   Cem      no → 0      5 → 1        3 → 1         yes → 1
 */
const anna: Scoring = { coachId: 1, name: 'Anna', scorePct: 83.3, answers: answers({ 1: 1, 2: 4, 3: 2, 4: 1 }) };
const bram: Scoring = { coachId: 2, name: 'Bram', scorePct: 60, answers: answers({ 1: 1, 2: 3, 3: 'na', 4: 0 }) };
const cem: Scoring = { coachId: 3, name: 'Cem', scorePct: 66.7, answers: answers({ 1: 0, 2: 5, 3: 3, 4: 1 }) };

const row = (c: ReturnType<typeof buildComparison>, id: number) => c.criteria.find((r) => r.criterionId === id)!;
const cell = (c: ReturnType<typeof buildComparison>, id: number, coachId: number) => row(c, id).answers.find((a) => a.coachId === coachId)!;
const coach = (c: ReturnType<typeof buildComparison>, coachId: number) => c.coaches.find((x) => x.coachId === coachId)!;

describe('alignment with an expert (Anna) as reference', () => {
  const c = buildComparison(rubric, [anna, bram, cem], { expertId: 1, consensus: [] });

  it('scores every cell 1 − |share − reference share|, n.v.t. against a value 0', () => {
    expect(c.referenceSource).toBe('expert');
    // begroeting: reference yes (1). Bram 1 − 0 = 1; Cem 1 − |0 − 1| = 0.
    expect([cell(c, 1, 2).alignment, cell(c, 1, 3).alignment]).toEqual([1, 0]);
    // vragen: reference 0.75. Bram 1 − 0.25 = 0.75, deviation −0.25; Cem 1 − 0.25 = 0.75, deviation +0.25.
    expect(cell(c, 2, 2)).toMatchObject({ value: 3, share: 0.5, deviation: -0.25, alignment: 0.75 });
    expect(cell(c, 2, 3)).toMatchObject({ value: 5, share: 1, deviation: 0.25, alignment: 0.75 });
    // samenvatten: reference 0.5. Bram n.v.t. against a value: 0 (no deviation); Cem 1 − 0.5 = 0.5.
    expect(cell(c, 3, 2)).toMatchObject({ na: true, share: null, deviation: null, alignment: 0 });
    expect(cell(c, 3, 3)).toMatchObject({ deviation: 0.5, alignment: 0.5 });
  });

  it('weights the cells by the criterion’s share of the rubric', () => {
    expect(row(c, 2).weightShare).toBeCloseTo(2 / 6, 12);
    // Bram: (1/6)·1 + (2/6)·0.75 + (1/6)·0 + (2/6)·0 = 2.5/6 = 0.41667
    expect(coach(c, 2).alignment).toBeCloseTo(2.5 / 6, 12);
    // Cem:  (1/6)·0 + (2/6)·0.75 + (1/6)·0.5 + (2/6)·1 = 4/6 = 0.66667
    expect(coach(c, 3).alignment).toBeCloseTo(4 / 6, 12);
    // Anna is the reference: aligned with herself, and marked.
    expect(coach(c, 1)).toMatchObject({ alignment: 1, isReference: true, scorePct: 83.3 });
    expect(coach(c, 2).isReference).toBe(false);
  });

  it('counts agreement without the expert, and the spread over all shares (n.v.t. left out)', () => {
    // begroeting: Bram yes = yes, Cem no → 1 of 2 = 50%. vragen: 3 and 5 against 4 → 0%.
    expect(row(c, 1).agreementPct).toBe(50);
    expect(row(c, 2).agreementPct).toBe(0);
    expect(row(c, 4).agreementPct).toBe(50);
    expect(row(c, 2).spread).toEqual({ min: 0.5, max: 1, range: 0.5 });
    expect(row(c, 3).spread).toEqual({ min: 0.5, max: 1, range: 0.5 });
    expect(row(c, 2).reference).toEqual({ value: 4, na: false, share: 0.75 });
  });

  it('computes alpha over the criteria: ordinal on the scales, nominal on yes/no, pooled overall', () => {
    // Yes/no units [1,1,0] and [1,0,1]: o11 = 2, o10 = o01 = 2; n1 = 4, n0 = 2, n = 6.
    //   D_o = 4/6, D_e = 2·4·2/30 = 16/30, alpha = 1 − (4/6)/(16/30) = −0.25.
    expect(c.alpha.yesNo.value).toBeCloseTo(-0.25, 12);
    expect(c.alpha.yesNo.pairable).toBe(6);
    // Scale units (shares) [0.75, 0.5, 1] and [0.5, —, 1]: o(.5,.75) = .5, o(.5,1) = 1.5, o(.75,1) = .5;
    //   n.5 = 2, n.75 = 1, n1 = 2, n = 5. Ordinal δ²: (.5,.75) = (3 − 1.5)² = 2.25, (.75,1) = 2.25,
    //   (.5,1) = (5 − 2)² = 9. D_o = 2·(.5·2.25 + 1.5·9 + .5·2.25)/5 = 6.3;
    //   D_e = 2·(2·1·2.25 + 2·2·9 + 1·2·2.25)/20 = 4.5; alpha = 1 − 6.3/4.5 = −0.4.
    expect(c.alpha.scales.value).toBeCloseTo(-0.4, 12);
    expect(c.alpha.scales.pairable).toBe(5);
    // Pooled, each part divided by its largest δ² (9 and 1): scales D_o' = 0.7, D_e' = 0.5 (n 5);
    //   yes/no D_o' = 4/6, D_e' = 16/30 (n 6). 1 − (5·0.7 + 6·4/6) / (5·0.5 + 6·16/30) = 1 − 7.5/5.7 = −6/19.
    expect(c.alpha.overall.value).toBeCloseTo(-6 / 19, 12);
    expect(c.alpha.overall.pairable).toBe(11);
  });
});

describe('the consensus as reference when there is no expert', () => {
  const c = buildComparison(rubric, [anna, bram, cem], {
    expertId: null,
    consensus: [
      { criterionId: 1, value: 1, na: false, guidanceNote: '' },
      { criterionId: 2, value: 3, na: false, guidanceNote: 'Niveau 4 vraagt om doorvragen.' },
      { criterionId: 3, value: null, na: true, guidanceNote: '' },
      // Discussed but not agreed: this criterion falls back to the majority (yes, 2 of 3).
      { criterionId: 4, value: null, na: false, guidanceNote: 'Afspraken: ook terugbellen telt.' },
    ],
  });

  it('uses the agreed answers, and the majority where none was agreed', () => {
    expect(c.referenceSource).toBe('consensus');
    expect(row(c, 3).reference).toEqual({ value: null, na: true, share: null });
    expect(row(c, 4).reference).toEqual({ value: 1, na: false, share: 1 });
    expect(row(c, 2).consensus).toEqual({ value: 3, na: false, guidanceNote: 'Niveau 4 vraagt om doorvragen.' });
    // samenvatten agreed n.v.t.: Bram (n.v.t.) 1, Anna and Cem (a value) 0.
    expect([cell(c, 3, 1).alignment, cell(c, 3, 2).alignment, cell(c, 3, 3).alignment]).toEqual([0, 1, 0]);
  });

  it('weights the alignments the same way, nobody marked as reference', () => {
    // References: yes, 3 (0.5), n.v.t., yes.
    // Anna: (1·1 + 2·0.75 + 1·0 + 2·1) / 6 = 4.5/6 = 0.75
    // Bram: (1·1 + 2·1    + 1·1 + 2·0) / 6 = 4/6
    // Cem:  (1·0 + 2·0.5  + 1·0 + 2·1) / 6 = 3/6 = 0.5
    expect(coach(c, 1).alignment).toBeCloseTo(0.75, 12);
    expect(coach(c, 2).alignment).toBeCloseTo(4 / 6, 12);
    expect(coach(c, 3).alignment).toBeCloseTo(0.5, 12);
    expect(c.coaches.some((x) => x.isReference)).toBe(false);
    // Agreement counts everyone here: begroeting yes by Anna and Bram = 2 of 3.
    expect(row(c, 1).agreementPct).toBeCloseTo(200 / 3, 12);
  });
});

describe('the participants’ median as reference', () => {
  it('takes the lower median for an even count, and no reference on a tie', () => {
    const c = buildComparison(rubric, [bram, cem], { expertId: null, consensus: [] });
    expect(c.referenceSource).toBe('median');
    // vragen: levels 3 and 5 → the lower middle, 3 (share 0.5). Bram 1, Cem 1 − 0.5 = 0.5.
    expect(row(c, 2).reference).toEqual({ value: 3, na: false, share: 0.5 });
    // begroeting yes vs no, afspraken no vs yes, samenvatten n.v.t. vs a value: ties, no reference.
    for (const id of [1, 3, 4]) {
      expect(row(c, id).reference).toBeNull();
      expect(row(c, id).agreementPct).toBeNull();
      expect(cell(c, id, 2).alignment).toBeNull();
    }
    // Only vragen has a reference, so it alone decides the alignment.
    expect(coach(c, 2).alignment).toBe(1);
    expect(coach(c, 3).alignment).toBe(0.5);
  });

  it('makes n.v.t. the reference when more chose it than a value', () => {
    const c3 = rubric.sections[1]!.criteria[0]!;
    const na = { value: null, na: true };
    expect(medianReference(c3, [na, na, { value: 2, na: false }])).toEqual({ value: null, na: true, share: null });
    expect(medianReference(c3, [na, { value: 3, na: false }, { value: 1, na: false }])).toEqual({ value: 1, na: false, share: 0 });
    expect(medianReference(c3, [])).toBeNull();
  });
});

describe('cell alignment rules', () => {
  it('gives 1 for both n.v.t., 0 for exactly one, and nothing without a reference', () => {
    expect(cellAlignment({ na: true, share: null }, { na: true, share: null })).toBe(1);
    expect(cellAlignment({ na: false, share: 1 }, { na: true, share: null })).toBe(0);
    expect(cellAlignment({ na: true, share: null }, { na: false, share: 0 })).toBe(0);
    expect(cellAlignment({ na: false, share: 0.25 }, null)).toBeNull();
    expect(cellAlignment({ na: false, share: 0.25 }, { na: false, share: 1 })).toBe(0.25);
  });
});
