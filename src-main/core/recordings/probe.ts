import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { parseFile } from 'music-metadata';

/** A file we cannot take in, with the reason in Dutch as the coach will read it. */
export class UnreadableAudioError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnreadableAudioError';
  }
}

export type SampleEncoding = 'pcm' | 'float' | 'mulaw' | 'alaw';

export interface WavLayout {
  kind: 'wav';
  encoding: SampleEncoding;
  /** Container bits per sample: what to step over, even when fewer bits are significant. */
  bitsPerSample: number;
  /** Bytes per frame (all channels of one sample moment). */
  blockAlign: number;
  dataOffset: number;
  /** Whole frames only, so decoders never meet a partial frame at the end. */
  dataLength: number;
}

export interface Mp3Layout {
  kind: 'mp3';
  /** Offset of the first MPEG frame, past any ID3v2 tag. */
  audioOffset: number;
}

export type AudioLayout = WavLayout | Mp3Layout;

export interface ProbedAudio {
  sha256: string;
  sizeBytes: number;
  mediaType: 'audio/wav' | 'audio/mpeg';
  extension: 'wav' | 'mp3';
  container: string;
  codec: string;
  channels: number;
  sampleRate: number;
  /** Exact for WAV (from the data length); for MP3 an estimate that decoding replaces. */
  durationSeconds: number;
  layout: AudioLayout;
}

export const reasons = {
  empty: 'het bestand is leeg',
  truncated: 'het bestand is afgebroken (de kop meldt meer audio dan er in het bestand zit)',
  notAudio: 'dit is geen audiobestand',
  noAudio: 'het bestand bevat geen audio',
  unreadable: 'het bestand kon niet worden gelezen',
  damagedWav: (what: string) => `het WAV-bestand is beschadigd (${what})`,
  codec: (name: string) => `de codec ${name} wordt nog niet ondersteund`,
} as const;

/** Reads what an import needs to know, or throws UnreadableAudioError with a Dutch reason. */
export async function probeAudio(file: string): Promise<ProbedAudio> {
  const { size } = await stat(file);
  if (size === 0) throw new UnreadableAudioError(reasons.empty);
  const handle = await open(file, 'r');
  let described: Omit<ProbedAudio, 'sha256' | 'sizeBytes'>;
  try {
    const head = await readAt(handle, 0, 12);
    const magic = head.toString('latin1', 0, 4);
    if (magic === 'RIFF' && head.toString('latin1', 8, 12) === 'WAVE') {
      described = await describeWav(handle, size);
    } else if (magic === 'RF64') {
      throw new UnreadableAudioError('RF64-WAV (voor bestanden groter dan 4 GB) wordt nog niet ondersteund');
    } else {
      const mpeg = await findMpegStream(handle, size);
      described = mpeg ? await describeMp3(file, mpeg) : await rejectOtherFormat(file, head);
    }
  } finally {
    await handle.close();
  }
  return { ...described, sha256: await sha256File(file), sizeBytes: size };
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), hash);
  return hash.digest('hex');
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

// ---- WAV -------------------------------------------------------------------------------------

const wavCodecNames: Record<number, string> = {
  0x0002: 'MS ADPCM',
  0x0011: 'IMA ADPCM',
  0x0014: 'G.723 ADPCM',
  0x0022: 'DSP TrueSpeech',
  0x0031: 'GSM 6.10',
  0x0040: 'G.721 ADPCM',
  0x0042: 'G.723.1',
  0x0045: 'G.726 ADPCM',
  0x0050: 'MPEG-audio in WAV',
  0x0055: 'MP3 in WAV',
  0x0064: 'G.726 ADPCM',
  0x0065: 'G.722',
};

interface FmtChunk {
  formatTag: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
}

/** RIFF sizes of 0xFFFFFFFF mean "until the end": recorders that stream write them. */
const STREAMING_SIZE = 0xffffffff;

