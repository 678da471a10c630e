import { z } from 'zod';
import type { ReportTargets, SetTargetsInput } from '../../contract';
import { changedFields, inTransaction, recordAudit } from '../audit/audit';
import { dutchPct } from '../audit/describe';
import type { Db } from '../db/connection';
import { readSetting, writeSetting } from '../settings/settings';

const KEY = 'reports.targets';

/** COPC calls 85% "high performance"; a team without its own target is judged by it. */
export const DEFAULT_TARGET_PCT = 85;

const stored = z.object({
  defaultPct: z.number().min(0).max(100),
  teams: z.record(z.string(), z.number().min(0).max(100)),
});
type StoredTargets = z.infer<typeof stored>;

const fallback: StoredTargets = { defaultPct: DEFAULT_TARGET_PCT, teams: {} };

/** Looks up a team's target; the stored form, so callers that judge many advisors read it once. */
export interface TargetLookup {
  defaultPct: number;
  forTeam(team: string): number;
}

export async function targetLookup(db: Db): Promise<TargetLookup> {
  const targets = await readSetting(db, KEY, stored, fallback);
  return {
    defaultPct: targets.defaultPct,
    forTeam: (team) => targets.teams[team] ?? targets.defaultPct,
  };
}

export async function getTargets(db: Db): Promise<ReportTargets> {
  const targets = await readSetting(db, KEY, stored, fallback);
  const staffTeams = await db.selectFrom('staff').select('team').distinct().where('team', '!=', '').execute();
  const names = [...new Set([...staffTeams.map((t) => t.team), ...Object.keys(targets.teams)])].sort((a, b) => a.localeCompare(b, 'nl'));
  return {
    defaultPct: targets.defaultPct,
    teams: names.map((team) => {
      const own = targets.teams[team];
      return { team, targetPct: own ?? targets.defaultPct, custom: own !== undefined };
    }),
  };
}

/**
 * Replaces every target at once. A team listed with the default value is stored as following
 * the default, so changing the default later moves it along.
 */
export async function setTargets(db: Db, input: SetTargetsInput, actorId: number | null = null): Promise<ReportTargets> {
  const teams: Record<string, number> = {};
  for (const { team, targetPct } of input.teams) {
    if (team !== '' && targetPct !== input.defaultPct) teams[team] = targetPct;
  }
  const after: StoredTargets = { defaultPct: input.defaultPct, teams };
  await inTransaction(db, async (trx) => {
    const before = await readSetting(trx, KEY, stored, fallback);
    await writeSetting(trx, KEY, after);
    if (changedFields(before, after).length === 0) return;
    const teamNames = [...new Set([...Object.keys(before.teams), ...Object.keys(teams)])].filter(
      (team) => before.teams[team] !== teams[team],
    );
    const parts = [
      ...(before.defaultPct !== after.defaultPct ? [`standaard ${dutchPct(before.defaultPct)} → ${dutchPct(after.defaultPct)}`] : []),
      ...teamNames.map((team) => `${team} ${teamTarget(before, team)} → ${teamTarget(after, team)}`),
    ];
    await recordAudit(trx, {
      entity: 'settings',
      entityId: null,
      action: 'targets_updated',
      actorId,
      summary: `Normen gewijzigd: ${parts.join('; ')}`,
      before,
      after,
    });
  });
  return getTargets(db);
}

const teamTarget = (targets: StoredTargets, team: string) => {
  const own = targets.teams[team];
  return own === undefined ? `standaard (${dutchPct(targets.defaultPct)})` : dutchPct(own);
};
