import { createPrng, type Prng } from './random';

/**
 * The monthly random sample, as a pure function of its inputs: candidates, settings, period and
 * seed. No database, no clock, so the same seed and the same calls give the same picks on any
 * machine, and the reason stored with each pick can be checked by drawing again.
 *
 * Per advisor:
 *  1. Calls of the period whose length is known and at least `minDurationSeconds` are eligible.
 *  2. They are sorted by call time, then by key: the input order never matters.
 *  3. With `spreadWeeks`, they are grouped by ISO week (Monday to Sunday). Every week that holds a
 *     day of the month counts, also the partial weeks at its start and end; a call belongs to the
 *     week of its call date. Labels show only the month's days of that week ("week 44 (1 nov.)").
 *  4. Each pick first draws a week among the weeks that still have calls and were picked least so
 *     far (round-robin in random order: four picks in a month with four or more weeks land in four
 *     different weeks), then a call within that week.
 *  5. With `avoidRepeatTopics`, the call is drawn among the week's calls whose topic is not yet in
 *     this advisor's sample, when there are any; else among all of that week's calls. A call
 *     without a topic never counts as a repeat.
 * Each advisor gets their own random stream (`<seed>/adviseur/<id>`), so who else is in the draw
 * does not change an advisor's picks.
 */

export interface Candidate {
  /** Stable, unique identity (e.g. `sf:12`, `rec:7`); the tie-breaker that makes order irrelevant. */
  key: string;
  advisorId: number;
  /** Local `YYYY-MM-DDTHH:mm(:ss)`. */
  callAt: string;
  durationSeconds: number | null;
  topic: string | null;
}

export interface DrawSettings {
  perAdvisor: number;
  minDurationSeconds: number;
  spreadWeeks: boolean;
  avoidRepeatTopics: boolean;
}

export const defaultDrawSettings: DrawSettings = { perAdvisor: 4, minDurationSeconds: 60, spreadWeeks: true, avoidRepeatTopics: true };

export interface DrawPick {
  key: string;
  advisorId: number;
  /** 1-based order of drawing within the advisor's picks. */
  position: number;
  /** Monday of the call's ISO week (`YYYY-MM-DD`). */
  weekStart: string;
  /** Dutch, for the coach and the advisor: where it was drawn from and why. */
  reason: string;
}

export interface Shortfall {
  advisorId: number;
  wanted: number;
  drawn: number;
  /** Dutch: why fewer calls than wanted. */
  note: string;
}

export interface DrawResult {
  picks: DrawPick[];
  shortfalls: Shortfall[];
}

/** A call already in the advisor's sample (for a redraw): it counts for week spread and topics. */
export interface PriorPick {
  callAt: string;
  topic: string | null;
}

export interface DrawOptions {
  period: string;
  settings: DrawSettings;
  seed: string;
  /** Display name of a topic key in reasons; the key itself when absent. */
  topicLabel?: (topic: string) => string;
}

const monthNames = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const monthShort = ['jan.', 'feb.', 'mrt.', 'apr.', 'mei', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];
const DAY = 86_400_000;

const utcDay = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** ISO 8601 week number and its Monday, computed in UTC so the time zone of the machine never matters. */
export function isoWeek(date: string): { week: number; monday: string } {
  const day = utcDay(date);
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = day - weekday * DAY;
  const thursday = monday + 3 * DAY;
  const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday - yearStart) / DAY / 7) + 1;
  return { week, monday: isoDay(monday) };
}

