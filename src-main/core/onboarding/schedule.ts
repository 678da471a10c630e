import { independenceLevels, type IndependenceLevel, type ItemStatus, type OnboardingPhase } from '../../contract';

const dayMs = 86_400_000;

// Dates are calendar days without a zone: counting in UTC keeps a week seven days long across
// daylight-saving changes.
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / dayMs;
const fromDay = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);

export const addDays = (iso: string, days: number): string => fromDay(toDay(iso) + days);
export const daysBetween = (from: string, to: string): number => toDay(to) - toDay(from);

/** Week n of a track runs from start + 7·(n−1) to start + 7·n − 1: a Wednesday start gives Wednesday-to-Tuesday weeks. */
export function weekRange(startDate: string, week: number): { startDate: string; endDate: string } {
  return { startDate: addDays(startDate, 7 * (week - 1)), endDate: addDays(startDate, 7 * week - 1) };
}

export const trainingEndDate = (startDate: string, weeks: number): string => weekRange(startDate, weeks).endDate;

/** The week `date` falls in, counted from the start (1-based); 0 before the start. */
export function weekOf(startDate: string, date: string): number {
  const days = daysBetween(startDate, date);
  return days < 0 ? 0 : Math.floor(days / 7) + 1;
}

export function phaseOn(
  track: { startDate: string; trainingWeeks: number; completed: boolean },
  today: string,
): { phase: OnboardingPhase; currentWeek: number | null } {
  if (track.completed) return { phase: 'done', currentWeek: null };
  const week = weekOf(track.startDate, today);
  if (week === 0) return { phase: 'upcoming', currentWeek: null };
  if (week <= track.trainingWeeks) return { phase: 'training', currentWeek: week };
  return { phase: 'buddy', currentWeek: null };
}

/** An item not signed off once its week has passed is overdue; signing it off late is still a sign-off. */
export function itemStatusOn(item: { week: number; signedOffOn: string | null }, startDate: string, today: string): ItemStatus {
  if (item.signedOffOn !== null) return 'signed_off';
  return today > weekRange(startDate, item.week).endDate ? 'overdue' : 'open';
}

/** A check-in is due in the buddy phase when none was held in the last seven days, today included. */
export function checkinDueOn(phase: OnboardingPhase, lastCheckinOn: string | null, today: string): boolean {
  if (phase !== 'buddy') return false;
  return lastCheckinOn === null || lastCheckinOn <= addDays(today, -7);
}

export const levelIndex = (level: IndependenceLevel): number => independenceLevels.indexOf(level);

/** The highest step reached, given the steps recorded so far (always a prefix of the ladder). */
export function highestLevel(reached: readonly IndependenceLevel[]): IndependenceLevel | null {
  const top = Math.max(-1, ...reached.map(levelIndex));
  return top < 0 ? null : (independenceLevels[top] ?? null);
}

/** The only step that may be recorded next: the ladder is climbed one rung at a time. */
export function nextLevel(reached: readonly IndependenceLevel[]): IndependenceLevel | null {
  const top = highestLevel(reached);
  return independenceLevels[top === null ? 0 : levelIndex(top) + 1] ?? null;
}

/** `YYYY-MM` of a date, and the month `months` after a `YYYY-MM`. */
export const periodOf = (iso: string): string => iso.slice(0, 7);
export function addMonths(period: string, months: number): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
