import { auditState, type AuditEntity, type AuditEntry, type AuditQuery, type AuditState } from '../../contract';
import { nowIso } from '../clock';
import type { Db } from '../db/connection';

export interface AuditRecord {
  entity: AuditEntity;
  entityId: number | null;
  action: string;
  actorId: number | null;
  summary: string;
  before?: AuditState;
  after?: AuditState;
}

/**
 * Appends one entry to the audit trail. Call it inside the transaction that makes the change, so
 * the change and its record land together or not at all.
 */
export async function recordAudit(db: Db, record: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: nowIso(),
      actor_id: record.actorId,
      entity: record.entity,
      entity_id: record.entityId,
      action: record.action,
      summary: record.summary,
      before_json: record.before ? JSON.stringify(record.before) : null,
      after_json: record.after ? JSON.stringify(record.after) : null,
    })
    .execute();
}

function parseState(json: string | null): AuditState {
  if (json === null) return null;
  const parsed = auditState.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : { value: JSON.parse(json) as unknown };
}

/** Newest first. */
export async function listAudit(db: Db, query: AuditQuery = {}): Promise<AuditEntry[]> {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('staff', 'staff.id', 'audit_log.actor_id')
    .selectAll('audit_log')
    .select('staff.name as actor_name');
  if (query.entity) q = q.where('audit_log.entity', '=', query.entity);
  if (query.entityId) q = q.where('audit_log.entity_id', '=', query.entityId);
  if (query.beforeId) q = q.where('audit_log.id', '<', query.beforeId);
  const rows = await q
    .orderBy('audit_log.id', 'desc')
    .limit(query.limit ?? 100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorName: r.actor_name,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    summary: r.summary,
    before: parseState(r.before_json),
    after: parseState(r.after_json),
    redacted: r.redacted_at !== null,
  }));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces whole-word occurrences only: "1043" not inside "81043", "Jansen" not inside "Jansens". */
function wordReplacer(secrets: string[], replacement: string): ((text: string) => string) | null {
  const needles = [...new Set(secrets.map((s) => s.trim()).filter((s) => s.length >= 2))].sort((a, b) => b.length - a.length);
  if (needles.length === 0) return null;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${needles.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => text.replace(pattern, replacement);
}

/** Applies `redact` to every string inside a JSON value; numbers, keys and structure stay as they are. */
function redactJson(json: string | null, redact: (text: string) => string): string | null {
  if (json === null) return null;
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return redact(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return JSON.stringify(walk(JSON.parse(json)));
}

/**
 * The one change the audit trail allows (its triggers refuse every other): when a person is
 * anonymised, their name and number are replaced, as whole words, in the summaries and in the
 * text values of the states of every entry. What happened, when and by whom stays.
 */
export async function redactAudit(db: Db, secrets: string[], replacement: string): Promise<number> {
  const redact = wordReplacer(secrets, replacement);
  if (!redact) return 0;
  const rows = await db.selectFrom('audit_log').select(['id', 'summary', 'before_json', 'after_json']).execute();
  const at = nowIso();
  let count = 0;
  for (const row of rows) {
    const summary = redact(row.summary);
    const before = redactJson(row.before_json, redact);
    const after = redactJson(row.after_json, redact);
    if (summary === row.summary && before === row.before_json && after === row.after_json) continue;
    await db
      .updateTable('audit_log')
      .set({ summary, before_json: before, after_json: after, redacted_at: at })
      .where('id', '=', row.id)
      .execute();
    count++;
  }
  return count;
}

/**
 * Runs `work` in a transaction, or in the caller's when there is one (kysely cannot nest them), so
 * an audited change and its entry commit together or not at all.
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The top-level fields whose values differ between two states; every field of the other when one is null. */
export function changedFields(before: AuditState, after: AuditState): string[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys.filter((key) => !sameValue(before?.[key], after?.[key]));
}
