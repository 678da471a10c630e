import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { checkScreen, expect, test } from './fixtures';
import { addStaff, createFirstProfile, importCall, ipc, scoreCall } from './seed';

/** Picks a file through the "Importeren" button, as an author does. */
async function importFile(page: Page, name: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Importeren' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
}

test('an author publishes version 2 of the default rubric while an earlier evaluation keeps version 1', async ({ page }) => {
  await createFirstProfile(page, 'Karim Bouzid', '9001');
  const advisor = await addStaff(page, { name: 'Sanne de Vries', employeeNumber: '1043' });
  const earlier = await scoreCall(page, await importCall(page, advisor.id, '2026-11-03T09:35:12'), 'top');
  expect(earlier).toMatchObject({ rubricVersion: 1, status: 'final' });
  expect(earlier.result.scorePct).toBe(100);

  // The list: the shipped rubric, version 1, with the evaluation pinned to it.
  await page.getByRole('link', { name: 'Formulieren' }).click();
  await expect(page.getByRole('heading', { name: 'Beoordelingsformulieren' })).toBeVisible();
  const card = page.getByTestId('rubric-kcc-standaard');
  await expect(card.getByTestId('version-row-1')).toContainText('Gepubliceerd');
  await expect(card.getByTestId('version-row-1')).toContainText('1 beoordeling');
  await expect(page.getByTestId('rubric-assignments')).toContainText('Welk formulier gebruiken nieuwe beoordelingen?');
  await checkScreen(page, 'rubrics-01-lijst');

  // Version 1 is read-only; editing starts version 2 as a draft.
  await card.getByTestId('version-row-1').getByRole('button', { name: 'Openen' }).click();
  await expect(page.getByTestId('rubric-status')).toHaveText('Gepubliceerd');
  await expect(page.getByTestId('rubric-view')).toContainText('Begroet de inwoner vriendelijk');
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await page.getByTestId('new-version').click();
  await expect(page.getByTestId('rubric-status')).toHaveText('Concept');
  await expect(page.getByText('Versie 2 · aangemaakt')).toBeVisible();

  // Change a criterion and add one; its key is derived from the title.
  const greeting = page.getByTestId('criterion-editor-0-0');
  // Saved criteria are folded into an outline; unfold the one to change.
  await expect(greeting.getByTestId('criterion-title')).toBeHidden();
  await greeting.getByTestId('criterion-toggle').click();
  await greeting.getByTestId('criterion-title').fill('Begroet de inwoner vriendelijk en noemt de gemeente');
  await greeting.getByTestId('criterion-weight').fill('2');
  await expect(page.getByTestId('form-state')).toContainText('Niet-opgeslagen wijzigingen');
  await expect(page.getByTestId('publish')).toBeDisabled();
  await page.getByTestId('add-criterion-0').click();
  const added = page.getByTestId('criterion-editor-0-2');
  await added.getByTestId('criterion-title').fill('Noemt de eigen naam');
  await page.getByTestId('save-draft').click();
  await expect(page.getByTestId('form-state')).toHaveText('Alles opgeslagen');
  await expect(added.getByTestId('criterion-toggle')).toContainText('Criterium 1.3: Noemt de eigen naam');
  await added.getByTestId('criterion-toggle').click();
  await expect(added.getByLabel('Sleutel')).toHaveValue('noemt-de-eigen-naam');
  await checkScreen(page, 'rubrics-02-concept-bewerken');

  // A blank title is caught before saving, in Dutch.
  await added.getByTestId('criterion-title').fill('');
  await page.getByTestId('save-draft').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Niet opgeslagen' })).toBeVisible();
  await expect(added.getByText('Vul dit in.')).toBeVisible();
  await page.getByRole('button', { name: 'Wijzigingen terugdraaien' }).click();
  await expect(added.getByTestId('criterion-toggle')).toContainText('Criterium 1.3: Noemt de eigen naam');
  await expect(page.getByTestId('form-state')).toHaveText('Alles opgeslagen');

  // Preview: everything right except opname-melding n.v.t. and derden failed (compliance-critical).
  // max = 36 (v1) + 1 (greeting weight 1 → 2) + 1 (new) − 1 (n.v.t.) = 37; achieved = 37 − 3 = 34 → 91,9%.
  await page.getByTestId('preview-tab').click();
  await expect(page.getByTestId('preview-score')).toHaveText('—');
  const form = page.getByTestId('preview-form');
  const criteria = await form
    .locator('[data-testid^="criterion-"]')
    .evaluateAll((nodes) => nodes.map((n) => (n.getAttribute('data-testid') ?? '').replace(/^criterion-/, '')));
  expect(criteria).toHaveLength(19);
  for (const key of criteria) {
    const field = form.getByTestId(`criterion-${key}`);
    const best = (await field.getByRole('radio', { name: 'Ja', exact: true }).count()) > 0 ? 'Ja' : '5';
    const label = key === 'opname-melding' ? 'n.v.t.' : key === 'derden' ? 'Nee' : best;
    await field.getByRole('radio', { name: label, exact: true }).check();
  }
  await expect(page.getByTestId('preview-score')).toHaveText('91,9%');
  await expect(page.getByTestId('preview-result')).toContainText('34 / 37');
  await expect(page.getByTestId('preview-critical-class')).toHaveText('Compliancekritisch');
  await expect(page.getByTestId('preview-not-zeroed')).toBeVisible();
  await expect(page.getByTestId('preview-row-opname-melding')).toContainText('telt niet mee');
  await expect(page.getByTestId('preview-row-derden')).toContainText('Kritieke fout');
  await expect(page.getByTestId('preview-row-begroeting')).toContainText('2 / 2');
  await checkScreen(page, 'rubrics-03-voorbeeld');

  // Publish version 2: from now on it is fixed.
  await page.getByTestId('publish').click();
  await expect(page.getByRole('dialog')).toContainText('niet meer wijzigen');
  await page.getByTestId('confirm-publish').click();
  await expect(page.getByTestId('rubric-status')).toHaveText('Gepubliceerd');
  await expect(page.getByText('Deze versie is gepubliceerd en ligt vast')).toBeVisible();
  await expect(page.getByTestId('rubric-view')).toContainText('Noemt de eigen naam');
  await checkScreen(page, 'rubrics-04-gepubliceerd');

  // Export downloads the version as JSON.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporteren' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('kcc-standaard-v2.json');
  const exported = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
    klankbordRubric: number;
    sections: Array<{ criteria: Array<{ key: string; weight: number }> }>;
  };
  expect(exported.klankbordRubric).toBe(1);
  expect(exported.sections[0]?.criteria.map((c) => [c.key, c.weight])).toEqual([
    ['begroeting', 2],
    ['opname-melding', 1],
    ['noemt-de-eigen-naam', 1],
  ]);

  // The earlier evaluation still shows version 1 and its score.
  await page.goto(`${new URL(page.url()).origin}/#/evaluations/${earlier.id}`);
  await expect(page.getByTestId('final-score')).toHaveText('100,0%');
  await expect(page.getByText('Beoordelingsformulier KCC — standaard, versie 1')).toBeVisible();
  expect((await ipc(page, 'evaluations.get', { id: earlier.id })).rubricVersion).toBe(1);

  // New evaluations use the newest published version; the list shows both.
  const later = await ipc(page, 'evaluations.start', { recordingId: await importCall(page, advisor.id, '2026-11-05T10:02:00') });
  expect(later.rubricVersion).toBe(2);
  await page.getByRole('link', { name: 'Formulieren' }).click();
  await expect(card.getByTestId('version-row-2')).toContainText('Gepubliceerd');
  await expect(card.getByTestId('version-row-2')).toContainText('1 beoordeling');
  await expect(card.getByTestId('version-row-1')).toContainText('1 beoordeling');
});

