/**
 * A minimal valid PCM WAV (44-byte header + silence), for folders of thousands of files in tests
 * and the bench: generated in microseconds, no ffmpeg.
 */
export function tinyWav(options: { milliseconds?: number; sampleRate?: number; channels?: number; bits?: 8 | 16 } = {}): Buffer {
  const { milliseconds = 5, sampleRate = 8000, channels = 1, bits = 16 } = options;
  const blockAlign = channels * (bits / 8);
  const dataLength = Math.round((sampleRate * milliseconds) / 1000) * blockAlign;
  const b = Buffer.alloc(44 + dataLength);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(36 + dataLength, 4);
  b.write('WAVE', 8, 'latin1');
  b.write('fmt ', 12, 'latin1');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(channels, 22);
  b.writeUInt32LE(sampleRate, 24);
  b.writeUInt32LE(sampleRate * blockAlign, 28);
  b.writeUInt16LE(blockAlign, 32);
  b.writeUInt16LE(bits, 34);
  b.write('data', 36, 'latin1');
  b.writeUInt32LE(dataLength, 40);
  return b;
}
