import { z } from 'zod';
import { id, localDateTime, requiredText, shortText, timestamp } from './common';

export const recording = z.object({
  id,
  sha256: z.string(),
  originalName: z.string(),
  codec: z.string(),
  container: z.string(),
  channels: z.number().int(),
  sampleRate: z.number().int(),
  durationSeconds: z.number(),
  sizeBytes: z.number().int(),
  advisorId: id.nullable(),
  advisorName: z.string().nullable(),
  callAt: localDateTime.nullable(),
  topic: z.string().nullable(),
  importedAt: timestamp,
  /** False once the retention period removed the audio; evaluations stay. */
  audioAvailable: z.boolean(),
});
export type Recording = z.infer<typeof recording>;

export const recordingListQuery = z.object({ advisorId: id.optional() });

export const topic = z.object({ key: z.string(), label: z.string() });
export type Topic = z.infer<typeof topic>;

export const callDetails = z.object({
  advisorId: id.nullable(),
  callAt: localDateTime.nullable(),
  topic: shortText(60).nullable(),
});
export type CallDetails = z.infer<typeof callDetails>;

export const suggestInput = z.object({ fileNames: z.array(requiredText(255)).min(1).max(500) });
export const suggestion = callDetails.extend({
  fileName: z.string(),
  /** Employee number read from the name, also when no advisor has it (shown to the coach). */
  employeeNumber: z.string().nullable(),
  matchedPattern: z.boolean(),
});
export type Suggestion = z.infer<typeof suggestion>;

export const importInput = callDetails.extend({
  uploadId: z.uuid(),
  fileName: requiredText(255),
});
export const importResult = z.object({
  status: z.enum(['imported', 'duplicate']),
  recording,
});
export type ImportResult = z.infer<typeof importResult>;

export const updateDetailsInput = callDetails.extend({ id });

export const peaks = z.object({
  durationSeconds: z.number(),
  peaksPerSecond: z.number(),
  /** Per channel, alternating max and min sample values in [-1, 1]. */
  channels: z.array(z.array(z.number())),
});
export type Peaks = z.infer<typeof peaks>;

export const uploadResult = z.object({ uploadId: z.uuid() });
export type UploadResult = z.infer<typeof uploadResult>;
