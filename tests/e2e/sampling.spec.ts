import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { tinyWav } from '../support/tiny-wav';
import { checkScreen, expect, test } from './fixtures';

const advisors = [
  { employeeNumber: '2101', name: 'Anouk Jansen' },
  { employeeNumber: '2102', name: 'Bram de Wit' },
  { employeeNumber: '2103', name: 'Yasmina El Idrissi' },
];
const topics = ['burgerzaken', 'afval', 'parkeren', 'belastingen', 'wmo'];
/** Two calls per advisor in each of the five ISO weeks that touch October 2026 (weeks 40–44). */
const days = [1, 2, 6, 8, 13, 15, 20, 22, 27, 29];

/**
 * A stereo 8-bit, 8 kHz call of 61–90 s (about 1 MB): a soft tone on the advisor's channel in the
 * first seconds, then silence. Long enough for the 60 s minimum, small enough for 30 of them.
 */
function callWav(seconds: number): Buffer {
  const wav = tinyWav({ milliseconds: seconds * 1000, sampleRate: 8000, channels: 2, bits: 8 });
  wav.fill(128, 44); // unsigned 8-bit: 128 is silence
  for (let i = 0; i < 8000 * 4; i++) wav[44 + i * 2] = 128 + Math.round(60 * Math.sin((2 * Math.PI * 440 * i) / 8000));
  return wav;
}

