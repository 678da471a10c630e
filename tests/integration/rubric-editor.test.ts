import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer, RubricDefinition, RubricVersion } from '../../src-main/contract';
import { finalizeEvaluation, getEvaluation, saveDraft, startEvaluation } from '../../src-main/core/evaluations/evaluations';
import { AppError } from '../../src-main/core/errors';
import { getRubricAssignments, rubricVersionForTeam, setRubricAssignments } from '../../src-main/core/rubrics/assignments';
import {
  createRubric,
  discardRubricDraft,
  exportRubric,
  importRubric,
  listRubrics,
  newRubricDraft,
  previewScore,
  publishRubricVersion,
  rubricDefinitionOf,
  saveRubricDraft,
} from '../../src-main/core/rubrics/editor';
import { currentRubricVersionId, getRubricVersion } from '../../src-main/core/rubrics/rubrics';
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { createTempCore, type TempCore } from '../support/core';
import { scenarioAnswers, scenarioScorePct } from '../support/scoring-scenario';
import { insertRecording, insertStaff } from '../support/seed';

let t: TempCore;
let standard: RubricVersion;

beforeEach(async () => {
  t = await createTempCore();
  standard = await getRubricVersion(t.core.db, await currentRubricVersionId(t.core.db));
});
afterEach(() => t.cleanup());

