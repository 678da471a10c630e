import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { StaffMember } from '../../src-main/contract';
import { checkScreen, expect, test } from './fixtures';
import { addStaff, createFirstProfile, goTo, importCall, ipc, scoreCall } from './seed';

test.use({ now: '2026-11-23T10:00:00' });

/** Two advisors of one coach, each with a finished evaluation, a note and a feedback session for Sanne. */
async function seed(page: Page): Promise<{ sanne: StaffMember; noor: StaffMember; evaluationId: number }> {
  await createFirstProfile(page, 'Karim Bouzid', '9001');
  const sanne = await addStaff(page, { name: 'Sanne de Vries', employeeNumber: '1043', startDate: '2024-02-01' });
  const noor = await addStaff(page, { name: 'Noor Yilmaz', employeeNumber: '2087' });
  const call = await importCall(page, sanne.id, '2026-11-03T09:35:00', 'burgerzaken');
  const evaluation = await scoreCall(
    page,
    call,
    'top',
    'Sanne opent vriendelijk met naam en gemeente.',
    'Vat de vraag samen voordat je antwoordt.',
  );
  await ipc(page, 'markers.add', {
    recordingId: call,
    evaluationId: evaluation.id,
    atSeconds: 1,
    text: 'Mevrouw De Vries controleert de identiteit <b>zorgvuldig</b>.',
  });
  await scoreCall(
    page,
    await importCall(page, sanne.id, '2026-11-10T14:05:00', 'afval'),
    'low',
    'Blijft rustig.',
    'Kondig doorverbinden aan.',
  );
  await scoreCall(page, await importCall(page, noor.id, '2026-11-04T11:00:00', 'parkeren'), 'top', 'Noor-specifiek: warme afsluiting.', '');
  await ipc(page, 'feedback.record', {
    advisorId: sanne.id,
    heldOn: '2026-11-23',
    evaluationIds: [evaluation.id],
    tops: '• Vriendelijke opening',
    tips: '• Vat samen',
    reaction: 'Sanne herkent het samenvatten.',
    agreement: 'agreed',
    disagreementComment: '',
    actionPoints: [{ description: 'Vat de vraag samen voordat je antwoordt', criterionId: null, dueDate: '2026-12-18' }],
    followUps: [],
  });
  return { sanne, noor, evaluationId: evaluation.id };
}

test('an access request downloads everything about the advisor as a readable file', async ({ page }) => {
  const { sanne } = await seed(page);
  await goTo(page, 'Medewerkers');
  await page.getByRole('link', { name: 'Sanne de Vries' }).click();
  const panel = page.getByTestId('privacy-panel');
  await expect(panel.getByRole('heading', { name: 'Privacy (AVG)' })).toBeVisible();
  // Still employed: anonymising is not possible yet, and the panel says why.
  await expect(panel.getByTestId('privacy-anonymise')).toBeDisabled();
  await expect(panel.getByTestId('privacy-anonymise-help')).toHaveText(
    'Anonimiseren kan pas als de status "Uit dienst" is. Wijzig eerst de medewerker.',
  );
  await panel.scrollIntoViewIfNeeded();
  await checkScreen(page, 'privacy-01-adviseurspagina');

  const htmlDownload = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Inzageverzoek exporteren' }).click();
  const file = await htmlDownload;
  expect(file.suggestedFilename()).toBe('inzage-sanne-de-vries-2026-11-23.html');
  const html = await readFile(await file.path(), 'utf8');
  expect(html).toContain('Inzage persoonsgegevens: Sanne de Vries');
  expect(html).toContain('Sanne opent vriendelijk met naam en gemeente.');
  expect(html).toContain('Sanne herkent het samenvatten.');
  expect(html).toContain('Vat de vraag samen voordat je antwoordt');
  expect(html).toContain('Mevrouw De Vries controleert de identiteit &lt;b&gt;zorgvuldig&lt;/b&gt;.');
  expect(html).not.toContain('Noor Yilmaz');
  expect(html).not.toContain('warme afsluiting');
  await expect(page.getByText('"inzage-sanne-de-vries-2026-11-23.html" is gedownload.')).toBeVisible();

  // The same content as JSON, from the same export.
  const jsonDownload = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Ook als JSON downloaden' }).click();
  const jsonFile = await jsonDownload;
  expect(jsonFile.suggestedFilename()).toBe('inzage-sanne-de-vries-2026-11-23.json');
  const json = JSON.parse(await readFile(await jsonFile.path(), 'utf8')) as {
    person: { id: number };
    evaluations: unknown[];
    actionPoints: unknown[];
  };
  expect(json.person.id).toBe(sanne.id);
  expect(json.evaluations).toHaveLength(2);
  expect(json.actionPoints).toHaveLength(1);

  // The document as the person receiving it sees it: readable and accessible on its own.
  const doc = await page.context().newPage();
  await doc.setContent(html);
  await expect(doc.getByRole('heading', { name: 'Inzage persoonsgegevens: Sanne de Vries', level: 1 })).toBeVisible();
  await checkScreen(doc, 'privacy-02-inzagedocument');
  await doc.close();
});

