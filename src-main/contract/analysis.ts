import { z } from 'zod';

/**
 * Call analysis: who talks when, computed once in main from the decoded audio. Times are seconds
 * from the start of the call. Everything a coach sees (totals, regions) can be explained from the
 * parameters stored with it.
 */

export const analysisSegmentKind = z.enum(['silence', 'talkover']);
export type AnalysisSegmentKind = z.infer<typeof analysisSegmentKind>;

export const analysisSegment = z.object({
  start: z.number().nonnegative(),
  end: z.number().nonnegative(),
  /** `silence`: every analysed channel quiet (hold, searching, waiting); `talkover`: both talk at once. */
  kind: analysisSegmentKind,
});
export type AnalysisSegment = z.infer<typeof analysisSegment>;

export const analysisParameters = z.object({
  /** Length of one analysis frame (RMS window). */
  frameSeconds: z.number().positive(),
  /** A channel is active in a frame whose RMS level is at least this (dB relative to full scale). */
  thresholdDbfs: z.number(),
  /** Active stretches shorter than this are clicks or line noise, not speech. */
  minActiveSeconds: z.number().nonnegative(),
  /** Quiet gaps up to this long inside speech (between words, breathing) still count as speech. */
  bridgeSeconds: z.number().nonnegative(),
  /** Silence shorter than this is a normal pause; from this length on it is a silence/hold segment. */
  minSilenceSeconds: z.number().positive(),
  /** Talk-over shorter than this (a "ja", "hm") is not reported as a segment nor counted. */
  minTalkOverSeconds: z.number().nonnegative(),
  /** 1-based channel of the advisor (klantadviseur). */
  advisorChannel: z.number().int().positive(),
  /** 1-based channel of the resident (inwoner); null for a mono call. */
  residentChannel: z.number().int().positive().nullable(),
});
export type AnalysisParameters = z.infer<typeof analysisParameters>;

export const analysisTotals = z.object({
  durationSeconds: z.number().nonnegative(),
  /** Sum of all silence segments (each at least minSilenceSeconds long). */
  holdSeconds: z.number().nonnegative(),
  /** Longest stretch with every analysed channel quiet, also when shorter than minSilenceSeconds. */
  longestSilenceSeconds: z.number().nonnegative(),
  /** Sum of the talk-over segments; null for mono. */
  talkOverSeconds: z.number().nonnegative().nullable(),
  /** talkOverSeconds as a percentage (0–100) of the call's duration; null for mono. */
  talkOverPct: z.number().nonnegative().nullable(),
  /** Time the advisor's channel is active; null for mono (one channel cannot tell who speaks). */
  advisorTalkSeconds: z.number().nonnegative().nullable(),
  residentTalkSeconds: z.number().nonnegative().nullable(),
  /** advisor / (advisor + resident) active time as a fraction 0–1; null for mono or when nobody speaks. */
  advisorTalkShare: z.number().min(0).max(1).nullable(),
});
export type AnalysisTotals = z.infer<typeof analysisTotals>;

export const callAnalysis = z.object({
  /** Version of the method; a stored analysis of an older version is computed again. */
  version: z.number().int().positive(),
  channels: z.number().int().positive(),
  sampleRate: z.number().int().positive(),
  parameters: analysisParameters,
  totals: analysisTotals,
  /** Silence and talk-over segments in time order; they never overlap each other. */
  segments: z.array(analysisSegment),
});
export type CallAnalysis = z.infer<typeof callAnalysis>;
