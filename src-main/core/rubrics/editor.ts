import type { Transaction } from 'kysely';
import type { z } from 'zod';
import {
  rubricFile,
  rubricFileFormat,
  type Answer,
  type RubricDefinition,
  type RubricSummary,
  type RubricVersion,
  type ScoreResult,
} from '../../contract';
import { recordAudit } from '../audit/audit';
import { nowIso } from '../clock';
import type { Db } from '../db/connection';
import type { Database } from '../db/schema';
import { AppError, notFound } from '../errors';
import { answerProblem, scoreEvaluation } from '../evaluations/scoring';
import { getRubricVersion } from './rubrics';

type Trx = Transaction<Database>;
type CriterionDefinition = RubricDefinition['sections'][number]['criteria'][number];

// ---------------------------------------------------------------------------------------------
// Validation beyond the schema

/** Trimmed texts, and a yes/no criterion never carries scale levels, so the stored form is canonical. */
function normalize(def: RubricDefinition): RubricDefinition {
  return {
    key: def.key.trim(),
    name: def.name.trim(),
    criticalZeroesTotal: def.criticalZeroesTotal,
    sections: def.sections.map((s) => ({
      key: s.key.trim(),
      title: s.title.trim(),
      criteria: s.criteria.map((c): CriterionDefinition => ({
        ...c,
        key: c.key.trim(),
        title: c.title.trim(),
        description: c.description.trim(),
        ...(c.type === 'scale'
          ? {
              scaleMax: c.scaleMax,
              levels: [...c.levels]
                .sort((a, b) => a.value - b.value)
                .map((l) => ({ value: l.value, label: l.label.trim(), guidance: l.guidance.trim() })),
            }
          : { scaleMax: undefined, levels: [] }),
      })),
    })),
  };
}

/**
 * What the schema cannot see: duplicate keys, gaps in a scale, blank titles. Each problem names the
 * section or criterion, so an author (or whoever wrote an imported file) knows where to look.
 */
export function rubricProblems(def: RubricDefinition): string[] {
  const problems: string[] = [];
  if (def.key === '') problems.push('de sleutel van het formulier is leeg');
  if (def.name === '') problems.push('de naam van het formulier is leeg');
  if (def.sections.length === 0) problems.push('het formulier heeft geen onderdelen');
  const sectionKeys = new Map<string, string>();
  const criterionKeys = new Map<string, string>();
  let criteria = 0;
  for (const [si, section] of def.sections.entries()) {
    const sectionName = section.title ? `onderdeel "${section.title}"` : `onderdeel ${si + 1}`;
    if (section.title === '') problems.push(`${sectionName} heeft geen titel`);
    if (section.key === '') problems.push(`${sectionName} heeft geen sleutel`);
    const sameSection = sectionKeys.get(section.key);
    if (section.key !== '' && sameSection !== undefined) {
      problems.push(`${sectionName} heeft dezelfde sleutel "${section.key}" als ${sameSection}`);
    } else sectionKeys.set(section.key, sectionName);
    if (section.criteria.length === 0) problems.push(`${sectionName} heeft geen criteria`);
    for (const [ci, c] of section.criteria.entries()) {
      criteria += 1;
      const name = c.title ? `criterium "${c.title}"` : `criterium ${ci + 1} van ${sectionName}`;
      if (c.title === '') problems.push(`${name} heeft geen titel`);
      if (c.key === '') problems.push(`${name} heeft geen sleutel`);
      const sameCriterion = criterionKeys.get(c.key);
      if (c.key !== '' && sameCriterion !== undefined) {
        problems.push(`${name} heeft dezelfde sleutel "${c.key}" als ${sameCriterion}`);
      } else criterionKeys.set(c.key, name);
      if (!(Number.isFinite(c.weight) && c.weight > 0)) problems.push(`${name}: de weging moet groter dan 0 zijn`);
      if (c.type === 'scale') {
        const max = c.scaleMax;
        if (max === undefined || !Number.isInteger(max) || max < 2 || max > 10) {
          problems.push(`${name}: een schaal loopt van 1 tot een hoogste niveau tussen 2 en 10`);
          continue;
        }
        const values = c.levels.map((l) => l.value);
        const missing = Array.from({ length: max }, (_, i) => i + 1).filter((v) => !values.includes(v));
        const extra = values.filter((v, i) => v < 1 || v > max || values.indexOf(v) !== i);
        if (missing.length > 0 || extra.length > 0) {
          const parts = [
            ...(missing.length > 0 ? [`niveau ${missing.join(', ')} ontbreekt`] : []),
            ...(extra.length > 0 ? [`niveau ${[...new Set(extra)].join(', ')} hoort er niet (of dubbel) bij`] : []),
          ];
          problems.push(`${name}: de schaal moet de niveaus 1 tot en met ${max} elk één keer hebben (${parts.join('; ')})`);
        }
        for (const level of c.levels) {
          if (level.label === '') problems.push(`${name}: niveau ${level.value} heeft geen naam`);
        }
      }
    }
  }
  if (def.sections.length > 0 && criteria === 0) problems.push('het formulier heeft geen criteria');
  return problems;
}

