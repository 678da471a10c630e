import { SqliteAdapter, type Kysely } from 'kysely';

/**
 * Whether a read inside a transaction must lock the rows it is about to change. SQLite runs one
 * writing transaction at a time, so a check-then-write is safe there as it is; PostgreSQL lets two
 * transactions read the same row at once, so the read takes a row lock and the second request
 * waits, then sees the first one's result. Use as `.$if(needsRowLocks(trx), (q) => q.forUpdate('table'))`:
 * SQLite has no FOR UPDATE.
 */
export const needsRowLocks = (db: Pick<Kysely<unknown>, 'getExecutor'>): boolean => !(db.getExecutor().adapter instanceof SqliteAdapter);
