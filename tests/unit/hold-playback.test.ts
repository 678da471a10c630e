import { describe, expect, it } from 'vitest';
import type { AnalysisSegment } from '../../src-main/contract';
import {
  DECISION_INTERVAL_SECONDS,
  LEAD_IN_SECONDS,
  decideHold,
  holdSpans,
  holdSummary,
  reconcileMute,
  type HoldInput,
  type HoldMuteState,
} from '../../src-renderer/features/player/hold-playback';

/** A 60 s call: talk, a hold from 10 to 34 s, talk, and talk-over at 40–41 s. */
const segments: AnalysisSegment[] = [
  { start: 10, end: 34, kind: 'silence' },
  { start: 40, end: 41, kind: 'talkover' },
];
const spans = holdSpans(segments);
const at = (time: number, over: Partial<HoldInput> = {}): HoldInput => ({
  time,
  spans,
  mode: 'skip',
  playing: true,
  duration: 60,
  rate: 1,
  ...over,
});

/** Plays a call frame by frame (60 frames a second) through the decisions, as the player does. */
function play(input: Omit<HoldInput, 'time'> & { from: number; until: number }) {
  const heard: number[] = [];
  const muted: number[] = [];
  const jumps: { from: number; to: number }[] = [];
  let time = input.from;
  let ended = false;
  for (let frame = 0; frame < 100_000 && time < input.until; frame++) {
    const { action, mute } = decideHold({ ...input, time });
    if (action.type === 'seek') {
      jumps.push({ from: time, to: action.to });
      time = action.to;
      continue;
    }
    if (action.type === 'end') {
      ended = true;
      time = action.at;
      break;
    }
    (mute ? muted : heard).push(time);
    time += (1 / 60) * input.rate;
  }
  return { heard, muted, jumps, ended, time };
}

describe('hold spans', () => {
  it('keeps only silences and joins holds that touch', () => {
    expect(holdSpans(segments)).toEqual([{ start: 10, end: 34 }]);
    expect(
      holdSpans([
        { start: 20, end: 25, kind: 'silence' },
        { start: 5, end: 9, kind: 'silence' },
        { start: 25.04, end: 30, kind: 'silence' },
        { start: 31, end: 35, kind: 'silence' },
      ]),
    ).toEqual([
      { start: 5, end: 9 },
      { start: 20, end: 30 },
      { start: 31, end: 35 },
    ]);
  });

  it('counts and totals the holds as the analysis panel does', () => {
    expect(holdSummary(segments)).toEqual({ count: 1, totalSeconds: 24 });
    expect(holdSummary([])).toEqual({ count: 0, totalSeconds: 0 });
  });
});

describe('skip', () => {
  it('jumps from inside a hold to just before its end, so the first word is heard', () => {
    expect(decideHold(at(10.02)).action).toEqual({ type: 'seek', to: 34 - LEAD_IN_SECONDS, skipped: { start: 10, end: 34 } });
    expect(decideHold(at(20)).action).toMatchObject({ type: 'seek', to: 34 - LEAD_IN_SECONDS });
  });

  it('does nothing before and after a hold, and ignores talk-over', () => {
    expect(decideHold(at(9)).action).toEqual({ type: 'none' });
    expect(decideHold(at(34)).action).toEqual({ type: 'none' });
    expect(decideHold(at(40.5)).action).toEqual({ type: 'none' });
  });

  it('never skips again from where it landed, even when the seek reads back a hair early', () => {
    const landed = 34 - LEAD_IN_SECONDS;
    expect(decideHold(at(landed)).action).toEqual({ type: 'none' });
    expect(decideHold(at(landed - 0.001)).action).toEqual({ type: 'none' });
  });

  it('plays a call through: nothing inside the hold is heard, one jump, the rest plays', () => {
    const run = play({ ...at(0), from: 8, until: 40 });
    expect(run.jumps).toHaveLength(1);
    expect(run.heard.filter((t) => t > 10.01 && t < 34 - LEAD_IN_SECONDS - 0.06)).toEqual([]);
    expect(run.heard.some((t) => t > 34)).toBe(true);
    expect(run.ended).toBe(false);
  });

  it('lets a paused seek into a hold stay where it was put; play then jumps on', () => {
    expect(decideHold(at(20, { playing: false })).action).toEqual({ type: 'none' });
    expect(decideHold(at(20, { playing: true })).action).toMatchObject({ type: 'seek', to: 34 - LEAD_IN_SECONDS });
  });

  it('stops at the end instead of looping when the hold runs to the end of the call', () => {
    const trailing = holdSpans([{ start: 50, end: 59.8, kind: 'silence' }]);
    const decision = decideHold(at(51, { spans: trailing }));
    expect(decision.action).toEqual({ type: 'end', at: 60, skipped: { start: 50, end: 59.8 } });
    // Once stopped at the end there is nothing left to decide.
    expect(decideHold(at(60, { spans: trailing, playing: false })).action).toEqual({ type: 'none' });
    expect(decideHold(at(60, { spans: trailing, playing: true })).action).toEqual({ type: 'none' });
    const run = play({ ...at(0, { spans: trailing }), from: 45, until: 61 });
    expect(run).toMatchObject({ ended: true, time: 60, jumps: [] });
  });

  it('skips holds back to back, with a click between them, without a loop', () => {
    const backToBack = holdSpans([
      { start: 10, end: 20, kind: 'silence' },
      { start: 20.05, end: 30, kind: 'silence' },
      { start: 30.4, end: 40, kind: 'silence' },
    ]);
    const run = play({ ...at(0, { spans: backToBack }), from: 9, until: 45 });
    // The first two are one hold; the third follows after a short sound, so it is its own jump.
    expect(run.jumps.map((j) => j.to)).toEqual([30 - LEAD_IN_SECONDS, 40 - LEAD_IN_SECONDS]);
    expect(run.heard.some((t) => t > 30 && t < 30.4)).toBe(true);
  });

  it('skips a hold at the very start of the call', () => {
    const opening = holdSpans([{ start: 0, end: 6, kind: 'silence' }]);
    expect(decideHold(at(0, { spans: opening })).action).toMatchObject({ type: 'seek', to: 6 - LEAD_IN_SECONDS });
  });

  it('acts a frame early at a faster rate, so no frame of the hold slips through', () => {
    // Between one and two frames' worth of audio before the hold: only at 2× does the next frame land inside.
    const before = 10 - DECISION_INTERVAL_SECONDS * 1.5;
    expect(decideHold(at(before, { rate: 2 })).action).toMatchObject({ type: 'seek' });
    expect(decideHold(at(before, { rate: 1 })).action).toEqual({ type: 'none' });
    const run = play({ ...at(0, { rate: 2 }), from: 8, until: 40 });
    expect(run.heard.filter((t) => t >= 10 && t < 34 - LEAD_IN_SECONDS - 0.06)).toEqual([]);
  });

  it('plays everything in play mode or without holds', () => {
    expect(decideHold(at(20, { mode: 'play' }))).toEqual({ action: { type: 'none' }, mute: false });
    expect(decideHold(at(20, { spans: [] }))).toEqual({ action: { type: 'none' }, mute: false });
  });
});

