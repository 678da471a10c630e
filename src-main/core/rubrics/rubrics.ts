import { z } from 'zod';
import { scaleLevel, type Criterion, type RubricVersion } from '../../contract';
import type { Db } from '../db/connection';
import type { CriterionRow } from '../db/schema';
import { notFound } from '../errors';

const levelsSchema = z.array(scaleLevel);

/** The published version new evaluations use: the newest published version of the oldest rubric. */
export async function currentRubricVersionId(db: Db): Promise<number> {
  const row = await db
    .selectFrom('rubric_version')
    .select('rubric_version.id')
    .where('status', '=', 'published')
    .orderBy('rubric_id')
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!row) throw notFound('Een gepubliceerd beoordelingsformulier');
  return row.id;
}

export function toCriterion(row: CriterionRow): Criterion {
  return {
    id: row.id,
    key: row.key,
    title: row.title,
    description: row.description,
    type: row.type,
    scaleMax: row.scale_max,
    levels: levelsSchema.parse(JSON.parse(row.levels_json)),
    weight: row.weight,
    required: row.required === 1,
    allowNa: row.allow_na === 1,
    criticalClass: row.critical_class,
  };
}

export async function getRubricVersion(db: Db, id: number): Promise<RubricVersion> {
  const version = await db
    .selectFrom('rubric_version')
    .innerJoin('rubric', 'rubric.id', 'rubric_version.rubric_id')
    .select([
      'rubric_version.id',
      'rubric_version.rubric_id',
      'rubric_version.version',
      'rubric_version.status',
      'rubric_version.critical_zeroes_total',
      'rubric_version.revision',
      'rubric.name',
    ])
    .where('rubric_version.id', '=', id)
    .executeTakeFirst();
  if (!version) throw notFound(`Beoordelingsformulier ${id}`);
  const sections = await db.selectFrom('rubric_section').selectAll().where('rubric_version_id', '=', id).orderBy('position').execute();
  const criteria = await db.selectFrom('rubric_criterion').selectAll().where('rubric_version_id', '=', id).orderBy('position').execute();
  return {
    id: version.id,
    rubricId: version.rubric_id,
    name: version.name,
    version: version.version,
    revision: version.revision,
    status: version.status,
    criticalZeroesTotal: version.critical_zeroes_total === 1,
    sections: sections.map((s) => ({
      id: s.id,
      key: s.key,
      title: s.title,
      criteria: criteria.filter((c) => c.section_id === s.id).map(toCriterion),
    })),
  };
}