/** "november 2026" */
export function monthLabel(period: string): string {
  return `${monthNames[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
}

/** "week 45 (2–8 nov.)": the week's days that fall in the month. */
export function weekLabel(monday: string, period: string): string {
  const first = utcDay(`${period}-01`);
  const month = Number(period.slice(5, 7)) - 1;
  const last = Date.UTC(Number(period.slice(0, 4)), month + 1, 1) - DAY;
  const from = new Date(Math.max(utcDay(monday), first)).getUTCDate();
  const to = new Date(Math.min(utcDay(monday) + 6 * DAY, last)).getUTCDate();
  const days = from === to ? `${from}` : `${from}–${to}`;
  return `week ${isoWeek(monday).week} (${days} ${monthShort[month]})`;
}

const compareCandidates = (a: Candidate, b: Candidate): number =>
  a.callAt < b.callAt ? -1 : a.callAt > b.callAt ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

/** One element drawn uniformly; the list is never empty where it is called. */
function pickOne<T>(list: readonly T[], prng: Prng): T {
  const item = list[prng.int(list.length)];
  if (item === undefined) throw new Error('pickOne on an empty list');
  return item;
}

const calls = (n: number) => (n === 1 ? '1 gesprek' : `${n} gesprekken`);
const weeks = (n: number) => (n === 1 ? '1 week' : `${n} weken`);

const isEligible = (c: Candidate, period: string, settings: DrawSettings) =>
  c.callAt.startsWith(`${period}-`) && c.durationSeconds !== null && c.durationSeconds >= settings.minDurationSeconds;

/**
 * Draws up to `count` calls for one advisor. `prior` are calls already in the sample (kept picks
 * during a redraw); `candidates` must not contain them.
 */
export function drawForAdvisor(
  advisorId: number,
  candidates: readonly Candidate[],
  count: number,
  options: DrawOptions & { prior?: readonly PriorPick[]; firstPosition?: number },
): { picks: DrawPick[]; eligible: number; tooShort: number } {
  const { period, settings, seed } = options;
  const label = options.topicLabel ?? ((topic: string) => topic);
  const prng = createPrng(`${seed}/adviseur/${advisorId}`);
  const own = candidates.filter((c) => c.advisorId === advisorId && c.callAt.startsWith(`${period}-`));
  const eligible = own.filter((c) => isEligible(c, period, settings)).sort(compareCandidates);

  const bucketOf = (callAt: string) => (settings.spreadWeeks ? isoWeek(callAt.slice(0, 10)).monday : period);
  const buckets = new Map<string, Candidate[]>();
  for (const c of eligible) {
    const bucket = bucketOf(c.callAt);
    const list = buckets.get(bucket);
    if (list) list.push(c);
    else buckets.set(bucket, [c]);
  }
  const bucketKeys = [...buckets.keys()].sort();
  const picksPerBucket = new Map<string, number>(bucketKeys.map((k) => [k, 0]));
  const pickedTopics = new Set<string>();
  for (const p of options.prior ?? []) {
    const bucket = bucketOf(p.callAt);
    if (picksPerBucket.has(bucket)) picksPerBucket.set(bucket, (picksPerBucket.get(bucket) ?? 0) + 1);
    if (p.topic !== null) pickedTopics.add(p.topic);
  }

  const picks: DrawPick[] = [];
  const firstPosition = options.firstPosition ?? 1;
  for (let i = 0; i < count; i++) {
    const open = bucketKeys.filter((k) => (buckets.get(k)?.length ?? 0) > 0);
    if (open.length === 0) break;
    const least = Math.min(...open.map((k) => picksPerBucket.get(k) ?? 0));
    const tied = open.filter((k) => picksPerBucket.get(k) === least);
    const bucket = pickOne(tied, prng);
    const pool = buckets.get(bucket) ?? [];
    const fresh = pool.filter((c) => c.topic === null || !pickedTopics.has(c.topic));
    const choices = settings.avoidRepeatTopics && fresh.length > 0 ? fresh : pool;
    const chosen = pickOne(choices, prng);
    pool.splice(pool.indexOf(chosen), 1);
    picksPerBucket.set(bucket, least + 1);

    const position = firstPosition + i;
    const scope = settings.spreadWeeks ? `in ${weekLabel(bucket, period)}` : `in ${monthLabel(period)}`;
    const from = choices.length === pool.length + 1 ? calls(choices.length) : `${choices.length} van de ${calls(pool.length + 1)}`;
    const minimum = settings.minDurationSeconds > 0 ? ` van minimaal ${settings.minDurationSeconds} s` : '';
    let topicPart: string;
    if (chosen.topic === null) topicPart = '; onderwerp onbekend';
    else if (!settings.avoidRepeatTopics) topicPart = `; onderwerp „${label(chosen.topic)}”`;
    else if (pickedTopics.has(chosen.topic))
      topicPart = `; onderwerp „${label(chosen.topic)}” zat al in deze steekproef, maar ${settings.spreadWeeks ? 'deze week had' : 'er was'} geen gesprek met een ander onderwerp`;
    else if (choices.length < pool.length + 1)
      topicPart = `, alleen gesprekken met een onderwerp dat nog niet in deze steekproef zat (hier „${label(chosen.topic)}”)`;
    else topicPart = `; onderwerp „${label(chosen.topic)}” nog niet in deze steekproef`;
    const weekPart = settings.spreadWeeks
      ? ` Week geloot uit ${weeks(tied.length)} met geschikte gesprekken die ${least === 0 ? 'nog niet' : 'het minst'} aan de beurt ${tied.length === 1 ? 'was' : 'waren'}.`
      : '';
    picks.push({
      key: chosen.key,
      advisorId,
      position,
      weekStart: settings.spreadWeeks ? bucket : isoWeek(chosen.callAt.slice(0, 10)).monday,
      reason: `Willekeurig gekozen uit ${from} ${scope}${minimum}${topicPart}.${weekPart} Seed ${seed}, trekking ${position}.`,
    });
    if (chosen.topic !== null) pickedTopics.add(chosen.topic);
  }
  return { picks, eligible: eligible.length, tooShort: own.length - eligible.length };
}

/** Draws the sample for every advisor in `advisorIds` (each on its own random stream). */
export function drawSample(candidates: readonly Candidate[], advisorIds: readonly number[], options: DrawOptions): DrawResult {
  const { period, settings } = options;
  const picks: DrawPick[] = [];
  const shortfalls: Shortfall[] = [];
  for (const advisorId of [...new Set(advisorIds)].sort((a, b) => a - b)) {
    const drawn = drawForAdvisor(advisorId, candidates, settings.perAdvisor, options);
    picks.push(...drawn.picks);
    if (drawn.picks.length < settings.perAdvisor) {
      shortfalls.push({ advisorId, wanted: settings.perAdvisor, drawn: drawn.picks.length, note: shortfallNote(period, settings, drawn) });
    }
  }
  return { picks, shortfalls };
}

function shortfallNote(period: string, settings: DrawSettings, drawn: { picks: DrawPick[]; eligible: number; tooShort: number }): string {
  const minimum = settings.minDurationSeconds > 0 ? ` van minimaal ${settings.minDurationSeconds} s` : '';
  const found =
    drawn.eligible === 0
      ? `in ${monthLabel(period)} was er geen gesprek${minimum} dat nog niet beoordeeld of getrokken was`
      : drawn.eligible === 1
        ? `in ${monthLabel(period)} was er maar 1 gesprek${minimum} dat nog niet beoordeeld of getrokken was`
        : `in ${monthLabel(period)} waren er maar ${drawn.eligible} gesprekken${minimum} die nog niet beoordeeld of getrokken waren`;
  const short = drawn.tooShort > 0 ? ` (${calls(drawn.tooShort)} te kort of zonder bekende duur)` : '';
  return `${drawn.picks.length} van de ${settings.perAdvisor} gesprekken getrokken: ${found}${short}.`;
}
