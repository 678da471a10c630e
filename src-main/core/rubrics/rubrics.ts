import { z } from 'zod';
import { scaleLevel, type Criterion, type RubricDefinition, type RubricVersion } from '../../contract';
import { nowIso } from '../clock';
import type { Db } from '../db/connection';
import type { CriterionRow } from '../db/schema';
import { notFound } from '../errors';

const levelsSchema = z.array(scaleLevel);

export async function createPublishedRubric(db: Db, def: RubricDefinition): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const rubric = await trx
      .insertInto('rubric')
      .values({ key: def.key, name: def.name, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const version = await trx
      .insertInto('rubric_version')
      .values({
        rubric_id: rubric.id,
        version: 1,
        status: 'published',
        critical_zeroes_total: def.criticalZeroesTotal ? 1 : 0,
        published_at: now,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [sectionIndex, section] of def.sections.entries()) {
      const row = await trx
        .insertInto('rubric_section')
        .values({ rubric_version_id: version.id, position: sectionIndex, key: section.key, title: section.title })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [criterionIndex, c] of section.criteria.entries()) {
        await trx
          .insertInto('rubric_criterion')
          .values({
            rubric_version_id: version.id,
            section_id: row.id,
            position: criterionIndex,
            key: c.key,
            title: c.title,
            description: c.description,
            type: c.type,
            scale_max: c.type === 'scale' ? (c.scaleMax ?? 5) : 1,
            levels_json: JSON.stringify(c.levels),
            weight: c.weight,
            required: c.required ? 1 : 0,
            allow_na: c.allowNa ? 1 : 0,
            critical_class: c.criticalClass,
          })
          .execute();
      }
    }
    return version.id;
  });
}

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