describe('mute', () => {
  it('mutes inside a hold and not outside it, never seeking', () => {
    expect(decideHold(at(20, { mode: 'mute' }))).toEqual({ action: { type: 'none' }, mute: true });
    expect(decideHold(at(9, { mode: 'mute' })).mute).toBe(false);
    expect(decideHold(at(35, { mode: 'mute' })).mute).toBe(false);
    const run = play({ ...at(0, { mode: 'mute' }), from: 8, until: 40 });
    expect(run.jumps).toEqual([]);
    expect(run.heard.filter((t) => t >= 10 && t < 33.9)).toEqual([]);
    expect(run.heard.filter((t) => t > 8 && t < 9.9).length).toBeGreaterThan(0);
    expect(run.heard.filter((t) => t >= 34).length).toBeGreaterThan(0);
  });

  it('follows a seek while paused: muted where the playhead is inside a hold', () => {
    expect(decideHold(at(12, { mode: 'mute', playing: false })).mute).toBe(true);
    expect(decideHold(at(5, { mode: 'mute', playing: false })).mute).toBe(false);
  });

  it('unmutes a frame before the hold ends at any rate, so the first word is not clipped', () => {
    expect(decideHold(at(34 - DECISION_INTERVAL_SECONDS * 2 * 0.9, { mode: 'mute', rate: 2 })).mute).toBe(false);
    expect(decideHold(at(34 - DECISION_INTERVAL_SECONDS * 0.5 * 0.9, { mode: 'mute', rate: 0.5 })).mute).toBe(false);
    expect(decideHold(at(33.5, { mode: 'mute', rate: 2 })).mute).toBe(true);
  });

  it('mutes a trailing hold to the end without stopping playback', () => {
    const trailing = holdSpans([{ start: 50, end: 60, kind: 'silence' }]);
    expect(decideHold(at(55, { mode: 'mute', spans: trailing }))).toEqual({ action: { type: 'none' }, mute: true });
  });
});

describe('the person’s own mute', () => {
  it('gives back an unmuted player after the hold', () => {
    const entering = reconcileMute(false, null, true);
    expect(entering).toEqual({ muted: true, state: { userMuted: false } });
    expect(reconcileMute(true, entering.state, true)).toEqual(entering);
    expect(reconcileMute(true, entering.state, false)).toEqual({ muted: false, state: null });
  });

  it('leaves a player the person muted muted after the hold', () => {
    const entering = reconcileMute(true, null, true);
    expect(reconcileMute(true, entering.state, false)).toEqual({ muted: true, state: null });
  });

  it('never touches the mute outside holds', () => {
    expect(reconcileMute(true, null, false)).toEqual({ muted: true, state: null });
    expect(reconcileMute(false, null, false)).toEqual({ muted: false, state: null });
  });

  it('runs a whole pass: muted in the hold only, then exactly as before', () => {
    let element = false;
    let state: HoldMuteState | null = null;
    const trace: boolean[] = [];
    for (const time of [5, 12, 20, 33, 36]) {
      const next = reconcileMute(element, state, decideHold(at(time, { mode: 'mute' })).mute);
      element = next.muted;
      state = next.state;
      trace.push(element);
    }
    expect(trace).toEqual([false, true, true, true, false]);
  });
});
