import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { formatError, type TeamCheck, type TeamCheckItem } from '../../contract';
import type { TeamDatabase } from '../db/connection';
import { postgresProblem } from '../db/postgres';

const skipped = (key: TeamCheckItem['key'], message: string): TeamCheckItem => ({ key, ok: false, skipped: true, message });
const passed = (key: TeamCheckItem['key'], message: string): TeamCheckItem => ({ key, ok: true, skipped: false, message });
const failed = (key: TeamCheckItem['key'], message: string): TeamCheckItem => ({ key, ok: false, skipped: false, message });

async function recordingsFolder(dir: string): Promise<TeamCheckItem> {
  try {
    if (!statSync(dir).isDirectory()) return failed('recordings', `"${dir}" is een bestand, geen map. Kies de map waar de opnames komen.`);
  } catch {
    return failed('recordings', `De opnamemap "${dir}" bestaat niet of is niet bereikbaar. Maak hem aan of koppel de netwerkschijf.`);
  }
  const probe = join(dir, `.klankbord-schrijftest-${randomUUID()}`);
  try {
    await writeFile(probe, 'klankbord');
    await rm(probe, { force: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 120) : String(error);
    return failed(
      'recordings',
      `Klankbord kan niet schrijven in de opnamemap "${dir}" (${detail}). Vraag de ICT-afdeling om schrijfrechten.`,
    );
  }
  return passed('recordings', `De opnamemap "${dir}" bestaat en Klankbord kan erin schrijven.`);
}

/**
 * "Verbinding testen": every step a person setting up team mode has to get right, in order, each
 * with a Dutch line saying what is fine or what to do. Nothing is changed on the server (the
 * rights test creates a table inside a transaction that is rolled back).
 */
export async function checkTeamConnection(team: TeamDatabase): Promise<TeamCheck> {
  const { postgres } = team;
  const items: TeamCheckItem[] = [];
  let serverVersion: string | null = null;
  const client = new pg.Client({ ...postgres, connectionTimeoutMillis: 8000, application_name: 'klankbord-test' });
  let connected = false;
  try {
    await client.connect();
    connected = true;
    items.push(passed('reachable', `De server ${postgres.host}:${postgres.port} is bereikbaar.`));
    items.push(passed('login', `Aangemeld als "${postgres.user}" in database "${postgres.database}".`));
  } catch (error) {
    const problem = postgresProblem(error, postgres);
    const message = formatError(problem.code, problem.params, 'nl');
    if (problem.code === 'team_unreachable') {
      items.push(failed('reachable', message), skipped('login', 'Niet geprobeerd: de server is niet bereikbaar.'));
    } else {
      items.push(passed('reachable', `De server ${postgres.host}:${postgres.port} is bereikbaar.`), failed('login', message));
    }
    items.push(skipped('rights', 'Niet geprobeerd: eerst moet het aanmelden lukken.'));
  }
  if (connected) {
    try {
      const { rows } = await client.query<{ server_version: string }>('show server_version');
      serverVersion = rows[0]?.server_version ?? null;
      await client.query('begin');
      await client.query('create table klankbord_rechtentest (id integer primary key)');
      await client.query('drop table klankbord_rechtentest');
      items.push(passed('rights', `Gebruiker "${postgres.user}" mag tabellen aanmaken en wijzigen.`));
    } catch (error) {
      const problem = postgresProblem(error, postgres);
      items.push(
        failed('rights', formatError(problem.code === 'team_unreachable' ? 'team_rights_missing' : problem.code, problem.params, 'nl')),
      );
    } finally {
      await client.query('rollback').catch(() => undefined);
    }
  }
  await client.end().catch(() => undefined);
  items.push(await recordingsFolder(team.recordingsDir));
  return { ok: items.every((i) => i.ok), serverVersion, items };
}
