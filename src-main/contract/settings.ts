import { z } from 'zod';
import { id, timestamp } from './common';

/** Organisation-wide settings an administrator changes on the settings screen. */
export const appSettings = z.object({
  /** Months after the call (or import, when the call time is unknown) that its audio is kept. */
  audioRetentionMonths: z.number().int().min(1).max(120),
});
export type AppSettings = z.infer<typeof appSettings>;

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
