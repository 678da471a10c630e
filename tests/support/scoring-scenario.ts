import type { Answer, RubricVersion } from '../../src-main/contract';

/**
 * One scored call on the shipped rubric, with the expected result worked out by hand, shared by
 * the integration and end-to-end tests. 'na' is n.v.t.; numbers are yes (1) / no (0) or a level.
 *
 * achieved = 1 + 3 + 3 + 1.5 + 1 + 4 + 2.25 + 0 + 2 + 1 + 1 + 1 + 0.5 + 1.5 + 1 + 2 + 2 = 27.75
 * maximum  = 1 + 3 + 3 + 2 + 2 + 4 + 3 + 2 + 2 + 1 + 1 + 1 + 2 + 2 + 2 + 2 + 2 = 35 (opname-melding n.v.t.)
 * score    = 27.75 / 35 = 79.2857…% → shown as 79,3%
 */
export const scenarioAnswers: Record<string, number | 'na'> = {
  begroeting: 1,
  'opname-melding': 'na',
  identiteit: 1,
  derden: 1,
  'open-vragen': 4,
  samenvatten: 3,
  juist: 1,
  volledig: 4,
  'warm-doorverbinden': 0,
  terugbelnotitie: 1,
  'alles-beantwoord': 1,
  afspraken: 5,
  afscheid: 1,
  empathie: 2,
  helderheid: 4,
  weerstand: 3,
  eigenaarschap: 5,
  zaaksysteem: 1,
};
export const scenarioAchieved = 27.75;
export const scenarioMaximum = 35;
export const scenarioScorePct = (27.75 / 35) * 100;
export const scenarioScoreText = '79,3%';

/** The scenario as answers to a rubric version (the shipped rubric, or a version with the same keys). */
export function scenarioAnswerList(rubric: RubricVersion): Answer[] {
  return rubric.sections
    .flatMap((s) => s.criteria)
    .map((c) => {
      const v = scenarioAnswers[c.key];
      if (v === undefined) throw new Error(`scenario misses ${c.key}`);
      return v === 'na' ? { criterionId: c.id, value: null, na: true, note: '' } : { criterionId: c.id, value: v, na: false, note: '' };
    });
}
