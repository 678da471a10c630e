import type { Answer, Criterion } from '@contract';

/** Radio choices are strings; answers are numbers with an n.v.t. flag. One mapping, both ways. */
export function answerToChoice(answer: Answer | undefined): string | null {
  if (!answer) return null;
  if (answer.na) return 'na';
  return answer.value === null ? null : String(answer.value);
}

export function choiceToAnswer(criterion: Criterion, choice: string, note: string): Answer {
  if (choice === 'na') return { criterionId: criterion.id, value: null, na: true, note };
  return { criterionId: criterion.id, value: Number(choice), na: false, note };
}

export function describeAnswer(criterion: Criterion, answer: Answer | undefined, labels: { yes: string; no: string; na: string }): string {
  if (!answer || (!answer.na && answer.value === null)) return '—';
  if (answer.na) return labels.na;
  if (criterion.type === 'yes_no') return answer.value === 1 ? labels.yes : labels.no;
  const level = criterion.levels.find((l) => l.value === answer.value);
  return `${answer.value} — ${level?.label ?? ''}`;
}
