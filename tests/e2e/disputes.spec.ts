import type { Page } from '@playwright/test';
import type { Answer, RubricVersion } from '../../src-main/contract';
import { checkScreen, expect, test } from './fixtures';
import { addStaff, createFirstProfile, importCall, ipc, scoreCall, switchProfile } from './seed';

const open = (page: Page, path: string) => page.goto(`${new URL(page.url()).origin}/#${path}`);

/** A raw call that may fail, to see the refusal itself. */
async function ipcResult(page: Page, channel: string, data: unknown): Promise<{ ok: boolean; error?: { code: string } }> {
  const res = await page.request.post(`${new URL(page.url()).origin}/ipc/${channel}`, { data });
  return (await res.json()) as { ok: boolean; error?: { code: string } };
}

test('a disputed evaluation gets a blind second opinion that replaces it, and both stay readable with their history', async ({ page }) => {
  // Three profiles and two scorings: on a busy machine with two workers this takes about a minute.
  test.setTimeout(180_000);
  await createFirstProfile(page, 'Karim Bouzid', '9001');
  const coachA = (await ipc(page, 'session.get', {})).profile?.id;
  if (coachA === undefined) throw new Error('no profile');
  const coachB = await addStaff(page, { name: 'Ellen Jansen', employeeNumber: '9002', role: 'coach' });
  const advisor = await addStaff(page, { name: 'Sanne de Vries', employeeNumber: '1043' });
  const recordingId = await importCall(page, advisor.id, '2026-11-03T09:35:12');
  const original = await scoreCall(page, recordingId, 'low', '', 'Controleer de identiteit voordat je gegevens deelt.');

  // Coach A records the advisor's dispute on the evaluation page and asks coach B.
  await open(page, `/evaluations/${original.id}`);
  await expect(page.getByTestId('rubric-version')).toHaveText(`Formulier: ${original.rubricName}, versie ${original.rubricVersion}`);
  await expect(page.getByTestId('evaluation-status')).toHaveText('Definitief');
  const originalScore = (await page.getByTestId('final-score').textContent()) ?? '';
  await page.getByTestId('raise-dispute').click();
  const dialog = page.getByRole('dialog', { name: 'Bezwaar vastleggen' });
  await dialog.getByTestId('dispute-confirm').click();
  await expect(dialog.getByText('Geef de reden van het bezwaar op.')).toBeVisible();
  await dialog.getByLabel('Reden van het bezwaar').fill('De adviseur heeft de identiteit wel gecontroleerd (op 0:01).');
  await dialog.getByRole('combobox', { name: 'Coach voor de second opinion' }).click();
  // The evaluation's own coach is not offered.
  await expect(dialog.getByRole('option', { name: 'Karim Bouzid' })).toHaveCount(0);
  await dialog.getByRole('option', { name: 'Ellen Jansen' }).click();
  await checkScreen(page, 'disputes-01-bezwaar-vastleggen');
  await dialog.getByTestId('dispute-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('evaluation-status')).toHaveText('Betwist');
  const panel = page.getByTestId('dispute-panel');
  await expect(panel.getByTestId('dispute-reason')).toHaveText('De adviseur heeft de identiteit wel gecontroleerd (op 0:01).');
  await expect(panel.getByTestId('second-status')).toHaveText('Nog niet gestart');
  await expect(panel).toContainText('Second opinion door Ellen Jansen');
  await expect(panel).toContainText('verborgen tot de second opinion is afgerond');
  await expect(page.getByTestId('raise-dispute')).toHaveCount(0);
  await checkScreen(page, 'disputes-02-beoordeling-met-bezwaar');

  // Coach B finds it under Bezwaren and starts the blind second opinion.
  await switchProfile(page, coachB.id);
  await page.getByRole('link', { name: 'Bezwaren' }).click();
  const forMe = page.getByTestId('for-me-row');
  await expect(forMe).toHaveCount(1);
  await expect(forMe).toContainText('Sanne de Vries');
  await expect(page.getByTestId('open-row')).toContainText('Karim Bouzid');
  await checkScreen(page, 'disputes-03-bezwaren');
  await forMe.getByRole('button', { name: 'Second opinion starten: Sanne de Vries' }).click();

  await expect(page.getByTestId('blind-banner')).toContainText(
    'Blinde second opinion: de eerdere beoordeling blijft verborgen tot je hebt afgerond',
  );
  await expect(page.getByTestId('kind-badge')).toHaveText('Second opinion');
  await expect(page.getByTestId('counts-badge')).toHaveText('telt niet mee');
  await expect(page.getByTestId('evaluation-status')).toHaveText('Concept');
  // Same rubric version as the original, so the scores compare.
  await expect(page.getByTestId('rubric-version')).toHaveText(`Formulier: ${original.rubricName}, versie ${original.rubricVersion}`);
  await expect(page.getByTestId('provisional-score')).toBeVisible();
  await expect(page.getByTestId('action-points-panel')).toHaveCount(0);
  await expect(page.getByTestId('rubric-pane')).not.toContainText(originalScore);
  await expect(page.getByTestId('rubric-pane')).not.toContainText('Controleer de identiteit voordat je gegevens deelt.');
  await checkScreen(page, 'disputes-04-blinde-second-opinion');
  const secondId = Number(new URL(page.url()).hash.split('/').pop());
  expect(secondId).not.toBe(original.id);

  // The original stays out of reach: on screen and over the contract.
  expect((await ipcResult(page, 'evaluations.get', { id: original.id })).error?.code).toBe('evaluation_blind');
  expect((await ipcResult(page, 'evaluations.history', { id: original.id })).error?.code).toBe('evaluation_blind');
  await open(page, `/evaluations/${original.id}`);
  await expect(page.getByRole('alert')).toContainText('Je maakt een blinde second opinion op dit gesprek');
  await expect(page.getByTestId('final-score')).toHaveCount(0);

  // Score it (answers through the contract, finalising on screen).
  const rubric: RubricVersion = await ipc(page, 'rubrics.getVersion', { id: original.rubricVersionId });
  const answers: Answer[] = rubric.sections.flatMap((s) =>
    s.criteria.map((c) => ({ criterionId: c.id, value: c.type === 'yes_no' ? 1 : c.scaleMax, na: false, note: '' })),
  );
  await ipc(page, 'evaluations.saveDraft', { id: secondId, tops: 'Identiteit netjes gecontroleerd.', tips: '', answers });
  await open(page, `/evaluations/${secondId}`);
  await expect(page.getByTestId('provisional-score')).toHaveText('100,0%');
  await page.getByTestId('finalize').click();
  await page.getByTestId('confirm-finalize').click();
  await expect(page.getByTestId('evaluation-status')).toHaveText('Definitief');
  await expect(page.getByTestId('blind-banner')).toHaveCount(0);
  await expect(page.getByTestId('dispute-second-score')).toHaveText('100,0%');
  await expect(page.getByTestId('dispute-original-score')).toHaveText(originalScore);

  // Coach A decides: the second opinion replaces the original.
  await switchProfile(page, coachA);
  await open(page, `/evaluations/${original.id}`);
  const decide = page.getByTestId('decide-form');
  await decide.getByLabel('Toelichting bij het besluit').fill('Identiteitscontrole is te horen op 0:01.');
  await checkScreen(page, 'disputes-05-besluiten');
  await decide.getByRole('button', { name: 'Vervangen door second opinion' }).click();
  await expect(page.getByTestId('dispute-outcome')).toHaveText('Vervangen door second opinion');
  await expect(page.getByTestId('dispute-decision')).toContainText('besloten door Karim Bouzid');
  await expect(page.getByTestId('counts-badge')).toHaveText('telt niet mee');
  await expect(page.getByTestId('evaluation-status')).toHaveText('Definitief');
  // The original is still readable as it was.
  await expect(page.getByTestId('final-score')).toHaveText(originalScore);

  // Its history lists every version with who and when; each opens read-only.
  await page.getByTestId('open-history').click();
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Definitief gemaakt');
  await expect(rows.nth(1)).toContainText('Bezwaar vastgelegd');
  await expect(rows.nth(1)).toContainText('De adviseur heeft de identiteit wel gecontroleerd');
  await expect(rows.nth(2)).toContainText('Vervangen door second opinion');
  await expect(rows.nth(2)).toContainText('Karim Bouzid');
  await expect(rows.nth(2)).toContainText(originalScore);
  await checkScreen(page, 'disputes-06-versiegeschiedenis');
  await page.getByRole('button', { name: 'Versie 1 bekijken' }).click();
  const version = page.getByTestId('history-version');
  await expect(version.getByTestId('final-score')).toHaveText(originalScore);
  await expect(version).toContainText('Controleer de identiteit voordat je gegevens deelt.');
  await checkScreen(page, 'disputes-07-versie-bekijken');
  await page.keyboard.press('Escape');

  // The second opinion counts now and is readable for coach A too, with its own history.
  await page.getByTestId('open-second').click();
  await expect(page.getByTestId('kind-badge')).toHaveText('Second opinion');
  await expect(page.getByTestId('counts-badge')).toHaveCount(0);
  await expect(page.getByTestId('final-score')).toHaveText('100,0%');
  await page.getByTestId('open-history').click();
  await expect(page.getByTestId('history-row')).toHaveCount(2);
  await expect(page.getByTestId('history-row').nth(1)).toContainText('Vervangt de oorspronkelijke beoordeling');
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: 'Bezwaren' }).click();
  await expect(page.getByTestId('decided-row')).toContainText('Vervangen door second opinion');
  await expect(page.getByTestId('decided-row')).toContainText(`origineel ${originalScore} → second opinion 100,0%`);
  await expect(page.getByTestId('disputes-open')).toContainText('Er zijn geen openstaande bezwaren.');
  await checkScreen(page, 'disputes-08-afgehandeld');
});