function assertValid(def: RubricDefinition): RubricDefinition {
  const normalized = normalize(def);
  const problems = rubricProblems(normalized);
  if (problems.length > 0) throw new AppError('rubric_invalid', { reason: summarize(problems) });
  return normalized;
}

const summarize = (problems: readonly string[]): string =>
  problems.length <= 3 ? problems.join('; ') : `${problems.slice(0, 3).join('; ')} (en nog ${problems.length - 3})`;

// ---------------------------------------------------------------------------------------------
// Storage

async function insertContent(trx: Trx, versionId: number, def: RubricDefinition): Promise<void> {
  for (const [sectionIndex, section] of def.sections.entries()) {
    const row = await trx
      .insertInto('rubric_section')
      .values({ rubric_version_id: versionId, position: sectionIndex, key: section.key, title: section.title })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (section.criteria.length === 0) continue;
    await trx
      .insertInto('rubric_criterion')
      .values(
        section.criteria.map((c, criterionIndex) => ({
          rubric_version_id: versionId,
          section_id: row.id,
          position: criterionIndex,
          key: c.key,
          title: c.title,
          description: c.description,
          type: c.type,
          scale_max: c.type === 'scale' ? (c.scaleMax ?? c.levels.length) : 1,
          levels_json: JSON.stringify(c.type === 'scale' ? c.levels : []),
          weight: c.weight,
          required: c.required ? 1 : 0,
          allow_na: c.allowNa ? 1 : 0,
          critical_class: c.criticalClass,
        })),
      )
      .execute();
  }
}

async function deleteContent(trx: Trx, versionId: number): Promise<void> {
  await trx.deleteFrom('rubric_criterion').where('rubric_version_id', '=', versionId).execute();
  await trx.deleteFrom('rubric_section').where('rubric_version_id', '=', versionId).execute();
}

