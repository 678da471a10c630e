import { sql } from 'kysely';
import type { Core } from '../../src-main/core/app';

export interface RefusedWrite {
  /** e.g. `BEFORE INSERT ON staff`, `BEFORE UPDATE OF second_evaluation_id ON dispute` */
  event: string;
  /** SQL over NEW/OLD; every write of the event when left out. */
  when?: string;
  message?: string;
}

/**
 * Makes the database itself refuse one particular write, the way a full disk or a crash would
 * halfway through a transaction, on SQLite and PostgreSQL alike. Returns a function that removes
 * the refusal again.
 */
export async function refuseWrite(core: Core, { event, when, message = 'schijf vol' }: RefusedWrite): Promise<() => Promise<void>> {
  const name = `refuse_${Math.random().toString(36).slice(2, 10)}`;
  const table = /\bON\s+(\w+)\s*$/i.exec(event)?.[1];
  if (!table) throw new Error(`no table in "${event}"`);
  if (core.dialect === 'sqlite') {
    await sql
      .raw(`CREATE TRIGGER ${name} ${event}${when ? ` WHEN ${when}` : ''} BEGIN SELECT RAISE(ABORT, '${message}'); END`)
      .execute(core.db);
    return async () => void (await sql.raw(`DROP TRIGGER ${name}`).execute(core.db));
  }
  const fail = `RAISE EXCEPTION '${message}';`;
  await sql
    .raw(
      `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN ${when ? `IF ${when} THEN ${fail} END IF;` : fail} RETURN NEW; END $$`,
    )
    .execute(core.db);
  await sql.raw(`CREATE TRIGGER ${name} ${event} FOR EACH ROW EXECUTE FUNCTION ${name}()`).execute(core.db);
  return async () => {
    await sql.raw(`DROP TRIGGER ${name} ON ${table}`).execute(core.db);
    await sql.raw(`DROP FUNCTION ${name}()`).execute(core.db);
  };
}
