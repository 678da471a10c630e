import type { Page } from '@playwright/test';
import { holdCallWav } from '../support/hold-call';
import { checkScreen, expect, test } from './fixtures';
import { addStaff, createFirstProfile, importCall, ipc } from './seed';

test.use({ now: '2026-11-23T10:00:00' });

const media = (page: Page) =>
  page.evaluate(() => {
    const audio = document.querySelector('audio');
    return { time: audio?.currentTime ?? 0, muted: audio?.muted ?? false, volume: audio?.volume ?? 0, paused: audio?.paused ?? true };
  });

/** Every playback position the media element reports from now on, to prove what was (not) played. */
const recordPositions = (page: Page) =>
  page.evaluate(() => {
    const audio = document.querySelector('audio');
    const seen: number[] = [];
    Object.assign(window, { heardPositions: seen });
    audio?.addEventListener('timeupdate', () => seen.push(audio.currentTime));
  });
const recordedPositions = (page: Page) => page.evaluate(() => (window as unknown as { heardPositions: number[] }).heardPositions);

test('a coach skips or mutes the hold in a call, and the choice stays on this workstation', async ({ page }) => {
  test.setTimeout(120_000);
  await createFirstProfile(page, 'Karim Bouzid', '9001');
  const sanne = await addStaff(page, { name: 'Sanne de Vries', employeeNumber: '1043' });
  // 6 s of conversation, 24 s on hold (6–30 s), 6 s of conversation.
  const call = holdCallWav({ talkSeconds: 6, holdSeconds: 24 });
  const origin = new URL(page.url()).origin;
  const fileName = '20261103-093512_1043_burgerzaken.wav';
  const upload = await page.request.post(`${origin}/upload?name=${encodeURIComponent(fileName)}`, { data: call.wav });
  const { uploadId } = (await upload.json()) as { uploadId: string };
  const { recording } = await ipc(page, 'recordings.import', {
    uploadId,
    fileName,
    advisorId: sanne.id,
    callAt: '2026-11-03T09:35:12',
    topic: 'burgerzaken',
  });

  await page.goto(`${origin}/#/recordings/${recording.id}`);
  const waveform = page.getByTestId('waveform');
  await expect(waveform).toHaveAttribute('data-ready', 'true');
  const control = page.getByTestId('hold-control');
  await expect(page.getByTestId('hold-summary')).toHaveText('1 wachtstuk van 24 s');
  await expect(page.getByRole('radio', { name: 'Afspelen' })).toBeChecked();
  // The hold is a region on the waveform, not yet marked as skipped.
  const holdRegion = waveform.locator('[data-kind="silence"]');
  await expect(holdRegion).toHaveCount(1);
  await expect(holdRegion).not.toHaveAttribute('data-hold');

  // Skip: chosen once, still chosen after a restart of the screen.
  await control.getByText('Overslaan', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Overslaan' })).toBeChecked();
  await page.goto(`${origin}/#/recordings/${recording.id}?t=4`);
  await page.reload();
  await expect(waveform).toHaveAttribute('data-ready', 'true');
  await expect(page.getByRole('radio', { name: 'Overslaan' })).toBeChecked();
  await expect(holdRegion).toHaveAttribute('data-hold', 'skip');
  await expect(holdRegion).toHaveAttribute('title', /wordt overgeslagen/);
  await expect(page.getByTestId('player-time')).toHaveText('0:04 / 0:36');

  // Play from 2 s before the hold: the playhead passes 30 s long before 26 s of audio could play.
  await recordPositions(page);
  await page.keyboard.press('Space');
  await expect.poll(async () => (await media(page)).time, { timeout: 10_000 }).toBeGreaterThan(call.holdEnd + 0.2);
  const positions = await recordedPositions(page);
  expect(positions.some((t) => t < call.holdStart)).toBe(true);
  expect(positions.filter((t) => t > call.holdStart + 0.5 && t < call.holdEnd - 0.5)).toEqual([]);
  await expect(page.getByTestId('hold-notice')).toHaveText('Wachtstuk overgeslagen (24 s)');
  expect((await media(page)).muted).toBe(false);
  await checkScreen(page, 'wachtstuk-overgeslagen');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play-button')).toHaveAccessibleName('Afspelen');

  // Mute: picked with the mouse, then space still plays (the radio keeps only the arrows).
  await control.getByText('Dempen', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Dempen' })).toBeChecked();
  await expect(holdRegion).toHaveAttribute('data-hold', 'mute');
  const box = await waveform.boundingBox();
  if (!box) throw new Error('waveform has no box');
  await waveform.click({ position: { x: box.width * (4 / call.duration), y: box.height / 2 } });
  await expect.poll(async () => (await media(page)).time).toBeLessThan(call.holdStart - 1);
  expect((await media(page)).muted).toBe(false);
  await page.getByRole('radio', { name: 'Dempen' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play-button')).toHaveAccessibleName('Pauzeren');
  // Inside the hold: still playing, not skipped, silent.
  await expect.poll(async () => (await media(page)).time, { timeout: 10_000 }).toBeGreaterThan(call.holdStart + 0.5);
  const inside = await media(page);
  expect(inside).toMatchObject({ muted: true, paused: false, volume: 1 });
  expect(inside.time).toBeLessThan(call.holdStart + 3);
  await expect(page.getByTestId('hold-notice')).toHaveText('Wachtstuk gedempt tot 0:30');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play-button')).toHaveAccessibleName('Afspelen');
  await checkScreen(page, 'wachtstuk-gedempt');
  // 5 s jumps forward stay inside the hold and stay muted; after its end the sound is back.
  await page.getByTestId('play-button').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  const later = await media(page);
  expect(later.time).toBeGreaterThan(call.holdStart + 10);
  expect(later.time).toBeLessThan(call.holdEnd - 1);
  expect(later.muted).toBe(true);
  await page.keyboard.press('Space');
  await expect.poll(async () => (await media(page)).time, { timeout: 15_000 }).toBeGreaterThan(call.holdEnd + 0.2);
  expect(await media(page)).toMatchObject({ muted: false, volume: 1 });
  await expect(page.getByTestId('hold-notice')).toHaveText('');
  await page.keyboard.press('Space');

  // A call without a hold: nothing to choose, and the player says why.
  const quiet = await importCall(page, sanne.id, '2026-11-04T11:20:00', 'afval');
  await page.goto(`${origin}/#/recordings/${quiet}`);
  await expect(waveform).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('hold-summary')).toHaveText('Geen wachtstukken in dit gesprek: er valt niets over te slaan of te dempen.');
  await expect(page.getByRole('radio', { name: 'Overslaan' })).toBeDisabled();
  await checkScreen(page, 'wachtstukken-geen');
});
