import type { AnalysisParameters, AnalysisSegment, CallAnalysis } from '../../contract';

/**
 * Call analysis from decoded audio, streaming: silence/hold segments (every analysed channel
 * quiet for a while), talk-over (advisor and resident active at once) and the advisor's share of
 * the talking. Pure and incremental: feed the same decoded chunks as the peaks, one pass, and
 * never more than a few frames of state.
 *
 * Method, per channel:
 * 1. Frames of `frameSeconds` (20 ms). A frame is active when its RMS level reaches
 *    `thresholdDbfs` (−40 dBFS: well above the noise floor of G.711 lines, well below speech,
 *    which sits around −30 to −10 dBFS).
 * 2. Active stretches shorter than `minActiveSeconds` (clicks, a line pop) become quiet.
 * 3. Quiet gaps up to `bridgeSeconds` between active stretches become active: pauses between
 *    words are speech, not silence. Unlike a one-sided hangover this does not lengthen speech
 *    at its end, so talk-over and silence boundaries stay where they are.
 *
 * Then, over the advisor and resident channel together:
 * - silence: both quiet for at least `minSilenceSeconds` (3 s). Assumption: hold music is absent
 *   or quiet in telephony exports (most platforms record the legs, not the music on hold). Loud
 *   hold music on a channel counts as activity and is then not recognised as hold.
 * - talk-over: both active for at least `minTalkOverSeconds` (0.5 s), so a "ja" or "hm" while
 *   the other talks is not counted. The total is the sum of the reported segments.
 * - advisor talk share: advisor-active / (advisor-active + resident-active) time.
 * A mono call gets silence segments only; talk-over and talk share are null.
 */

/** Bump when the method or its defaults change: stored analyses of another version are redone. */
export const ANALYSIS_VERSION = 1;

export type AnalysisOptions = Omit<AnalysisParameters, 'residentChannel'>;

export const defaultAnalysisOptions: AnalysisOptions = {
  frameSeconds: 0.02,
  thresholdDbfs: -40,
  minActiveSeconds: 0.1,
  bridgeSeconds: 0.3,
  minSilenceSeconds: 3,
  minTalkOverSeconds: 0.5,
  advisorChannel: 1,
};

export interface AudioShape {
  channels: number;
  sampleRate: number;
}

export interface CallAnalyzer {
  /** One decoded chunk: a Float32Array per channel in [-1, 1], all of the same length. Not kept or changed. */
  push(chunk: readonly Float32Array[]): void;
  /** Closes the last (partial) frame and returns the analysis. The analyzer cannot be used after. */
  finish(): CallAnalysis;
}

/** Which channels (0-based) hold the advisor and the resident, from the 1-based setting. */
export function channelRoles(channels: number, advisorChannel: number): { advisor: number; resident: number | null } {
  if (channels < 2) return { advisor: 0, resident: null };
  const advisor = advisorChannel === 2 ? 1 : 0;
  return { advisor, resident: 1 - advisor };
}

/**
 * A per-channel decision stage: receives one active/quiet decision per frame and passes its own
 * decisions on, in frame order, possibly a few frames later.
 */
interface Stage {
  push(active: boolean): void;
  finish(): void;
}

/** Active stretches shorter than `minFrames` frames are turned quiet. */
function dropBlips(minFrames: number, emit: (active: boolean) => void): Stage {
  let held = 0; // active frames not yet confirmed
  let confirmed = false;
  const release = (active: boolean) => {
    for (; held > 0; held--) emit(active);
  };
  return {
    push(active) {
      if (!active) {
        release(false);
        confirmed = false;
        emit(false);
      } else if (confirmed) {
        emit(true);
      } else if (++held >= minFrames) {
        release(true);
        confirmed = true;
      }
    },
    finish: () => release(false),
  };
}

/** Quiet gaps of at most `maxFrames` frames between two active stretches are turned active. */
function bridgeGaps(maxFrames: number, emit: (active: boolean) => void): Stage {
  let held = 0; // quiet frames after speech, not yet decided
  let inGap = false; // a gap after speech that may still be bridged
  const release = (active: boolean) => {
    for (; held > 0; held--) emit(active);
  };
  return {
    push(active) {
      if (active) {
        release(true);
        inGap = true;
        emit(true);
      } else if (!inGap) {
        emit(false);
      } else if (++held > maxFrames) {
        release(false);
        inGap = false;
      }
    },
    finish: () => release(false),
  };
}

