import { decodeWithFfmpeg, FfmpegFailedError, FfmpegMissingError } from '../ffmpeg';
import { reasons, UnreadableAudioError, type FfmpegLayout } from '../probe';

/** A shortfall beyond this is a cut-off file, not rounding in the container's bookkeeping. */
const TRUNCATION_TOLERANCE_SECONDS = 0.1;

/**
 * Decodes through the bundled ffmpeg, optionally writing the 16-bit PCM WAV conversion from the
 * same decode, and turns its failures into reasons the coach can read.
 */
export async function* decodeFfmpeg(file: string, layout: FfmpegLayout, convertTo?: string): AsyncGenerator<Float32Array[]> {
  const { channels, sampleRate, declaredFrames } = layout;
  let frames = 0;
  try {
    for await (const chunk of decodeWithFfmpeg(file, { channels, sampleRate, frameLimit: declaredFrames, convertTo })) {
      frames += chunk[0]?.length ?? 0;
      yield chunk;
    }
  } catch (error) {
    if (error instanceof FfmpegMissingError) throw new UnreadableAudioError(reasons.decoderMissing, { cause: error });
    if (error instanceof FfmpegFailedError) {
      const missingDecoder = /Decoder \(codec [^)]*\) not found/.test(error.stderr);
      const reason = missingDecoder ? reasons.codec(layout.codec) : reasons.undecodable(layout.container, layout.codec);
      throw new UnreadableAudioError(reason, { cause: error });
    }
    throw error;
  }
  if (frames === 0) throw new UnreadableAudioError(reasons.noAudio);
  if (declaredFrames !== null && frames < declaredFrames - TRUNCATION_TOLERANCE_SECONDS * sampleRate) {
    throw new UnreadableAudioError(reasons.truncatedContainer(layout.container));
  }
}
