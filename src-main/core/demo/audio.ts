import type { DemoRandom } from './random';

/**
 * Demo calls: stereo G.711 µ-law WAV at 8 kHz, the format telephony platforms export, generated
 * from a script of who speaks when. Nothing is downloaded and nothing is real speech: voiced
 * syllables (a pitched wavetable under a syllable envelope, grouped in words, words in turns) are
 * enough for the waveform to look like a conversation and for the call analysis to find turns,
 * talk-over and hold silences. Channel 1 is the advisor, channel 2 the resident.
 */
export const SAMPLE_RATE = 8000;
const CHANNELS = 2;

export interface Utterance {
  channel: 0 | 1;
  /** Seconds from the start of the call. */
  start: number;
  end: number;
  pitchHz: number;
}

export interface CallScript {
  durationSeconds: number;
  utterances: Utterance[];
  /** The advisor put the resident on hold (both channels quiet), when it happened. */
  hold: { start: number; end: number } | null;
}

export interface ScriptOptions {
  advisorPitchHz: number;
  residentPitchHz: number;
  minSeconds: number;
  maxSeconds: number;
  hold: boolean;
  /** A resident who interrupts: more and longer talk-over. */
  resistance: boolean;
}

/** Who says what when: greeting, question and answer turns, an optional hold, and the goodbye. */
export function scriptCall(random: DemoRandom, options: ScriptOptions): CallScript {
  const target = random.between(options.minSeconds, options.maxSeconds);
  const utterances: Utterance[] = [];
  const say = (channel: 0 | 1, start: number, seconds: number) => {
    const pitchHz = channel === 0 ? options.advisorPitchHz : options.residentPitchHz;
    utterances.push({ channel, start, end: start + seconds, pitchHz: pitchHz * random.between(0.95, 1.05) });
    return start + seconds;
  };
  // The greeting starts after a short ring-in; the resident answers it.
  let t = say(0, random.between(0.3, 0.8), random.between(2.4, 3.6));
  let speaker: 0 | 1 = 1;
  const holdAfter = options.hold ? random.between(0.35, 0.55) * target : Infinity;
  let hold: CallScript['hold'] = null;
  const closing = 5;
  while (t < target - closing) {
    if (hold === null && speaker === 0 && t >= holdAfter) {
      // "Ik zet u even in de wacht": a short announcement, then both sides quiet.
      t = say(0, t + random.between(0.3, 0.6), random.between(1.4, 2.2));
      const start = t + 0.2;
      const end = start + random.between(3.8, 8.5);
      hold = { start, end };
      t = say(0, end, random.between(2, 4));
      speaker = 1;
      continue;
    }
    const overlap = speaker === 1 && random.chance(options.resistance ? 0.45 : 0.12);
    const gap = overlap ? -random.between(0.6, 1.2) : random.between(0.25, 0.9);
    const seconds = speaker === 1 ? random.between(2.5, options.resistance ? 7.5 : 5.5) : random.between(2.5, 6.5);
    t = say(speaker, Math.max(0.2, t + gap), seconds);
    speaker = speaker === 0 ? 1 : 0;
  }
  if (speaker === 1) t = say(1, t + random.between(0.3, 0.7), random.between(1.2, 2.2));
  t = say(0, t + random.between(0.3, 0.6), random.between(1.8, 2.6)); // summary and goodbye
  t = say(1, t + random.between(0.2, 0.5), random.between(0.8, 1.4));
  return { durationSeconds: Math.ceil((t + random.between(0.4, 0.9)) * SAMPLE_RATE) / SAMPLE_RATE, utterances, hold };
}

// ---------------------------------------------------------------- rendering

const TABLE_SIZE = 1024;
/** Harmonic profiles of a few vowels (relative amplitude of harmonics 1…12): enough variety to not sound like a tone. */
const vowelProfiles: readonly (readonly number[])[] = [
  [1, 0.8, 0.9, 0.7, 0.45, 0.3, 0.2, 0.18, 0.15, 0.1, 0.06, 0.04], // a
  [1, 0.5, 0.3, 0.25, 0.4, 0.5, 0.35, 0.2, 0.12, 0.08, 0.05, 0.03], // e
  [1, 0.3, 0.12, 0.08, 0.1, 0.2, 0.3, 0.35, 0.25, 0.12, 0.06, 0.03], // i
  [1, 0.9, 0.5, 0.2, 0.12, 0.08, 0.06, 0.04, 0.03, 0.02, 0.01, 0.01], // o
  [1, 0.6, 0.2, 0.08, 0.05, 0.04, 0.03, 0.02, 0.01, 0.01, 0.01, 0.01], // u
];
let tables: Float32Array[] | null = null;
function vowelTables(): Float32Array[] {
  tables ??= vowelProfiles.map((profile) => {
    const table = new Float32Array(TABLE_SIZE);
    let peak = 0;
    for (let i = 0; i < TABLE_SIZE; i++) {
      let v = 0;
      for (let h = 0; h < profile.length; h++) v += profile[h]! * Math.sin((2 * Math.PI * (h + 1) * i) / TABLE_SIZE + h * 0.7);
      table[i] = v;
      peak = Math.max(peak, Math.abs(v));
    }
    for (let i = 0; i < TABLE_SIZE; i++) table[i]! /= peak;
    return table;
  });
  return tables;
}

