import { checkScreen, expect, test } from './fixtures';
import { ipc } from './seed';

test.use({ now: '2026-11-23T10:00:00' });

test('a manager opens the demo from the empty first screen, plays a call and reads an advisor’s trend', async ({ page }) => {
  test.setTimeout(150_000);
  await page.getByRole('button', { name: 'Demo-omgeving openen' }).click();

  // The demo's own people, with a banner that says the data is made up.
  const banner = page.getByTestId('demo-banner');
  await expect(banner).toContainText('Demo', { timeout: 60_000 });
  const managers = await ipc(page, 'staff.list', { roles: ['manager'] });
  expect(managers.length).toBeGreaterThan(0);
  await page.getByRole('button', { name: `Kiezen: ${managers[0]!.name}` }).click();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
  await expect(banner).toContainText('Verzonnen KCC, los van je echte gegevens');
  await expect(page.getByRole('banner').getByText(managers[0]!.name)).toBeInViewport();
  await checkScreen(page, 'demo-01-dashboard');

  // A generated call plays.
  const calls = await ipc(page, 'recordings.list', {});
  const playable = calls.find((c) => c.audioAvailable);
  expect(playable, 'a call with audio').toBeDefined();
  await page.goto(`${new URL(page.url()).origin}/#/recordings/${playable!.id}`);
  await page.getByTestId('play-button').click();
  await expect.poll(async () => page.evaluate(() => document.querySelector('audio')?.currentTime ?? 0)).toBeGreaterThan(1);
  await checkScreen(page, 'demo-02-gesprek');

  // An advisor's trend over the year.
  const advisors = await ipc(page, 'staff.list', { roles: ['advisor'] });
  const advisor = advisors[0]!;
  await page.goto(`${new URL(page.url()).origin}/#/staff/${advisor.id}/trend`);
  await expect(page.getByRole('heading', { name: `Trend — ${advisor.name}`, level: 1 })).toBeVisible();
  await expect(page.getByTestId('trend-total')).toBeVisible();
  await checkScreen(page, 'demo-03-trend');

  // Leaving the demo returns to the empty real installation.
  await banner.getByRole('button', { name: 'Demo verlaten' }).click();
  await expect(page.getByRole('button', { name: 'Demo-omgeving openen' })).toBeVisible();
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
});
