import { readFile, writeFile } from 'node:fs/promises';
import type { Peaks } from '../../contract';

/** Enough detail to see speech and silences; capped so an hour-long call stays ~30k pairs. */
const MAX_PEAKS_PER_SECOND = 50;
const MAX_PAIRS = 30_000;

export interface ComputedPeaks {
  sampleRate: number;
  samplesPerPeak: number;
  /** Decoded sample frames per channel: the true length, also when a header estimate was off. */
  frames: number;
  /** Per channel, alternating max and min in [-1, 1]. */
  channels: number[][];
}

export function samplesPerPeakFor(sampleRate: number, estimatedSeconds: number): number {
  const perSecond = estimatedSeconds > 0 ? Math.min(MAX_PEAKS_PER_SECOND, MAX_PAIRS / estimatedSeconds) : MAX_PEAKS_PER_SECOND;
  return Math.max(1, Math.round(sampleRate / perSecond));
}

export const peaksDurationSeconds = (p: Pick<ComputedPeaks, 'frames' | 'sampleRate'>): number => p.frames / p.sampleRate;

export async function computePeaks(
  chunks: AsyncIterable<Float32Array[]>,
  audio: { channels: number; sampleRate: number; estimatedSeconds: number },
): Promise<ComputedPeaks> {
  const samplesPerPeak = samplesPerPeakFor(audio.sampleRate, audio.estimatedSeconds);
  const pairs: number[][] = Array.from({ length: audio.channels }, () => []);
  const max = new Array<number>(audio.channels).fill(-Infinity);
  const min = new Array<number>(audio.channels).fill(Infinity);
  let filled = 0; // frames in the current bucket; every channel advances in step
  let frames = 0;
  for await (const chunk of chunks) {
    const length = chunk[0]?.length ?? 0;
    let channelFilled = filled;
    for (let c = 0; c < audio.channels; c++) {
      const data = chunk[c] ?? new Float32Array(length);
      const out = pairs[c] ?? [];
      let hi = max[c] ?? -Infinity;
      let lo = min[c] ?? Infinity;
      channelFilled = filled;
      for (let i = 0; i < length; i++) {
        const v = data[i] ?? 0;
        if (v > hi) hi = v;
        if (v < lo) lo = v;
        if (++channelFilled === samplesPerPeak) {
          out.push(hi, lo);
          hi = -Infinity;
          lo = Infinity;
          channelFilled = 0;
        }
      }
      max[c] = hi;
      min[c] = lo;
    }
    filled = channelFilled;
    frames += length;
  }
  if (filled > 0) pairs.forEach((out, c) => out.push(max[c] ?? 0, min[c] ?? 0));
  return { sampleRate: audio.sampleRate, samplesPerPeak, frames, channels: pairs };
}

// Peaks file: a 28-byte header, then per channel its max/min pairs as Int16 (little-endian).
// Int16 keeps a 30-minute stereo call under 250 kB, precise to far beyond what a waveform shows.
const MAGIC = 'KBPK';
const VERSION = 1;
const HEADER_BYTES = 28;
const SCALE = 32767;

export async function writePeaks(file: string, peaks: ComputedPeaks): Promise<void> {
  const pairCount = peaks.channels[0] ? peaks.channels[0].length / 2 : 0;
  const buffer = Buffer.alloc(HEADER_BYTES + peaks.channels.length * pairCount * 4);
  buffer.write(MAGIC, 0, 'latin1');
  buffer.writeUInt8(VERSION, 4);
  buffer.writeUInt8(peaks.channels.length, 5);
  buffer.writeUInt32LE(peaks.sampleRate, 8);
  buffer.writeUInt32LE(peaks.samplesPerPeak, 12);
  buffer.writeDoubleLE(peaks.frames, 16);
  buffer.writeUInt32LE(pairCount, 24);
  let at = HEADER_BYTES;
  for (const channel of peaks.channels) {
    for (const value of channel) {
      buffer.writeInt16LE(Math.round(Math.max(-1, Math.min(1, value)) * SCALE), at);
      at += 2;
    }
  }
  await writeFile(file, buffer);
}

/** Reads a peaks file in the contract's shape; throws when the file is not one of ours. */
export async function readPeaks(file: string): Promise<Peaks> {
  const buffer = await readFile(file);
  if (buffer.length < HEADER_BYTES || buffer.toString('latin1', 0, 4) !== MAGIC || buffer.readUInt8(4) !== VERSION) {
    throw new Error(`${file} is not a Klankbord peaks file`);
  }
  const channelCount = buffer.readUInt8(5);
  const sampleRate = buffer.readUInt32LE(8);
  const samplesPerPeak = buffer.readUInt32LE(12);
  const frames = buffer.readDoubleLE(16);
  const pairCount = buffer.readUInt32LE(24);
  if (buffer.length !== HEADER_BYTES + channelCount * pairCount * 4 || sampleRate === 0 || samplesPerPeak === 0) {
    throw new Error(`${file} is damaged`);
  }
  const channels: number[][] = [];
  let at = HEADER_BYTES;
  for (let c = 0; c < channelCount; c++) {
    const values = new Array<number>(pairCount * 2);
    for (let i = 0; i < values.length; i++, at += 2) values[i] = Math.round((buffer.readInt16LE(at) / SCALE) * 1000) / 1000;
    channels.push(values);
  }
  return {
    durationSeconds: peaksDurationSeconds({ frames, sampleRate }),
    peaksPerSecond: sampleRate / samplesPerPeak,
    channels,
  };
}
