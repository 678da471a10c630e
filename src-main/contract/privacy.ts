import { z } from 'zod';
import { id, requiredText, timestamp } from './common';
import { staffStatus } from './staff';

/** An access request (AVG art. 15): everything Klankbord holds about one person, as files to hand over. */
export const accessExport = z.object({
  /** Suggested base name without extension, e.g. `inzage-sanne-de-vries-2026-11-23`. */
  fileNameBase: z.string(),
  /** A self-contained, readable document (no scripts, no external resources). */
  html: z.string(),
  /** The same content, machine-readable. */
  json: z.string(),
});
export type AccessExport = z.infer<typeof accessExport>;

/** Where free text that names a person can sit; the preview counts them per kind. */
export const mentionKinds = [
  'evaluation',
  'answer_note',
  'marker',
  'evaluation_history',
  'dispute',
  'feedback',
  'action_point',
  'onboarding',
  'checkin',
  'plan',
  'recording_name',
] as const;
export const mentionKind = z.enum(mentionKinds);
export type MentionKind = z.infer<typeof mentionKind>;

/** What anonymising a person will touch, shown before the coach confirms. */
export const anonymisePreview = z.object({
  staffId: id,
  name: z.string(),
  employeeNumber: z.string(),
  status: staffStatus,
  /** Set when the person was anonymised already; nothing more can be done then. */
  anonymisedAt: timestamp.nullable(),
  evaluations: z.number().int(),
  feedbackSessions: z.number().int(),
  actionPoints: z.number().int(),
  recordings: z.number().int(),
  /** Free-text fields (notes, tops/tips, reactions, file names) that contain the name or number. */
  freeTextMentions: z.number().int(),
  /** The same fields per kind, for kinds with at least one. */
  mentions: z.array(z.object({ kind: mentionKind, count: z.number().int() })),
  /** The name the person will get, e.g. "Oud-medewerker 17". */
  replacementName: z.string(),
  /** The employee number the person will get, e.g. "ANON-17". */
  replacementEmployeeNumber: z.string(),
});
export type AnonymisePreview = z.infer<typeof anonymisePreview>;

export const anonymiseInput = z.object({
  staffId: id,
  /** Also clear every free-text field that names the person (otherwise only name and number change). */
  clearFreeText: z.boolean(),
  /** The current name, typed again: anonymising cannot be undone. */
  confirmName: requiredText(120),
});
export type AnonymiseInput = z.infer<typeof anonymiseInput>;

export const anonymiseResult = z.object({
  staffId: id,
  replacementName: z.string(),
  replacementEmployeeNumber: z.string(),
  clearedFreeText: z.number().int(),
  redactedAuditEntries: z.number().int(),
});
export type AnonymiseResult = z.infer<typeof anonymiseResult>;
