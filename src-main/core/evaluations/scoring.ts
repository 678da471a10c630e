import type { Answer, Criterion, CriterionScore, RubricVersion, ScoreResult, SectionScore } from '../../contract';

/**
 * The share of a criterion's maximum an answer earns: yes = 1, no = 0; on a 1..max scale the
 * lowest level earns nothing and each level above it an equal step ((level − 1) / (max − 1)).
 */
export function achievedFraction(criterion: Criterion, value: number): number {
  if (criterion.type === 'yes_no') return value === 1 ? 1 : 0;
  return (value - 1) / (criterion.scaleMax - 1);
}

/** Whether an answer is one the criterion allows (n.v.t. only where the rubric permits it). */
export function answerProblem(criterion: Criterion, answer: Answer): string | null {
  if (answer.na) {
    if (!criterion.allowNa) return 'n.v.t. is bij dit criterium niet toegestaan';
    return answer.value === null ? null : 'kies een waarde of n.v.t., niet allebei';
  }
  if (answer.value === null) return null;
  if (criterion.type === 'yes_no') return answer.value === 0 || answer.value === 1 ? null : 'kies ja of nee';
  return answer.value >= 1 && answer.value <= criterion.scaleMax ? null : `kies een niveau van 1 tot en met ${criterion.scaleMax}`;
}

export const isAnswered = (answer: Answer | undefined): boolean => !!answer && (answer.na || answer.value !== null);

const percentage = (achieved: number, maximum: number): number | null => (maximum > 0 ? (achieved / maximum) * 100 : null);

/**
 * Score = Σ(weight × achieved) / Σ(weight × maximum) over applicable criteria; n.v.t. and
 * unanswered criteria leave both sums. Sections the same way. Critical criteria that earn
 * nothing flag a critical error in their COPC class.
 */
export function scoreEvaluation(rubric: RubricVersion, answers: readonly Answer[]): ScoreResult {
  const byCriterion = new Map(answers.map((a) => [a.criterionId, a]));
  const critical = { customer: false, business: false, compliance: false };
  const criteria: CriterionScore[] = [];
  const sections: SectionScore[] = [];
  let achieved = 0;
  let maximum = 0;

  for (const section of rubric.sections) {
    let sectionAchieved = 0;
    let sectionMaximum = 0;
    for (const criterion of section.criteria) {
      const answer = byCriterion.get(criterion.id);
      const counted = !!answer && !answer.na && answer.value !== null;
      const fraction = counted ? achievedFraction(criterion, answer.value ?? 0) : null;
      const criticalFailed = criterion.criticalClass !== null && fraction === 0;
      if (criticalFailed && criterion.criticalClass) critical[criterion.criticalClass] = true;
      if (fraction !== null) {
        sectionAchieved += criterion.weight * fraction;
        sectionMaximum += criterion.weight;
      }
      criteria.push({
        criterionId: criterion.id,
        sectionId: section.id,
        title: criterion.title,
        weight: criterion.weight,
        achieved: fraction === null ? null : criterion.weight * fraction,
        maximum: fraction === null ? null : criterion.weight,
        counted,
        criticalClass: criterion.criticalClass,
        criticalFailed,
      });
    }
    achieved += sectionAchieved;
    maximum += sectionMaximum;
    sections.push({
      sectionId: section.id,
      title: section.title,
      achieved: sectionAchieved,
      maximum: sectionMaximum,
      scorePct: percentage(sectionAchieved, sectionMaximum),
    });
  }

  const hasCriticalError = critical.customer || critical.business || critical.compliance;
  const zeroedByCritical = rubric.criticalZeroesTotal && hasCriticalError;
  return {
    scorePct: zeroedByCritical ? 0 : percentage(achieved, maximum),
    achieved,
    maximum,
    sections,
    criteria,
    critical,
    hasCriticalError,
    zeroedByCritical,
  };
}
