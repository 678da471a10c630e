import { SqliteAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

export const isSqlite = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof SqliteAdapter;

/**
 * The id column of every table. SQLite's AUTOINCREMENT (never reuses an id) and PostgreSQL's
 * identity column; "by default" so the move from a local database into the team database can
 * keep every id. On SQLite this produces exactly the SQL the migrations always produced.
 */
export const autoId =
  (db: Kysely<unknown>) =>
  (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    isSqlite(db) ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity();