async function insertDraftVersion(trx: Trx, rubricId: number, version: number, def: RubricDefinition): Promise<number> {
  const row = await trx
    .insertInto('rubric_version')
    .values({
      rubric_id: rubricId,
      version,
      status: 'draft',
      critical_zeroes_total: def.criticalZeroesTotal ? 1 : 0,
      published_at: null,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertContent(trx, row.id, def);
  return row.id;
}

async function loadVersionRow(db: Db | Trx, versionId: number) {
  const row = await db
    .selectFrom('rubric_version')
    .innerJoin('rubric', 'rubric.id', 'rubric_version.rubric_id')
    .select([
      'rubric_version.id',
      'rubric_version.rubric_id',
      'rubric_version.version',
      'rubric_version.status',
      'rubric.key',
      'rubric.name',
    ])
    .where('rubric_version.id', '=', versionId)
    .executeTakeFirst();
  if (!row) throw notFound(`Beoordelingsformulier ${versionId}`);
  return row;
}

async function openDraftOf(db: Db | Trx, rubricId: number) {
  return db
    .selectFrom('rubric_version')
    .select(['id', 'version'])
    .where('rubric_id', '=', rubricId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}

async function assertKeyFree(db: Db | Trx, key: string, exceptRubricId: number | null): Promise<void> {
  const other = await db.selectFrom('rubric').select(['id', 'name']).where('key', '=', key).executeTakeFirst();
  if (other && other.id !== exceptRubricId) throw new AppError('rubric_key_in_use', { key, name: other.name });
}

async function newRubricWithDraft(trx: Trx, def: RubricDefinition): Promise<number> {
  await assertKeyFree(trx, def.key, null);
  const rubric = await trx
    .insertInto('rubric')
    .values({ key: def.key, name: def.name, created_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return insertDraftVersion(trx, rubric.id, 1, def);
}

/** The next version of an existing rubric as a draft; at most one draft per rubric is open at a time. */
async function nextDraftOf(trx: Trx, rubric: { id: number; name: string }, def: RubricDefinition): Promise<number> {
  const open = await openDraftOf(trx, rubric.id);
  if (open) throw new AppError('rubric_draft_exists', { name: rubric.name, version: open.version });
  const newest = await trx
    .selectFrom('rubric_version')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('rubric_id', '=', rubric.id)
    .executeTakeFirst();
  return insertDraftVersion(trx, rubric.id, (newest?.version ?? 0) + 1, def);
}

// ---------------------------------------------------------------------------------------------
// The editor's operations

export async function listRubrics(db: Db): Promise<RubricSummary[]> {
  const rubrics = await db.selectFrom('rubric').select(['id', 'key', 'name']).orderBy('id').execute();
  const versions = await db
    .selectFrom('rubric_version')
    .leftJoin('evaluation', 'evaluation.rubric_version_id', 'rubric_version.id')
    .select((eb) => [
      'rubric_version.id',
      'rubric_version.rubric_id',
      'rubric_version.version',
      'rubric_version.status',
      'rubric_version.created_at',
      'rubric_version.published_at',
      eb.fn.count<number>('evaluation.id').as('evaluations'),
    ])
    .groupBy('rubric_version.id')
    .orderBy('rubric_version.version', 'desc')
    .execute();
  return rubrics.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    versions: versions
      .filter((v) => v.rubric_id === r.id)
      .map((v) => ({
        id: v.id,
        version: v.version,
        status: v.status,
        createdAt: v.created_at,
        publishedAt: v.published_at,
        evaluations: Number(v.evaluations),
      })),
  }));
}

/** A new rubric with its first version as a draft. */
export async function createRubric(db: Db, def: RubricDefinition): Promise<RubricVersion> {
  const valid = assertValid(def);
  const id = await db.transaction().execute((trx) => newRubricWithDraft(trx, valid));
  return getRubricVersion(db, id);
}

/**
 * The audit entry of a publication. Drafts are not audited (nobody's work depends on them yet);
 * from publication on a version is what evaluations are scored with.
 */
async function recordPublication(trx: Trx, versionId: number, actorId: number | null, how: string): Promise<void> {
  const version = await loadVersionRow(trx, versionId);
  const state = (status: string) => ({ name: version.name, version: version.version, status });
  await recordAudit(trx, {
    entity: 'rubric',
    entityId: versionId,
    action: 'published',
    actorId,
    summary: `Formulier "${version.name}" versie ${version.version} gepubliceerd${how}`,
    before: state('draft'),
    after: state('published'),
  });
}

/** A new rubric published as version 1 at once, in one transaction: the shipped default rubric. */
export async function createPublishedRubric(db: Db, def: RubricDefinition, actorId: number | null = null): Promise<number> {
  const valid = assertValid(def);
  return db.transaction().execute(async (trx) => {
    const id = await newRubricWithDraft(trx, valid);
    await trx.updateTable('rubric_version').set({ status: 'published', published_at: nowIso() }).where('id', '=', id).execute();
    await recordPublication(trx, id, actorId, ' bij het aanmaken');
    return id;
  });
}

/**
 * Replaces a draft's content in one transaction. The name and key live on the rubric, so they
 * apply to all its versions; the key can only change while nothing of the rubric is published,
 * because other municipalities' imports find the rubric by it.
 */
export async function saveRubricDraft(db: Db, versionId: number, def: RubricDefinition, expectedRevision?: number): Promise<RubricVersion> {
  const valid = assertValid(def);
  await db.transaction().execute(async (trx) => {
    const version = await loadVersionRow(trx, versionId);
    if (version.status !== 'draft') throw new AppError('rubric_not_draft', { version: version.version, name: version.name });
    // First the guarded raise of the revision: it locks the draft, so a second editor's save waits
    // and then finds the revision moved on instead of overwriting the first one's work.
    const claimed = await trx
      .updateTable('rubric_version')
      .set((eb) => ({ revision: eb('revision', '+', 1) }))
      .where('id', '=', versionId)
      .where('status', '=', 'draft')
      .$if(expectedRevision !== undefined, (q) => q.where('revision', '=', expectedRevision!))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) {
      throw new AppError('edit_conflict', { what: `Het concept van "${version.name}" (versie ${version.version})`, at: 'zojuist' });
    }
    if (valid.key !== version.key) {
      const published = await trx
        .selectFrom('rubric_version')
        .select('id')
        .where('rubric_id', '=', version.rubric_id)
        .where('status', '=', 'published')
        .executeTakeFirst();
      if (published) {
        throw new AppError('rubric_invalid', {
          reason: `de sleutel van een gepubliceerd formulier blijft "${version.key}", zodat andere gemeenten het bij een import herkennen`,
        });
      }
      await assertKeyFree(trx, valid.key, version.rubric_id);
    }
    await trx.updateTable('rubric').set({ key: valid.key, name: valid.name }).where('id', '=', version.rubric_id).execute();
    await trx
      .updateTable('rubric_version')
      .set({ critical_zeroes_total: valid.criticalZeroesTotal ? 1 : 0 })
      .where('id', '=', versionId)
      .execute();
    await deleteContent(trx, versionId);
    await insertContent(trx, versionId, valid);
  });
  return getRubricVersion(db, versionId);
}

/** From here on the version never changes: evaluations scored with it stay explainable. */
export async function publishRubricVersion(db: Db, versionId: number, actorId: number | null = null): Promise<RubricVersion> {
  // Drafts are validated on save, but a draft made before a rule existed must not slip through.
  const problems = rubricProblems(normalize(await rubricDefinitionOf(db, versionId)));
  if (problems.length > 0) throw new AppError('rubric_invalid', { reason: summarize(problems) });
  await db.transaction().execute(async (trx) => {
    const version = await loadVersionRow(trx, versionId);
    if (version.status !== 'draft') throw new AppError('rubric_not_draft', { version: version.version, name: version.name });
    await trx
      .updateTable('rubric_version')
      .set({ status: 'published', published_at: nowIso() })
      .where('id', '=', versionId)
      .where('status', '=', 'draft')
      .execute();
    await recordPublication(trx, versionId, actorId, '');
  });
  return getRubricVersion(db, versionId);
}

/**
 * Copies the newest version into the next one as a draft. When a draft is already open this
 * refuses with rubric_draft_exists rather than handing it back: two authors must not silently
 * edit the same draft believing each started a fresh one. The renderer opens the existing draft.
 */
export async function newRubricDraft(db: Db, rubricId: number): Promise<RubricVersion> {
  const rubric = await db.selectFrom('rubric').select(['id', 'name']).where('id', '=', rubricId).executeTakeFirst();
  if (!rubric) throw notFound(`Beoordelingsformulier ${rubricId}`);
  const newest = await db
    .selectFrom('rubric_version')
    .select('id')
    .where('rubric_id', '=', rubricId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!newest) throw notFound(`Een versie van "${rubric.name}"`);
  const def = await rubricDefinitionOf(db, newest.id);
  const id = await db.transaction().execute((trx) => nextDraftOf(trx, rubric, def));
  return getRubricVersion(db, id);
}

/** Deletes a draft; a rubric whose only version was that draft goes with it. */
export async function discardRubricDraft(db: Db, versionId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const version = await loadVersionRow(trx, versionId);
    if (version.status !== 'draft') throw new AppError('rubric_not_draft', { version: version.version, name: version.name });
    await deleteContent(trx, versionId);
    await trx.deleteFrom('rubric_version').where('id', '=', versionId).execute();
    const remaining = await trx.selectFrom('rubric_version').select('id').where('rubric_id', '=', version.rubric_id).executeTakeFirst();
    if (!remaining) await trx.deleteFrom('rubric').where('id', '=', version.rubric_id).execute();
  });
}

