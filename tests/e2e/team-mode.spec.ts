import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresDatabase, onPostgres, type TestDatabase } from '../support/database';
import { checkScreen, expect, test } from './fixtures';
import { addStaff, createFirstProfile, goTo, switchProfile } from './seed';

/*
 * A team manager switches a workstation that started locally over to the team database (issue 9):
 * fills in the server, tests the connection, switches team mode on and moves the workstation's own
 * data in. Needs the PostgreSQL test server (KLANKBORD_TEST_POSTGRES, scripts/test-postgres.sh).
 */
test.describe('team mode: switching a workstation over', () => {
  test.skip(!onPostgres, 'needs the PostgreSQL test server');
  test.use({ now: '2026-11-23T10:00:00' });

  let database: TestDatabase;
  test.beforeEach(async () => {
    database = await createPostgresDatabase();
  });
  test.afterEach(async () => {
    await database.drop();
  });

  test('a team manager tests the connection, switches team mode on and moves the local data in', async ({ page }) => {
    await createFirstProfile(page, 'Karim Bouzid', 'C100');
    await addStaff(page, { name: 'Sanne de Vries', employeeNumber: '1043' });
    const manager = await addStaff(page, { name: 'Marieke Jansen', employeeNumber: 'M200', role: 'manager' });
    await switchProfile(page, manager.id);

    await goTo(page, 'Instellingen');
    const panel = page.getByTestId('team-panel');
    await panel.scrollIntoViewIfNeeded();
    const { settings } = database;
    await panel.getByLabel('Server (host)').fill(settings.host);
    await panel.getByLabel('Poort').fill(String(settings.port));
    await panel.getByLabel(/^Database/).fill(settings.database);
    await panel.getByLabel('Gebruiker').fill(settings.user);
    await panel.getByLabel('Wachtwoord').fill(settings.password);

    // A folder that does not exist yet: the test says so in Dutch.
    const shared = join(mkdtempSync(join(tmpdir(), 'klankbord-e2e-shared-')), 'opnames');
    await panel.getByLabel('Gedeelde opnamemap').fill(shared);
    await panel.getByRole('button', { name: 'Verbinding testen' }).click();
    await expect(panel.getByTestId('team-check-recordings')).toContainText('bestaat niet of is niet bereikbaar');
    await expect(panel.getByTestId('team-check-rights')).toHaveAttribute('data-ok', 'true');

    await panel.getByLabel('Gedeelde opnamemap').fill(join(shared, '..'));
    await panel.getByRole('button', { name: 'Verbinding testen' }).click();
    await expect(panel.getByText('Alles in orde: de teammodus kan worden ingeschakeld.')).toBeVisible();
    for (const key of ['reachable', 'login', 'rights', 'recordings']) {
      await expect(panel.getByTestId(`team-check-${key}`)).toHaveAttribute('data-ok', 'true');
    }
    await checkScreen(page, 'team-mode-test');

    await panel.getByRole('button', { name: 'Teammodus inschakelen' }).click();
    await expect(panel.getByTestId('team-connected')).toHaveText(`Teammodus: verbonden met ${settings.host}/${settings.database}`);
    await expect(panel.getByText(/Op deze werkplek staat nog een eigen database met 3 medewerkers/)).toBeVisible();

    await panel.getByRole('button', { name: 'Gegevens van deze werkplek overzetten' }).click();
    await expect(panel.getByText('Alle gegevens zijn gelijk overgekomen.')).toBeVisible();
    const staffRow = panel.getByTestId('team-move-staff');
    await expect(staffRow).toContainText('Medewerkers');
    await expect(staffRow.getByRole('cell').nth(1)).toHaveText('3');
    await expect(staffRow.getByRole('cell').nth(2)).toHaveText('3');
    await expect(panel.getByLabel('verschilt')).toHaveCount(0);
    await checkScreen(page, 'team-mode-moved');
  });
});
