import { z } from 'zod';
import { id, timestamp } from './common';
import { answer } from './evaluations';
import { rubricDefinition } from './rubrics';

export const rubricVersionSummary = z.object({
  id,
  version: z.number().int(),
  status: z.enum(['draft', 'published']),
  createdAt: timestamp,
  publishedAt: timestamp.nullable(),
  /** Evaluations scored with this version (they stay pinned to it). */
  evaluations: z.number().int(),
});
export type RubricVersionSummary = z.infer<typeof rubricVersionSummary>;

export const rubricSummary = z.object({ id, key: z.string(), name: z.string(), versions: z.array(rubricVersionSummary) });
export type RubricSummary = z.infer<typeof rubricSummary>;

export const createRubricInput = z.object({ definition: rubricDefinition });
/** `expectedRevision`: the draft's revision as the editor loaded it; a newer one means someone else saved (edit_conflict). */
export const saveRubricDraftInput = z.object({ id, definition: rubricDefinition, expectedRevision: z.number().int().optional() });
export const newRubricDraftInput = z.object({ rubricId: id });
/** The file's text is parsed by the core, so a broken file gets a clear message rather than a schema error. */
export const importRubricInput = z.object({ fileName: z.string().max(260), text: z.string().max(2_000_000) });
export const rubricExport = z.object({ fileName: z.string(), json: z.string() });
export const previewRubricInput = z.object({ versionId: id, answers: z.array(answer).max(200) });

/** Which published version new evaluations use: per team, else the default, else the newest of the first rubric. */
export const rubricAssignments = z.object({
  defaultVersionId: id.nullable(),
  teams: z.array(z.object({ team: z.string().min(1).max(60), versionId: id })).max(200),
});
export type RubricAssignments = z.infer<typeof rubricAssignments>;

/** Format version of exported rubric files; importers refuse files from a newer format. */
export const rubricFileFormat = 1;

/**
 * An exported rubric file: the portable definition plus a format marker. The marker is optional on
 * import so the shipped default and hand-written files are accepted as well.
 */
export const rubricFile = rubricDefinition.extend({ klankbordRubric: z.number().int().positive().optional() });
export type RubricFile = z.infer<typeof rubricFile>;
