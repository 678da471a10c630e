import type { Answer, Criterion, RubricVersion } from '../../contract';
import { achievedFraction } from '../evaluations/scoring';
import { criterionPhrases, generalTips, generalTops } from './phrases';
import type { DemoRandom } from './random';

export interface AnswerPlan {
  /** The score the story wants for this call, in percent; the answers land within about a point of it. */
  targetPct: number;
  /** Criteria that do not apply to this call (answered n.v.t. where the rubric allows it). */
  notApplicable: ReadonlySet<string>;
  /** A critical criterion the advisor failed in this call, or null. */
  criticalKey: string | null;
  /** The advisor's usual weak points: lowered first. */
  weakKeys: readonly string[];
}

export interface PlannedAnswers {
  answers: Answer[];
  tops: string;
  tips: string;
  /** Criteria below full marks, most costly first: what the coach would mark on the timeline. */
  missed: Criterion[];
}

const fullMarks = (c: Criterion) => (c.type === 'yes_no' ? 1 : c.scaleMax);

/**
 * Answers that tell the story: everything at full marks, the planned critical miss, then one step
 * down at a time (the advisor's weak points most often) until the core's own scoring reaches the
 * target (the core's achievedFraction per answer). Yes/no criteria drop a whole weight at once, so they are only lowered when the gap is
 * large; critical criteria are never lowered by chance.
 */
export function planAnswers(rubric: RubricVersion, plan: AnswerPlan, random: DemoRandom): PlannedAnswers {
  const criteria = rubric.sections.flatMap((s) => s.criteria);
  const values = new Map<number, number | null>();
  for (const c of criteria) values.set(c.id, c.allowNa && plan.notApplicable.has(c.key) ? null : fullMarks(c));
  const critical = criteria.find((c) => c.key === plan.criticalKey && values.get(c.id) !== null);
  if (critical) values.set(critical.id, critical.type === 'yes_no' ? 0 : 1);

  const answersOf = (withNotes: ReadonlyMap<number, string>): Answer[] =>
    criteria.map((c) => {
      const value = values.get(c.id) ?? null;
      return { criterionId: c.id, value, na: value === null, note: withNotes.get(c.id) ?? '' };
    });
  // Aiming only: the score that counts is the core's, computed when the draft is saved.
  const score = () => {
    let achieved = 0;
    let maximum = 0;
    for (const c of criteria) {
      const value = values.get(c.id);
      if (value === null || value === undefined) continue;
      achieved += c.weight * achievedFraction(c, value);
      maximum += c.weight;
    }
    return maximum > 0 ? (achieved / maximum) * 100 : 100;
  };

  for (let guard = 0; guard < 60; guard++) {
    const gap = score() - plan.targetPct;
    if (gap <= 0.6) break;
    const lowerable = criteria.filter((c) => {
      const value = values.get(c.id);
      if (value === null || value === undefined || c.criticalClass !== null) return false;
      if (c.type === 'yes_no') return value === 1 && gap >= 4;
      return value > 2;
    });
    if (lowerable.length === 0) break;
    const pick = random.weighted(lowerable, (c) => (plan.weakKeys.includes(c.key) ? 6 : c.type === 'scale' ? 1.5 : 0.4));
    values.set(pick.id, (values.get(pick.id) ?? 1) - 1);
  }

  const loss = (c: Criterion) => {
    const value = values.get(c.id);
    return value === null || value === undefined ? 0 : c.weight * (1 - value / fullMarks(c));
  };
  const missed = criteria.filter((c) => loss(c) > 0).sort((a, b) => loss(b) - loss(a) || a.id - b.id);
  const notes = new Map<number, string>();
  for (const c of missed) {
    const phrases = criterionPhrases[c.key];
    if (phrases && (c === critical || random.chance(plan.weakKeys.includes(c.key) ? 0.6 : 0.35))) {
      notes.set(c.id, random.pick(phrases.notes));
    }
  }

  const praised = random
    .shuffle(criteria.filter((c) => values.get(c.id) === fullMarks(c) && criterionPhrases[c.key]))
    .slice(0, missed.length > 3 ? 1 : 2);
  const tops = praised.length > 0 ? praised.map((c) => random.pick(criterionPhrases[c.key]!.tops)).join(' ') : random.pick(generalTops);
  const advised = missed.slice(0, 2).filter((c) => criterionPhrases[c.key]);
  const tips = advised.length > 0 ? advised.map((c) => random.pick(criterionPhrases[c.key]!.tips)).join(' ') : random.pick(generalTips);
  return { answers: answersOf(notes), tops, tips, missed };
}
