import { describe, expect, it } from 'vitest';
import { analyzeCall, createCallAnalyzer, tapChunks } from '../../src-main/core/recordings/analysis';

/**
 * Synthetic calls, generated in memory at 8 kHz (telephony). Speech is modelled as syllables:
 * 0.3 s of sound, 0.2 s pause, repeating, always ending on sound, so by hand a speech stretch
 * [start, end) is exactly "talking" once pauses between words are bridged.
 */
const RATE = 8000;

/** Deterministic noise in [-1, 1] (xorshift), so every run hears the same call. */
function noise(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return (x / 0xffffffff) * 2 - 1;
  };
}

type Span = [start: number, end: number];
const talking = (t: number, spans: Span[]) =>
  spans.some(([start, end]) => t >= start && t < end && ((t - start) % 0.5 < 0.3 || t >= end - 0.3));

interface ChannelRecipe {
  speech: Span[];
  /** Produces one speech sample at time t. */
  voice(t: number): number;
}

/** Every channel has a line noise floor near −65 dBFS, as G.711 lines do. */
function generate(seconds: number, recipes: ChannelRecipe[], extra?: (t: number, channel: number) => number): Float32Array[] {
  const frames = Math.round(seconds * RATE);
  return recipes.map((recipe, c) => {
    const floor = noise(1000 + c);
    const data = new Float32Array(frames);
    for (let i = 0; i < frames; i++) {
      const t = i / RATE;
      data[i] = 0.001 * floor() + (talking(t, recipe.speech) ? recipe.voice(t) : 0) + (extra?.(t, c) ?? 0);
    }
    return data;
  });
}

/** Splits whole channels into chunks of the given sizes (cycled), as a decoder would hand them out. */
function* chunked(channels: Float32Array[], sizes: number[]): Generator<Float32Array[]> {
  const length = channels[0]?.length ?? 0;
  for (let at = 0, n = 0; at < length; n++) {
    const size = sizes[n % sizes.length] ?? 1;
    yield channels.map((data) => data.slice(at, at + size));
    at += size;
  }
}

const advisorVoice = (() => {
  const n = noise(7);
  return () => 0.3 * n(); // noise bursts, RMS ≈ −15 dBFS
})();
const residentVoice = (t: number) => 0.1 * Math.sin(2 * Math.PI * 310 * t) + 0.05 * Math.sin(2 * Math.PI * 730 * t); // ≈ −22 dBFS

/**
 * 95 s: advisor 0–10 s, a 2 s pause, advisor 12–20 s; hold 20–65 s (both quiet, one click at
 * 40 s); resident 65–90 s; the advisor cuts in 80–84 s (talk-over); advisor closes 90–95 s.
 * The advisor's voice leaks into the resident's channel at −50 dBFS (line echo), below the threshold.
 */
const advisorSpeech: Span[] = [
  [0, 10],
  [12, 20],
  [80, 84],
  [90, 95],
];
const residentSpeech: Span[] = [[65, 90]];
const knownCall = generate(
  95,
  [
    { speech: advisorSpeech, voice: advisorVoice },
    { speech: residentSpeech, voice: residentVoice },
  ],
  (t, channel) => {
    if (channel === 1 && t >= 40 && t < 40.005) return 0.8; // a click on the line during hold
    if (channel === 1 && talking(t, advisorSpeech)) return 0.003 * Math.sin(2 * Math.PI * 500 * t); // echo
    return 0;
  },
);
// By hand: advisor talks 10 + 8 + 4 + 5 = 27 s, resident 25 s.
const expected = { hold: 45, talkOver: 4, advisor: 27, resident: 25, share: 27 / 52 };

