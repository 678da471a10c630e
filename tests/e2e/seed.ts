import type { Page } from '@playwright/test';
import type { Answer, ChannelInput, ChannelName, ChannelOutput, Evaluation, RubricVersion, StaffMember } from '../../src-main/contract';
import { tinyWav } from '../support/tiny-wav';
import { expect } from './fixtures';

/**
 * Test data through the app's own contract (POST /ipc/<channel>), with the page's session cookie:
 * the same validation and core as the screens use, only faster than clicking.
 */
export async function ipc<C extends ChannelName>(page: Page, channel: C, data: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const res = await page.request.post(`${new URL(page.url()).origin}/ipc/${channel}`, { data });
  const body = (await res.json()) as { ok: boolean; data?: ChannelOutput<C>; error?: unknown };
  expect(body.ok, `${channel}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.data as ChannelOutput<C>;
}

/** Creates the first profile on the welcome screen (a coach) and waits for the app. */
export async function createFirstProfile(page: Page, name: string, employeeNumber: string): Promise<void> {
  await page.getByLabel('Naam').fill(name);
  await page.getByLabel('Personeelsnummer').fill(employeeNumber);
  await page.getByLabel('Team').fill('KCC Noord');
  await page.getByRole('button', { name: 'Profiel aanmaken en beginnen' }).click();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
}

export async function addStaff(
  page: Page,
  fields: { name: string; employeeNumber: string; role?: StaffMember['role']; team?: string; startDate?: string | null },
): Promise<StaffMember> {
  return ipc(page, 'staff.create', {
    name: fields.name,
    employeeNumber: fields.employeeNumber,
    team: fields.team ?? 'KCC Noord',
    role: fields.role ?? 'advisor',
    startDate: fields.startDate ?? null,
    status: 'active',
  });
}

/** Signs in as another profile and reloads, as a colleague at the same workstation would. */
export async function switchProfile(page: Page, staffId: number): Promise<void> {
  await ipc(page, 'session.selectProfile', { staffId });
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
}

let callCounter = 0;

/** Imports a short, silent call (a few seconds of 8 kHz WAV) for an advisor. */
export async function importCall(page: Page, advisorId: number, callAt: string, topic = 'burgerzaken'): Promise<number> {
  callCounter += 1;
  const fileName = `${callAt.replace(/[-:T]/g, '')}_${advisorId}_${callCounter}.wav`;
  // A distinct length per call keeps the content hash (and so the recording) distinct.
  const wav = tinyWav({ milliseconds: 2000 + callCounter * 10, sampleRate: 8000, channels: 1, bits: 16 });
  const res = await page.request.post(`${new URL(page.url()).origin}/upload?name=${encodeURIComponent(fileName)}`, { data: wav });
  const { uploadId } = (await res.json()) as { uploadId: string };
  const imported = await ipc(page, 'recordings.import', { uploadId, fileName, advisorId, callAt, topic });
  return imported.recording.id;
}

/**
 * Scores a call on the current rubric as the signed-in coach and finalises it. `level` picks the
 * answer for every criterion: 'top' (all yes / highest level) or 'low' (all no / lowest level).
 */
export async function scoreCall(page: Page, recordingId: number, level: 'top' | 'low' = 'top', tops = '', tips = ''): Promise<Evaluation> {
  const started = await ipc(page, 'evaluations.start', { recordingId });
  const rubric: RubricVersion = await ipc(page, 'rubrics.getVersion', { id: started.rubricVersionId });
  const answers: Answer[] = rubric.sections.flatMap((s) =>
    s.criteria.map((c) => ({
      criterionId: c.id,
      value: level === 'top' ? (c.type === 'yes_no' ? 1 : c.scaleMax) : c.type === 'yes_no' ? 0 : 1,
      na: false,
      note: '',
    })),
  );
  await ipc(page, 'evaluations.saveDraft', { id: started.id, tops, tips, answers });
  return ipc(page, 'evaluations.finalize', { id: started.id });
}

/** Follows a main-menu item (other links on a screen may carry the same words). */
export async function goTo(page: Page, menuItem: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: menuItem, exact: true }).click();
}
