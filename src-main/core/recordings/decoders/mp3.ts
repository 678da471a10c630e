import { createReadStream } from 'node:fs';
import { MPEGDecoder } from 'mpg123-decoder';
import { reasons, UnreadableAudioError, type Mp3Layout } from '../probe';

/**
 * Feeds the file to mpg123 (WebAssembly) chunk by chunk; mpg123 keeps partial frames itself.
 * Gapless mode drops the encoder delay and padding the LAME/Info header announces, so the
 * decoded length is the true call length.
 */
export async function* decodeMp3(file: string, layout: Mp3Layout, channels: number): AsyncGenerator<Float32Array[]> {
  const decoder = new MPEGDecoder({ enableGapless: true });
  await decoder.ready;
  let decodedSamples = 0;
  try {
    const stream = createReadStream(file, { start: layout.audioOffset, highWaterMark: 64 * 1024 });
    for await (const piece of stream as AsyncIterable<Buffer>) {
      const result = decoder.decode(piece);
      if (result.samplesDecoded === 0) continue;
      decodedSamples += result.samplesDecoded;
      // mpg123 always answers in stereo and reuses its output memory: copy just the channels
      // the file has.
      yield Array.from({ length: channels }, (_, c) =>
        (result.channelData[c] ?? result.channelData[0] ?? new Float32Array(0)).slice(0, result.samplesDecoded),
      );
    }
  } finally {
    decoder.free();
  }
  if (decodedSamples === 0) throw new UnreadableAudioError(reasons.noAudio);
}
