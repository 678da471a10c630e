import type { Kysely } from 'kysely';
import * as m0001 from './0001_initial';

export interface FrozenMigration {
  up(db: Kysely<unknown>): Promise<void>;
}

/**
 * Every migration, in order. A static record rather than a folder scan: it works in a bundled app
 * and under vitest alike. Append only; never edit or remove an entry that has shipped.
 */
export const migrations: Record<string, FrozenMigration> = {
  '0001_initial': m0001,
};
