import type { z } from 'zod';
import type { Db } from '../db/connection';

/** Reads a setting, falling back when absent or no longer valid for its schema. */
export async function readSetting<T>(db: Db, key: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const row = await db.selectFrom('setting').select('value_json').where('key', '=', key).executeTakeFirst();
  if (!row) return fallback;
  const parsed = schema.safeParse(JSON.parse(row.value_json));
  return parsed.success ? parsed.data : fallback;
}

export async function writeSetting(db: Db, key: string, value: unknown): Promise<void> {
  const value_json = JSON.stringify(value);
  await db
    .insertInto('setting')
    .values({ key, value_json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json }))
    .execute();
}
