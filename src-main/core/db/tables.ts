import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './connection';

/** Klankbord's own tables, by name (not kysely's migration bookkeeping). */
export async function tableNames(db: Db): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables
    .map((t) => t.name)
    .filter((name) => !name.startsWith('kysely_') && !name.startsWith('sqlite_'))
    .sort();
}

export type Row = Record<string, unknown>;

/** Every row of a table; the order is the database's own, so compare through `canonicalRows`. */
export async function tableRows(db: Db, table: string): Promise<Row[]> {
  const { rows } = await sql<Row>`select * from ${sql.table(table)}`.execute(db);
  return rows;
}

/**
 * Rows as text that is equal on SQLite and PostgreSQL for equal content: columns in name order,
 * rows sorted. Two databases hold the same data exactly when these lists are equal.
 */
export function canonicalRows(rows: readonly Row[]): string[] {
  return rows
    .map((row) =>
      JSON.stringify(
        Object.keys(row)
          .sort()
          .map((column) => [column, row[column] ?? null]),
      ),
    )
    .sort();
}

/** One SHA-256 over a table's canonical rows: what the move into the team database compares. */
export function tableChecksum(rows: readonly Row[]): string {
  const hash = createHash('sha256');
  for (const line of canonicalRows(rows)) hash.update(line).update('\n');
  return hash.digest('hex');
}
