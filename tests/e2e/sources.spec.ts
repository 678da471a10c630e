import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tinyWav } from '../support/tiny-wav';
import { checkScreen, expect, test } from './fixtures';

const PATTERN = '{date:yyyyMMdd}-{time:HHmmss}_{employee}_{topic}.wav';
const advisors = [
  { employeeNumber: '1043', name: 'Anna de Vries' },
  { employeeNumber: '1044', name: 'Bram Jansen' },
  { employeeNumber: '1045', name: 'Fatima El Amrani' },
  { employeeNumber: '1046', name: 'Daan Visser' },
];
const topics = ['burgerzaken', 'belastingen', 'afval', 'parkeren', 'wmo'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A telephony export: 200 short stereo calls over November 2026, 2 of unknown people, one document named as a call. */
function telephonyFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'klankbord-centrale-'));
  const call = tinyWav({ milliseconds: 1500, channels: 2 });
  for (let i = 0; i < 200; i++) {
    const day = 2 + (i % 27);
    const seconds = 8 * 3600 + i * 97;
    const time = `${pad(Math.floor(seconds / 3600))}${pad(Math.floor(seconds / 60) % 60)}${pad(seconds % 60)}`;
    const advisor = advisors[i % advisors.length]!;
    const folder = join(root, `week-${Math.ceil(day / 7)}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `202611${pad(day)}-${time}_${advisor.employeeNumber}_${topics[i % topics.length]}.wav`), call);
  }
  writeFileSync(join(root, '20261127-141500_7777_burgerzaken.wav'), call);
  writeFileSync(join(root, '20261128-091000_8888_afval.wav'), call);
  writeFileSync(join(root, '20261129-100000_1043_belastingen.wav'), 'Dit is een notitie, geen opname.\n'.repeat(20));
  return root;
}

test('a folder source is previewed, scanned and browsed in the library, and any call plays', async ({ page, app }) => {
  const root = telephonyFolder();
  try {
    await page.getByLabel('Naam').fill('Karim Bouzid');
    await page.getByLabel('Personeelsnummer').fill('9001');
    await page.getByRole('button', { name: 'Profiel aanmaken en beginnen' }).click();
    await expect(page.getByRole('link', { name: 'Bronnen' })).toBeVisible();
    for (const a of advisors) {
      const res = await page.request.post(`${app.url}/ipc/staff.create`, {
        data: { ...a, team: 'KCC', role: 'advisor', startDate: null, status: 'active' },
      });
      expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
    }

    // Add the source: the live preview maps the first files while the pattern is typed.
    await page.getByRole('link', { name: 'Bronnen' }).click();
    await page.getByTestId('add-source').click();
    const modal = page.getByRole('dialog', { name: 'Bron toevoegen' });
    await modal.getByLabel('Naam').fill('Telefooncentrale KCC');
    await modal.getByLabel('Map of netwerkpad').fill(root);
    await modal.getByLabel('Patroon 1', { exact: true }).fill('{date:yyyyMMdd}-{time:HHmmss}_{employee}_{topic');
    await expect(modal.getByText(/^Patroon 1 \(/)).toBeVisible();
    await modal.getByLabel('Patroon 1', { exact: true }).fill(PATTERN);
    const preview = modal.getByTestId('source-preview');
    await expect(preview.getByRole('row', { name: /Anna de Vries.*Burgerzaken/ }).first()).toBeVisible();
    await expect(preview.getByRole('row')).toHaveCount(21);
    await checkScreen(page, '20-bron-toevoegen-voorbeeld');
    await modal.getByTestId('save-source').click();
    await expect(modal).toBeHidden();

    // Scan: the progress shows while it runs, then the counts.
    const card = page.getByTestId('source-card');
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress?: boolean };
      w.sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="scan-progress"] [role="progressbar"]')) w.sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await card.getByTestId('scan-source').click();
    await expect(card.getByTestId('count-matched')).toContainText('200');
    await expect(card.getByTestId('count-unmatched')).toContainText('2');
    await expect(card.getByTestId('count-unreadable')).toContainText('1');
    await expect(card.getByTestId('count-files')).toContainText('203');
    await expect(card.getByTestId('last-scan')).toContainText('klaar');
    expect(await page.evaluate(() => (window as unknown as { sawProgress?: boolean }).sawProgress)).toBe(true);
    await checkScreen(page, '21-bronnen');

    // Library: all calls, paginated; then one advisor in November 2026.
    await page.getByRole('link', { name: 'Bibliotheek' }).click();
    await expect(page.getByTestId('library-total')).toHaveText('203 gesprekken');
    await expect(page.getByTestId('library-row')).toHaveCount(50);
    await expect(page.getByTestId('library-pagination')).toBeVisible();
    await page.getByRole('combobox', { name: 'Klantadviseur', exact: true }).click();
    await page.getByRole('option', { name: 'Anna de Vries (1043)' }).click();
    await page.getByRole('combobox', { name: 'Maand', exact: true }).click();
    await page.getByRole('option', { name: 'november 2026' }).click();
    await expect(page.getByTestId('library-total')).toHaveText(/^5[01] gesprekken$/);
    await page.getByRole('combobox', { name: 'Status', exact: true }).click();
    await page.getByRole('option', { name: 'Gekoppeld', exact: true }).click();
    await expect(page.getByTestId('library-total')).toHaveText('50 gesprekken');
    await expect(page.getByTestId('library-row').filter({ hasNotText: 'Anna de Vries' })).toHaveCount(0);

    await page.getByTestId('library-play').first().click();
    const audio = page.getByTestId('library-audio');
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.3);
    await expect(page.getByTestId('library-player')).toContainText('_1043_');
    await checkScreen(page, '22-bibliotheek');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
