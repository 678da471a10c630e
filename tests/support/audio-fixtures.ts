import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Audio fixtures, generated on first use with Debian's ffmpeg and cached in
 * tests/fixtures/generated/ (git-ignored): nothing binary in the repository, and every file's
 * content is described by its recipe below.
 */
const generatedDir = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/generated');

type Recipe = (target: string) => void;

/** `format` is ffmpeg's muxer name: `ipod` writes an M4A (brand `M4A `), `adts` raw AAC. */
function ffmpeg(format: 'wav' | 'mp3' | 'ogg' | 'flac' | 'ipod' | 'webm' | 'aiff' | 'adts', args: string[]): Recipe {
  return (target) => {
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args, '-fflags', '+bitexact', '-f', format, target], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  };
}

const sine = (frequency: number, rate: number, seconds: number) => [
  '-f',
  'lavfi',
  '-i',
  `sine=frequency=${frequency}:sample_rate=${rate}:duration=${seconds}`,
];
/**
 * A tone at amplitude 0.5 on every channel. Not `sine=` (1/8 full scale) and not `-ac 2` (its
 * upmix lowers the level by 3 dB): tests check that decoders scale samples correctly.
 */
const tone = (frequency: number, rate: number, seconds: number, channels = 1) => {
  const expression = Array.from({ length: channels }, () => `0.5*sin(2*PI*${frequency}*t)`).join('|');
  return ['-f', 'lavfi', '-i', `aevalsrc=exprs='${expression}':s=${rate}:d=${seconds}`];
};

/** The first `fraction` of another fixture: a copy that broke off. */
const cut =
  (source: string, fraction: number): Recipe =>
  (target) => {
    const whole = readFileSync(audioFixture(source as FixtureName));
    writeFileSync(target, whole.subarray(0, Math.floor(whole.length * fraction)));
  };

/** Deterministic "random" bytes, so the fixture is the same on every machine. */
function pseudoRandomBytes(length: number): Buffer {
  const blocks: Buffer[] = [];
  let seed = Buffer.from('klankbord random fixture');
  for (let total = 0; total < length; total += 32) {
    seed = createHash('sha256').update(seed).digest();
    blocks.push(seed);
  }
  return Buffer.concat(blocks).subarray(0, length);
}

