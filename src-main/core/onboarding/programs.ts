import shipped from '../../../resources/onboarding/inwerkprogramma-kcc-3-weken.json';
import { programFields, type Program, type ProgramFields, type ProgramSummary, type SaveProgramInput } from '../../contract';
import { nowIso } from '../clock';
import type { Db } from '../db/connection';
import { AppError, notFound } from '../errors';

async function runningCounts(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('onboarding')
    .select(['program_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'running')
    .where('program_id', 'is not', null)
    .groupBy('program_id')
    .execute();
  return new Map(rows.map((r) => [r.program_id ?? 0, Number(r.n)]));
}

export async function listPrograms(db: Db): Promise<ProgramSummary[]> {
  const programs = await db.selectFrom('onboarding_program').selectAll().execute();
  const items = await db
    .selectFrom('onboarding_program_item')
    .select(['program_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('program_id')
    .execute();
  const itemCount = new Map(items.map((r) => [r.program_id, Number(r.n)]));
  const running = await runningCounts(db);
  const dutch = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
  return programs
    .map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      weeks: p.weeks,
      itemCount: itemCount.get(p.id) ?? 0,
      runningCount: running.get(p.id) ?? 0,
      updatedAt: p.updated_at,
    }))
    .sort((a, b) => dutch.compare(a.name, b.name));
}

export async function getProgram(db: Db, id: number): Promise<Program> {
  const row = await db.selectFrom('onboarding_program').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Inwerkprogramma ${id}`);
  const items = await db.selectFrom('onboarding_program_item').selectAll().where('program_id', '=', id).orderBy('position').execute();
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    weeks: row.weeks,
    items: items.map((i) => ({
      id: i.id,
      week: i.week,
      position: i.position,
      category: i.category,
      title: i.title,
      description: i.description,
    })),
    runningCount: (await runningCounts(db)).get(id) ?? 0,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Items in week order, keeping the trainer's order within a week. */
const ordered = (items: ProgramFields['items']) =>
  items.map((item, i) => ({ item, i })).sort((a, b) => a.item.week - b.item.week || a.i - b.i);

/**
 * Creates a program or replaces one's content. Running onboardings hold their own copy of the
 * items, so replacing the items here never touches a track that has started.
 */
export async function saveProgram(db: Db, actorId: number | null, input: SaveProgramInput): Promise<Program> {
  const clash = await db
    .selectFrom('onboarding_program')
    .select('id')
    .where('name', '=', input.name)
    .$if(input.id !== undefined, (q) => q.where('id', '!=', input.id ?? 0))
    .executeTakeFirst();
  if (clash) throw new AppError('program_name_in_use', { name: input.name });
  const now = nowIso();
  const id = await db.transaction().execute(async (trx) => {
    let programId: number;
    if (input.id === undefined) {
      const row = await trx
        .insertInto('onboarding_program')
        .values({
          name: input.name,
          description: input.description,
          weeks: input.weeks,
          created_by: actorId,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      programId = row.id;
    } else {
      const result = await trx
        .updateTable('onboarding_program')
        .set({ name: input.name, description: input.description, weeks: input.weeks, updated_at: now })
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw notFound(`Inwerkprogramma ${input.id}`);
      programId = input.id;
      await trx.deleteFrom('onboarding_program_item').where('program_id', '=', programId).execute();
    }
    const rows = ordered(input.items).map(({ item }, position) => ({
      program_id: programId,
      week: item.week,
      position,
      category: item.category,
      title: item.title,
      description: item.description,
    }));
    await trx.insertInto('onboarding_program_item').values(rows).execute();
    return programId;
  });
  return getProgram(db, id);
}

/** Installs the shipped three-week KCC program on a database without any program. */
export async function ensureDefaultOnboardingProgram(db: Db): Promise<void> {
  const existing = await db.selectFrom('onboarding_program').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  await saveProgram(db, null, programFields.parse(shipped));
}
