import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { sep } from 'node:path';

/**
 * The ffmpeg that ships inside the npm package `@ffmpeg-installer/<platform>` (no download at
 * install, no system ffmpeg). It decodes what no in-process decoder handles (Opus, Vorbis, AAC,
 * FLAC, GSM 6.10, ADPCM, G.722) and converts what Chromium cannot play.
 */
let resolvedPath: string | null = null;
let overridePath: string | null = null;

/** Tests point this at a wrapper to simulate a failing ffmpeg; null restores the bundled one. */
export function overrideFfmpegPath(path: string | null): void {
  overridePath = path;
}

export class FfmpegMissingError extends Error {
  constructor(cause: unknown) {
    super(`ffmpeg not found: ${String(cause)}`, { cause });
    this.name = 'FfmpegMissingError';
  }
}

export function ffmpegPath(): string {
  if (overridePath) return overridePath;
  if (resolvedPath) return resolvedPath;
  try {
    // Loaded on first use: a machine without the platform package still imports WAV and MP3.
    const installer = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string };
    // In a packaged app the binary is unpacked next to the asar (electron-builder asarUnpack):
    // a path inside app.asar cannot be executed.
    resolvedPath = installer.path.replace(`app.asar${sep}`, `app.asar.unpacked${sep}`);
  } catch (error) {
    // The installer throws plain strings ("Unsupported platform…"): wrap them.
    throw new FfmpegMissingError(error);
  }
  return resolvedPath;
}

const STDERR_LIMIT = 64 * 1024;

function keepTail(text: string, more: string): string {
  const joined = text + more;
  return joined.length > STDERR_LIMIT ? joined.slice(-STDERR_LIMIT) : joined;
}

// ---- probe -------------------------------------------------------------------------------------

export interface FfmpegProbe {
  /** ffmpeg's demuxer name, e.g. `ogg`, `mov,mp4,m4a,3gp,3g2,mj2`, `wav`; null when nothing was recognised. */
  format: string | null;
  durationSeconds: number | null;
  /** The first audio stream as ffmpeg's decoder will deliver it; null when there is none. */
  audio: { codec: string; profile: string | null; sampleRate: number; channels: number | null; layout: string } | null;
  /** ffmpeg's own words when it gave up, for logs (not for the coach). */
  message: string;
}

/**
 * `ffmpeg -i` without an output prints the input's description and exits; the bundled build has
 * no ffprobe. Its stream line reflects the decoder (Opus at 48 kHz, mono AAC as mono), which is
 * what we decode and store.
 */
export async function probeWithFfmpeg(file: string): Promise<FfmpegProbe> {
  const stderr = await new Promise<string>((resolve, reject) => {
    // Reading a header takes milliseconds; a hang (a network drive gone) must not block the import queue.
    const child = spawn(ffmpegPath(), ['-hide_banner', '-nostdin', '-i', file], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
    let text = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (piece: string) => (text = keepTail(text, piece)));
    child.on('error', (error) => reject(new FfmpegMissingError(error)));
    child.on('close', () => resolve(text));
  });
  return parseProbe(stderr);
}

const channelCounts: Record<string, number> = { mono: 1, stereo: 2 };

export function parseProbe(stderr: string): FfmpegProbe {
  const format = /^Input #0, (.+?), from /m.exec(stderr)?.[1] ?? null;
  const duration = /Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(stderr);
  const durationSeconds = duration ? Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3]) : null;
  // `Stream #0:0(und): Audio: aac (LC) (mp4a / 0x6134706D), 8000 Hz, mono, fltp, 24 kb/s (default)`
  const stream = /Stream #0:\d+(?:\[[^\]]*\])?(?:\([^)]*\))?: Audio: ([^\s,]+)((?: \([^)]*\))*), (\d+) Hz, ([^,\n]+)/.exec(stderr);
  let audio: FfmpegProbe['audio'] = null;
  if (stream?.[1] && stream[3] && stream[4]) {
    const layout = stream[4].trim();
    const counted = /^(\d+) channels/.exec(layout);
    audio = {
      codec: stream[1],
      profile: /^ \(([^)]*)\)/.exec(stream[2] ?? '')?.[1] ?? null,
      sampleRate: Number(stream[3]),
      channels: channelCounts[layout] ?? (counted ? Number(counted[1]) : null),
      layout,
    };
  }
  const lines = stderr.trim().split('\n');
  return { format, durationSeconds, audio, message: lines.at(-1) ?? '' };
}

