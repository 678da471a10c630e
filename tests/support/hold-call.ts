/**
 * A stereo telephony call with a long hold in the middle, generated in memory (16-bit PCM,
 * 8 kHz): the advisor (left) and the resident (right) take turns in "syllables" of 0.3 s of a
 * voiced tone and 0.2 s of pause, then both are quiet for `holdSeconds` (a line-noise floor at
 * about −66 dBFS, far below the analysis' −40 dBFS), then they talk again. The call analysis
 * finds exactly one hold, from `talkSeconds` to `talkSeconds + holdSeconds`.
 */
export interface HoldCall {
  wav: Buffer;
  holdStart: number;
  holdEnd: number;
  duration: number;
}

const RATE = 8000;

export function holdCallWav(options: { talkSeconds?: number; holdSeconds?: number } = {}): HoldCall {
  const { talkSeconds = 6, holdSeconds = 24 } = options;
  const holdStart = talkSeconds;
  const holdEnd = talkSeconds + holdSeconds;
  const duration = holdEnd + talkSeconds;
  const frames = Math.round(duration * RATE);
  const data = Buffer.alloc(frames * 4);
  let noise = 0x2545f491;
  const turn = talkSeconds / 2;

  for (let i = 0; i < frames; i++) {
    const t = i / RATE;
    // Before the hold the advisor speaks first; after it the advisor comes back first too.
    const local = t < holdStart ? t : t - holdEnd;
    const inTalk = t < holdStart || t >= holdEnd;
    const advisorTurn = inTalk && local < turn;
    const residentTurn = inTalk && local >= turn;
    const syllable = local % 0.5 < 0.3 || local % turn >= turn - 0.3;
    // A voiced sound: fundamental plus two harmonics, like a vowel on the phone.
    const voice = (f: number) =>
      0.25 * Math.sin(2 * Math.PI * f * t) + 0.1 * Math.sin(4 * Math.PI * f * t) + 0.05 * Math.sin(6 * Math.PI * f * t);
    noise ^= noise << 13;
    noise ^= noise >>> 17;
    noise ^= noise << 5;
    const floor = ((noise >>> 0) / 0xffffffff - 0.5) * 0.001;
    const left = advisorTurn && syllable ? voice(180) : floor;
    const right = residentTurn && syllable ? voice(230) : floor;
    data.writeInt16LE(Math.round(left * 32767), i * 4);
    data.writeInt16LE(Math.round(right * 32767), i * 4 + 2);
  }

  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(2, 22);
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 4, 28);
  header.writeUInt16LE(4, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return { wav: Buffer.concat([header, data]), holdStart, holdEnd, duration };
}
