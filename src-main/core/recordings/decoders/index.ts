import type { AudioLayout } from '../probe';
import { decodeMp3 } from './mp3';
import { decodeWav } from './wav';

/**
 * Decodes a probed file as a stream of chunks, one Float32Array per channel in [-1, 1]. Chunks
 * belong to the consumer; the file itself is never read whole.
 */
export function decodeAudio(file: string, audio: { layout: AudioLayout; channels: number }): AsyncGenerator<Float32Array[]> {
  switch (audio.layout.kind) {
    case 'wav':
      return decodeWav(file, audio.layout, audio.channels);
    case 'mp3':
      return decodeMp3(file, audio.layout, audio.channels);
  }
}
