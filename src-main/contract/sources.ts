import { z } from 'zod';
import { id, localDateTime, period, requiredText, timestamp } from './common';

/** A file-name pattern such as `{date:yyyyMMdd}-{time:HHmmss}_{employee}_{topic}.wav` (syntax: core/sources/pattern.ts). */
export const filePattern = requiredText(200);
export const matchStatus = z.enum(['matched', 'unmatched', 'unreadable']);
export type MatchStatus = z.infer<typeof matchStatus>;

export const sourceFields = z.object({
  name: requiredText(120),
  /** Absolute folder or network path (UNC on Windows), read by main only. */
  rootPath: requiredText(1000),
  patterns: z.array(filePattern).min(1).max(20),
  /** 1-based channel of the advisor in stereo calls. */
  advisorChannel: z.union([z.literal(1), z.literal(2)]).default(1),
});
export type SourceFields = z.infer<typeof sourceFields>;
/** Only the fields given change (no defaults here, so an update never resets the advisor channel). */
export const sourceUpdate = sourceFields
  .extend({ advisorChannel: z.union([z.literal(1), z.literal(2)]) })
  .partial()
  .extend({ id });

export const scanRunSummary = z.object({
  id,
  sourceId: id,
  startedAt: timestamp,
  finishedAt: timestamp.nullable(),
  status: z.enum(['running', 'done', 'cancelled', 'failed']),
  /** Audio files met in this run (unchanged ones included). */
  filesSeen: z.number().int(),
  filesNew: z.number().int(),
  filesChanged: z.number().int(),
  /** Of the new and changed files, those left unmatched or unreadable. */
  filesUnmatched: z.number().int(),
  /** Indexed earlier but not found in this complete run; kept in the index (null when the run did not finish). */
  filesMissing: z.number().int().nullable(),
  /** Dutch: unreadable sub-folders or why the run failed; null when none. */
  problem: z.string().nullable(),
});
export type ScanRunSummary = z.infer<typeof scanRunSummary>;

export const source = z.object({
  id,
  name: z.string(),
  rootPath: z.string(),
  patterns: z.array(z.string()),
  advisorChannel: z.number().int(),
  createdAt: timestamp,
  lastScanAt: timestamp.nullable(),
  counts: z.object({
    files: z.number().int(),
    matched: z.number().int(),
    unmatched: z.number().int(),
    unreadable: z.number().int(),
    /** Copied into the store (chosen for evaluation). */
    inStore: z.number().int(),
  }),
  lastRun: scanRunSummary.nullable(),
  scanning: z.boolean(),
});
export type Source = z.infer<typeof source>;

export const nameFields = z.object({
  callAt: localDateTime.nullable(),
  employeeNumber: z.string().nullable(),
  topic: z.string().nullable(),
  direction: z.enum(['in', 'out']).nullable(),
  callId: z.string().nullable(),
});

export const previewInput = z.object({
  rootPath: requiredText(1000),
  patterns: z.array(z.string().max(200)).max(20),
  limit: z.number().int().min(1).max(100).default(20),
});
export const previewRow = nameFields.extend({
  relativePath: z.string(),
  status: z.enum(['matched', 'unmatched']),
  /** 0-based index of the pattern that fitted. */
  patternIndex: z.number().int().nullable(),
  advisorId: id.nullable(),
  advisorName: z.string().nullable(),
  problem: z.string().nullable(),
});
export const previewResult = z.object({
  /** Patterns that cannot be used yet (while typing), with the Dutch reason; the others are applied. */
  patternErrors: z.array(z.object({ index: z.number().int(), message: z.string() })),
  rows: z.array(previewRow),
});
export type PreviewResult = z.infer<typeof previewResult>;

export const scanInput = z.object({ id });

export const sourceFileQuery = z.object({
  sourceId: id.optional(),
  advisorId: id.optional(),
  period: period.optional(),
  topic: z.string().max(60).optional(),
  minDuration: z.number().min(0).optional(),
  maxDuration: z.number().min(0).optional(),
  status: matchStatus.optional(),
  evaluated: z.boolean().optional(),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});
export type SourceFileQuery = z.input<typeof sourceFileQuery>;

export const sourceFile = nameFields.extend({
  id,
  sourceId: id,
  sourceName: z.string(),
  relativePath: z.string(),
  sizeBytes: z.number(),
  container: z.string().nullable(),
  codec: z.string().nullable(),
  channels: z.number().int().nullable(),
  sampleRate: z.number().int().nullable(),
  durationSeconds: z.number().nullable(),
  advisorId: id.nullable(),
  advisorName: z.string().nullable(),
  status: matchStatus,
  problem: z.string().nullable(),
  recordingId: id.nullable(),
  /** An evaluation exists for this file's recording. */
  evaluated: z.boolean(),
  indexedAt: timestamp,
});
export type SourceFile = z.infer<typeof sourceFile>;
export const sourceFilePage = z.object({ total: z.number().int(), rows: z.array(sourceFile) });
export type SourceFilePage = z.infer<typeof sourceFilePage>;
