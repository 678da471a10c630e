import { format } from 'date-fns';
import type { CalibrationParticipant, CalibrationSummary, Criterion, RubricVersion } from '@contract';

/** What the signed-in profile does next in a session: the list and the session page say the same. */
export type MyStep = 'start' | 'continue' | 'submitted' | 'compare' | 'missed' | 'view';

export function myStep(s: CalibrationSummary): MyStep {
  if (s.status === 'closed') {
    if (s.mine && !s.mine.submitted) return 'missed';
    return 'compare';
  }
  if (!s.mine) return 'view';
  if (s.mine.submitted) return 'submitted';
  return s.mine.evaluationId === null ? 'start' : 'continue';
}

/** A deadline passes at the end of its day; a closed session is never overdue. */
export function isOverdue(s: Pick<CalibrationSummary, 'deadline' | 'status'>, now = new Date()): boolean {
  return s.status === 'open' && s.deadline !== null && s.deadline < format(now, 'yyyy-MM-dd');
}

export type ParticipantState = 'notStarted' | 'draft' | 'submitted' | 'missed';

export function participantState(p: CalibrationParticipant, closed: boolean): ParticipantState {
  if (p.submittedAt !== null) return 'submitted';
  if (closed) return 'missed';
  return p.evaluationId === null ? 'notStarted' : 'draft';
}

/** Krippendorff's own reading: ≥ 0.8 reliable, 0.667–0.8 tentative conclusions only, below that not. */
export type AlphaLevel = 'good' | 'tentative' | 'poor' | 'none' | 'unanimous';
/** `unanimous`: alpha has no value when nobody varies; when everyone gave the same answer, say that instead. */
export function alphaLevel(value: number | null, unanimous = false): AlphaLevel {
  if (value === null) return unanimous ? 'unanimous' : 'none';
  if (value >= 0.8) return 'good';
  if (value >= 0.667) return 'tentative';
  return 'poor';
}

export interface AnswerWords {
  yes: string;
  no: string;
  na: string;
  unanswered: string;
}

/** "Ja", "Nee", "3 — Voldoende", "n.v.t.": an answer as a coach reads it on the form. */
export function answerText(
  type: 'yes_no' | 'scale',
  value: number | null,
  na: boolean,
  criterion: Criterion | undefined,
  words: AnswerWords,
): string {
  if (na) return words.na;
  if (value === null) return words.unanswered;
  if (type === 'yes_no') return value === 1 ? words.yes : words.no;
  const level = criterion?.levels.find((l) => l.value === value);
  return level ? `${value} — ${level.label}` : String(value);
}

/** A share (0–1) back to the scale level it came from: level = 1 + share × (max − 1). */
export const shareToLevel = (share: number, scaleMax: number) => Math.round(1 + share * (scaleMax - 1));

export function criteriaById(rubric: RubricVersion | undefined): Map<number, Criterion> {
  return new Map((rubric?.sections ?? []).flatMap((s) => s.criteria).map((c) => [c.id, c]));
}

/** Rows grouped by section, in the rubric's order (the comparison already lists them so). */
export function groupBySection<T extends { sectionTitle: string }>(rows: T[]): Array<{ title: string; rows: T[] }> {
  const groups: Array<{ title: string; rows: T[] }> = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last.title === row.sectionTitle) last.rows.push(row);
    else groups.push({ title: row.sectionTitle, rows: [row] });
  }
  return groups;
}

/** 0–1 as a percentage with one decimal, for the score formatter. */
export const pct = (share: number | null) => (share === null ? null : share * 100);