async function ipc(page: Page, channel: string, data: unknown): Promise<unknown> {
  const res = await page.request.post(`${new URL(page.url()).origin}/ipc/${channel}`, { data });
  const body = (await res.json()) as { ok: boolean; data?: unknown; error?: unknown };
  expect(body.ok, `${channel}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.data;
}

// Server and browser on the same day: the sample records when it was drawn (server time).
test.use({ now: '2026-11-23T10:00:00' });

test('a coach draws the monthly sample, sees why each call was picked, redraws one and evaluates one', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'klankbord-sample-'));
  try {
    await page.getByLabel('Naam').fill('Karim Bouzid');
    await page.getByLabel('Personeelsnummer').fill('9001');
    await page.getByRole('button', { name: 'Profiel aanmaken en beginnen' }).click();
    await expect(page.getByRole('heading', { name: 'Mijn maand' })).toBeVisible();
    await page.getByRole('link', { name: 'Opnames' }).click();
    await expect(page.getByRole('heading', { name: 'Opnames' })).toBeVisible();

    for (const a of advisors) {
      await ipc(page, 'staff.create', { ...a, team: 'KCC Noord', role: 'advisor', startDate: null, status: 'active' });
    }
    advisors.forEach((a, n) =>
      days.forEach((day, i) => {
        const time = `${String(9 + ((i + n) % 8)).padStart(2, '0')}${String(10 + i * 4).padStart(2, '0')}00`;
        const name = `202610${String(day).padStart(2, '0')}-${time}_${a.employeeNumber}_${topics[(i + n) % topics.length]}.wav`;
        writeFileSync(join(folder, name), callWav(61 + ((i * 7 + n * 3) % 30)));
      }),
    );
    const source = (await ipc(page, 'sources.create', {
      name: 'Telefonie-export',
      rootPath: folder,
      patterns: ['{date:yyyyMMdd}-{time:HHmmss}_{employee}_{topic}.wav'],
    })) as { id: number };
    const run = (await ipc(page, 'sources.scan', { id: source.id })) as { filesNew: number; filesUnmatched: number };
    expect(run).toMatchObject({ filesNew: 30, filesUnmatched: 0 });

    // Draw: October 2026, four calls per advisor, all advisors.
    await page.getByRole('link', { name: 'Steekproef' }).click();
    await expect(page.getByRole('heading', { name: 'Steekproef', level: 1 })).toBeVisible();
    await expect(page.getByTestId('sample-empty')).toBeVisible();
    await page.getByRole('combobox', { name: 'Maand' }).click();
    await page.getByRole('option', { name: 'oktober 2026' }).click();
    await expect(page.getByLabel('Gesprekken per klantadviseur')).toHaveValue('4');
    await expect(page.getByLabel('Minimale duur (s)')).toHaveValue('60');
    for (const a of advisors) await expect(page.getByTestId('sample-advisors')).toContainText(a.name);
    await page.getByRole('button', { name: 'Steekproef trekken' }).click();

    const picks = page.getByTestId('sample-pick');
    await expect(picks).toHaveCount(12);
    const reasons = await page.getByTestId('pick-reason').allInnerTexts();
    expect(reasons).toHaveLength(12);
    for (const reason of reasons) expect(reason).toContain('Willekeurig gekozen');
    await expect(page.getByTestId('sample-meta')).toContainText(/Seed [0-9a-f]+, getrokken door Karim Bouzid op \d+ nov\. 2026/);
    await expect(page.getByTestId('sample-shortfalls')).toHaveCount(0);

    // Spread over the month: one advisor's four picks lie in four different weeks, as the reasons say.
    const anouk = page.getByTestId('advisor-picks').filter({ hasText: 'Anouk Jansen' });
    const weeks = (await anouk.getByTestId('pick-reason').allInnerTexts()).map((r) => /week (\d+)/.exec(r)?.[1]);
    expect(weeks.every(Boolean)).toBe(true);
    expect(new Set(weeks).size).toBe(4);
    await checkScreen(page, 'steekproef');

    // Redraw one: the reason is required, the old pick moves to the history with it.
    const firstFile = await anouk.getByTestId('sample-pick').first().locator('td').nth(4).innerText();
    await anouk.getByRole('button', { name: 'Opnieuw trekken' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Gesprek opnieuw trekken' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Opnieuw trekken' }).click();
    await expect(dialog).toContainText('Geef een reden op');
    await dialog.getByLabel('Reden').fill('Verkeerd doorverbonden, geen inhoudelijk gesprek');
    await checkScreen(page, 'steekproef-opnieuw-trekken');
    await dialog.getByRole('button', { name: 'Opnieuw trekken' }).click();
    await expect(dialog).toBeHidden();
    await expect(picks).toHaveCount(12);
    await expect(anouk.getByTestId('sample-pick').filter({ hasText: firstFile })).toHaveCount(0);
    await anouk.getByRole('button', { name: 'Geschiedenis (1 vervangen)' }).click();
    const replaced = anouk.getByTestId('replaced-pick');
    await expect(replaced).toHaveCount(1);
    await expect(replaced).toContainText(firstFile);
    await expect(replaced).toContainText('Verkeerd doorverbonden, geen inhoudelijk gesprek');
    await checkScreen(page, 'steekproef-geschiedenis');

    // Evaluate a pick: copied into the store, an evaluation started, the player ready.
    await anouk.getByRole('button', { name: 'Beoordelen' }).first().click();
    await expect(page).toHaveURL(/#\/evaluations\/\d+$/);
    await expect(page.getByTestId('waveform')).toHaveAttribute('data-ready', 'true');
    // A stereo call: two lanes, and the long quiet stretch after the advisor's 4 s tone is a hold region.
    await expect(page.getByTestId('lane-labels')).toContainText('Klantadviseur');
    await expect(page.getByTestId('lane-labels')).toContainText('Inwoner');
    await expect(page.getByTestId('analysis-segments').getByRole('listitem').filter({ hasText: 'Stilte' })).toHaveCount(1);
    await checkScreen(page, 'steekproef-gesprek-beoordelen');
    await page.goBack();
    await expect(anouk.getByRole('button', { name: 'Beoordeling openen' })).toHaveCount(1);
    await expect(anouk.getByTestId('sample-pick').first()).toContainText('Concept');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the sample defaults are settings; saving them keeps the retention period', async ({ page }) => {
  await page.getByLabel('Naam').fill('Karim Bouzid');
  await page.getByLabel('Personeelsnummer').fill('9001');
  await page.getByRole('button', { name: 'Profiel aanmaken en beginnen' }).click();
  await page.getByRole('link', { name: 'Instellingen' }).click();
  const perAdvisor = page.getByLabel('Beoordelingen per klantadviseur per maand');
  await expect(perAdvisor).toHaveValue('4');
  await page.getByTestId('retention-months').fill('18');
  await perAdvisor.fill('6');
  await page.getByLabel('Minimale duur steekproef (seconden)').fill('90');
  await page.getByTestId('sample-settings-save').click();
  await expect(page.getByText('Instellingen opgeslagen')).toBeVisible();
  await checkScreen(page, 'instellingen-steekproef');
  const saved = await page.request.post(`${new URL(page.url()).origin}/ipc/settings.get`, { data: {} });
  expect(((await saved.json()) as { data: unknown }).data).toEqual({
    audioRetentionMonths: 18,
    samplePerAdvisor: 6,
    sampleMinDurationSeconds: 90,
  });

  await page.getByRole('link', { name: 'Steekproef' }).click();
  await expect(page.getByLabel('Gesprekken per klantadviseur')).toHaveValue('6');
  await expect(page.getByLabel('Minimale duur (s)')).toHaveValue('90');
});
