import shipped from '../../../resources/rubrics/kcc-standaard.json';
import { rubricDefinition } from '../../contract';
import type { Db } from '../db/connection';
import { createPublishedRubric } from './editor';

/** Installs the shipped Dutch KCC rubric on a database that has no rubric yet. */
export async function ensureDefaultRubric(db: Db): Promise<void> {
  const existing = await db.selectFrom('rubric').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  await createPublishedRubric(db, rubricDefinition.parse(shipped));
}
