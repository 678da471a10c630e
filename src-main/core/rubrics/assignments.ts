import { rubricAssignments, type RubricAssignments } from '../../contract';
import { changedFields, inTransaction, recordAudit } from '../audit/audit';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { readSetting, writeSetting } from '../settings/settings';
import { currentRubricVersionId } from './rubrics';

const KEY = 'rubric.assignments';
const none: RubricAssignments = { defaultVersionId: null, teams: [] };

export async function getRubricAssignments(db: Db): Promise<RubricAssignments> {
  return readSetting(db, KEY, rubricAssignments, none);
}

/** "Gespreksbeoordeling KCC versie 2" for every version id in the assignments, for the audit trail. */
async function versionLabels(db: Db, assignments: RubricAssignments): Promise<Map<number, string>> {
  const ids = [
    ...new Set([...(assignments.defaultVersionId ? [assignments.defaultVersionId] : []), ...assignments.teams.map((t) => t.versionId)]),
  ];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('rubric_version')
    .innerJoin('rubric', 'rubric.id', 'rubric_version.rubric_id')
    .select(['rubric_version.id', 'rubric_version.version', 'rubric.name'])
    .where('rubric_version.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, `${r.name} versie ${r.version}`]));
}

/** The assignments as a reader sees them: which form (name and version) the default and each team use. */
function assignmentState(assignments: RubricAssignments, labels: Map<number, string>) {
  const label = (id: number) => labels.get(id) ?? `versie-id ${id}`;
  return {
    defaultVersion: assignments.defaultVersionId === null ? null : label(assignments.defaultVersionId),
    teams: Object.fromEntries(assignments.teams.map((t) => [t.team, label(t.versionId)])),
  };
}

/** Only published versions may be chosen: new evaluations must never be pinned to a draft. */
export async function setRubricAssignments(db: Db, input: RubricAssignments, actorId: number | null = null): Promise<RubricAssignments> {
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
  await inTransaction(db, async (trx) => {
    const previous = await getRubricAssignments(trx);
    await writeSetting(trx, KEY, stored);
    const before = assignmentState(previous, await versionLabels(trx, previous));
    const after = assignmentState(stored, await versionLabels(trx, stored));
    if (changedFields(before, after).length === 0) return;
    const teamsChanged = [...new Set([...Object.keys(before.teams), ...Object.keys(after.teams)])].filter(
      (team) => before.teams[team] !== after.teams[team],
    );
    const parts = [
      ...(before.defaultVersion !== after.defaultVersion ? [`standaard: ${after.defaultVersion ?? 'geen'}`] : []),
      ...teamsChanged.map((team) => `${team}: ${after.teams[team] ?? 'volgt de standaard'}`),
    ];
    await recordAudit(trx, {
      entity: 'rubric',
      entityId: null,
      action: 'assignments_updated',
      actorId,
      summary: `Formulier per team gewijzigd: ${parts.join('; ')}`,
      before,
      after,
    });
  });
  return stored;
}

/** The published version a new evaluation of an advisor in `team` is pinned to. */
export async function rubricVersionForTeam(db: Db, team: string): Promise<number> {
  const assignments = await getRubricAssignments(db);
  return assignments.teams.find((t) => t.team === team)?.versionId ?? assignments.defaultVersionId ?? currentRubricVersionId(db);
}
