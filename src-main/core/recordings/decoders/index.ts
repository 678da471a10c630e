import type { AudioLayout } from '../probe';
import { decodeFfmpeg } from './ffmpeg';
import { decodeMp3 } from './mp3';
import { decodeWav } from './wav';

/**
 * Decodes a probed file as a stream of chunks, one Float32Array per channel in [-1, 1]. Chunks
 * belong to the consumer; the file itself is never read whole. `convertTo` (ffmpeg layouts only)
 * also writes a 16-bit PCM WAV of the same decode there.
 */
export function decodeAudio(
  file: string,
  audio: { layout: AudioLayout; channels: number },
  options: { convertTo?: string } = {},
): AsyncGenerator<Float32Array[]> {
  if (options.convertTo && audio.layout.kind !== 'ffmpeg') throw new Error(`${audio.layout.kind} is played as it is, never converted`);
  switch (audio.layout.kind) {
    case 'wav':
      return decodeWav(file, audio.layout, audio.channels);
    case 'mp3':
      return decodeMp3(file, audio.layout, audio.channels);
    case 'ffmpeg':
      return decodeFfmpeg(file, audio.layout, options.convertTo);
  }
}
