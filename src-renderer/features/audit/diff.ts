import type { AuditState } from '@contract';

/** One changed field of an audit entry; `sub` is the key inside a map field such as a team's target. */
export interface FieldChange {
  key: string;
  sub?: string;
  before: unknown;
  after: unknown;
}

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields that differ between two states, in the order the states list them. Maps (targets or
 * forms per team) are opened one level, so a reader sees "Norm KCC Zuid: 85% → 70%" instead of two
 * whole maps. A creation (no before) or removal (no after) lists every field of the other side.
 */
export function changedFields(before: AuditState, after: AuditState): FieldChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changes: FieldChange[] = [];
  for (const key of keys) {
    const b = before?.[key];
    const a = after?.[key];
    if (isMap(a) || isMap(b)) {
      const bm = isMap(b) ? b : {};
      const am = isMap(a) ? a : {};
      for (const sub of [...new Set([...Object.keys(bm), ...Object.keys(am)])]) {
        if (!same(bm[sub], am[sub]) || before === null || after === null) changes.push({ key, sub, before: bm[sub], after: am[sub] });
      }
    } else if (!same(b, a) || before === null || after === null) {
      changes.push({ key, before: b, after: a });
    }
  }
  return changes;
}