async function describeWav(handle: FileHandle, fileSize: number): Promise<Omit<ProbedAudio, 'sha256' | 'sizeBytes'>> {
  let fmt: FmtChunk | null = null;
  let data: { offset: number; length: number } | null = null;
  // Walk the chunks ourselves: the data chunk's offset and declared length are what streaming
  // decoding and truncation detection need, and metadata libraries do not expose them.
  let offset = 12;
  while (offset + 8 <= fileSize && (!fmt || !data)) {
    const header = await readAt(handle, offset, 8);
    const id = header.toString('latin1', 0, 4);
    const chunkSize = header.readUInt32LE(4);
    const body = offset + 8;
    if (id === 'fmt ') fmt = parseFmt(await readAt(handle, body, Math.min(chunkSize, 64)));
    if (id === 'data') {
      data = { offset: body, length: chunkSize === STREAMING_SIZE ? fileSize - body : chunkSize };
      if (body + data.length > fileSize) throw new UnreadableAudioError(reasons.truncated);
    }
    offset = body + chunkSize + (chunkSize % 2); // chunks are padded to even sizes
  }
  if (!fmt) throw new UnreadableAudioError(reasons.damagedWav('het fmt-blok ontbreekt'));
  if (!data) throw new UnreadableAudioError(reasons.damagedWav('het data-blok ontbreekt'));

  const { encoding, codec } = wavEncoding(fmt);
  if (fmt.channels < 1 || fmt.sampleRate < 1) throw new UnreadableAudioError(reasons.damagedWav('onmogelijke indeling in de kop'));
  if (fmt.channels > 2) {
    throw new UnreadableAudioError(`opnames met ${fmt.channels} kanalen worden nog niet ondersteund (alleen mono en stereo)`);
  }
  // Computed rather than trusted: some recorders write a wrong block align.
  const blockAlign = fmt.channels * (fmt.bitsPerSample / 8);
  const frames = Math.floor(data.length / blockAlign);
  if (frames === 0) throw new UnreadableAudioError(reasons.noAudio);
  return {
    mediaType: 'audio/wav',
    extension: 'wav',
    container: 'WAV',
    codec,
    channels: fmt.channels,
    sampleRate: fmt.sampleRate,
    durationSeconds: frames / fmt.sampleRate,
    layout: {
      kind: 'wav',
      encoding,
      bitsPerSample: fmt.bitsPerSample,
      blockAlign,
      dataOffset: data.offset,
      dataLength: frames * blockAlign,
    },
  };
}

function parseFmt(body: Buffer): FmtChunk {
  if (body.length < 16) throw new UnreadableAudioError(reasons.damagedWav('het fmt-blok is te kort'));
  let formatTag = body.readUInt16LE(0);
  // WAVE_FORMAT_EXTENSIBLE keeps the real format in the first two bytes of its sub-format GUID.
  if (formatTag === 0xfffe && body.length >= 26) formatTag = body.readUInt16LE(24);
  return {
    formatTag,
    channels: body.readUInt16LE(2),
    sampleRate: body.readUInt32LE(4),
    bitsPerSample: body.readUInt16LE(14),
  };
}

function wavEncoding(fmt: FmtChunk): { encoding: SampleEncoding; codec: string } {
  const bits = fmt.bitsPerSample;
  switch (fmt.formatTag) {
    case 0x0001:
      if ([8, 16, 24, 32].includes(bits)) return { encoding: 'pcm', codec: `PCM ${bits}-bit` };
      throw new UnreadableAudioError(`PCM met ${bits} bits per sample wordt nog niet ondersteund`);
    case 0x0003:
      if (bits === 32 || bits === 64) return { encoding: 'float', codec: `PCM float ${bits}-bit` };
      throw new UnreadableAudioError(`PCM float met ${bits} bits per sample wordt nog niet ondersteund`);
    case 0x0006:
      if (bits === 8) return { encoding: 'alaw', codec: 'G.711 A-law' };
      throw new UnreadableAudioError(reasons.damagedWav('A-law met een ongeldig aantal bits'));
    case 0x0007:
      if (bits === 8) return { encoding: 'mulaw', codec: 'G.711 µ-law' };
      throw new UnreadableAudioError(reasons.damagedWav('µ-law met een ongeldig aantal bits'));
    default: {
      const name = wavCodecNames[fmt.formatTag] ?? `met WAV-formaatcode 0x${fmt.formatTag.toString(16).padStart(4, '0')}`;
      throw new UnreadableAudioError(reasons.codec(name));
    }
  }
}

// ---- MPEG audio ------------------------------------------------------------------------------

interface MpegFrame {
  version: 1 | 2 | 2.5;
  layer: 1 | 2 | 3;
  sampleRate: number;
  channels: number;
  length: number;
}

