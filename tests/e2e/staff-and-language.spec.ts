import { checkScreen, expect, test } from './fixtures';

test('a manager imports the roster from an Excel CSV, sees the rejected rows, and switches to English', async ({ page }) => {
  await page.getByLabel('Naam').fill('Marieke Hoekstra');
  await page.getByLabel('Personeelsnummer').fill('8001');
  await page.getByRole('combobox', { name: 'Rol' }).click();
  await page.getByRole('option', { name: 'Teammanager' }).click();
  await page.getByRole('button', { name: 'Profiel aanmaken en beginnen' }).click();

  await page.getByRole('link', { name: 'Medewerkers' }).click();
  await page.getByTestId('open-roster-import').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('roster-file').click();
  await (await chooser).setFiles('tests/fixtures/roster/rooster-fouten.csv');
  await page.getByTestId('roster-submit').click();
  await expect(page.getByTestId('roster-result')).toContainText('2 nieuw, 0 bijgewerkt');
  const rejected = page.getByTestId('roster-errors');
  await expect(rejected).toContainText('stagiair');
  await expect(rejected.getByRole('row')).toHaveCount(5); // header + rows 3, 4, 6 and 7
  await checkScreen(page, '12-rooster-importeren');
  await page.keyboard.press('Escape');
  const staff = page.getByTestId('staff-table');
  await expect(staff).toContainText('Sanne Jansen');
  await expect(staff).not.toContainText('Sanne Jansen-Bos'); // a second row with her number is refused
  await expect(staff).not.toContainText('Mohamed Bakker');

  await page.getByRole('button', { name: 'Taal' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Staff' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Recordings' })).toBeVisible();
  await checkScreen(page, '13-staff-english');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Staff' })).toBeVisible();
});
