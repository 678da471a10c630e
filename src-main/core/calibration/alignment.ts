import type {
  Answer,
  CalibrationCell,
  CalibrationComparison,
  CalibrationCriterionRow,
  Criterion,
  ReferenceSource,
  RubricVersion,
} from '../../contract';
import { achievedFraction } from '../evaluations/scoring';
import { krippendorff, pooledAlpha, type AlphaDetail, type Rating } from './krippendorff';

/** One participant's submitted scoring. */
export interface Scoring {
  coachId: number;
  name: string;
  answers: readonly Answer[];
  scorePct: number | null;
}

export interface ConsensusAnswer {
  criterionId: number;
  value: number | null;
  na: boolean;
  guidanceNote: string;
}

interface Reference {
  value: number | null;
  na: boolean;
  share: number | null;
  /** Where this criterion's reference came from; the expert's own answer is left out of agreementPct. */
  source: ReferenceSource;
}

const answered = (a: Pick<Answer, 'value' | 'na'> | undefined): a is Pick<Answer, 'value' | 'na'> => !!a && (a.na || a.value !== null);

const shareOf = (criterion: Criterion, a: Pick<Answer, 'value' | 'na'> | undefined): number | null =>
  a && !a.na && a.value !== null ? achievedFraction(criterion, a.value) : null;

const sameAnswer = (a: Pick<Answer, 'value' | 'na'>, b: Pick<Answer, 'value' | 'na'>) =>
  (a.na && b.na) || (!a.na && !b.na && a.value === b.value);

/**
 * The participants' own reference when there is neither an expert nor an agreed answer.
 * n.v.t. when more participants chose n.v.t. than a value; a tie between the two gives none.
 * Scales: the median level; with an even count the lower of the two middle levels, so the reference
 * is always a level someone actually gave. Yes/no: the majority; a tie gives none.
 */
export function medianReference(criterion: Criterion, answers: readonly Pick<Answer, 'value' | 'na'>[]): Omit<Reference, 'source'> | null {
  const given = answers.filter(answered);
  const naCount = given.filter((a) => a.na).length;
  const values = given.flatMap((a) => (a.na || a.value === null ? [] : [a.value])).sort((a, b) => a - b);
  if (given.length === 0 || naCount === values.length) return null;
  if (naCount > values.length) return { value: null, na: true, share: null };
  let value: number;
  if (criterion.type === 'yes_no') {
    const yes = values.filter((v) => v === 1).length;
    const no = values.length - yes;
    if (yes === no) return null;
    value = yes > no ? 1 : 0;
  } else {
    value = values[Math.floor((values.length - 1) / 2)]!;
  }
  return { value, na: false, share: achievedFraction(criterion, value) };
}

/**
 * 1 − |share − reference share|: the share is the part of the criterion's maximum the answer
 * earns, so this is 1 − |score − reference| ÷ criterion maximum. Both n.v.t.: full alignment;
 * exactly one n.v.t.: none (they disagree on whether the criterion applies at all).
 */
export function cellAlignment(
  cell: { na: boolean; share: number | null },
  reference: { na: boolean; share: number | null } | null,
): number | null {
  if (!reference) return null;
  if (cell.na && reference.na) return 1;
  if (cell.na || reference.na) return 0;
  if (cell.share === null || reference.share === null) return null;
  return 1 - Math.abs(cell.share - reference.share);
}

const range = (xs: readonly number[]) => {
  if (xs.length === 0) return { min: null, max: null, range: null };
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  return { min, max, range: max - min };
};

const alphaOut = (a: AlphaDetail) => ({ value: a.value, pairable: a.pairable });

/**
 * The alpha values of one set of scorings. Units are the criteria, observers the participants,
 * n.v.t. and unanswered are missing. Scale criteria are rated by their achieved share (ordinal:
 * only the order counts, and shares put 1–3 and 1–5 scales on one footing); yes/no as 0/1,
 * nominal. Overall pools the two (see pooledAlpha).
 */
export function alphaOf(criteria: readonly Criterion[], scorings: readonly Scoring[]) {
  const rows = (type: Criterion['type']): Rating[][] =>
    criteria
      .filter((c) => c.type === type)
      .map((c) =>
        scorings.map((s) =>
          shareOf(
            c,
            s.answers.find((a) => a.criterionId === c.id),
          ),
        ),
      );
  const scales = krippendorff(rows('scale'), 'ordinal');
  const yesNo = krippendorff(rows('yes_no'), 'nominal');
  return { scales: alphaOut(scales), yesNo: alphaOut(yesNo), overall: alphaOut(pooledAlpha([scales, yesNo])) };
}

