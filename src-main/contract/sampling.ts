import { z } from 'zod';
import { id, period, timestamp } from './common';
import { evaluationStatus } from './evaluations';

/** How a monthly sample is drawn; stored with every sample so it can be explained and repeated. */
export const sampleSettings = z.object({
  perAdvisor: z.number().int().min(1).max(20),
  minDurationSeconds: z.number().int().min(0).max(3600),
  spreadWeeks: z.boolean(),
  avoidRepeatTopics: z.boolean(),
});
export type SampleSettings = z.infer<typeof sampleSettings>;

/** A seed as typed by a coach or generated (16 hex characters); the same seed and data give the same sample. */
export const sampleSeed = z.string().trim().min(1).max(40);

export const drawSampleInput = z.object({
  period,
  advisorIds: z.array(id).min(1).max(500),
  seed: sampleSeed.optional(),
  /** Overrides of the defaults from the app settings (perAdvisor, minDurationSeconds) and the rules. */
  settings: sampleSettings.partial().optional(),
});
export type DrawSampleInput = z.input<typeof drawSampleInput>;

export const sampleItem = z.object({
  id,
  sampleId: id,
  period,
  advisorId: id,
  advisorName: z.string(),
  /** 1-based slot in the advisor's picks; a replacement takes the slot of the call it replaces. */
  position: z.number().int(),
  status: z.enum(['active', 'replaced']),
  /** Why this call (Dutch): the week, the pool it came from, the topic rule and the seed. */
  reason: z.string(),
  /** Set for a call indexed in a folder source, null for a call imported directly. */
  sourceFileId: id.nullable(),
  /** The recording in the store; null while a source call has not been brought into the store. */
  recordingId: id.nullable(),
  fileName: z.string(),
  callAt: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  topic: z.string().nullable(),
  /** The latest evaluation of this call, if any. */
  evaluationId: id.nullable(),
  evaluationStatus: evaluationStatus.nullable(),
  replacedBy: id.nullable(),
  replaceReason: z.string().nullable(),
  replacedAt: timestamp.nullable(),
});
export type SampleItem = z.infer<typeof sampleItem>;

export const sampleShortfall = z.object({
  advisorId: id,
  wanted: z.number().int(),
  drawn: z.number().int(),
  note: z.string(),
});

export const sampleSummary = z.object({
  id,
  period,
  seed: z.string(),
  drawnBy: id,
  drawnByName: z.string(),
  drawnAt: timestamp,
  settings: sampleSettings,
  advisorIds: z.array(id),
  activeItems: z.number().int(),
});
export type SampleSummary = z.infer<typeof sampleSummary>;

export const sample = sampleSummary.extend({
  /** Advisors for whom fewer calls than wanted were found, with the reason. */
  shortfalls: z.array(sampleShortfall),
  /** Every item, replaced ones included (history), by advisor and position. */
  items: z.array(sampleItem),
});
export type Sample = z.infer<typeof sample>;

export const sampleListQuery = z.object({ period: period.optional() });
export const sampleForAdvisorInput = z.object({ advisorId: id, period });
/** The reason is checked by the core, so an empty one gets its own Dutch message. */
export const redrawInput = z.object({ itemId: id, reason: z.string().max(500) });
export const bringIntoStoreInput = z.object({ itemId: id });
