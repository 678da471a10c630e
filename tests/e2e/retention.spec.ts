import { fixtureCopyAs } from '../support/audio-fixtures';
import { checkScreen, expect, test } from './fixtures';

test('after the retention period the audio is gone but the call and its details stay', async ({ page }) => {
  await page.getByLabel('Naam').fill('Karim Bouzid');
  await page.getByLabel('Personeelsnummer').fill('9001');
  await page.getByRole('button', { name: 'Profiel aanmaken en beginnen' }).click();
  await page.getByRole('link', { name: 'Opnames' }).click();

  // A call from long ago, dated by its file name.
  await page.getByTestId('open-import').click();
  await page.getByTestId('file-input').setInputFiles(fixtureCopyAs('stereo-ulaw-8k.wav', '20240115-101500_1043_belastingen.wav'));
  await page.getByTestId('start-import').click();
  await expect(page.getByTestId('import-status')).toHaveText('Geïmporteerd');
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: 'Instellingen' }).click();
  await page.getByTestId('retention-months').fill('12');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await page.getByTestId('retention-run').click();
  await expect(page.getByTestId('retention-log')).toContainText('20240115-101500_1043_belastingen.wav');
  await checkScreen(page, '14-instellingen-bewaartermijn');

  await page.getByTestId('retention-log').getByRole('link').first().click();
  await expect(page.getByText('Audio verwijderd wegens bewaartermijn')).toBeVisible();
  await expect(page.getByTestId('waveform')).toHaveCount(0);
  await expect(page.getByText('Belastingen').first()).toBeVisible();
  await checkScreen(page, '15-audio-verwijderd');
});
