import type { Page } from '@playwright/test';
import { audioFixture, fixtureCopyAs } from '../support/audio-fixtures';
import { scenarioAnswers, scenarioScoreText } from '../support/scoring-scenario';
import { checkScreen, expect, test } from './fixtures';

async function createCoachProfile(page: Page) {
  await expect(page.getByRole('heading', { name: 'Wie ben je?' })).toBeVisible();
  await checkScreen(page, '01-profiel-kiezen-leeg');
  await page.getByLabel('Naam').fill('Karim Bouzid');
  await page.getByLabel('Personeelsnummer').fill('9001');
  await page.getByLabel('Team').fill('KCC Noord');
  await page.getByRole('button', { name: 'Profiel aanmaken en beginnen' }).click();
  await expect(page.getByRole('heading', { name: 'Mijn maand' })).toBeVisible();
  await page.getByRole('link', { name: 'Opnames' }).click();
  await expect(page.getByRole('heading', { name: 'Opnames' })).toBeVisible();
}

async function addAdvisor(page: Page, name: string, employeeNumber: string) {
  await page.getByRole('link', { name: 'Medewerkers' }).click();
  await page.getByRole('button', { name: 'Medewerker toevoegen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Naam').fill(name);
  await dialog.getByLabel('Personeelsnummer').fill(employeeNumber);
  await dialog.getByLabel('Team').fill('KCC Noord');
  await checkScreen(page, '03-medewerker-toevoegen');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('staff-table')).toContainText(name);
}

