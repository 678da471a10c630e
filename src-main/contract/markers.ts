import { z } from 'zod';
import { id, requiredText, timestamp } from './common';

export const marker = z.object({
  id,
  recordingId: id,
  evaluationId: id.nullable(),
  criterionId: id.nullable(),
  atSeconds: z.number(),
  text: z.string(),
  authorName: z.string(),
  createdAt: timestamp,
});
export type Marker = z.infer<typeof marker>;

export const markerListInput = z.object({ recordingId: id });
export const markerAddInput = z.object({
  recordingId: id,
  evaluationId: id.nullable().optional(),
  criterionId: id.nullable().optional(),
  atSeconds: z
    .number()
    .min(0)
    .max(24 * 3600),
  text: requiredText(1000),
});
