import { createReadStream } from 'node:fs';
import * as alawmulawModule from 'alawmulaw';
import type { SampleEncoding, WavLayout } from '../probe';

type G711 = typeof alawmulawModule;
// alawmulaw ships a UMD build: Node's ESM loader only sees its default export, bundlers that
// follow its `module` field see named exports. Accept either shape.
const g711: G711 =
  'mulaw' in alawmulawModule && alawmulawModule.mulaw ? alawmulawModule : (alawmulawModule as unknown as { default: G711 }).default;

/** A 256-entry table per law: one lookup per sample instead of bit twiddling. */
function lawTable(decodeSample: (code: number) => number): Float32Array {
  const table = new Float32Array(256);
  for (let code = 0; code < 256; code++) table[code] = decodeSample(code) / 32768;
  return table;
}
let tables: { mulaw: Float32Array; alaw: Float32Array } | null = null;
function g711Tables(): { mulaw: Float32Array; alaw: Float32Array } {
  tables ??= { mulaw: lawTable(g711.mulaw.decodeSample), alaw: lawTable(g711.alaw.decodeSample) };
  return tables;
}

type SampleReader = (bytes: Buffer, at: number) => number;

function sampleReader(encoding: SampleEncoding, bits: number): SampleReader {
  switch (encoding) {
    case 'mulaw': {
      const table = g711Tables().mulaw;
      return (b, at) => table[b[at] ?? 0xff] ?? 0;
    }
    case 'alaw': {
      const table = g711Tables().alaw;
      return (b, at) => table[b[at] ?? 0xd5] ?? 0;
    }
    case 'float':
      return bits === 64 ? (b, at) => clamp(b.readDoubleLE(at)) : (b, at) => clamp(b.readFloatLE(at));
    case 'pcm':
      if (bits === 8) return (b, at) => ((b[at] ?? 128) - 128) / 128; // 8-bit WAV is unsigned
      if (bits === 16) return (b, at) => b.readInt16LE(at) / 32768;
      if (bits === 24) return (b, at) => b.readIntLE(at, 3) / 8388608;
      return (b, at) => b.readInt32LE(at) / 2147483648;
  }
}

const clamp = (v: number): number => (v > 1 ? 1 : v < -1 ? -1 : Number.isNaN(v) ? 0 : v);

/**
 * Streams the data chunk and yields one Float32Array per channel per read. Reads stay
 * moderate so a 60-minute call never sits in memory; a frame split across two reads is carried
 * over to the next.
 */
export async function* decodeWav(file: string, layout: WavLayout, channels: number): AsyncGenerator<Float32Array[]> {
  const read = sampleReader(layout.encoding, layout.bitsPerSample);
  const bytesPerSample = layout.bitsPerSample / 8;
  const { blockAlign } = layout;
  const stream = createReadStream(file, {
    start: layout.dataOffset,
    end: layout.dataOffset + layout.dataLength - 1,
    highWaterMark: 256 * 1024,
  });
  let carry: Buffer = Buffer.alloc(0);
  for await (const piece of stream as AsyncIterable<Buffer>) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, piece]) : piece;
    const frames = Math.floor(bytes.length / blockAlign);
    carry = Buffer.from(bytes.subarray(frames * blockAlign));
    if (frames === 0) continue;
    const out = Array.from({ length: channels }, () => new Float32Array(frames));
    for (let c = 0; c < channels; c++) {
      const target = out[c] ?? new Float32Array(0);
      let at = c * bytesPerSample;
      for (let i = 0; i < frames; i++, at += blockAlign) target[i] = read(bytes, at);
    }
    yield out;
  }
}