const bitratesKbps = {
  v1: {
    1: [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
    2: [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
    3: [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  },
  v2: {
    1: [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
    2: [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    3: [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  },
} as const;
const sampleRates = { 1: [44100, 48000, 32000], 2: [22050, 24000, 16000], 2.5: [11025, 12000, 8000] } as const;

function parseMpegFrame(b: Buffer, at: number): MpegFrame | null {
  if (at + 4 > b.length) return null;
  const b1 = b[at + 1] ?? 0;
  const b2 = b[at + 2] ?? 0;
  const b3 = b[at + 3] ?? 0;
  if (b[at] !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const versionBits = (b1 >> 3) & 3;
  const layerBits = (b1 >> 1) & 3;
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (versionBits === 1 || layerBits === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const version = versionBits === 3 ? 1 : versionBits === 2 ? 2 : 2.5;
  const layer = (4 - layerBits) as 1 | 2 | 3;
  const kbps = bitratesKbps[version === 1 ? 'v1' : 'v2'][layer][bitrateIndex - 1] ?? 0;
  const sampleRate = sampleRates[version][rateIndex] ?? 0;
  const padding = (b2 >> 1) & 1;
  const bitrate = kbps * 1000;
  let length: number;
  if (layer === 1) length = (Math.floor((12 * bitrate) / sampleRate) + padding) * 4;
  else if (layer === 3 && version !== 1) length = Math.floor((72 * bitrate) / sampleRate) + padding;
  else length = Math.floor((144 * bitrate) / sampleRate) + padding;
  return { version, layer, sampleRate, channels: b3 >> 6 === 3 ? 1 : 2, length };
}

/** How far past any ID3 tag the first frame may start (encoders pad a little, not more). */
const MPEG_SEARCH_BYTES = 64 * 1024;
/** Layer II at 384 kbit/s and 32 kHz, plus padding: the longest frame there is. */
const MAX_FRAME_BYTES = 1729;

/**
 * Finds the first MPEG frame that is followed by two more consistent frames. A lone sync word
 * proves nothing (random bytes contain plenty, and music-metadata happily reports them as MP3).
 */
async function findMpegStream(handle: FileHandle, fileSize: number): Promise<{ offset: number; frame: MpegFrame } | null> {
  let start = 0;
  const id3 = await readAt(handle, 0, 10);
  if (id3.length === 10 && id3.toString('latin1', 0, 3) === 'ID3') {
    // ID3v2 sizes are "syncsafe": 7 bits per byte, the top bit kept clear.
    const tagSize = [6, 7, 8, 9].reduce((sum, i) => (sum << 7) | ((id3[i] ?? 0) & 0x7f), 0);
    const hasFooter = ((id3[5] ?? 0) & 0x10) !== 0;
    start = 10 + tagSize + (hasFooter ? 10 : 0);
  }
  if (start >= fileSize) return null; // a tag and nothing after it, or a lying tag size
  const window = await readAt(handle, start, Math.min(fileSize - start, MPEG_SEARCH_BYTES + 3 * MAX_FRAME_BYTES));
  const searchEnd = Math.min(window.length, MPEG_SEARCH_BYTES);
  for (let at = 0; at < searchEnd; at++) {
    const first = parseMpegFrame(window, at);
    if (!first) continue;
    let next = at + first.length;
    let chained = 1;
    while (chained < 3) {
      const frame = parseMpegFrame(window, next);
      if (!frame || frame.version !== first.version || frame.layer !== first.layer || frame.sampleRate !== first.sampleRate) break;
      next += frame.length;
      chained++;
    }
    if (chained === 3) return { offset: start + at, frame: first };
  }
  return null;
}

async function describeMp3(file: string, mpeg: { offset: number; frame: MpegFrame }): Promise<Omit<ProbedAudio, 'sha256' | 'sizeBytes'>> {
  const { frame } = mpeg;
  if (frame.layer !== 3) throw new UnreadableAudioError(reasons.codec(`MPEG Layer ${frame.layer === 1 ? 'I' : 'II'}`));
  // music-metadata reads the Xing/Info header for an estimate; channels and rate come from the
  // frame header itself, which cannot disagree with what the decoder will produce.
  const metadata = await parseFile(file, { duration: false, skipCovers: true }).catch(() => null);
  return {
    mediaType: 'audio/mpeg',
    extension: 'mp3',
    container: 'MP3',
    codec: 'MP3',
    channels: frame.channels,
    sampleRate: frame.sampleRate,
    durationSeconds: metadata?.format.duration ?? 0,
    layout: { kind: 'mp3', audioOffset: mpeg.offset },
  };
}

// ---- everything else -------------------------------------------------------------------------

/** Containers we recognise by their first bytes, so the coach hears which codec is missing. */
function looksLikeKnownAudio(head: Buffer): boolean {
  const text = head.toString('latin1', 0, 12);
  return (
    text.startsWith('OggS') ||
    text.startsWith('fLaC') ||
    text.startsWith('#!AMR') ||
    text.slice(4, 8) === 'ftyp' ||
    (text.startsWith('FORM') && (text.slice(8, 12) === 'AIFF' || text.slice(8, 12) === 'AIFC')) ||
    head.readUInt32BE(0) === 0x1a45dfa3 || // Matroska / WebM
    (head[0] === 0xff && ((head[1] ?? 0) & 0xf6) === 0xf0) // ADTS AAC
  );
}

async function rejectOtherFormat(file: string, head: Buffer): Promise<never> {
  if (head.length < 12 || !looksLikeKnownAudio(head)) throw new UnreadableAudioError(reasons.notAudio);
  const metadata = await parseFile(file, { duration: false, skipCovers: true }).catch(() => null);
  const { codec, container } = metadata?.format ?? {};
  if (codec) throw new UnreadableAudioError(reasons.codec(codec));
  if (container) throw new UnreadableAudioError(`het formaat ${container} wordt nog niet ondersteund`);
  throw new UnreadableAudioError(reasons.notAudio);
}
