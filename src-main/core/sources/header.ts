import { open, type FileHandle } from 'node:fs/promises';
import { parseFile } from 'music-metadata';
import { reasons, UnreadableAudioError } from '../recordings/probe';

/**
 * What a scan learns from a file's header, without reading (or hashing) the audio. The import's
 * full probe (`recordings/probe.ts`) still runs when a call is copied into the store.
 */
export interface HeaderInfo {
  container: string;
  codec: string;
  channels: number | null;
  sampleRate: number | null;
  /** From the header (WAV data size, MP3 Xing/Info, FLAC STREAMINFO, MP4 mvhd…); null when it does not say. */
  durationSeconds: number | null;
}

/** Extensions a scan indexes (lower case, no dot). */
export const audioExtensions = new Set(['wav', 'mp3', 'ogg', 'opus', 'm4a', 'aac', 'flac', 'webm', 'aif', 'aiff', 'gsm']);

export function audioExtension(name: string): string | null {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  const ext = name.slice(dot + 1).toLowerCase();
  return audioExtensions.has(ext) ? ext : null;
}

const HEAD_BYTES = 4096;
const STREAMING_SIZE = 0xffffffff;

const wavCodecNames: Record<number, string> = {
  0x0001: 'PCM',
  0x0002: 'MS ADPCM',
  0x0003: 'PCM float',
  0x0006: 'G.711 A-law',
  0x0007: 'G.711 µ-law',
  0x0011: 'IMA ADPCM',
  0x0031: 'GSM 6.10',
  0x0055: 'MP3 in WAV',
  0x0064: 'G.726 ADPCM',
  0x0065: 'G.722',
  0x028f: 'G.722',
};

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** RIFF/WAVE: walks the chunk headers only (the common case on telephony shares, so kept fast). */
async function wavHeader(handle: FileHandle, head: Buffer, size: number): Promise<HeaderInfo> {
  let fmt: { tag: number; channels: number; rate: number; byteRate: number; bits: number } | null = null;
  let dataLength: number | null = null;
  let factFrames: number | null = null;
  let offset = 12;
  while (offset + 8 <= size && (!fmt || dataLength === null)) {
    const header = offset + 8 <= head.length ? head.subarray(offset, offset + 8) : await readAt(handle, offset, 8);
    if (header.length < 8) break;
    const id = header.toString('latin1', 0, 4);
    const chunkSize = header.readUInt32LE(4);
    const body = offset + 8;
    if (id === 'fmt ') {
      const b =
        body + 16 <= head.length
          ? head.subarray(body, body + Math.min(chunkSize, 40))
          : await readAt(handle, body, Math.min(chunkSize, 40));
      if (b.length < 16) throw new UnreadableAudioError(reasons.damagedWav('het fmt-blok is te kort'));
      let tag = b.readUInt16LE(0);
      if (tag === 0xfffe && b.length >= 26) tag = b.readUInt16LE(24);
      fmt = { tag, channels: b.readUInt16LE(2), rate: b.readUInt32LE(4), byteRate: b.readUInt32LE(8), bits: b.readUInt16LE(14) };
    } else if (id === 'fact' && chunkSize >= 4) {
      const b = body + 4 <= head.length ? head.subarray(body, body + 4) : await readAt(handle, body, 4);
      if (b.length === 4) factFrames = b.readUInt32LE(0) || null;
    } else if (id === 'data') {
      dataLength = chunkSize === STREAMING_SIZE ? size - body : chunkSize;
      if (body + dataLength > size) throw new UnreadableAudioError(reasons.truncated);
    }
    offset = body + chunkSize + (chunkSize % 2);
  }
  if (!fmt) throw new UnreadableAudioError(reasons.damagedWav('het fmt-blok ontbreekt'));
  if (dataLength === null) throw new UnreadableAudioError(reasons.damagedWav('het data-blok ontbreekt'));
  if (fmt.channels < 1 || fmt.rate < 1) throw new UnreadableAudioError(reasons.damagedWav('onmogelijke indeling in de kop'));
  if (dataLength === 0) throw new UnreadableAudioError(reasons.noAudio);
  const name = wavCodecNames[fmt.tag] ?? `WAV-formaatcode 0x${fmt.tag.toString(16).padStart(4, '0')}`;
  const plain = fmt.tag === 0x0001 || fmt.tag === 0x0003 || fmt.tag === 0x0006 || fmt.tag === 0x0007;
  const blockAlign = fmt.channels * (fmt.bits / 8);
  let duration: number | null = null;
  if (plain && blockAlign > 0) duration = Math.floor(dataLength / blockAlign) / fmt.rate;
  else if (factFrames !== null) duration = factFrames / fmt.rate;
  else if (fmt.byteRate > 0) duration = dataLength / fmt.byteRate;
  return {
    container: 'WAV',
    codec: plain && fmt.tag !== 0x0006 && fmt.tag !== 0x0007 ? `${name} ${fmt.bits}-bit` : name,
    channels: fmt.channels,
    sampleRate: fmt.rate,
    durationSeconds: duration,
  };
}

function looksLikeText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  let printable = 0;
  for (const b of bytes) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 0xc2) printable++;
  return printable / bytes.length > 0.95;
}

/**
 * Container, codec, channels, rate and (when the header says) length, reading only the start of
 * the file. Throws UnreadableAudioError with a Dutch reason for empty, cut-off or non-audio files.
 */
export async function probeHeader(file: string, size: number, extension: string): Promise<HeaderInfo> {
  if (size === 0) throw new UnreadableAudioError(reasons.empty);
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new UnreadableAudioError(reasons.unreadable, { cause: error });
  }
  try {
    const head = await readAt(handle, 0, Math.min(size, HEAD_BYTES));
    const magic = head.toString('latin1', 0, 4);
    if (magic === 'RIFF' && head.toString('latin1', 8, 12) === 'WAVE') return await wavHeader(handle, head, size);
    if (magic === 'RF64') return { container: 'WAV', codec: 'RF64', channels: null, sampleRate: null, durationSeconds: null };
    if (head.toString('latin1', 0, 4) === '%PDF') throw new UnreadableAudioError(reasons.notAudioButA('een PDF-document'));
    if (looksLikeText(head.subarray(0, 512))) throw new UnreadableAudioError(reasons.notAudioButA('tekst'));
    if (extension === 'gsm') {
      // Raw GSM 6.10 (Asterisk): 33-byte frames of 20 ms at 8 kHz mono.
      return { container: 'GSM', codec: 'GSM 6.10', channels: 1, sampleRate: 8000, durationSeconds: Math.floor(size / 33) * 0.02 };
    }
  } catch (error) {
    if (error instanceof UnreadableAudioError) throw error;
    throw new UnreadableAudioError(reasons.unreadable, { cause: error });
  } finally {
    await handle.close();
  }
  // Everything else: music-metadata reads the container's header (no duration scan, no covers).
  try {
    const { format } = await parseFile(file, { duration: false, skipCovers: true });
    if (!format.container || !format.sampleRate) throw new UnreadableAudioError(reasons.notAudio);
    return {
      container: format.container.slice(0, 40),
      codec: (format.codec ?? 'onbekend').slice(0, 60),
      channels: format.numberOfChannels ?? null,
      sampleRate: format.sampleRate,
      durationSeconds: format.duration !== undefined && Number.isFinite(format.duration) ? format.duration : null,
    };
  } catch (error) {
    if (error instanceof UnreadableAudioError) throw error;
    throw new UnreadableAudioError(reasons.notAudio, { cause: error });
  }
}