/** The AppError a promise rejects with, so a test can assert its code and parameters. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const levels = (max: number) => Array.from({ length: max }, (_, i) => ({ value: i + 1, label: `Niveau ${i + 1}`, guidance: '' }));

function smallRubric(key = 'telefonie-basis'): RubricDefinition {
  return {
    key,
    name: 'Telefonie basis',
    criticalZeroesTotal: false,
    sections: [
      {
        key: 'opening',
        title: 'Opening',
        criteria: [
          {
            key: 'groet',
            title: 'Groet vriendelijk',
            description: '',
            type: 'yes_no',
            levels: [],
            weight: 1,
            required: true,
            allowNa: false,
            criticalClass: null,
          },
        ],
      },
    ],
  };
}

function answersFor(rubric: RubricVersion, pick: Record<string, number | 'na'>): Answer[] {
  return rubric.sections
    .flatMap((s) => s.criteria)
    .filter((c) => pick[c.key] !== undefined)
    .map((c) => {
      const v = pick[c.key];
      return v === 'na'
        ? { criterionId: c.id, value: null, na: true, note: '' }
        : { criterionId: c.id, value: v ?? null, na: false, note: '' };
    });
}

const criteriaRows = async (versionId: number) =>
  (await t.core.db.selectFrom('rubric_criterion').select('id').where('rubric_version_id', '=', versionId).execute()).length;

describe('drafts and publishing', () => {
  it('creates a rubric as draft v1, saves drafts whole, publishes, and refuses changes afterwards', async () => {
    const draft = await createRubric(t.core.db, smallRubric());
    expect(draft).toMatchObject({ version: 1, status: 'draft', name: 'Telefonie basis' });

    const def = smallRubric();
    def.name = 'Telefonie basis (2027)';
    def.criticalZeroesTotal = true;
    def.sections.push({
      key: 'afsluiting',
      title: 'Afsluiting',
      criteria: [
        {
          key: 'samenvatten',
          title: 'Vat de afspraken samen',
          description: 'Noemt wat er gebeurt en wanneer.',
          type: 'scale',
          scaleMax: 4,
          levels: levels(4),
          weight: 2,
          required: false,
          allowNa: true,
          criticalClass: 'business',
        },
      ],
    });
    const saved = await saveRubricDraft(t.core.db, draft.id, def);
    expect(saved.name).toBe('Telefonie basis (2027)');
    expect(saved.criticalZeroesTotal).toBe(true);
    expect(saved.sections.map((s) => s.key)).toEqual(['opening', 'afsluiting']);
    expect(saved.sections[1]?.criteria[0]).toMatchObject({
      type: 'scale',
      scaleMax: 4,
      weight: 2,
      required: false,
      criticalClass: 'business',
    });
    expect(await criteriaRows(draft.id)).toBe(2);
    expect(await rubricDefinitionOf(t.core.db, draft.id)).toEqual(def);

    const published = await publishRubricVersion(t.core.db, draft.id);
    expect(published.status).toBe('published');
    const summary = (await listRubrics(t.core.db)).find((r) => r.key === 'telefonie-basis');
    expect(summary?.versions).toEqual([expect.objectContaining({ id: draft.id, version: 1, status: 'published', evaluations: 0 })]);
    expect(summary?.versions[0]?.publishedAt).toEqual(expect.any(String));

    const refused = await failure(saveRubricDraft(t.core.db, draft.id, smallRubric()));
    expect(refused.code).toBe('rubric_not_draft');
    expect(refused.params).toMatchObject({ version: 1, name: 'Telefonie basis (2027)' });
    expect((await failure(publishRubricVersion(t.core.db, draft.id))).code).toBe('rubric_not_draft');
    expect((await failure(discardRubricDraft(t.core.db, draft.id))).code).toBe('rubric_not_draft');
    expect(await rubricDefinitionOf(t.core.db, draft.id)).toEqual(def);
  });

  it('refuses a key already in use with a clear message', async () => {
    const error = await failure(createRubric(t.core.db, smallRubric('kcc-standaard')));
    expect(error.code).toBe('rubric_key_in_use');
    expect(error.params).toMatchObject({ key: 'kcc-standaard', name: standard.name });
  });

  it('rejects invalid drafts naming the criterion, and leaves the saved draft as it was', async () => {
    const draft = await createRubric(t.core.db, smallRubric());

    const duplicate = smallRubric();
    duplicate.sections[0]?.criteria.push({ ...duplicate.sections[0].criteria[0]!, title: 'Noemt de gemeente' });
    const dup = await failure(saveRubricDraft(t.core.db, draft.id, duplicate));
    expect(dup.code).toBe('rubric_invalid');
    expect(String(dup.params.reason)).toContain(
      'criterium "Noemt de gemeente" heeft dezelfde sleutel "groet" als criterium "Groet vriendelijk"',
    );

    const gap = smallRubric();
    gap.sections[0]?.criteria.push({
      key: 'empathie',
      title: 'Toont empathie',
      description: '',
      type: 'scale',
      scaleMax: 3,
      levels: [levels(3)[0]!, levels(3)[2]!, { value: 3, label: 'Dubbel', guidance: '' }],
      weight: 1,
      required: true,
      allowNa: false,
      criticalClass: null,
    });
    const gapError = await failure(saveRubricDraft(t.core.db, draft.id, gap));
    expect(gapError.code).toBe('rubric_invalid');
    expect(String(gapError.params.reason)).toMatch(
      /criterium "Toont empathie": de schaal moet de niveaus 1 tot en met 3.*niveau 2 ontbreekt/,
    );

    const blankLabel = smallRubric();
    blankLabel.sections[0]?.criteria.push({
      key: 'helder',
      title: 'Spreekt helder',
      description: '',
      type: 'scale',
      scaleMax: 2,
      levels: [
        { value: 1, label: 'Nee', guidance: '' },
        { value: 2, label: '  ', guidance: '' },
      ],
      weight: 1,
      required: true,
      allowNa: false,
      criticalClass: null,
    });
    expect(String((await failure(saveRubricDraft(t.core.db, draft.id, blankLabel))).params.reason)).toContain(
      'criterium "Spreekt helder": niveau 2 heeft geen naam',
    );

    const sameSection = smallRubric();
    sameSection.sections.push({
      ...sameSection.sections[0]!,
      title: 'Begin',
      criteria: [{ ...sameSection.sections[0]!.criteria[0]!, key: 'groet-2' }],
    });
    expect(String((await failure(saveRubricDraft(t.core.db, draft.id, sameSection))).params.reason)).toContain(
      'onderdeel "Begin" heeft dezelfde sleutel "opening" als onderdeel "Opening"',
    );

    expect(await rubricDefinitionOf(t.core.db, draft.id)).toEqual(smallRubric());
    expect(await criteriaRows(draft.id)).toBe(1);
  });

  it('keeps a published key: other municipalities find the rubric by it', async () => {
    const draft = await newRubricDraft(t.core.db, standard.rubricId);
    const renamed = await rubricDefinitionOf(t.core.db, draft.id);
    renamed.key = 'iets-anders';
    expect((await failure(saveRubricDraft(t.core.db, draft.id, renamed))).code).toBe('rubric_invalid');

    const fresh = await createRubric(t.core.db, smallRubric());
    const saved = await saveRubricDraft(t.core.db, fresh.id, smallRubric('telefonie-nieuw'));
    expect(saved.id).toBe(fresh.id);
    expect((await listRubrics(t.core.db)).map((r) => r.key)).toContain('telefonie-nieuw');
    expect((await failure(saveRubricDraft(t.core.db, fresh.id, smallRubric('kcc-standaard')))).code).toBe('rubric_key_in_use');
  });
});

describe('versions', () => {
  it('copies the newest version into a draft v2, allows one draft at a time, and discards drafts only', async () => {
    const v2 = await newRubricDraft(t.core.db, standard.rubricId);
    expect(v2).toMatchObject({ rubricId: standard.rubricId, version: 2, status: 'draft' });
    expect(await rubricDefinitionOf(t.core.db, v2.id)).toEqual(await rubricDefinitionOf(t.core.db, standard.id));
    // A copy, not the same rows: editing the draft must never touch v1.
    const v1Ids = standard.sections.flatMap((s) => s.criteria.map((c) => c.id));
    expect(v2.sections.flatMap((s) => s.criteria.map((c) => c.id)).some((id) => v1Ids.includes(id))).toBe(false);

    const again = await failure(newRubricDraft(t.core.db, standard.rubricId));
    expect(again.code).toBe('rubric_draft_exists');
    expect(again.params).toMatchObject({ version: 2 });

    await discardRubricDraft(t.core.db, v2.id);
    expect((await listRubrics(t.core.db))[0]?.versions.map((v) => v.version)).toEqual([1]);
    expect(await getRubricVersion(t.core.db, standard.id)).toEqual(standard);
    expect((await newRubricDraft(t.core.db, standard.rubricId)).version).toBe(2);
  });

  it('discarding the only draft of a new rubric removes the rubric', async () => {
    const draft = await createRubric(t.core.db, smallRubric());
    await discardRubricDraft(t.core.db, draft.id);
    expect((await listRubrics(t.core.db)).map((r) => r.key)).toEqual(['kcc-standaard']);
    // The key is free again.
    expect((await createRubric(t.core.db, smallRubric())).version).toBe(1);
  });

  it('keeps an evaluation pinned to v1 with its score after v2 is published and assigned', async () => {
    const advisor = await insertStaff(t.core, 'advisor', 'Sanne de Vries');
    const coach = await insertStaff(t.core, 'coach', 'Karim Bouzid');
    const first = await startEvaluation(t.core.db, coach, await insertRecording(t.core, advisor));
    expect(first.rubricVersionId).toBe(standard.id);
    await saveDraft(t.core.db, coach, { id: first.id, tops: '', tips: '', answers: answersFor(standard, scenarioAnswers) });
    const final = await finalizeEvaluation(t.core.db, coach, first.id);
    expect(final.result.scorePct).toBeCloseTo(scenarioScorePct, 9);

    const draft = await newRubricDraft(t.core.db, standard.rubricId);
    const def = await rubricDefinitionOf(t.core.db, draft.id);
    const greeting = def.sections[0]!.criteria[0]!;
    greeting.weight = 5;
    greeting.title = 'Begroet de inwoner vriendelijk en noemt de gemeente';
    def.sections[0]!.criteria.push({ ...greeting, key: 'eigen-naam', title: 'Noemt de eigen naam', weight: 1 });
    await saveRubricDraft(t.core.db, draft.id, def);
    // A draft can never be chosen for new evaluations.
    expect((await failure(setRubricAssignments(t.core.db, { defaultVersionId: draft.id, teams: [] }))).code).toBe(
      'rubric_version_not_published',
    );
    const v2 = await publishRubricVersion(t.core.db, draft.id);
    await setRubricAssignments(t.core.db, { defaultVersionId: v2.id, teams: [] });

    const second = await startEvaluation(t.core.db, coach, await insertRecording(t.core, advisor));
    expect(second.rubricVersionId).toBe(v2.id);
    expect(second.rubricVersion).toBe(2);

    const reread = await getEvaluation(t.core.db, first.id);
    expect(reread).toMatchObject({ rubricVersionId: standard.id, rubricVersion: 1, status: 'final' });
    expect(reread.result.scorePct).toBeCloseTo(scenarioScorePct, 9);
    expect(reread.result.criteria.find((c) => c.criterionId === standard.sections[0]!.criteria[0]!.id)).toMatchObject({
      title: 'Begroet de inwoner vriendelijk',
      weight: 1,
    });
    const stored = await t.core.db.selectFrom('evaluation').select('score_pct').where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(stored.score_pct).toBeCloseTo(scenarioScorePct, 9);

    const versions = (await listRubrics(t.core.db))[0]?.versions;
    expect(versions?.map((v) => [v.version, v.status, v.evaluations])).toEqual([
      [2, 'published', 1],
      [1, 'published', 1],
    ]);
  });
});

describe('export and import', () => {
  it('round-trips: the same key becomes the next draft version, a new key a new rubric', async () => {
    const exported = await exportRubric(t.core.db, standard.id);
    expect(exported.fileName).toBe('kcc-standaard-v1.json');
    const parsed = JSON.parse(exported.json) as Record<string, unknown>;
    expect(parsed.klankbordRubric).toBe(1);
    expect(exported.json).toContain('\n  "sections": [');

    const imported = await importRubric(t.core.db, exported.fileName, exported.json);
    expect(imported).toMatchObject({ rubricId: standard.rubricId, version: 2, status: 'draft' });
    expect(await rubricDefinitionOf(t.core.db, imported.id)).toEqual(await rubricDefinitionOf(t.core.db, standard.id));

    const open = await failure(importRubric(t.core.db, exported.fileName, exported.json));
    expect(open.code).toBe('rubric_draft_exists');

    const other = JSON.stringify({ ...parsed, key: 'gemeente-zuid', name: 'Formulier Gemeente Zuid' });
    const fresh = await importRubric(t.core.db, 'gemeente-zuid.json', other);
    expect(fresh).toMatchObject({ version: 1, status: 'draft', name: 'Formulier Gemeente Zuid' });
    expect(fresh.rubricId).not.toBe(standard.rubricId);
    expect((await listRubrics(t.core.db)).map((r) => r.key)).toEqual(['kcc-standaard', 'gemeente-zuid']);

    // The shipped file has no format marker; hand-written files like it are accepted too.
    const plain: Record<string, unknown> = { ...parsed, key: 'zonder-marker' };
    delete plain.klankbordRubric;
    expect((await importRubric(t.core.db, 'zonder-marker.json', JSON.stringify(plain))).version).toBe(1);
  });

  it('gives invalid files a readable Dutch reason', async () => {
    const reasonFor = async (text: string) => {
      const error = await failure(importRubric(t.core.db, 'formulier.json', text));
      expect(error.code).toBe('rubric_file_invalid');
      expect(error.params.fileName).toBe('formulier.json');
      return String(error.params.reason);
    };
    const base = JSON.parse((await exportRubric(t.core.db, standard.id)).json) as RubricDefinition;
    const variant = (change: (def: RubricDefinition) => void) => {
      const copy = structuredClone(base);
      change(copy);
      return JSON.stringify({ ...copy, key: 'variant' });
    };

    expect(await reasonFor('Naam;Team\nSanne;KCC Noord')).toContain('geen geldige JSON');
    expect(await reasonFor('')).toContain('leeg');
    expect(await reasonFor('[1, 2]')).toContain('verwacht een JSON-object met "key", "name" en "sections"');
    expect(await reasonFor('{"titel": "Formulier"}')).toMatch(/veld "key" \(sleutel\) ontbreekt.*veld "name" \(naam\) ontbreekt/);
    expect(
      await reasonFor(
        variant((d) => {
          const c = d.sections[2]!.criteria[0]!;
          c.levels = [];
        }),
      ),
    ).toBe(
      'onderdeel 3 "Vraagverheldering", criterium 1 "Stelt open vragen om de vraag helder te krijgen": een schaalcriterium heeft voor elk niveau een omschrijving nodig',
    );
    expect(
      await reasonFor(
        variant((d) => {
          (d.sections[0]!.criteria[0] as unknown as Record<string, unknown>).weight = 'zwaar';
        }),
      ),
    ).toBe(
      'onderdeel 1 "Opening", criterium 1 "Begroet de inwoner vriendelijk", veld "weight" (weging) moet een getal zijn, maar is tekst',
    );
    expect(
      await reasonFor(
        variant((d) => {
          (d.sections[1]!.criteria[1] as unknown as Record<string, unknown>).criticalClass = 'privacy';
        }),
      ),
    ).toContain(
      'criterium 2 "Deelt geen informatie over derden", veld "criticalClass" (kritieke klasse) moet een van "customer", "business", "compliance" zijn',
    );
    expect(await reasonFor(variant((d) => d.sections[0]!.criteria.push({ ...d.sections[1]!.criteria[0]! })))).toContain(
      'heeft dezelfde sleutel "identiteit"',
    );
    expect(await reasonFor(JSON.stringify({ ...base, klankbordRubric: 2 }))).toContain('nieuwere versie van Klankbord');
    // Nothing was written by any failed import.
    expect((await listRubrics(t.core.db)).map((r) => r.versions.length)).toEqual([1]);
  });

  it('speaks the catalogue message through dispatch', async () => {
    const dispatcher = createDispatcher(t.core, () => undefined);
    const result = await dispatcher.dispatch('rubrics.import', { fileName: 'rooster.csv', text: 'Naam;Team' });
    expect(result).toMatchObject({ ok: false, error: { code: 'rubric_file_invalid' } });
    if (result.ok) throw new Error('expected a failure');
    expect(result.error.message).toMatch(/^"rooster.csv" is geen geldig Klankbord-beoordelingsformulier: de inhoud is geen geldige JSON/);
  });
});

describe('preview', () => {
  it('scores n.v.t. and a failed critical criterion like an evaluation would', async () => {
    const answers = answersFor(standard, { ...scenarioAnswers, identiteit: 'na', derden: 0 });
    const result = await previewScore(t.core.db, standard.id, answers);
    const identity = standard.sections[1]!.criteria[0]!;
    const thirdParties = standard.sections[1]!.criteria[1]!;
    expect(result.criteria.find((c) => c.criterionId === identity.id)).toMatchObject({ counted: false, achieved: null });
    expect(result.criteria.find((c) => c.criterionId === thirdParties.id)).toMatchObject({
      counted: true,
      achieved: 0,
      criticalFailed: true,
    });
    expect(result.critical).toEqual({ customer: false, business: false, compliance: true });
    expect(result.hasCriticalError).toBe(true);
    expect(result.zeroedByCritical).toBe(false);
    // The scenario (27.75 / 35) with identiteit n.v.t. (leaves both sums: −3 / −3) and derden failed (−3 / 0): 21.75 / 32.
    expect(result.achieved).toBeCloseTo(21.75, 9);
    expect(result.maximum).toBeCloseTo(32, 9);
    expect(result.scorePct).toBeCloseTo((21.75 / 32) * 100, 9);
  });

  it('works on drafts, zeroes the total when the draft says so, and validates answers', async () => {
    const draft = await newRubricDraft(t.core.db, standard.rubricId);
    const def = await rubricDefinitionOf(t.core.db, draft.id);
    def.criticalZeroesTotal = true;
    const saved = await saveRubricDraft(t.core.db, draft.id, def);
    const result = await previewScore(t.core.db, saved.id, answersFor(saved, { ...scenarioAnswers, derden: 0 }));
    expect(result).toMatchObject({ hasCriticalError: true, zeroedByCritical: true, scorePct: 0 });

    const notAllowed = await failure(previewScore(t.core.db, saved.id, answersFor(saved, { derden: 'na' })));
    expect(notAllowed.code).toBe('evaluation_answer_invalid');
    expect(notAllowed.params).toMatchObject({
      criterion: 'Deelt geen informatie over derden',
      reason: 'n.v.t. is bij dit criterium niet toegestaan',
    });
    // Answers of another version do not belong to this one.
    expect((await failure(previewScore(t.core.db, saved.id, answersFor(standard, { begroeting: 1 })))).code).toBe(
      'evaluation_answer_invalid',
    );
  });
});

describe('assignments', () => {
  it('pins new evaluations to the team version, else the default, else the newest published version', async () => {
    const coach = await insertStaff(t.core, 'coach', 'Karim Bouzid');
    const north = await insertStaff(t.core, 'advisor', 'Sanne de Vries');
    const south = await insertStaff(t.core, 'advisor', 'Bram Jansen');
    await t.core.db.updateTable('staff').set({ team: 'KCC Zuid' }).where('id', '=', south).execute();

    const v2 = await publishRubricVersion(t.core.db, (await newRubricDraft(t.core.db, standard.rubricId)).id);
    // No settings: the newest published version of the first rubric.
    expect((await startEvaluation(t.core.db, coach, await insertRecording(t.core, north))).rubricVersionId).toBe(v2.id);

    const stored = await setRubricAssignments(t.core.db, {
      defaultVersionId: standard.id,
      teams: [
        { team: 'KCC Zuid', versionId: v2.id },
        { team: 'KCC Zuid', versionId: v2.id },
      ],
    });
    expect(stored.teams).toEqual([{ team: 'KCC Zuid', versionId: v2.id }]);
    expect(await getRubricAssignments(t.core.db)).toEqual(stored);
    expect((await startEvaluation(t.core.db, coach, await insertRecording(t.core, south))).rubricVersionId).toBe(v2.id);
    expect((await startEvaluation(t.core.db, coach, await insertRecording(t.core, north))).rubricVersionId).toBe(standard.id);
    expect(await rubricVersionForTeam(t.core.db, 'KCC West')).toBe(standard.id);

    const draft = await createRubric(t.core.db, smallRubric());
    const refused = await failure(
      setRubricAssignments(t.core.db, { defaultVersionId: null, teams: [{ team: 'KCC Zuid', versionId: draft.id }] }),
    );
    expect(refused.code).toBe('rubric_version_not_published');
    expect(await getRubricAssignments(t.core.db)).toEqual(stored);
  });
});