export async function rubricDefinitionOf(db: Db, versionId: number): Promise<RubricDefinition> {
  const row = await loadVersionRow(db, versionId);
  const version = await getRubricVersion(db, versionId);
  return {
    key: row.key,
    name: version.name,
    criticalZeroesTotal: version.criticalZeroesTotal,
    sections: version.sections.map((s) => ({
      key: s.key,
      title: s.title,
      criteria: s.criteria.map((c) => ({
        key: c.key,
        title: c.title,
        description: c.description,
        type: c.type,
        ...(c.type === 'scale' ? { scaleMax: c.scaleMax } : {}),
        levels: c.type === 'scale' ? c.levels : [],
        weight: c.weight,
        required: c.required,
        allowNa: c.allowNa,
        criticalClass: c.criticalClass,
      })),
    })),
  };
}

const fileSafe = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'formulier';

export async function exportRubric(db: Db, versionId: number): Promise<{ fileName: string; json: string }> {
  const row = await loadVersionRow(db, versionId);
  const def = await rubricDefinitionOf(db, versionId);
  return {
    fileName: `${fileSafe(row.key)}-v${row.version}.json`,
    json: `${JSON.stringify({ klankbordRubric: rubricFileFormat, ...def }, null, 2)}\n`,
  };
}

// ---------------------------------------------------------------------------------------------
// Import

