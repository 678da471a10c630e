import { checkScreen, expect, test } from './fixtures';
import { addStaff, createFirstProfile, goTo } from './seed';

test.describe('backups: restore from the settings', () => {
  test.use({ now: '2026-11-23T10:00:00' });

  test('a coach makes a backup, later restores it, and what came after is gone', async ({ page }) => {
    await createFirstProfile(page, 'Karim Bouzid', 'C100');
    await addStaff(page, { name: 'Sanne de Vries', employeeNumber: '1043' });

    await goTo(page, 'Instellingen');
    const panel = page.getByTestId('backups-panel');
    await panel.getByRole('button', { name: 'Nu een back-up maken' }).click();
    await expect(page.getByText('Back-up gemaakt')).toBeVisible();
    await expect(panel.getByTestId('backup-row').filter({ hasText: 'Handmatig' })).toHaveCount(1);

    // After the backup, someone adds a colleague by mistake.
    await addStaff(page, { name: 'Ahmed Yilmaz', employeeNumber: '1077' });
    await checkScreen(page, 'backups-settings');

    await panel.getByTestId('backup-row').filter({ hasText: 'Handmatig' }).getByRole('button', { name: 'Terugzetten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Back-up terugzetten?' });
    await expect(dialog).toContainText('Alles wat daarna is vastgelegd');
    await expect(dialog).toContainText('Vóór het terugzetten bewaart Klankbord de huidige stand');
    await checkScreen(page, 'backups-restore-confirm');
    await dialog.getByRole('button', { name: 'Ja, terugzetten' }).click();

    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
    await goTo(page, 'Medewerkers');
    await expect(page.getByRole('link', { name: 'Sanne de Vries' })).toBeVisible();
    await expect(page.getByText('Ahmed Yilmaz')).toHaveCount(0);

    // The state before the restore is kept, so the restore itself can be undone.
    await goTo(page, 'Instellingen');
    await expect(page.getByTestId('backup-row').filter({ hasText: 'Vóór terugzetten' })).toHaveCount(1);
  });
});

test.describe('backups: a database that does not open', () => {
  test.use({
    now: '2026-11-23T10:00:00',
    // Yesterday's backup with the team in it, and today a database file that is no database.
    prepareDataDir: 'tests/support/damaged-data-folder.ts',
  });

  test('shows what is wrong in Dutch and brings the data back from a backup', async ({ page }) => {
    await expect(page.getByRole('heading', { name: 'Klankbord kan de gegevens niet openen' })).toBeVisible();
    await expect(page.getByTestId('startup-problem')).toContainText('is geen Klankbord-database of is beschadigd');
    await expect(page.getByRole('heading', { name: '2. Kies een andere gegevensmap' })).toBeVisible();
    await checkScreen(page, 'startup-problem');

    await page.getByTestId('backup-row').first().getByRole('button', { name: 'Terugzetten' }).click();
    await page.getByRole('dialog', { name: 'Back-up terugzetten?' }).getByRole('button', { name: 'Ja, terugzetten' }).click();

    // Back in business: the team from the backup is there.
    await expect(page.getByText('Karim Bouzid').first()).toBeVisible();
  });
});
