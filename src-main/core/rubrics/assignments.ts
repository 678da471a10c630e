import { rubricAssignments, type RubricAssignments } from '../../contract';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { readSetting, writeSetting } from '../settings/settings';
import { currentRubricVersionId } from './rubrics';

const KEY = 'rubric.assignments';
const none: RubricAssignments = { defaultVersionId: null, teams: [] };

export async function getRubricAssignments(db: Db): Promise<RubricAssignments> {
  return readSetting(db, KEY, rubricAssignments, none);
}

/** Only published versions may be chosen: new evaluations must never be pinned to a draft. */
export async function setRubricAssignments(db: Db, input: RubricAssignments): Promise<RubricAssignments> {
  const ids = [...new Set([...(input.defaultVersionId ? [input.defaultVersionId] : []), ...input.teams.map((t) => t.versionId)])];
  if (ids.length > 0) {
    const versions = await db
      .selectFrom('rubric_version')
      .innerJoin('rubric', 'rubric.id', 'rubric_version.rubric_id')
      .select(['rubric_version.id', 'rubric_version.status', 'rubric_version.version', 'rubric.name'])
      .where('rubric_version.id', 'in', ids)
      .execute();
    for (const versionId of ids) {
      const v = versions.find((x) => x.id === versionId);
      if (!v) throw new AppError('not_found', { what: `Beoordelingsformulier ${versionId}` });
      if (v.status !== 'published') throw new AppError('rubric_version_not_published', { version: v.version, name: v.name });
    }
  }
  const teams = [...new Map(input.teams.map((t) => [t.team, t])).values()].sort((a, b) => a.team.localeCompare(b.team, 'nl'));
  const stored = { defaultVersionId: input.defaultVersionId, teams };
  await writeSetting(db, KEY, stored);
  return stored;
}

/** The published version a new evaluation of an advisor in `team` is pinned to. */
export async function rubricVersionForTeam(db: Db, team: string): Promise<number> {
  const assignments = await getRubricAssignments(db);
  return assignments.teams.find((t) => t.team === team)?.versionId ?? assignments.defaultVersionId ?? currentRubricVersionId(db);
}