const ENVELOPE_SIZE = 512;
/** sin² over one syllable: a soft onset and decay, so syllables do not click. */
let envelopeTable: Float32Array | null = null;
function syllableEnvelope(): Float32Array {
  envelopeTable ??= Float32Array.from({ length: ENVELOPE_SIZE + 1 }, (_, i) => Math.sin((Math.PI * i) / ENVELOPE_SIZE) ** 2);
  return envelopeTable;
}

/** ITU-T G.711 µ-law of a 14-bit sample, as a table: one lookup per sample. */
let mulawTable: Uint8Array | null = null;
function mulaw(): Uint8Array {
  if (mulawTable) return mulawTable;
  const table = new Uint8Array(16384);
  for (let i = 0; i < 16384; i++) {
    const sample = (i - 8192) << 2; // back to 16 bits
    const sign = sample < 0 ? 0x80 : 0;
    const magnitude = Math.min(Math.abs(sample), 32635) + 0x84;
    let exponent = 7;
    for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
    const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
    table[i] = ~(sign | (exponent << 4) | mantissa) & 0xff;
  }
  mulawTable = table;
  return table;
}
const SILENCE = 0xff; // µ-law zero

const HEADER_BYTES = 58;

/** The size of a demo call's WAV file: also for calls whose audio the demo never keeps. */
export const wavSizeBytes = (durationSeconds: number): number => HEADER_BYTES + Math.round(durationSeconds * SAMPLE_RATE) * CHANNELS;

function writeHeader(buffer: Buffer, frames: number): void {
  const data = frames * CHANNELS;
  buffer.write('RIFF', 0, 'latin1');
  buffer.writeUInt32LE(HEADER_BYTES - 8 + data, 4);
  buffer.write('WAVE', 8, 'latin1');
  buffer.write('fmt ', 12, 'latin1');
  buffer.writeUInt32LE(18, 16);
  buffer.writeUInt16LE(7, 20); // WAVE_FORMAT_MULAW
  buffer.writeUInt16LE(CHANNELS, 22);
  buffer.writeUInt32LE(SAMPLE_RATE, 24);
  buffer.writeUInt32LE(SAMPLE_RATE * CHANNELS, 28);
  buffer.writeUInt16LE(CHANNELS, 32);
  buffer.writeUInt16LE(8, 34);
  buffer.writeUInt16LE(0, 36);
  buffer.write('fact', 38, 'latin1');
  buffer.writeUInt32LE(4, 42);
  buffer.writeUInt32LE(frames, 46);
  buffer.write('data', 50, 'latin1');
  buffer.writeUInt32LE(data, 54);
}

/**
 * Renders a script as a WAV file. Each utterance is words of two to four syllables; pauses between
 * words stay under the analysis' 0.3 s bridge, so a turn reads as one stretch of speech. A faint
 * line hiss sits far below the −40 dBFS activity threshold.
 */
export function renderCall(script: CallScript, random: DemoRandom): Buffer {
  const frames = Math.round(script.durationSeconds * SAMPLE_RATE);
  const buffer = Buffer.alloc(HEADER_BYTES + frames * CHANNELS, SILENCE);
  writeHeader(buffer, frames);
  const encode = mulaw();
  const vowels = vowelTables();
  const envelope = syllableEnvelope();
  // Line hiss: the smallest µ-law steps around zero (about −75 dBFS), a short pattern repeated.
  const hiss = Buffer.alloc(2048, SILENCE);
  for (let at = 0; at < hiss.length; at += 1 + random.int(3)) hiss[at] = random.chance(0.5) ? 0xfe : 0x7e;
  buffer.fill(hiss, HEADER_BYTES);

  for (const u of script.utterances) {
    const channel = u.channel;
    let t = u.start;
    const loudness = random.between(0.22, 0.42);
    while (t < u.end - 0.1) {
      const syllables = random.intBetween(2, 4);
      for (let s = 0; s < syllables && t < u.end - 0.08; s++) {
        const seconds = Math.min(random.between(0.11, 0.24), u.end - t);
        const from = Math.round(t * SAMPLE_RATE);
        const length = Math.max(1, Math.round(seconds * SAMPLE_RATE));
        const table = vowels[random.int(vowels.length)]!;
        const pitch = u.pitchHz * random.between(0.88, 1.14);
        const glide = random.between(-0.18, 0.12) / length; // intonation within the syllable
        const peak = loudness * random.between(0.7, 1.1);
        const envelopeStep = ENVELOPE_SIZE / length;
        let phase = random.next() * TABLE_SIZE;
        for (let i = 0; i < length; i++) {
          const frame = from + i;
          if (frame >= frames) break;
          phase += (pitch * (1 + glide * i) * TABLE_SIZE) / SAMPLE_RATE;
          if (phase >= TABLE_SIZE) phase -= TABLE_SIZE;
          // |value| < 0.5, so the 14-bit code needs no clamping.
          const value = table[phase | 0]! * envelope[(i * envelopeStep) | 0]! * peak;
          buffer[HEADER_BYTES + frame * CHANNELS + channel] = encode[(value * 8191 + 8192.5) | 0]!;
        }
        t += seconds;
      }
      t += random.between(0.04, 0.2); // between words
    }
  }
  return buffer;
}