test('a coach anonymises an advisor who left, through the modal', async ({ page }) => {
  const { sanne } = await seed(page);
  await ipc(page, 'staff.update', {
    id: sanne.id,
    name: sanne.name,
    employeeNumber: sanne.employeeNumber,
    team: sanne.team,
    role: sanne.role,
    startDate: sanne.startDate,
    status: 'left',
  });
  await goTo(page, 'Medewerkers');
  await page.getByLabel('Toon uit dienst').check();
  await page.getByRole('link', { name: 'Sanne de Vries' }).click();
  const panel = page.getByTestId('privacy-panel');
  await expect(panel.getByTestId('privacy-anonymise-help')).toHaveText(
    'Vervangt naam en personeelsnummer; beoordelingen en teamcijfers blijven bestaan.',
  );
  await panel.getByTestId('privacy-anonymise').click();

  const modal = page.getByRole('dialog', { name: 'Medewerker anonimiseren' });
  await expect(modal.getByText('Dit kan niet ongedaan worden gemaakt')).toBeVisible();
  await expect(modal.getByTestId('anonymise-counts')).toContainText('Beoordelingen2');
  await expect(modal.getByTestId('anonymise-counts')).toContainText('Feedbackgesprekken1');
  // Tops of one evaluation (and its stored versions), the note, the reaction, and nothing else.
  const clear = modal.getByRole('checkbox', { name: /Ook vrije tekst wissen waarin de naam voorkomt \(\d+ velden\)/ });
  await expect(clear).toBeChecked();
  await expect(modal.getByTestId('anonymise-mentions')).toContainText('Tops en tips van beoordelingen: 1');
  await expect(modal.getByTestId('anonymise-mentions')).toContainText('Notities bij gesprekken: 1');
  await expect(modal.getByTestId('anonymise-mentions')).toContainText('Feedbackgesprekken: 1');
  const submit = modal.getByRole('button', { name: 'Definitief anonimiseren' });
  await expect(submit).toBeDisabled();
  const confirm = modal.getByLabel('Typ de naam "Sanne de Vries" om te bevestigen');
  await confirm.fill('Sanne de Vrie');
  await confirm.blur();
  await expect(modal.getByText('De naam komt nog niet overeen.')).toBeVisible();
  await expect(submit).toBeDisabled();
  await confirm.fill('sanne de vries');
  await expect(submit).toBeEnabled();
  await checkScreen(page, 'privacy-03-anonimiseren');

  await submit.click();
  const done = page.getByRole('dialog', { name: 'Geanonimiseerd' });
  await expect(done.getByTestId('anonymise-result')).toContainText(
    `Sanne de Vries heet in Klankbord nu "Oud-medewerker ${sanne.id}" met personeelsnummer ANON-${sanne.id}.`,
  );
  await expect(done.getByTestId('anonymise-result')).toContainText(/\d+ tekstvelden met de naam zijn gewist\./);
  await checkScreen(page, 'privacy-04-geanonimiseerd');
  await done.getByRole('button', { name: 'Sluiten' }).last().click();

  // The page now shows the anonymised person; evaluations and scores stay.
  await expect(page.getByRole('heading', { name: `Oud-medewerker ${sanne.id}`, level: 1 })).toBeVisible();
  await expect(page.getByTestId('advisor-details')).toContainText(`ANON-${sanne.id}`);
  await expect(page.getByTestId('evaluation-row')).toHaveCount(2);
  await expect(panel.getByTestId('privacy-anonymised')).toHaveText(
    'Geanonimiseerd op 23 nov. 2026. Naam en personeelsnummer zijn vervangen.',
  );
  await expect(panel.getByTestId('privacy-anonymise')).toBeDisabled();
  await expect(page.getByText('Sanne de Vries')).toHaveCount(0);
  await checkScreen(page, 'privacy-05-na-anonimiseren');

  // The evaluation no longer names her, and the feedback reaction that did is cleared.
  const evaluations = await ipc(page, 'evaluations.listForAdvisor', { advisorId: sanne.id });
  const first = await ipc(page, 'evaluations.get', { id: evaluations.find((e) => e.scorePct === 100)!.id });
  expect(first.tops).toBe('');
  expect(first.tips).toBe('Vat de vraag samen voordat je antwoordt.');
});