const recipes = {
  /** 6 s stereo G.711 µ-law: left 440 Hz at 0.5, right 1000 Hz at 0.25, silent from 2 s to 4 s. */
  'stereo-ulaw-8k.wav': ffmpeg('wav', [
    '-f',
    'lavfi',
    '-i',
    "aevalsrc=exprs='if(between(t,2,4),0,0.5*sin(2*PI*440*t))|if(between(t,2,4),0,0.25*sin(2*PI*1000*t))':s=8000:d=6",
    '-c:a',
    'pcm_mulaw',
  ]),
  /** 5 s mono G.711 A-law, 440 Hz at 0.5. */
  'mono-alaw-8k.wav': ffmpeg('wav', [...tone(440, 8000, 5), '-c:a', 'pcm_alaw']),
  /** 5 s mono G.711 µ-law, 440 Hz at 0.5. */
  'mono-ulaw-8k.wav': ffmpeg('wav', [...tone(440, 8000, 5), '-c:a', 'pcm_mulaw']),
  /** 4 s stereo 16-bit PCM at 44.1 kHz, 440 Hz at 0.5 on both channels. */
  'pcm16-44k-stereo.wav': ffmpeg('wav', [...tone(440, 44100, 4, 2), '-c:a', 'pcm_s16le']),
  /** 3 s mono 24-bit PCM at 16 kHz, 440 Hz at 0.5 (ffmpeg writes it as WAVE_FORMAT_EXTENSIBLE). */
  'pcm24-16k-mono.wav': ffmpeg('wav', [...tone(440, 16000, 3), '-c:a', 'pcm_s24le']),
  /** 3 s mono 32-bit float at 16 kHz, 440 Hz at 0.5. */
  'float32-16k-mono.wav': ffmpeg('wav', [...tone(440, 16000, 3), '-c:a', 'pcm_f32le']),
  /** 7 s mono MP3 at 8 kHz, 32 kbit/s (MPEG-2.5, as telephony exports make them), with ID3 tag. */
  'call.mp3': ffmpeg('mp3', [...tone(440, 8000, 7), '-c:a', 'libmp3lame', '-b:a', '32k']),
  /** 5 s stereo MP3 at 44.1 kHz, 128 kbit/s (MPEG-1). */
  'stereo-44k.mp3': ffmpeg('mp3', [...tone(440, 44100, 5, 2), '-c:a', 'libmp3lame', '-b:a', '128k']),
  /** 30 minutes stereo G.711 µ-law: 300 Hz left, 700 Hz right. */
  'long-30min-ulaw.wav': ffmpeg('wav', [
    ...sine(300, 8000, 1800),
    ...sine(700, 8000, 1800),
    '-filter_complex',
    '[0:a][1:a]amerge=inputs=2',
    '-c:a',
    'pcm_mulaw',
  ]),
  /** 3 s mono GSM 6.10 in WAV (format tag 0x0031): common in telephony, not playable in Chromium. */
  'gsm-8k.wav': ffmpeg('wav', [...tone(440, 8000, 3), '-c:a', 'libgsm_ms']),
  /** 3 s mono Ogg Opus. */
  'opus-48k.ogg': ffmpeg('ogg', [...tone(440, 48000, 3), '-c:a', 'libopus']),
  /** 4 s mono 16-bit PCM at 8 kHz, the classic telephony export. */
  'pcm16-8k-mono.wav': ffmpeg('wav', [...tone(440, 8000, 4), '-c:a', 'pcm_s16le']),
  /** 4 s stereo 16-bit PCM at 48 kHz. */
  'pcm16-48k-stereo.wav': ffmpeg('wav', [...tone(440, 48000, 4, 2), '-c:a', 'pcm_s16le']),
  /** 4 s mono IMA ADPCM (tag 0x0011): 16 blocks of 2041 samples, so no padding blurs the length. */
  'ima-adpcm-8k.wav': ffmpeg('wav', [...tone(440, 8000, 4.082), '-c:a', 'adpcm_ima_wav']),
  /** 4 s mono MS ADPCM (tag 0x0002): 16 blocks of 2036 samples. */
  'ms-adpcm-8k.wav': ffmpeg('wav', [...tone(440, 8000, 4.072), '-c:a', 'adpcm_ms']),
  /** 4 s mono G.722 at 16 kHz in WAV (tag 0x028F, as ffmpeg and SIP recorders write it). */
  'g722-16k.wav': ffmpeg('wav', [...tone(440, 16000, 4), '-c:a', 'g722']),
  /** 4 s stereo Ogg Vorbis at 44.1 kHz. */
  'vorbis-44k-stereo.ogg': ffmpeg('ogg', [...tone(440, 44100, 4, 2), '-c:a', 'libvorbis']),
  /** 4 s mono Ogg Opus from a 16 kHz (wideband) call: Opus always decodes at 48 kHz. */
  'opus-16k-mono.ogg': ffmpeg('ogg', [...tone(440, 16000, 4), '-c:a', 'libopus', '-b:a', '24k']),
  /** 4 s mono AAC-LC in M4A at 8 kHz: metadata readers report 2 channels for it. */
  'aac-8k-mono.m4a': ffmpeg('ipod', [...tone(440, 8000, 4), '-c:a', 'aac', '-b:a', '32k']),
  /** 4 s stereo AAC-LC in M4A at 44.1 kHz, index (moov) first as streaming exports write it. */
  'aac-44k-stereo.m4a': ffmpeg('ipod', [...tone(440, 44100, 4, 2), '-c:a', 'aac', '-b:a', '96k', '-movflags', '+faststart']),
  /** 4 s mono FLAC at 16 kHz. */
  'flac-16k-mono.flac': ffmpeg('flac', [...tone(440, 16000, 4), '-c:a', 'flac']),
  /** 4 s stereo FLAC at 44.1 kHz, 24-bit. */
  'flac-44k-stereo.flac': ffmpeg('flac', [...tone(440, 44100, 4, 2), '-c:a', 'flac', '-sample_fmt', 's32']),
  /** 4 s mono WebM Opus, as browser-based softphones record. */
  'opus-48k.webm': ffmpeg('webm', [...tone(440, 48000, 4), '-c:a', 'libopus']),
  /** 4 s mono 16-bit AIFF at 8 kHz. */
  'pcm16-8k.aiff': ffmpeg('aiff', [...tone(440, 8000, 4), '-c:a', 'pcm_s16be']),
  /** 4 s mono raw AAC (ADTS) at 16 kHz. */
  'aac-16k-mono.aac': ffmpeg('adts', [...tone(440, 16000, 4), '-c:a', 'aac', '-b:a', '32k']),
  /** The first half of the Vorbis file: cut off mid-page. */
  'truncated.ogg': cut('vorbis-44k-stereo.ogg', 0.5),
  /** The first half of the mono M4A: the audio data (mdat) runs past the end, the index is gone. */
  'truncated.m4a': cut('aac-8k-mono.m4a', 0.5),
  /** The first half of the index-first M4A: the index promises more audio than there is. */
  'truncated-faststart.m4a': cut('aac-44k-stereo.m4a', 0.5),
  /** The first half of the stereo FLAC: STREAMINFO declares twice the samples. */
  'truncated.flac': cut('flac-44k-stereo.flac', 0.5),
  /** Pseudo-random bytes named like Ogg. */
  'random.ogg': (target) => writeFileSync(target, pseudoRandomBytes(48 * 1024)),
  /** A PDF renamed to .ogg. */
  'document.ogg': (target) => writeFileSync(target, '%PDF-1.7\n% Verslag klanttevredenheid Q3\n%%EOF\n'),
  /** The start of a Word document (a ZIP) renamed to .m4a. */
  'document.m4a': (target) =>
    writeFileSync(target, Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'), pseudoRandomBytes(2048)])),
  /** Meeting notes as plain text renamed to .flac. */
  'document.flac': (target) => writeFileSync(target, 'Notulen werkoverleg KCC, 3 november\nAanwezig: teamleider, coaches.\n'),
  /** A WAV with a format code no decoder knows (0x4242). */
  'unknown-codec.wav': (target) => {
    const bytes = Buffer.from(readFileSync(audioFixture('gsm-8k.wav')));
    bytes.writeUInt16LE(0x4242, bytes.indexOf('fmt ') + 8);
    writeFileSync(target, bytes);
  },
  /** 0 bytes. */
  'empty.wav': (target) => writeFileSync(target, Buffer.alloc(0)),
  /** A valid µ-law header announcing 5 s, followed by only 1.5 s of audio (a broken copy). */
  'truncated.wav': (target) => {
    const whole = readFileSync(audioFixture('mono-ulaw-8k.wav'));
    writeFileSync(target, whole.subarray(0, 12_000));
  },
  /** 64 KiB of pseudo-random bytes named like an MP3 (contains stray MPEG sync words). */
  'random.mp3': (target) => writeFileSync(target, pseudoRandomBytes(64 * 1024)),
  /** A small PDF-like meeting note renamed to .wav. */
  'document.wav': (target) =>
    writeFileSync(
      target,
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% Notulen teamoverleg klantcontactcentrum\n' +
        'Aanwezig: teamleider, coaches. Besproken: kwaliteitsmonitoring november.\n%%EOF\n',
    ),
} satisfies Record<string, Recipe>;

export type FixtureName = keyof typeof recipes;

/** Absolute path of a fixture, generating it the first time. */
export function audioFixture(name: FixtureName): string {
  const target = join(generatedDir, name);
  if (existsSync(target)) return target;
  mkdirSync(generatedDir, { recursive: true });
  // Parallel test files may race to generate the same fixture: write aside, rename atomically.
  const temporary = `${target}.${process.pid}.tmp`;
  recipes[name](temporary);
  renameSync(temporary, target);
  return target;
}

/** A copy of a fixture under another name (e.g. a telephony-style name), in a fresh temp dir. */
export function fixtureCopyAs(name: FixtureName, newName: string): string {
  const target = join(mkdtempSync(join(tmpdir(), 'klankbord-fixture-')), newName);
  copyFileSync(audioFixture(name), target);
  return target;
}
