import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Core } from '../../src-main/core/app';
import { sqliteOf } from '../../src-main/core/db/connection';
import { canonicalRows, tableNames, tableRows } from '../../src-main/core/db/tables';

/**
 * A stable picture of a data folder: every table's rows (each row as JSON, sorted) and every store
 * file's path, size and hash. Two folders with the same content give equal dumps whatever order
 * or moment they were written in, except for the columns named in `ignore` (`table.column`).
 */
export interface FolderDump {
  tables: Record<string, string[]>;
  store: string[];
}

export function dumpFolder(core: Core, ignore: readonly string[] = []): FolderDump {
  const names = sqliteOf(core)
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`)
    .all() as { name: string }[];
  const tables: Record<string, string[]> = {};
  for (const { name } of names) {
    const rows = sqliteOf(core).prepare(`select * from "${name}"`).all() as Record<string, unknown>[];
    tables[name] = rows
      .map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).filter(([column]) => !ignore.includes(`${name}.${column}`)))))
      .sort();
  }
  return { tables, store: listStore(core.paths.store) };
}

function listStore(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(`${relative(root, path)} ${statSync(path).size} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
    }
  };
  walk(root);
  return files.sort();
}

/** Every text value in the database that looks like an ISO moment at or after `since` (`table.column = value`). */
export function momentsSince(core: Core, since: string, skip: readonly string[] = []): string[] {
  const names = sqliteOf(core)
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`)
    .all() as { name: string }[];
  const found: string[] = [];
  for (const { name } of names) {
    for (const row of sqliteOf(core).prepare(`select * from "${name}"`).all() as Record<string, unknown>[]) {
      for (const [column, value] of Object.entries(row)) {
        if (skip.includes(`${name}.${column}`)) continue;
        if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) && value >= since) {
          found.push(`${name}.${column} = ${value}`);
        }
      }
    }
  }
  return found;
}

/** Every row of every table, on either database: "unchanged" means exactly this. */
export async function dumpDatabase(core: Core): Promise<string> {
  const tables: [string, string[]][] = [];
  for (const name of await tableNames(core.db)) tables.push([name, canonicalRows(await tableRows(core.db, name))]);
  return JSON.stringify(tables);
}