describe('call analysis', () => {
  it('finds a 45 s hold and 4 s of talk-over, fed in chunks of varying sizes', async () => {
    const analysis = await analyzeCall(chunked(knownCall, [4096, 1000, 333, 8000, 17]), { channels: 2, sampleRate: RATE });
    const { totals } = analysis;
    expect(totals.durationSeconds).toBeCloseTo(95, 3);
    expect(Math.abs(totals.holdSeconds - expected.hold)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(totals.longestSilenceSeconds - expected.hold)).toBeLessThanOrEqual(0.5);
    expect(Math.abs((totals.talkOverSeconds ?? NaN) - expected.talkOver)).toBeLessThanOrEqual(0.5);
    expect(totals.talkOverPct).toBeCloseTo((expected.talkOver / 95) * 100, 0);
    expect(Math.abs((totals.advisorTalkSeconds ?? NaN) - expected.advisor)).toBeLessThanOrEqual(0.5);
    expect(Math.abs((totals.residentTalkSeconds ?? NaN) - expected.resident)).toBeLessThanOrEqual(0.5);
    expect(totals.advisorTalkShare).toBeCloseTo(expected.share, 2);

    // One hold (the click and the 2 s pause do not split or add one), one talk-over.
    expect(analysis.segments).toHaveLength(2);
    const [hold, over] = analysis.segments;
    expect(hold?.kind).toBe('silence');
    expect(hold?.start).toBeCloseTo(20, 1);
    expect(hold?.end).toBeCloseTo(65, 1);
    expect(over?.kind).toBe('talkover');
    expect(over?.start).toBeCloseTo(80, 1);
    expect(over?.end).toBeCloseTo(84, 1);

    expect(analysis.parameters).toMatchObject({ advisorChannel: 1, residentChannel: 2, thresholdDbfs: -40, minSilenceSeconds: 3 });
  });

  it('gives the same result however the stream is chunked', async () => {
    const audio = { channels: 2, sampleRate: RATE };
    const aligned = await analyzeCall(chunked(knownCall, [160]), audio); // exactly one 20 ms frame per chunk
    const misaligned = await analyzeCall(chunked(knownCall, [161]), audio); // one sample off every frame
    const ragged = await analyzeCall(chunked(knownCall, [1, 7919, 0, 160 * 50 + 3]), audio);
    const whole = await analyzeCall([knownCall], audio);
    expect(misaligned).toEqual(aligned);
    expect(ragged).toEqual(aligned);
    expect(whole).toEqual(aligned);
  });

  it('reports silence only for a mono call', async () => {
    const mono = knownCall.slice(0, 1);
    const analysis = await analyzeCall(chunked(mono, [2048]), { channels: 1, sampleRate: RATE });
    expect(analysis.totals.talkOverSeconds).toBeNull();
    expect(analysis.totals.talkOverPct).toBeNull();
    expect(analysis.totals.advisorTalkShare).toBeNull();
    expect(analysis.parameters.residentChannel).toBeNull();
    expect(analysis.segments.every((s) => s.kind === 'silence')).toBe(true);
    // Advisor alone: quiet 20–80 s (60 s) and 84–90 s (6 s); the 2 s pause stays a pause.
    expect(analysis.segments.map((s) => [s.start, s.end])).toEqual([
      [20, 80],
      [84, 90],
    ]);
    expect(analysis.totals.holdSeconds).toBeCloseTo(66, 1);
    expect(analysis.totals.longestSilenceSeconds).toBeCloseTo(60, 1);
  });

  it('treats a call with only line noise as one long silence', async () => {
    const quiet = generate(30, [
      { speech: [], voice: () => 0 },
      { speech: [], voice: () => 0 },
    ]);
    const analysis = await analyzeCall(chunked(quiet, [1234]), { channels: 2, sampleRate: RATE });
    expect(analysis.segments).toEqual([{ start: 0, end: 30, kind: 'silence' }]);
    expect(analysis.totals).toMatchObject({
      durationSeconds: 30,
      holdSeconds: 30,
      longestSilenceSeconds: 30,
      talkOverSeconds: 0,
      talkOverPct: 0,
      advisorTalkSeconds: 0,
      residentTalkSeconds: 0,
      advisorTalkShare: null,
    });
  });

  it('swaps the roles when the advisor is on channel 2', async () => {
    const analysis = await analyzeCall(chunked(knownCall, [4000]), { channels: 2, sampleRate: RATE, advisorChannel: 2 });
    expect(analysis.parameters).toMatchObject({ advisorChannel: 2, residentChannel: 1 });
    expect(analysis.totals.advisorTalkShare).toBeCloseTo(expected.resident / 52, 2);
    expect(Math.abs((analysis.totals.talkOverSeconds ?? NaN) - expected.talkOver)).toBeLessThanOrEqual(0.5);
  });

  it('does not count a short "ja" during the other\'s talk as talk-over', async () => {
    // Resident talks 0–10 s; the advisor says "ja" (0.3 s) at 5 s and talks over 7–8.5 s.
    const call = generate(10, [
      {
        speech: [
          [5, 5.3],
          [7, 8.5],
        ],
        voice: advisorVoice,
      },
      { speech: [[0, 10]], voice: residentVoice },
    ]);
    const { totals, segments } = await analyzeCall(chunked(call, [800]), { channels: 2, sampleRate: RATE });
    expect(segments).toEqual([{ start: 7, end: 8.5, kind: 'talkover' }]);
    expect(totals.talkOverSeconds).toBeCloseTo(1.5, 3);
    expect(totals.holdSeconds).toBe(0);
  });

  it('feeds one decode to two consumers with tapChunks, and accepts empty chunks', async () => {
    async function* source() {
      yield [new Float32Array(0), new Float32Array(0)];
      yield* chunked(knownCall, [5000]);
    }
    const analyzer = createCallAnalyzer({ channels: 2, sampleRate: RATE });
    let frames = 0;
    for await (const chunk of tapChunks(source(), (c) => analyzer.push(c))) frames += chunk[0]?.length ?? 0;
    expect(frames).toBe(95 * RATE);
    const analysis = analyzer.finish();
    expect(analysis.totals.holdSeconds).toBeCloseTo(45, 1);
    expect(() => analyzer.finish()).toThrow();
  });
});