/**
 * The whole comparison of one session, from the submitted scorings.
 * Reference per criterion: the expert's answer when an expert was named and submitted; else the
 * agreed (consensus) answer where one was recorded, and the participants' median/majority where not.
 */
export function buildComparison(
  rubric: RubricVersion,
  scorings: readonly Scoring[],
  options: { expertId: number | null; consensus: readonly ConsensusAnswer[] },
): Omit<CalibrationComparison, 'sessionId'> {
  const criteria = rubric.sections.flatMap((s) => s.criteria.map((c) => ({ section: s, criterion: c })));
  // A criterion's maximum adds weight × 1 to the score's denominator (its share tops at 1), so its
  // share of the rubric is weight ÷ Σ weights, whatever its scale.
  const weightSum = criteria.reduce((sum, { criterion }) => sum + criterion.weight, 0);
  const expert = scorings.find((s) => s.coachId === options.expertId) ?? null;
  const consensusBy = new Map(options.consensus.map((c) => [c.criterionId, c]));
  const decided = options.consensus.some(answered);
  const referenceSource: ReferenceSource = expert ? 'expert' : decided ? 'consensus' : 'median';

  const rows: CalibrationCriterionRow[] = criteria.map(({ section, criterion }) => {
    const answerOf = (s: Scoring) => s.answers.find((a) => a.criterionId === criterion.id);
    const consensus = consensusBy.get(criterion.id);
    let reference: Reference | null;
    if (expert) {
      const a = answerOf(expert);
      reference = answered(a) ? { value: a.na ? null : a.value, na: a.na, share: shareOf(criterion, a), source: 'expert' } : null;
    } else if (answered(consensus)) {
      reference = {
        value: consensus.na ? null : consensus.value,
        na: consensus.na,
        share: shareOf(criterion, consensus),
        source: 'consensus',
      };
    } else {
      const median = medianReference(
        criterion,
        scorings.flatMap((s) => answerOf(s) ?? []),
      );
      reference = median && { ...median, source: 'median' };
    }

    const answers: CalibrationCell[] = scorings.map((s) => {
      const a = answerOf(s);
      const na = a?.na ?? false;
      const share = shareOf(criterion, a);
      const cell = { na, share };
      return {
        coachId: s.coachId,
        value: a && !a.na ? a.value : null,
        na,
        note: a?.note ?? '',
        share,
        deviation: share !== null && reference !== null && reference.share !== null ? share - reference.share : null,
        alignment: answered(a) ? cellAlignment(cell, reference) : null,
      };
    });

    // The expert agrees with themself by definition; counting them would flatter the criterion.
    const judged = scorings.filter((s) => !(reference?.source === 'expert' && s.coachId === expert?.coachId));
    const agreeing = reference
      ? judged.filter((s) => {
          const a = answerOf(s);
          return answered(a) && sameAnswer(a, reference);
        }).length
      : 0;

    return {
      criterionId: criterion.id,
      key: criterion.key,
      sectionTitle: section.title,
      title: criterion.title,
      type: criterion.type,
      scaleMax: criterion.scaleMax,
      weightShare: weightSum > 0 ? criterion.weight / weightSum : 0,
      answers,
      reference: reference && { value: reference.value, na: reference.na, share: reference.share },
      spread: range(answers.flatMap((c) => (c.share === null ? [] : [c.share]))),
      agreementPct: reference && judged.length > 0 ? (agreeing / judged.length) * 100 : null,
      consensus: consensus ? { value: consensus.value, na: consensus.na, guidanceNote: consensus.guidanceNote } : null,
    };
  });

  const coaches = scorings.map((s) => {
    let weighted = 0;
    let weights = 0;
    for (const row of rows) {
      const alignment = row.answers.find((c) => c.coachId === s.coachId)?.alignment ?? null;
      if (alignment === null) continue;
      weighted += row.weightShare * alignment;
      weights += row.weightShare;
    }
    return {
      coachId: s.coachId,
      name: s.name,
      isReference: s.coachId === expert?.coachId,
      scorePct: s.scorePct,
      alignment: weights > 0 ? weighted / weights : null,
    };
  });

  return {
    referenceSource,
    criteria: rows,
    coaches,
    alpha: alphaOf(
      criteria.map((c) => c.criterion),
      scorings,
    ),
  };
}