test('imports: an invalid file gets a Dutch reason, a shared rubric becomes a draft, teams choose a version', async ({ page }) => {
  await createFirstProfile(page, 'Karim Bouzid', '9001');
  const south = await addStaff(page, { name: 'Bram Jansen', employeeNumber: '2001', team: 'KCC Zuid' });
  await page.getByRole('link', { name: 'Formulieren' }).click();

  await importFile(page, 'rooster.json', 'Naam;Team\nSanne;KCC Noord');
  const error = page.getByRole('alert').filter({ hasText: 'Importeren mislukt' });
  await expect(error).toContainText('"rooster.json" is geen geldig Klankbord-beoordelingsformulier: de inhoud is geen geldige JSON');

  const shipped = JSON.parse(readFileSync('resources/rubrics/kcc-standaard.json', 'utf8')) as {
    key: string;
    name: string;
    sections: Array<{ criteria: Array<Record<string, unknown>> }>;
  };
  const broken = structuredClone(shipped);
  broken.key = 'gemeente-zuid';
  delete broken.sections[2]?.criteria[0]?.levels;
  await importFile(page, 'gemeente-zuid.json', JSON.stringify(broken));
  await expect(error).toContainText(
    'onderdeel 3 "Vraagverheldering", criterium 1 "Stelt open vragen om de vraag helder te krijgen": een schaalcriterium heeft voor elk niveau een omschrijving nodig',
  );
  await checkScreen(page, 'rubrics-05-import-fout');

  await importFile(page, 'gemeente-zuid.json', JSON.stringify({ ...shipped, key: 'gemeente-zuid', name: 'Formulier Gemeente Zuid' }));
  await expect(page.getByTestId('rubric-status')).toHaveText('Concept');
  await expect(page.getByRole('heading', { name: 'Formulier Gemeente Zuid' })).toBeVisible();
  await expect(page.getByText('Versie 1 · aangemaakt')).toBeVisible();

  // Publish it from the list, then let team KCC Zuid use it.
  await page.getByRole('link', { name: 'Alle formulieren' }).click();
  const card = page.getByTestId('rubric-gemeente-zuid');
  await card.getByTestId('version-row-1').getByRole('button', { name: 'Publiceren' }).click();
  await page.getByTestId('confirm-publish').click();
  await expect(card.getByTestId('version-row-1').getByTestId('version-status')).toHaveText('Gepubliceerd');

  await page.getByRole('combobox', { name: 'Formulier voor team KCC Zuid' }).click();
  await page.getByRole('option', { name: 'Formulier Gemeente Zuid — versie 1' }).click();
  await page.getByTestId('save-assignments').click();
  await expect(page.getByText('De keuze voor nieuwe beoordelingen is opgeslagen.')).toBeVisible();
  const assignments = await ipc(page, 'rubrics.assignments', {});
  expect(assignments.teams).toEqual([{ team: 'KCC Zuid', versionId: expect.any(Number) }]);
  const started = await ipc(page, 'evaluations.start', { recordingId: await importCall(page, south.id, '2026-11-04T11:00:00') });
  expect(started.rubricName).toBe('Formulier Gemeente Zuid');

  // A draft can be discarded; the published version stays.
  await card.getByRole('button', { name: 'Nieuwe versie bewerken' }).click();
  await expect(page.getByText('Versie 2 · aangemaakt')).toBeVisible();
  await page.getByTestId('discard-draft').click();
  await page.getByTestId('confirm-discard').click();
  await expect(page.getByRole('heading', { name: 'Beoordelingsformulieren' })).toBeVisible();
  await expect(card.getByTestId('versions-table').getByRole('row')).toHaveCount(2);
});