const round = (value: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

export function createCallAnalyzer(audio: AudioShape & Partial<AnalysisOptions>): CallAnalyzer {
  const { channels, sampleRate } = audio;
  if (!Number.isInteger(channels) || channels < 1) throw new Error(`Cannot analyse audio with ${channels} channels`);
  if (!(sampleRate > 0)) throw new Error(`Cannot analyse audio at ${sampleRate} Hz`);
  const d = defaultAnalysisOptions;
  const options: AnalysisOptions = {
    frameSeconds: audio.frameSeconds ?? d.frameSeconds,
    thresholdDbfs: audio.thresholdDbfs ?? d.thresholdDbfs,
    minActiveSeconds: audio.minActiveSeconds ?? d.minActiveSeconds,
    bridgeSeconds: audio.bridgeSeconds ?? d.bridgeSeconds,
    minSilenceSeconds: audio.minSilenceSeconds ?? d.minSilenceSeconds,
    minTalkOverSeconds: audio.minTalkOverSeconds ?? d.minTalkOverSeconds,
    advisorChannel: audio.advisorChannel ?? d.advisorChannel,
  };
  const roles = channelRoles(channels, options.advisorChannel);
  const analysed = roles.resident === null ? [roles.advisor] : [roles.advisor, roles.resident];
  const stereo = analysed.length === 2;

  const frameSize = Math.max(1, Math.round(sampleRate * options.frameSeconds));
  const frameSeconds = frameSize / sampleRate;
  const thresholdPower = 10 ** (options.thresholdDbfs / 10); // mean square of a frame at the threshold
  const minActiveFrames = Math.max(1, Math.round(options.minActiveSeconds / frameSeconds));
  const bridgeFrames = Math.max(0, Math.round(options.bridgeSeconds / frameSeconds));
  const minSilenceSamples = Math.round(options.minSilenceSeconds * sampleRate);
  const minTalkOverSamples = Math.round(options.minTalkOverSeconds * sampleRate);

  // Frame accumulation (raw decisions).
  const sums = new Float64Array(analysed.length);
  let filled = 0;
  let closedSamples = 0; // samples in closed frames

  // Per channel: raw decision -> dropBlips -> bridgeGaps -> queue, read by the combiner.
  // Lag is bounded by minActiveFrames + bridgeFrames, so the queues stay a few frames long.
  const queues: boolean[][] = analysed.map(() => []);
  const bridges = queues.map((queue) => bridgeGaps(bridgeFrames, (a) => queue.push(a)));
  const stages = bridges.map((bridge) => dropBlips(minActiveFrames, (a) => bridge.push(a)));

  // Combiner state, in samples.
  let position = 0;
  let silenceStart = -1;
  let talkStart = -1;
  let longestSilence = 0;
  let holdSamples = 0;
  let talkOverSamples = 0;
  const activeSamples = [0, 0];
  const segments: AnalysisSegment[] = [];
  const seconds = (samples: number) => samples / sampleRate;

  const closeSilence = (end: number) => {
    const length = end - silenceStart;
    longestSilence = Math.max(longestSilence, length);
    if (length >= minSilenceSamples && length > 0) {
      holdSamples += length;
      segments.push({ start: round(seconds(silenceStart), 3), end: round(seconds(end), 3), kind: 'silence' });
    }
    silenceStart = -1;
  };
  const closeTalk = (end: number) => {
    const length = end - talkStart;
    if (length >= minTalkOverSamples && length > 0) {
      talkOverSamples += length;
      segments.push({ start: round(seconds(talkStart), 3), end: round(seconds(end), 3), kind: 'talkover' });
    }
    talkStart = -1;
  };

  const combine = () => {
    const [a, r] = queues as [boolean[], boolean[] | undefined];
    const ready = r ? Math.min(a.length, r.length) : a.length;
    for (let i = 0; i < ready; i++) {
      const advisor = a[i] === true;
      const resident = r?.[i] === true;
      const end = Math.min(position + frameSize, closedSamples);
      const length = end - position;
      if (advisor) activeSamples[0] = (activeSamples[0] ?? 0) + length;
      if (resident) activeSamples[1] = (activeSamples[1] ?? 0) + length;
      if (!advisor && !resident) {
        if (silenceStart < 0) silenceStart = position;
      } else if (silenceStart >= 0) closeSilence(position);
      if (stereo && advisor && resident) {
        if (talkStart < 0) talkStart = position;
      } else if (talkStart >= 0) closeTalk(position);
      position = end;
    }
    a.splice(0, ready);
    r?.splice(0, ready);
  };

  const closeFrame = (length: number) => {
    closedSamples += length;
    for (let k = 0; k < analysed.length; k++) {
      stages[k]?.push((sums[k] ?? 0) / length >= thresholdPower && (sums[k] ?? 0) > 0);
      sums[k] = 0;
    }
    filled = 0;
    combine();
  };

  let finished = false;
  return {
    push(chunk) {
      if (finished) throw new Error('The call analyzer has already finished');
      const length = chunk[0]?.length ?? 0;
      let at = 0;
      while (at < length) {
        const take = Math.min(length - at, frameSize - filled);
        for (let k = 0; k < analysed.length; k++) {
          const data = chunk[analysed[k] ?? 0];
          if (!data) continue; // a missing channel is silent
          let sum = sums[k] ?? 0;
          for (let i = at; i < at + take; i++) {
            const v = data[i] ?? 0;
            sum += v * v;
          }
          sums[k] = sum;
        }
        filled += take;
        at += take;
        if (filled === frameSize) closeFrame(frameSize);
      }
    },
    finish() {
      if (finished) throw new Error('The call analyzer has already finished');
      finished = true;
      if (filled > 0) closeFrame(filled);
      stages.forEach((stage) => stage.finish());
      bridges.forEach((stage) => stage.finish());
      combine();
      if (silenceStart >= 0) closeSilence(position);
      if (talkStart >= 0) closeTalk(position);
      segments.sort((x, y) => x.start - y.start);

      const duration = seconds(closedSamples);
      const advisorSeconds = seconds(activeSamples[0] ?? 0);
      const residentSeconds = seconds(activeSamples[1] ?? 0);
      const talking = advisorSeconds + residentSeconds;
      const talkOverSeconds = seconds(talkOverSamples);
      return {
        version: ANALYSIS_VERSION,
        channels,
        sampleRate,
        parameters: {
          ...options,
          advisorChannel: roles.advisor + 1,
          residentChannel: roles.resident === null ? null : roles.resident + 1,
        },
        totals: {
          durationSeconds: round(duration, 3),
          holdSeconds: round(seconds(holdSamples), 3),
          longestSilenceSeconds: round(seconds(longestSilence), 3),
          talkOverSeconds: stereo ? round(talkOverSeconds, 3) : null,
          talkOverPct: stereo ? (duration > 0 ? round((talkOverSeconds / duration) * 100, 2) : 0) : null,
          advisorTalkSeconds: stereo ? round(advisorSeconds, 3) : null,
          residentTalkSeconds: stereo ? round(residentSeconds, 3) : null,
          advisorTalkShare: stereo && talking > 0 ? round(advisorSeconds / talking, 4) : null,
        },
        segments,
      };
    },
  };
}

/** Analyses a whole stream of decoded chunks (see `decodeAudio`). */
export async function analyzeCall(
  chunks: AsyncIterable<readonly Float32Array[]> | Iterable<readonly Float32Array[]>,
  audio: AudioShape & Partial<AnalysisOptions>,
): Promise<CallAnalysis> {
  const analyzer = createCallAnalyzer(audio);
  for await (const chunk of chunks) analyzer.push(chunk);
  return analyzer.finish();
}

/**
 * Passes chunks through unchanged while handing each to `tap` first: one decode feeding both
 * the peaks and the analysis, e.g.
 * `computePeaks(tapChunks(decodeAudio(file, probed), (c) => analyzer.push(c)), …)`.
 */
export async function* tapChunks<T>(chunks: AsyncIterable<T>, tap: (chunk: T) => void): AsyncGenerator<T> {
  for await (const chunk of chunks) {
    tap(chunk);
    yield chunk;
  }
}
