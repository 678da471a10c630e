import { checkScreen, expect, test } from './fixtures';
import { addStaff, goTo, importCall, ipc, scoreCall, switchProfile } from './seed';

test.use({ now: '2026-11-23T10:00:00' });

test('a manager changes a setting and a staff record, and reads both in the audit log with before and after', async ({ page }) => {
  await page.getByLabel('Naam').fill('Fatima El Amrani');
  await page.getByLabel('Personeelsnummer').fill('8001');
  await page.getByRole('combobox', { name: 'Rol' }).click();
  await page.getByRole('option', { name: 'Teammanager' }).click();
  await page.getByRole('button', { name: 'Profiel aanmaken en beginnen' }).click();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
  const fatima = (await ipc(page, 'session.get', {})).profile;
  if (!fatima) throw new Error('no profile');

  // Some history first: a colleague, a finished evaluation by the coach, a changed target.
  const karim = await addStaff(page, { name: 'Karim Bouzid', employeeNumber: '9001', role: 'coach' });
  const sanne = await addStaff(page, { name: 'Sanne de Vries', employeeNumber: '1043' });
  await switchProfile(page, karim.id);
  const evaluation = await scoreCall(page, await importCall(page, sanne.id, '2026-11-03T09:35:00'), 'top', 'Warme opening.');
  await switchProfile(page, fatima.id);
  await ipc(page, 'reports.setTargets', { defaultPct: 85, teams: [{ team: 'KCC Zuid', targetPct: 80 }] });

  // A setting, changed on the settings screen.
  await goTo(page, 'Instellingen');
  const retention = page.getByTestId('retention-months');
  await expect(retention).toHaveValue('12');
  await retention.fill('6');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByText('Instellingen opgeslagen')).toBeVisible();

  // A staff record, changed on the person's page; its "Wijzigingen" list follows.
  await goTo(page, 'Medewerkers');
  await page.getByRole('link', { name: 'Sanne de Vries' }).click();
  await page.getByTestId('edit-advisor').click();
  const form = page.getByTestId('staff-form');
  await form.getByLabel('Team').fill('KCC Zuid');
  await form.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByTestId('advisor-details')).toContainText('KCC Zuid');
  const changes = page.getByTestId('staff-changes');
  await expect(changes.getByTestId('audit-entry')).toHaveCount(2);
  await expect(changes.getByTestId('audit-summary').first()).toHaveText('Medewerker Sanne de Vries (1043) gewijzigd: team');
  await changes
    .getByRole('button', { name: /^Toon voor en na/ })
    .first()
    .click();
  await expect(changes.getByTestId('audit-diff-row')).toHaveCount(1);
  await checkScreen(page, 'audit-02-wijzigingen-medewerker');

  // The audit log, from the settings screen.
  await goTo(page, 'Instellingen');
  await page.getByTestId('open-audit').click();
  await expect(page.getByRole('heading', { name: 'Auditlog', level: 1 })).toBeVisible();
  const entries = page.getByTestId('audit-entry');
  // Newest first: the staff change, the setting, the target, the evaluation, Sanne, Karim, Fatima
  // herself, and the shipped rubric published when the data folder was made.
  await expect(entries).toHaveCount(8);
  await expect(entries.nth(0)).toHaveAttribute('data-entity', 'staff');
  await expect(entries.nth(1)).toHaveAttribute('data-entity', 'settings');
  await expect(entries.nth(0)).toContainText('Fatima El Amrani');
  await expect(entries.nth(0)).toContainText(/23 nov\.? 2026 \d{2}:\d{2}/);
  await expect(entries.nth(3)).toContainText('Karim Bouzid');
  await expect(entries.nth(3).getByRole('link', { name: 'Beoordeling' })).toHaveAttribute('href', `#/evaluations/${evaluation.id}`);
  // The very first profile created itself: nobody was signed in yet.
  await expect(entries.nth(6)).toContainText('Klankbord (niemand aangemeld)');
  await expect(entries.nth(6)).toContainText('Medewerker Fatima El Amrani (8001) toegevoegd');
  await expect(entries.nth(7)).toHaveAttribute('data-entity', 'rubric');

  await entries.nth(0).getByTestId('audit-toggle').click();
  await entries.nth(1).getByTestId('audit-toggle').click();
  const details = page.getByTestId('audit-details');
  await expect(details).toHaveCount(2);
  const staffDiff = details.nth(0).getByTestId('audit-diff-row');
  await expect(staffDiff).toHaveCount(1);
  await expect(staffDiff).toContainText('Team');
  await expect(staffDiff.getByTestId('audit-before')).toHaveText('KCC Noord');
  await expect(staffDiff.getByTestId('audit-after')).toHaveText('KCC Zuid');
  const settingsDiff = details.nth(1).getByTestId('audit-diff-row');
  await expect(settingsDiff).toHaveCount(1);
  await expect(settingsDiff).toContainText('Bewaartermijn audio (maanden)');
  await expect(settingsDiff.getByTestId('audit-before')).toHaveText('12');
  await expect(settingsDiff.getByTestId('audit-after')).toHaveText('6');
  await checkScreen(page, 'audit-01-auditlog');

  // Read only: the only controls in the log show or hide before and after; nothing edits or deletes.
  const buttons = await page
    .getByTestId('audit-table')
    .getByRole('button')
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
  expect(buttons).toHaveLength(8);
  for (const label of buttons) expect(label).toMatch(/^(Toon|Verberg) voor en na van de wijziging van /);
  await expect(page.getByTestId('audit-table').getByRole('textbox')).toHaveCount(0);

  // Filtered to staff records: only the three people and the change.
  await page.getByRole('combobox', { name: 'Soort wijziging' }).click();
  await page.getByRole('option', { name: 'Medewerkers' }).click();
  await expect(entries).toHaveCount(4);
  for (const entity of await entries.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-entity')))) expect(entity).toBe('staff');
  await expect(page.getByTestId('audit-end')).toBeVisible();

  // An evaluation's entry links to it and shows the finished state.
  await page.getByRole('combobox', { name: 'Soort wijziging' }).click();
  await page.getByRole('option', { name: 'Beoordelingen' }).click();
  await expect(entries).toHaveCount(1);
  await entries.first().getByTestId('audit-toggle').click();
  const evaluationDiff = page.getByTestId('audit-details').getByTestId('audit-diff-row');
  await expect(evaluationDiff.filter({ hasText: 'Status' }).getByTestId('audit-after')).toHaveText('Definitief');
  await expect(evaluationDiff.filter({ hasText: 'Score' }).getByTestId('audit-after')).toHaveText('100,0%');
  await expect(evaluationDiff.filter({ hasText: 'Telt mee' }).getByTestId('audit-after')).toHaveText('Ja');
  await checkScreen(page, 'audit-03-beoordeling');
});
