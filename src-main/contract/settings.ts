import { z } from 'zod';
import { id, timestamp } from './common';

/** Organisation-wide settings an administrator changes on the settings screen. */
export const appSettings = z.object({
  /** Months after the call (or import, when the call time is unknown) that its audio is kept. */
  audioRetentionMonths: z.number().int().min(1).max(120),
  /** Calls drawn per advisor per month in the random sample. Defaults keep older stored settings valid. */
  samplePerAdvisor: z.number().int().min(1).max(20).default(4),
  /** Shorter calls are not drawn (too short to evaluate). */
  sampleMinDurationSeconds: z.number().int().min(0).max(3600).default(60),
});
export type AppSettings = z.infer<typeof appSettings>;
/** What may be sent or stored: fields added later may be missing and get their default. */
export type AppSettingsInput = z.input<typeof appSettings>;

export const retentionRun = z.object({
  ranAt: timestamp,
  removed: z.number().int(),
  bytesFreed: z.number().int(),
});
export type RetentionRun = z.infer<typeof retentionRun>;

export const retentionLogEntry = z.object({
  id,
  ranAt: timestamp,
  recordingId: id,
  originalName: z.string(),
  bytesFreed: z.number().int(),
});
export type RetentionLogEntry = z.infer<typeof retentionLogEntry>;
