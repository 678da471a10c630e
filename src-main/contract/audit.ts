import { z } from 'zod';
import { id, timestamp } from './common';

/** What the audit trail covers. */
export const auditEntities = ['evaluation', 'rubric', 'staff', 'settings', 'backup', 'privacy'] as const;
export const auditEntity = z.enum(auditEntities);
export type AuditEntity = z.infer<typeof auditEntity>;

/** A before or after state: the record's fields as JSON, or null when it did not exist (yet/any more). */
export const auditState = z.record(z.string(), z.unknown()).nullable();
export type AuditState = z.infer<typeof auditState>;

export const auditEntry = z.object({
  id,
  at: timestamp,
  actorName: z.string().nullable(),
  entity: auditEntity,
  entityId: id.nullable(),
  /** Machine name of the change, e.g. `created`, `updated`, `published`, `finalized`, `anonymised`. */
  action: z.string(),
  /** One Dutch line: what changed, readable without the states. */
  summary: z.string(),
  before: auditState,
  after: auditState,
  /** Set when anonymisation removed a person's name from this entry. */
  redacted: z.boolean(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = z.object({
  entity: auditEntity.optional(),
  entityId: id.optional(),
  /** Entries older than this id (paging backwards from the newest). */
  beforeId: id.optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;
