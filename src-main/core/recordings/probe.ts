import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { parseFile } from 'music-metadata';
import { FfmpegMissingError, probeWithFfmpeg, type FfmpegProbe } from './ffmpeg';

/** A file we cannot take in, with the reason in Dutch as the coach will read it. */
export class UnreadableAudioError extends Error {
  constructor(
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(reason, options);
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

/** Decoded by the bundled ffmpeg (./ffmpeg.ts): everything our in-process decoders do not read. */
export interface FfmpegLayout {
  kind: 'ffmpeg';
  /** For messages: 'Ogg', 'M4A', 'FLAC', 'WAV'… */
  container: string;
  codec: string;
  /** As ffmpeg's decoder delivers them; decoding is forced to exactly these. */
  channels: number;
  sampleRate: number;
  /**
   * The exact length the container declares (FLAC STREAMINFO, MP4 mvhd, WAV fact), or null.
   * Decoding stops there (AAC and ADPCM pad their last block) and a shorter decode is a
   * truncated file.
   */
  declaredFrames: number | null;
}

export type AudioLayout = WavLayout | Mp3Layout | FfmpegLayout;

export interface ProbedAudio {
  sha256: string;
  sizeBytes: number;
  /** Of the file as imported. */
  mediaType: string;
  extension: string;
  container: string;
  codec: string;
  channels: number;
  sampleRate: number;
  /** Exact for PCM/G.711 WAV; otherwise an estimate that the decoded length replaces. */
  durationSeconds: number;
  layout: AudioLayout;
  /** Chromium cannot play it: the import stores a 16-bit PCM WAV conversion for the player. */
  needsConversion: boolean;
}

type Described = Omit<ProbedAudio, 'sha256' | 'sizeBytes'>;

export const reasons = {
  empty: 'het bestand is leeg',
  truncated: 'het bestand is afgebroken (de kop meldt meer audio dan er in het bestand zit)',
  truncatedContainer: (container: string) => `het bestand is afgebroken (het ${container}-bestand houdt midden in de audio op)`,
  notAudio: 'dit is geen audiobestand',
  notAudioButA: (kind: string) => `dit is geen audiobestand, maar ${kind}`,
  noAudio: 'het bestand bevat geen audio',
  unreadable: 'het bestand kon niet worden gelezen',
  damagedWav: (what: string) => `het WAV-bestand is beschadigd (${what})`,
  damaged: (container: string, what?: string) => `het ${container}-bestand is beschadigd${what ? ` (${what})` : ''}`,
  undecodable: (container: string, codec: string) =>
    `de ${codec}-audio in dit ${container}-bestand kon niet worden gedecodeerd (beschadigd of onvolledig)`,
  channels: (count: number) => `opnames met ${count} kanalen worden nog niet ondersteund (alleen mono en stereo)`,
  codec: (name: string) => `de codec ${name} wordt nog niet ondersteund`,
  decoderMissing: 'de audio-omzetter (ffmpeg) ontbreekt in deze installatie; installeer Klankbord opnieuw',
} as const;

/** Reads what an import needs to know, or throws UnreadableAudioError with a Dutch reason. */
export async function probeAudio(file: string): Promise<ProbedAudio> {
  const { size } = await stat(file);
  if (size === 0) throw new UnreadableAudioError(reasons.empty);
  const handle = await open(file, 'r');
  let described: Described;
  try {
    const head = await readAt(handle, 0, 12);
    const magic = head.toString('latin1', 0, 4);
    if (magic === 'RIFF' && head.toString('latin1', 8, 12) === 'WAVE') {
      described = await describeWav(file, handle, size);
    } else if (magic === 'RF64') {
      throw new UnreadableAudioError('RF64-WAV (voor bestanden groter dan 4 GB) wordt nog niet ondersteund');
    } else {
      const start = await id3v2End(handle, size);
      const container = sniffContainer(start === 0 ? head : await readAt(handle, start, 12));
      if (container) {
        described = await describeContainer(file, handle, size, start, container);
      } else {
        const mpeg = await findMpegStream(handle, size, start);
        described = mpeg ? await describeMp3(file, mpeg) : rejectNotAudio(await readAt(handle, 0, 512));
      }
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

function assertMonoOrStereo(channels: number): void {
  if (channels > 2) throw new UnreadableAudioError(reasons.channels(channels));
}

/** Offset past an ID3v2 tag (MP3, sometimes FLAC), or 0. */
async function id3v2End(handle: FileHandle, fileSize: number): Promise<number> {
  const id3 = await readAt(handle, 0, 10);
  if (id3.length < 10 || id3.toString('latin1', 0, 3) !== 'ID3') return 0;
  // ID3v2 sizes are "syncsafe": 7 bits per byte, the top bit kept clear.
  const tagSize = [6, 7, 8, 9].reduce((sum, i) => (sum << 7) | ((id3[i] ?? 0) & 0x7f), 0);
  const hasFooter = ((id3[5] ?? 0) & 0x10) !== 0;
  return Math.min(fileSize, 10 + tagSize + (hasFooter ? 10 : 0));
}

// ---- WAV -------------------------------------------------------------------------------------

/** Names for messages when even ffmpeg cannot decode a WAV codec. */
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
  0x028f: 'G.722',
};

interface FmtChunk {
  formatTag: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
}

/** RIFF sizes of 0xFFFFFFFF mean "until the end": recorders that stream write them. */
const STREAMING_SIZE = 0xffffffff;

async function describeWav(file: string, handle: FileHandle, fileSize: number): Promise<Described> {
  let fmt: FmtChunk | null = null;
  let data: { offset: number; length: number } | null = null;
  let factFrames: number | null = null;
  // Walk the chunks ourselves: the data chunk's offset and declared length are what streaming
  // decoding and truncation detection need, and metadata libraries do not expose them.
  let offset = 12;
  while (offset + 8 <= fileSize && (!fmt || !data)) {
    const header = await readAt(handle, offset, 8);
    const id = header.toString('latin1', 0, 4);
    const chunkSize = header.readUInt32LE(4);
    const body = offset + 8;
    if (id === 'fmt ') fmt = parseFmt(await readAt(handle, body, Math.min(chunkSize, 64)));
    // Compressed WAV states its true length here; the last block is padded.
    if (id === 'fact' && chunkSize >= 4) factFrames = (await readAt(handle, body, 4)).readUInt32LE(0) || null;
    if (id === 'data') {
      data = { offset: body, length: chunkSize === STREAMING_SIZE ? fileSize - body : chunkSize };
      if (body + data.length > fileSize) throw new UnreadableAudioError(reasons.truncated);
    }
    offset = body + chunkSize + (chunkSize % 2); // chunks are padded to even sizes
  }
  if (!fmt) throw new UnreadableAudioError(reasons.damagedWav('het fmt-blok ontbreekt'));
  if (!data) throw new UnreadableAudioError(reasons.damagedWav('het data-blok ontbreekt'));
  if (fmt.channels < 1 || fmt.sampleRate < 1) throw new UnreadableAudioError(reasons.damagedWav('onmogelijke indeling in de kop'));
  if (data.length === 0) throw new UnreadableAudioError(reasons.noAudio);

  const native = wavEncoding(fmt);
  if (!native) {
    // GSM 6.10, ADPCM, G.722…: ffmpeg decodes them, Chromium plays none of them.
    const name = wavCodecNames[fmt.formatTag] ?? `met WAV-formaatcode 0x${fmt.formatTag.toString(16).padStart(4, '0')}`;
    return describeWithFfmpeg(file, wavContainer, factFrames !== null ? { frames: factFrames } : null, name);
  }
  const { encoding, codec } = native;
  assertMonoOrStereo(fmt.channels);
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
    needsConversion: false,
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

/** PCM, float and G.711, which we decode ourselves and Chromium plays; null for anything else. */
function wavEncoding(fmt: FmtChunk): { encoding: SampleEncoding; codec: string } | null {
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
    default:
      return null;
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
async function findMpegStream(handle: FileHandle, fileSize: number, start: number): Promise<{ offset: number; frame: MpegFrame } | null> {
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

async function describeMp3(file: string, mpeg: { offset: number; frame: MpegFrame }): Promise<Described> {
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
    needsConversion: false,
  };
}

// ---- Ogg, FLAC, MP4 and other containers: decoded by ffmpeg ----------------------------------

interface Container {
  label: string;
  extension: string;
  mediaType: string;
  /** ffmpeg codec names Chromium plays in this container (TOOLCHAIN.md, tests/e2e/formats.spec.ts); the rest is converted. */
  plays: readonly string[];
}

const wavContainer: Container = { label: 'WAV', extension: 'wav', mediaType: 'audio/wav', plays: [] };

type Sniffed = Container & { kind: 'ogg' | 'flac' | 'mp4' | 'other' };

/** Containers recognised by their first bytes; never by the file name, which anyone can change. */
function sniffContainer(head: Buffer): Sniffed | null {
  if (head.length < 12) return null;
  const text = head.toString('latin1', 0, 12);
  if (text.startsWith('OggS')) return { kind: 'ogg', label: 'Ogg', extension: 'ogg', mediaType: 'audio/ogg', plays: ['opus', 'vorbis'] };
  if (text.startsWith('fLaC')) return { kind: 'flac', label: 'FLAC', extension: 'flac', mediaType: 'audio/flac', plays: ['flac'] };
  if (text.slice(4, 8) === 'ftyp') {
    const brand = text.slice(8, 12);
    const label = brand.startsWith('3g') ? '3GP' : brand.startsWith('M4') ? 'M4A' : 'MP4';
    return { kind: 'mp4', label, extension: label === '3GP' ? '3gp' : 'm4a', mediaType: 'audio/mp4', plays: ['aac'] };
  }
  if (head.readUInt32BE(0) === 0x1a45dfa3)
    return { kind: 'other', label: 'WebM', extension: 'webm', mediaType: 'audio/webm', plays: ['opus', 'vorbis'] };
  if (text.startsWith('#!AMR')) return { kind: 'other', label: 'AMR', extension: 'amr', mediaType: 'audio/amr', plays: [] };
  if (text.startsWith('FORM') && (text.slice(8, 12) === 'AIFF' || text.slice(8, 12) === 'AIFC')) {
    return { kind: 'other', label: 'AIFF', extension: 'aiff', mediaType: 'audio/aiff', plays: [] };
  }
  // ADTS (raw AAC): sync word with layer bits 00, which no MPEG audio frame has.
  if (head[0] === 0xff && ((head[1] ?? 0) & 0xf6) === 0xf0)
    return { kind: 'other', label: 'AAC', extension: 'aac', mediaType: 'audio/aac', plays: ['aac'] };
  return null;
}

type Declared = { frames: number } | { seconds: number } | null;

async function describeContainer(
  file: string,
  handle: FileHandle,
  fileSize: number,
  start: number,
  container: Sniffed,
): Promise<Described> {
  let declared: Declared = null;
  // Structure first: a cut-off copy gets "afgebroken", not whatever ffmpeg makes of it.
  if (container.kind === 'ogg') await assertOggComplete(handle, fileSize);
  if (container.kind === 'flac') declared = await flacDeclaredLength(handle, start);
  if (container.kind === 'mp4') declared = await mp4DeclaredLength(handle, fileSize, container.label);
  return describeWithFfmpeg(file, container, declared);
}

const codecLabels: Record<string, string> = {
  opus: 'Opus',
  vorbis: 'Vorbis',
  aac: 'AAC',
  aac_latm: 'AAC',
  flac: 'FLAC',
  mp3: 'MP3',
  mp2: 'MPEG Layer II',
  alac: 'ALAC',
  speex: 'Speex',
  gsm_ms: 'GSM 6.10',
  gsm: 'GSM 6.10',
  adpcm_ima_wav: 'IMA ADPCM',
  adpcm_ms: 'MS ADPCM',
  adpcm_g722: 'G.722',
  adpcm_g726: 'G.726 ADPCM',
  adpcm_g726le: 'G.726 ADPCM',
  g723_1: 'G.723.1',
  g729: 'G.729',
  truespeech: 'DSP TrueSpeech',
  amr_nb: 'AMR-NB',
  amr_wb: 'AMR-WB',
  pcm_mulaw: 'G.711 µ-law',
  pcm_alaw: 'G.711 A-law',
};

function codecLabel(ffmpegCodec: string): string {
  const pcm = /^pcm_([suf])(\d+)/.exec(ffmpegCodec);
  if (pcm) return pcm[1] === 'f' ? `PCM float ${pcm[2]}-bit` : `PCM ${pcm[2]}-bit`;
  return codecLabels[ffmpegCodec] ?? ffmpegCodec.toUpperCase();
}

/**
 * Codec, channels and rate as ffmpeg's decoder sees them: music-metadata reports 2 channels for
 * mono AAC and the encoder's input rate (not the 48 kHz decode rate) for Opus.
 */
async function describeWithFfmpeg(file: string, container: Container, declared: Declared, wavCodecName?: string): Promise<Described> {
  let probe: FfmpegProbe;
  try {
    probe = await probeWithFfmpeg(file);
  } catch (error) {
    if (error instanceof FfmpegMissingError) throw new UnreadableAudioError(reasons.decoderMissing, { cause: error });
    throw error;
  }
  const { audio } = probe;
  if (!audio) {
    const reason = probe.format ? reasons.noAudio : reasons.damaged(container.label);
    throw new UnreadableAudioError(reason, { cause: new Error(probe.message) });
  }
  if (audio.codec === 'none') throw new UnreadableAudioError(reasons.codec(wavCodecName ?? `in dit ${container.label}-bestand`));
  const codec = codecLabel(audio.codec);
  if (audio.channels === null)
    throw new UnreadableAudioError(`de kanaalindeling ${audio.layout} wordt nog niet ondersteund (alleen mono en stereo)`);
  assertMonoOrStereo(audio.channels);
  if (audio.sampleRate < 1) throw new UnreadableAudioError(reasons.damaged(container.label, 'onmogelijke samplefrequentie'));
  const declaredFrames =
    declared === null ? null : 'frames' in declared ? declared.frames : Math.round(declared.seconds * audio.sampleRate);
  return {
    mediaType: container.mediaType,
    extension: container.extension,
    container: container.label,
    codec,
    channels: audio.channels,
    sampleRate: audio.sampleRate,
    durationSeconds: declaredFrames !== null ? declaredFrames / audio.sampleRate : (probe.durationSeconds ?? 0),
    layout: { kind: 'ffmpeg', container: container.label, codec, channels: audio.channels, sampleRate: audio.sampleRate, declaredFrames },
    needsConversion: !container.plays.includes(audio.codec),
  };
}

/** The largest Ogg page: 27-byte header, 255 lacing values, 255 segments of 255 bytes. */
const OGG_MAX_PAGE = 27 + 255 + 255 * 255;

/** The last Ogg page must be whole; a copy cut off mid-page is a truncated file. */
async function assertOggComplete(handle: FileHandle, fileSize: number): Promise<void> {
  const from = Math.max(0, fileSize - OGG_MAX_PAGE);
  const tail = await readAt(handle, from, fileSize - from);
  for (let at = tail.lastIndexOf('OggS'); at >= 0; at = at > 0 ? tail.lastIndexOf('OggS', at - 1) : -1) {
    if (at + 27 > tail.length) throw new UnreadableAudioError(reasons.truncatedContainer('Ogg'));
    if (tail[at + 4] !== 0) continue; // stream structure version is always 0: not a page
    const segments = tail[at + 26] ?? 0;
    let end = at + 27 + segments;
    for (let i = 0; i < segments; i++) end += tail[at + 27 + i] ?? 0;
    if (end > tail.length) throw new UnreadableAudioError(reasons.truncatedContainer('Ogg'));
    return;
  }
  throw new UnreadableAudioError(reasons.damaged('Ogg'));
}

/** Total samples from STREAMINFO, the mandatory first metadata block; 0 there means unknown. */
async function flacDeclaredLength(handle: FileHandle, start: number): Promise<Declared> {
  const b = await readAt(handle, start, 42);
  if (b.length < 42) throw new UnreadableAudioError(reasons.truncatedContainer('FLAC'));
  if (((b[4] ?? 0) & 0x7f) !== 0) throw new UnreadableAudioError(reasons.damaged('FLAC', 'het STREAMINFO-blok ontbreekt'));
  const total = ((b[21] ?? 0) & 0x0f) * 2 ** 32 + b.readUInt32BE(22);
  return total > 0 ? { frames: total } : null;
}

/**
 * Walks the top-level boxes: one that runs past the end means a cut-off copy. Returns the
 * movie's duration (mvhd), which already accounts for encoder delay and padding.
 */
async function mp4DeclaredLength(handle: FileHandle, fileSize: number, label: string): Promise<Declared> {
  let moov: { body: number; end: number } | null = null;
  for (let offset = 0; offset + 8 <= fileSize;) {
    const header = await readAt(handle, offset, 16);
    let size = header.readUInt32BE(0);
    let headerSize = 8;
    if (size === 1) {
      if (header.length < 16) throw new UnreadableAudioError(reasons.truncatedContainer(label));
      size = Number(header.readBigUInt64BE(8));
      headerSize = 16;
    } else if (size === 0) {
      size = fileSize - offset; // "to the end of the file"
    }
    if (size < headerSize) throw new UnreadableAudioError(reasons.damaged(label, 'ongeldige blokgrootte'));
    if (offset + size > fileSize) throw new UnreadableAudioError(reasons.truncatedContainer(label));
    if (header.toString('latin1', 4, 8) === 'moov') moov = { body: offset + headerSize, end: offset + size };
    offset += size;
  }
  if (!moov) {
    throw new UnreadableAudioError(
      reasons.damaged(label, 'de inhoudsopgave (moov) ontbreekt; de opname is waarschijnlijk niet goed afgesloten'),
    );
  }
  for (let at = moov.body; at + 8 <= moov.end;) {
    const header = await readAt(handle, at, 8);
    const size = header.readUInt32BE(0);
    if (size < 8) break;
    if (header.toString('latin1', 4, 8) === 'mvhd') {
      const body = await readAt(handle, at + 8, 32);
      if (body.length < 32) return null;
      const v1 = body[0] === 1;
      const timescale = body.readUInt32BE(v1 ? 20 : 12);
      const duration = v1 ? Number(body.readBigUInt64BE(24)) : body.readUInt32BE(16);
      const unknown = duration === 0 || (!v1 && duration === 0xffffffff);
      return timescale > 0 && !unknown ? { seconds: duration / timescale } : null;
    }
    at += size;
  }
  return null;
}

// ---- not audio -------------------------------------------------------------------------------

const documentKinds: [prefix: Buffer, kind: string][] = [
  [Buffer.from('%PDF-', 'latin1'), 'een PDF-document'],
  [Buffer.from('PK\x03\x04', 'latin1'), 'een ZIP-bestand (bijvoorbeeld een Word- of Excel-document)'],
  [Buffer.from('d0cf11e0a1b11ae1', 'hex'), 'een ouder Office-document (Word, Excel of Outlook)'],
  [Buffer.from('{\\rtf', 'latin1'), 'een RTF-document'],
  [Buffer.from('89504e47', 'hex'), 'een PNG-afbeelding'],
  [Buffer.from('ffd8ff', 'hex'), 'een JPEG-afbeelding'],
  [Buffer.from('GIF8', 'latin1'), 'een GIF-afbeelding'],
];

/** Says what the file is instead, when that is easy to tell: it helps the coach find the right file. */
function rejectNotAudio(first: Buffer): never {
  const known = documentKinds.find(([prefix]) => first.subarray(0, prefix.length).equals(prefix));
  if (known) throw new UnreadableAudioError(reasons.notAudioButA(known[1]));
  if (looksLikeText(first)) throw new UnreadableAudioError(reasons.notAudioButA('een tekstbestand'));
  throw new UnreadableAudioError(reasons.notAudio);
}

function looksLikeText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  for (const b of bytes) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) return false;
  try {
    // A multi-byte character may be cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, Math.max(0, bytes.length - 3)));
    return true;
  } catch {
    return false;
  }
}
