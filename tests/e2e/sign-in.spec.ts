import { checkScreen, expect, test } from './fixtures';

test.use({
  now: '2026-11-23T10:00:00',
  // Sign-in switched on, a manager with a password and a coach without one.
  prepareDataDir: 'tests/support/sign-in-data-folder.ts',
});

test('each person signs in with employee number and password, a manager sets a password, and signs out', async ({ page }) => {
  await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
  // No profile picker: nobody can become someone else by clicking a name.
  await expect(page.getByText('Karim Bouzid')).toHaveCount(0);
  await checkScreen(page, 'inloggen');

  await page.getByLabel('Personeelsnummer').fill('M200');
  await page.getByLabel('Wachtwoord').fill('verkeerd wachtwoord');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toContainText('Personeelsnummer of wachtwoord klopt niet');
  await expect(page.getByLabel('Wachtwoord')).toHaveValue('');

  await page.getByLabel('Wachtwoord').fill('welkom bij klankbord');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByTestId('profile-button')).toContainText('Fatima El Amrani');

  await page.getByRole('link', { name: 'Medewerkers' }).click();
  await page.getByRole('button', { name: 'Wachtwoord instellen voor Karim Bouzid' }).click();
  const dialog = page.getByRole('dialog', { name: 'Wachtwoord instellen voor Karim Bouzid' });
  await dialog.getByLabel('Nieuw wachtwoord').fill('karim zijn eigen zin');
  await dialog.getByLabel('Herhaal wachtwoord').fill('karim zijn eigen zin');
  await dialog.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.getByText('Wachtwoord ingesteld voor Karim Bouzid.')).toBeVisible();
  // Advisors do not sign in, so they get no password.
  await expect(page.getByRole('button', { name: 'Wachtwoord instellen voor Sanne de Vries' })).toHaveCount(0);

  await page.getByTestId('profile-button').click();
  await page.getByRole('menuitem', { name: 'Uitloggen' }).click();
  await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible();

  await page.getByLabel('Personeelsnummer').fill('C100');
  await page.getByLabel('Wachtwoord').fill('karim zijn eigen zin');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByTestId('profile-button')).toContainText('Karim Bouzid');
  await page.reload();
  // Signed in for this workstation's session, also after a reload.
  await expect(page.getByTestId('profile-button')).toContainText('Karim Bouzid');

  // Karim replaces the password the manager handed him by one only he knows.
  await page.getByTestId('profile-button').click();
  await page.getByRole('menuitem', { name: 'Wachtwoord wijzigen' }).click();
  const own = page.getByRole('dialog', { name: 'Wachtwoord wijzigen' });
  await own.getByLabel('Huidig wachtwoord').fill('niet het goede wachtwoord');
  await own.getByLabel('Nieuw wachtwoord').fill('alleen karim weet dit');
  await own.getByLabel('Herhaal wachtwoord').fill('alleen karim weet dit');
  await own.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(own.getByRole('alert')).toBeVisible();
  await own.getByLabel('Huidig wachtwoord').fill('karim zijn eigen zin');
  await own.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.getByText('Je wachtwoord is gewijzigd.')).toBeVisible();
  await checkScreen(page, 'wachtwoord-gewijzigd');

  await page.getByTestId('profile-button').click();
  await page.getByRole('menuitem', { name: 'Uitloggen' }).click();
  await page.getByLabel('Personeelsnummer').fill('C100');
  await page.getByLabel('Wachtwoord').fill('alleen karim weet dit');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByTestId('profile-button')).toContainText('Karim Bouzid');
});