async function importRecording(page: Page, file: string) {
  await page.getByRole('link', { name: 'Opnames' }).click();
  await page.getByTestId('open-import').click();
  await page.getByTestId('file-input').setInputFiles(file);
  const row = page.getByTestId('import-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('uit bestandsnaam');
  await checkScreen(page, '04-opnames-importeren');
  await page.getByTestId('start-import').click();
  await expect(page.getByTestId('import-status')).toHaveText('Geïmporteerd');
  await expect(page.getByTestId('import-done')).toContainText('1 geïmporteerd');
  await page.keyboard.press('Escape');
}

test('a coach imports a call, listens, notes, scores it and sees the exact score on the advisor page', async ({ page }) => {
  // The whole journey with three accessibility scans: 60–100 s on a 2-core CI machine, so more than the default 90 s.
  test.setTimeout(180_000);
  await createCoachProfile(page);
  await checkScreen(page, '02-opnames-leeg');
  await addAdvisor(page, 'Sanne de Vries', '1043');
  await checkScreen(page, '03-medewerkers');

  await importRecording(page, fixtureCopyAs('stereo-ulaw-8k.wav', '20261103-093512_1043_burgerzaken.wav'));
  const table = page.getByTestId('recordings-table');
  await expect(table).toContainText('Sanne de Vries');
  await expect(table).toContainText('Burgerzaken');
  await checkScreen(page, '05-opnames');

  // Listen: waveform from stored peaks, play, pause, a note at the playhead.
  await table.getByRole('link').first().click();
  await expect(page.getByTestId('waveform')).toHaveAttribute('data-ready', 'true');
  await page.getByTestId('play-button').click();
  await expect.poll(async () => page.evaluate(() => document.querySelector('audio')?.currentTime ?? 0)).toBeGreaterThan(1);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play-button')).toHaveAccessibleName('Afspelen');
  await page.keyboard.press(']');
  await page.keyboard.press(']');
  await expect.poll(() => page.evaluate(() => document.querySelector('audio')?.playbackRate)).toBe(1.5);
  await expect(page.getByRole('radio', { name: '1,5×' })).toBeChecked();
  await page.getByTestId('note-input').fill('Noemt gemeente en eigen naam, vriendelijk');
  await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
  const notes = page.getByTestId('notes-list');
  await expect(notes).toContainText('Noemt gemeente en eigen naam');
  await expect(notes.getByRole('button', { name: /Spring naar 0:0[1-9]/ })).toBeVisible();
  await checkScreen(page, '06-gesprek-luisteren');

  // Score every criterion of the shipped rubric, one n.v.t.
  await page.getByTestId('start-evaluation').click();
  await expect(page.getByTestId('evaluation-status')).toHaveText('Concept');
  for (const [key, answer] of Object.entries(scenarioAnswers)) {
    const label =
      answer === 'na'
        ? 'n.v.t.'
        : key.match(/^(open-vragen|samenvatten|volledig|afspraken|empathie|helderheid|weerstand|eigenaarschap)$/)
          ? String(answer)
          : answer === 1
            ? 'Ja'
            : 'Nee';
    await page.getByTestId(`criterion-${key}`).getByRole('radio', { name: label, exact: true }).check();
  }
  await page.getByTestId('tops').fill('Warme opening en duidelijke uitleg over de paspoortaanvraag.');
  await page.getByTestId('tips').fill('Verbind warm door en vat de afspraken samen.');
  await expect(page.getByTestId('save-state')).toContainText('Concept opgeslagen');
  await expect(page.getByTestId('provisional-score')).toHaveText(scenarioScoreText);
  await checkScreen(page, '07-beoordelen');

  // A reload mid-scoring loses nothing.
  await page.reload();
  await expect(page.getByTestId('provisional-score')).toHaveText(scenarioScoreText);
  await expect(page.getByTestId('tips')).toHaveValue('Verbind warm door en vat de afspraken samen.');

  await page.getByTestId('finalize').click();
  await page.getByTestId('confirm-finalize').click();
  await expect(page.getByTestId('evaluation-status')).toHaveText('Definitief');
  await expect(page.getByTestId('final-score')).toHaveText(scenarioScoreText);
  await expect(page.getByTestId('calculation-table')).toContainText('telt niet mee');
  await checkScreen(page, '08-beoordeling-definitief');

  // The advisor page shows the evaluation with the same score, also after a reload.
  await page.getByRole('link', { name: 'Naar Sanne de Vries' }).click();
  const evaluations = page.getByTestId('evaluations-table');
  await expect(evaluations).toContainText(scenarioScoreText);
  await expect(evaluations).toContainText('Karim Bouzid');
  await expect(evaluations).toContainText('november 2026');
  await checkScreen(page, '09-klantadviseur');
  await page.reload();
  await expect(page.getByTestId('evaluations-table')).toContainText(scenarioScoreText);
  await page.getByTestId('evaluation-row').first().getByRole('link').first().click();
  await expect(page.getByTestId('final-score')).toHaveText(scenarioScoreText);
  await page.goto(page.url());
  await expect(page.getByTestId('notes-list')).toContainText('Noemt gemeente en eigen naam');
});

test('a bad file in a batch gets a Dutch reason while the good one is imported', async ({ page }) => {
  await createCoachProfile(page);
  await page.getByTestId('open-import').click();
  await page.getByTestId('file-input').setInputFiles([audioFixture('document.wav'), audioFixture('mono-alaw-8k.wav')]);
  await expect(page.getByTestId('import-row')).toHaveCount(2);
  await page.getByTestId('start-import').click();
  await expect(page.getByTestId('import-done')).toContainText('1 geïmporteerd');
  const bad = page.getByTestId('import-row').filter({ hasText: 'document.wav' });
  await expect(bad.getByTestId('import-status')).toHaveText('Niet geïmporteerd');
  await expect(bad.getByRole('alert')).toContainText('"document.wav" kon niet worden geïmporteerd');
  await checkScreen(page, '10-import-met-fout');

  // The same call again is recognised by its content, not stored twice.
  await page.keyboard.press('Escape');
  await page.getByTestId('open-import').click();
  await page.getByTestId('file-input').setInputFiles(fixtureCopyAs('mono-alaw-8k.wav', 'zelfde-gesprek-andere-naam.wav'));
  await page.getByTestId('start-import').click();
  await expect(page.getByTestId('import-status')).toHaveText('Bestond al');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('recordings-table').getByRole('row')).toHaveCount(2); // header + one call
});

test('a 30-minute call opens from stored peaks without the renderer fetching or decoding the audio', async ({ page }) => {
  await createCoachProfile(page);
  const mediaRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/media/')) mediaRequests.push(request.resourceType());
  });
  await page.getByTestId('open-import').click();
  await page.getByTestId('file-input').setInputFiles(audioFixture('long-30min-ulaw.wav'));
  await page.getByTestId('start-import').click();
  await expect(page.getByTestId('import-status')).toHaveText('Geïmporteerd', { timeout: 60_000 });
  await page.keyboard.press('Escape');
  await page.getByTestId('recordings-table').getByRole('link').first().click();
  await expect(page.getByTestId('waveform')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('player-time')).toContainText('30:00');
  const buffered = await page.evaluate(() => {
    const audio = document.querySelector('audio');
    return audio && audio.buffered.length > 0 ? audio.buffered.end(audio.buffered.length - 1) : 0;
  });
  // Only the media element streams the file (no fetch/XHR for decoding), and it has not loaded it all.
  expect(mediaRequests.every((type) => type === 'media')).toBe(true);
  expect(buffered).toBeLessThan(1800);
  await checkScreen(page, '11-lang-gesprek');

  // A deep link opens the call at a moment.
  await page.goto(`${page.url()}?t=600`);
  await expect(page.getByTestId('waveform')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('player-time')).toContainText('10:00 / 30:00');
});
