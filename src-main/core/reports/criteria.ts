import type { Criterion } from '../../contract';
import type { Db } from '../db/connection';
import { toCriterion } from '../rubrics/rubrics';

export interface CriterionInfo {
  criterion: Criterion;
  versionId: number;
  position: number;
  section: { key: string; title: string; position: number };
}

/** The criteria reports met in answers, as scoring sees them, with their section: few rows, read once. */
export async function criteriaByIds(db: Db, ids: readonly number[]): Promise<Map<number, CriterionInfo>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('rubric_criterion as c')
    .innerJoin('rubric_section as s', 's.id', 'c.section_id')
    .selectAll('c')
    .select(['s.key as section_key', 's.title as section_title', 's.position as section_position'])
    .where('c.id', 'in', [...ids])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        criterion: toCriterion(r),
        versionId: r.rubric_version_id,
        position: r.position,
        section: { key: r.section_key, title: r.section_title, position: r.section_position },
      },
    ]),
  );
}
