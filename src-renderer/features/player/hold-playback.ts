import type { AnalysisSegment } from '@contract';

/**
 * What the player does with hold segments (the analysis' silences: every channel quiet while the
 * advisor searches, puts the resident on hold or waits). Pure: the player asks on every frame
 * "where am I, what must happen", so the rules can be tested without audio.
 */
export const holdModes = ['play', 'skip', 'mute'] as const;
export type HoldMode = (typeof holdModes)[number];

export interface HoldSpan {
  start: number;
  end: number;
}

/**
 * Audio played before the first word after a skipped hold. The analysis marks where sound crosses
 * −40 dBFS; a word starts a little earlier, and landing exactly there clips its first syllable.
 */
export const LEAD_IN_SECONDS = 0.3;
/** Holds closer than this are one: the sliver between them is a click, not speech (the analysis' 0.1 s). */
export const MERGE_GAP_SECONDS = 0.1;
/**
 * A skip never lands where the next frame would skip again: a seek may read back a hair earlier
 * than it was asked, so the skip zone stops this much before its own target.
 */
const SEEK_SLACK_SECONDS = 0.05;
/** A hold ending this close to the end of the call runs to the end: there is nothing left to hear. */
export const END_TOLERANCE_SECONDS = 0.5;
/**
 * Wall-clock time between two decisions while playing (a few animation frames). At 2× a frame
 * covers twice the audio, so mute and skip act this far ahead, scaled by the playback rate.
 */
export const DECISION_INTERVAL_SECONDS = 0.05;

/** The hold segments in time order, with back-to-back ones joined. Talk-over is never a hold. */
export function holdSpans(segments: readonly AnalysisSegment[]): HoldSpan[] {
  const spans: HoldSpan[] = [];
  const silences = segments.filter((s) => s.kind === 'silence' && s.end > s.start).sort((a, b) => a.start - b.start);
  for (const { start, end } of silences) {
    const last = spans[spans.length - 1];
    if (last && start <= last.end + MERGE_GAP_SECONDS) last.end = Math.max(last.end, end);
    else spans.push({ start, end });
  }
  return spans;
}

/** Count and total length as the analysis reports them (each silence segment once). */
export function holdSummary(segments: readonly AnalysisSegment[]): { count: number; totalSeconds: number } {
  const silences = segments.filter((s) => s.kind === 'silence');
  return { count: silences.length, totalSeconds: silences.reduce((sum, s) => sum + (s.end - s.start), 0) };
}

export interface HoldInput {
  /** Playback position in seconds. */
  time: number;
  /** From `holdSpans`: sorted, not overlapping. */
  spans: readonly HoldSpan[];
  mode: HoldMode;
  playing: boolean;
  /** Length of the media; a hold reaching it ends playback instead of jumping. */
  duration: number;
  /** Playback rate (1 = normal). */
  rate: number;
}

export type HoldAction =
  /** Carry on. */
  | { type: 'none' }
  /** Jump to `to`; `skipped` is the hold (or holds) passed over, for the "skipped" notice. */
  | { type: 'seek'; to: number; skipped: HoldSpan }
  /** The hold runs to the end of the call: pause at the end instead of jumping (and looping). */
  | { type: 'end'; at: number; skipped: HoldSpan };

export interface HoldDecision {
  action: HoldAction;
  /** Whether hold muting wants the sound off now (the user's own mute is separate, see `reconcileMute`). */
  mute: boolean;
}

const lookahead = (input: HoldInput) => (input.playing ? DECISION_INTERVAL_SECONDS * Math.max(0, input.rate) : 0);

const skipTarget = (span: HoldSpan) => Math.max(span.start, span.end - LEAD_IN_SECONDS);

/** Where a skip from inside `span` lands: past it, or the end of the call. */
function skipFrom(span: HoldSpan, input: HoldInput): HoldAction {
  if (span.end >= input.duration - END_TOLERANCE_SECONDS) return { type: 'end', at: input.duration, skipped: span };
  return { type: 'seek', to: skipTarget(span), skipped: span };
}

/**
 * The decision for one moment. Skipping happens only while playing: a coach who seeks into a
 * hold while paused sees the playhead where they put it, and play then jumps on from there.
 * Muting follows the position whether playing or not, and ends a moment early so the first
 * word after the hold is heard.
 */
export function decideHold(input: HoldInput): HoldDecision {
  const { time, spans, mode } = input;
  if (mode === 'play' || spans.length === 0) return { action: { type: 'none' }, mute: false };
  const ahead = lookahead(input);

  if (mode === 'mute') {
    const mute = spans.some((s) => time >= s.start - ahead && time < s.end - ahead);
    return { action: { type: 'none' }, mute };
  }

  if (!input.playing) return { action: { type: 'none' }, mute: false };
  const span = spans.find((s) => time >= s.start - ahead && time < skipTarget(s) - SEEK_SLACK_SECONDS);
  if (!span) return { action: { type: 'none' }, mute: false };
  return { action: skipFrom(span, input), mute: false };
}

/** Hold muting's memory: whether the media was muted by the user when the hold muted it. */
export interface HoldMuteState {
  userMuted: boolean;
}

/**
 * Combines hold muting with the person's own mute: muting for a hold remembers whether the media
 * was already muted, and leaving the hold puts exactly that back. Volume is never touched.
 */
export function reconcileMute(
  elementMuted: boolean,
  state: HoldMuteState | null,
  holdWantsMute: boolean,
): { muted: boolean; state: HoldMuteState | null } {
  if (holdWantsMute) return { muted: true, state: state ?? { userMuted: elementMuted } };
  if (state) return { muted: state.userMuted, state: null };
  return { muted: elementMuted, state: null };
}
