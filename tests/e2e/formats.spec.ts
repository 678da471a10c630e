import { audioFixture, type FixtureName } from '../support/audio-fixtures';
import { expect, test } from './fixtures';

/** Every export format, as the coach would drop them: one batch, then each one played in Chromium. */
const formats: FixtureName[] = [
  'pcm16-8k-mono.wav',
  'pcm16-44k-stereo.wav',
  'pcm16-48k-stereo.wav',
  'mono-ulaw-8k.wav',
  'mono-alaw-8k.wav',
  'gsm-8k.wav',
  'ima-adpcm-8k.wav',
  'ms-adpcm-8k.wav',
  'g722-16k.wav',
  'call.mp3',
  'opus-48k.ogg',
  'vorbis-44k-stereo.ogg',
  'aac-8k-mono.m4a',
  'flac-44k-stereo.flac',
  'opus-48k.webm',
  'pcm16-8k.aiff',
  'aac-16k-mono.aac',
];

test('every export format imports in one batch and plays in Chromium', async ({ page }) => {
  test.setTimeout(180_000);
  await page.getByLabel('Naam').fill('Karim Bouzid');
  await page.getByLabel('Personeelsnummer').fill('9001');
  await page.getByRole('button', { name: 'Profiel aanmaken en beginnen' }).click();
  await expect(page.getByRole('heading', { name: 'Mijn maand' })).toBeVisible();
  await page.getByRole('link', { name: 'Opnames' }).click();
  await expect(page.getByRole('heading', { name: 'Opnames' })).toBeVisible();

  await page.getByTestId('open-import').click();
  await page.getByTestId('file-input').setInputFiles(formats.map((f) => audioFixture(f)));
  await expect(page.getByTestId('import-row')).toHaveCount(formats.length);
  await page.getByTestId('start-import').click();
  await expect(page.getByTestId('import-done')).toContainText(`${formats.length} geïmporteerd`, { timeout: 60_000 });
  await page.keyboard.press('Escape');

  const table = page.getByTestId('recordings-table');
  for (const fixture of formats) {
    await test.step(fixture, async () => {
      await table.getByRole('link', { name: fixture, exact: true }).click();
      await expect(page.getByTestId('waveform')).toHaveAttribute('data-ready', 'true');
      await page.getByTestId('play-button').click();
      // Playing proves Chromium decodes what it was served (converted when it could not).
      // Ogg Opus reports duration Infinity in <audio>: only the playhead counts.
      await expect
        .poll(() => page.evaluate(() => document.querySelector('audio')?.currentTime ?? 0), { message: `${fixture} plays` })
        .toBeGreaterThan(0.5);
      expect(await page.evaluate(() => document.querySelector('audio')?.error?.code ?? null)).toBeNull();
      await page.getByTestId('play-button').click(); // pause before leaving
      await page.getByRole('link', { name: 'Opnames' }).click();
      await expect(table).toBeVisible();
    });
  }
});