const fieldNames: Record<string, string> = {
  klankbordRubric: 'formaatversie',
  key: 'sleutel',
  name: 'naam',
  criticalZeroesTotal: 'kritieke fout zet totaal op 0',
  sections: 'onderdelen',
  title: 'titel',
  criteria: 'criteria',
  description: 'omschrijving',
  type: 'soort',
  scaleMax: 'hoogste niveau',
  levels: 'niveaus',
  weight: 'weging',
  required: 'verplicht',
  allowNa: 'n.v.t. toegestaan',
  criticalClass: 'kritieke klasse',
  value: 'waarde',
  label: 'naam',
  guidance: 'toelichting',
};

const typeNames: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  int: 'een geheel getal',
  boolean: 'true of false',
  array: 'een lijst',
  object: 'een object',
  null: 'null',
  undefined: 'leeg',
};

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const titleAt = (data: unknown, path: readonly PropertyKey[]): string => {
  const title = valueAt(data, [...path, 'title']);
  return typeof title === 'string' && title.trim() !== '' ? ` "${title.trim()}"` : '';
};

/** "onderdeel 2 "Privacy", criterium 1 "Controleert…", veld "weight" (weging)": where in the file. */
function describePath(data: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let field: string | null = null;
  for (let i = 0; i < path.length; i += 1) {
    const part = path[i];
    const next = path[i + 1];
    if ((part === 'sections' || part === 'criteria' || part === 'levels') && typeof next === 'number') {
      const here = path.slice(0, i + 2);
      if (part === 'sections') parts.push(`onderdeel ${next + 1}${titleAt(data, here)}`);
      else if (part === 'criteria') parts.push(`criterium ${next + 1}${titleAt(data, here)}`);
      else parts.push(`niveau ${next + 1}`);
      i += 1;
    } else if (typeof part === 'string') {
      field = part;
    }
  }
  if (field !== null) parts.push(`veld "${field}"${fieldNames[field] ? ` (${fieldNames[field]})` : ''}`);
  return parts.join(', ');
}