// ---- decode ------------------------------------------------------------------------------------

export interface FfmpegDecodeOptions {
  channels: number;
  sampleRate: number;
  /** Cut after this many frames: the length the container declares (AAC padding, ADPCM blocks). */
  frameLimit: number | null;
  /** Also write the decoded audio as 16-bit PCM WAV here, from the same decode. */
  convertTo?: string;
}

export class FfmpegFailedError extends Error {
  constructor(
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`ffmpeg stopped with ${exitCode ?? 'a signal'}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
    this.name = 'FfmpegFailedError';
  }
}

/**
 * Streams the first audio stream as float samples, one Float32Array per channel per read, while
 * ffmpeg writes the optional WAV copy. Channels and rate are forced to the probed values so the
 * stream can never change shape under us. Throws FfmpegFailedError when ffmpeg exits non-zero,
 * also after it produced output; the caller removes the half-written copy.
 */
export async function* decodeWithFfmpeg(file: string, options: FfmpegDecodeOptions): AsyncGenerator<Float32Array[]> {
  const { channels, sampleRate, frameLimit, convertTo } = options;
  const shape = [
    '-map',
    '0:a:0',
    ...(frameLimit !== null ? ['-af', `atrim=end_sample=${frameLimit}`] : []),
    '-ac',
    String(channels),
    '-ar',
    String(sampleRate),
  ];
  const args = ['-hide_banner', '-nostdin', '-v', 'error', '-y', '-i', file, ...shape, '-c:a', 'pcm_f32le', '-f', 'f32le', 'pipe:1'];
  if (convertTo) {
    args.push(
      ...shape,
      '-c:a',
      'pcm_s16le',
      '-map_metadata',
      '-1',
      '-fflags',
      '+bitexact',
      '-flags:a',
      '+bitexact',
      '-f',
      'wav',
      convertTo,
    );
  }
  const child = spawn(ffmpegPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (piece: string) => (stderr = keepTail(stderr, piece)));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (error) => reject(new FfmpegMissingError(error)));
    child.on('close', (code) => resolve(code));
  });
  exited.catch(() => undefined); // observed below; never an unhandled rejection

  const frameBytes = 4 * channels;
  let carry = Buffer.alloc(0);
  let finished = false;
  try {
    for await (const piece of child.stdout as AsyncIterable<Buffer>) {
      const bytes = carry.length > 0 ? Buffer.concat([carry, piece]) : piece;
      const frames = Math.floor(bytes.length / frameBytes);
      carry = Buffer.from(bytes.subarray(frames * frameBytes));
      if (frames === 0) continue;
      // Copy into aligned memory: pipe buffers may start at any byte offset.
      const interleaved = new Float32Array(frames * channels);
      new Uint8Array(interleaved.buffer).set(bytes.subarray(0, frames * frameBytes));
      const out = Array.from({ length: channels }, () => new Float32Array(frames));
      for (let c = 0; c < channels; c++) {
        const target = out[c] ?? new Float32Array(0);
        for (let i = 0, at = c; i < frames; i++, at += channels) target[i] = interleaved[at] ?? 0;
      }
      yield out;
    }
    const code = await exited;
    if (code !== 0) throw new FfmpegFailedError(code, stderr);
    finished = true;
  } finally {
    // The consumer stopped early or failed: do not leave ffmpeg running or writing.
    if (!finished && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited.catch(() => undefined);
    }
  }
}