function describeProblem(issue: z.core.$ZodIssue, data: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const actual = valueAt(data, issue.path);
      if (actual === undefined) return 'ontbreekt';
      return `moet ${typeNames[issue.expected] ?? issue.expected} zijn, maar is ${typeNames[kindOf(actual)] ?? kindOf(actual)}`;
    }
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? 'mag niet leeg zijn' : `moet minstens ${issue.minimum} tekens hebben`;
      if (issue.origin === 'array')
        return `moet minstens ${issue.minimum} ${issue.path.at(-1) === 'sections' ? 'onderdeel' : 'criterium'} bevatten`;
      return issue.inclusive ? `moet minstens ${issue.minimum} zijn` : `moet groter dan ${issue.minimum} zijn`;
    case 'too_big':
      if (issue.origin === 'string') return `mag hoogstens ${issue.maximum} tekens hebben`;
      if (issue.origin === 'array') return `mag hoogstens ${issue.maximum} elementen bevatten`;
      return `mag hoogstens ${issue.maximum} zijn`;
    case 'invalid_value':
      return `moet een van ${issue.values.map((v) => JSON.stringify(v)).join(', ')} zijn`;
    default:
      return issue.message;
  }
}

const ownPhrase = new Set<string>(['invalid_type', 'too_small', 'too_big', 'invalid_value']);

function describeIssues(error: z.ZodError, data: unknown): string {
  return summarize(
    error.issues.map((issue) => {
      const where = describePath(data, issue.path);
      const problem = describeProblem(issue, data);
      if (!where) return problem;
      // Our own phrases continue the sentence ("veld "weight" moet…"); a rule's message follows a colon.
      return ownPhrase.has(issue.code) ? `${where} ${problem}` : `${where}: ${problem.charAt(0).toLowerCase()}${problem.slice(1)}`;
    }),
  );
}

/** Reads an exported rubric file; every way it can be wrong becomes one Dutch reason. */
export function parseRubricFile(fileName: string, text: string): RubricDefinition {
  const fail = (reason: string): never => {
    throw new AppError('rubric_file_invalid', { fileName, reason });
  };
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') fail('het bestand is leeg');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    fail('de inhoud is geen geldige JSON (misschien is het een ander soort bestand, of is het afgebroken)');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    fail('het bestand bevat geen formulier: verwacht een JSON-object met "key", "name" en "sections"');
  }
  const format = valueAt(data, ['klankbordRubric']);
  if (typeof format === 'number' && format > rubricFileFormat) {
    fail(`het is gemaakt met een nieuwere versie van Klankbord (formaat ${format}); werk Klankbord bij`);
  }
  const parsed = rubricFile.safeParse(data);
  if (!parsed.success) return fail(describeIssues(parsed.error, data));
  const { klankbordRubric: _format, ...definition } = parsed.data;
  const normalized = normalize(definition);
  const problems = rubricProblems(normalized);
  if (problems.length > 0) fail(summarize(problems));
  return normalized;
}

/**
 * A shared rubric becomes a draft to review before publishing: the next version of the rubric with
 * the same key (taking the file's name, as saving a draft would), or a new rubric.
 */
export async function importRubric(db: Db, fileName: string, text: string): Promise<RubricVersion> {
  const def = parseRubricFile(fileName, text);
  const id = await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('rubric').select(['id', 'name']).where('key', '=', def.key).executeTakeFirst();
    if (!existing) return newRubricWithDraft(trx, def);
    const draft = await nextDraftOf(trx, existing, def);
    await trx.updateTable('rubric').set({ name: def.name }).where('id', '=', existing.id).execute();
    return draft;
  });
  return getRubricVersion(db, id);
}

/** The score a filled-in form would get, with the one scoring implementation evaluations use. */
export async function previewScore(db: Db, versionId: number, answers: readonly Answer[]): Promise<ScoreResult> {
  const rubric = await getRubricVersion(db, versionId);
  const criteria = new Map(rubric.sections.flatMap((s) => s.criteria).map((c) => [c.id, c]));
  for (const answer of answers) {
    const criterion = criteria.get(answer.criterionId);
    if (!criterion) {
      throw new AppError('evaluation_answer_invalid', {
        criterion: String(answer.criterionId),
        reason: 'dit criterium hoort niet (meer) bij deze versie; vernieuw het voorbeeld',
      });
    }
    const problem = answerProblem(criterion, answer);
    if (problem) throw new AppError('evaluation_answer_invalid', { criterion: criterion.title, reason: problem });
  }
  return scoreEvaluation(rubric, answers);
}
