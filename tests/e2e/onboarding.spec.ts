/*
 * Ready to run once the onboarding routes and the "Inwerken" menu item are mounted: rename to
 * onboarding.spec.ts (Playwright only picks up *.spec.ts, so until then it is type-checked only).
 */
import type { Page } from '@playwright/test';
import type { Onboarding, StaffMember } from '../../src-main/contract';
import { checkScreen, expect, test } from './fixtures';
import { addStaff, createFirstProfile, goTo, importCall, ipc, scoreCall, switchProfile } from './seed';

/** A Wednesday: the training weeks run Wednesday to Tuesday (week 2: 18–24 November). */
const startDate = '2026-11-11';

interface Cast {
  coach: StaffMember;
  trainer: StaffMember;
  newHire: StaffMember;
  buddy: StaffMember;
}

/** A coach's workstation with a trainer, a new advisor and an experienced one; signed in as the trainer. */
async function setUp(page: Page): Promise<Cast> {
  await createFirstProfile(page, 'Karim Bouzid', '9001');
  const coach = (await ipc(page, 'session.get', {})).profile!;
  const trainer = await addStaff(page, { name: 'Ellen Visser', employeeNumber: '7001', role: 'trainer' });
  const newHire = await addStaff(page, { name: 'Fatima el Amrani', employeeNumber: '1101' });
  const buddy = await addStaff(page, { name: 'Sanne de Vries', employeeNumber: '1043', startDate: '2019-03-01' });
  await switchProfile(page, trainer.id);
  return { coach, trainer, newHire, buddy };
}

/** Starts the track through the contract, as the start screen does, for tests that begin later on. */
async function seedTrack(page: Page, cast: Cast, buddyId: number | null): Promise<Onboarding> {
  const [program] = await ipc(page, 'onboarding.programs', {});
  return ipc(page, 'onboarding.start', {
    staffId: cast.newHire.id,
    startDate,
    trainerId: cast.trainer.id,
    programId: program!.id,
    buddyId,
  });
}

async function signOffWeeks(page: Page, track: Onboarding, weeks: number[], on: string): Promise<void> {
  const itemIds = track.weeks.filter((w) => weeks.includes(w.week)).flatMap((w) => w.items.map((i) => i.id));
  await ipc(page, 'onboarding.signOff', { itemIds, signedOffOn: on, note: '' });
}

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test.describe('in week 2 of the training', () => {
  test.use({ now: '2026-11-20T10:00:00' });

  test('a trainer starts an onboarding and signs off week 1', async ({ page }) => {
    const cast = await setUp(page);
    await goTo(page, 'Inwerken');
    await expect(page.getByRole('heading', { name: 'Inwerken', level: 1 })).toBeVisible();
    await expect(page.getByText('Er lopen geen inwerktrajecten.')).toBeVisible();
    await page.getByTestId('start-onboarding').click();

    await expect(page.getByRole('heading', { name: 'Inwerktraject starten', level: 1 })).toBeVisible();
    await choose(page, 'Nieuwe klantadviseur', 'Fatima el Amrani');
    await page.getByLabel('Startdatum').fill(startDate);
    // The signed-in trainer and the only program are already chosen.
    await expect(page.getByRole('combobox', { name: 'Trainer' })).toHaveValue('Ellen Visser');
    await expect(page.getByRole('combobox', { name: 'Inwerkprogramma' })).toHaveValue('Inwerkprogramma KCC — 3 weken');
    await choose(page, 'Beoogde buddy', 'Sanne de Vries');
    await expect(page.getByText('van de startmaand t/m januari 2027')).toBeVisible();
    await checkScreen(page, 'onboarding-01-starten');
    await page.getByTestId('start-submit').click();

    await expect(page).toHaveURL(/#\/onboarding\/\d+$/);
    await expect(page.getByRole('heading', { name: 'Inwerktraject · Fatima el Amrani', level: 1 })).toBeVisible();
    await expect(page.getByTestId('track-summary')).toContainText('Sanne de Vries');
    await expect(page.getByTestId('track-summary')).toContainText('8 per maand, november 2026 t/m januari 2027');
    // Today (Friday 20 November) is in week 2, so week 1 is past and all of it is overdue.
    const week1 = page.getByTestId('week-1');
    await expect(week1.getByTestId('week-1-progress')).toHaveText('0 van 12 afgetekend');
    await expect(week1.getByTestId('week-1-overdue')).toHaveText('12 te laat');
    await expect(page.getByTestId('week-2').getByTestId('week-2-overdue')).toHaveCount(0);

    // One item on its own, with a note; then the rest of the week at once.
    await week1.getByRole('button', { name: 'Aftekenen: Welkom, rondleiding en kennismaking met het team' }).click();
    const modal = page.getByRole('dialog', { name: 'Onderdeel aftekenen' });
    await expect(modal.getByLabel('Datum')).toHaveValue('2026-11-20');
    await modal.getByLabel('Datum').fill('2026-11-11');
    await modal.getByLabel('Notitie (optioneel)').fill('Goed ontvangen door het team.');
    await modal.getByTestId('sign-off-confirm').click();
    await expect(week1.getByTestId('week-1-progress')).toHaveText('1 van 12 afgetekend');
    await expect(week1).toContainText('11 nov. 2026 door Ellen Visser');
    await expect(week1).toContainText('Goed ontvangen door het team.');

    await page.getByRole('button', { name: 'Alle open onderdelen van week 1 aftekenen' }).click();
    const weekModal = page.getByRole('dialog', { name: 'Week 1 aftekenen' });
    await expect(weekModal).toContainText('Je tekent 11 onderdelen af:');
    await weekModal.getByLabel('Datum').fill('2026-11-17');
    await weekModal.getByTestId('sign-off-confirm').click();
    await expect(week1.getByTestId('week-1-progress')).toHaveText('12 van 12 afgetekend');
    await expect(week1.getByTestId('week-1-overdue')).toHaveCount(0);
    await checkScreen(page, 'onboarding-02-week-1-afgetekend');

    // On the dashboard: one new hire, in week 2, nothing overdue.
    await page.getByRole('link', { name: 'Terug naar Inwerken' }).click();
    const row = page.getByTestId(`timeline-row-${cast.newHire.id}`);
    await expect(row).toContainText('Week 2');
    await expect(row.locator('[data-current]')).toContainText('nu');
    await expect(row.locator('td').nth(2)).toContainText('12/12');
    await expect(page.getByText('Niets te laat')).toBeVisible();
    await checkScreen(page, 'onboarding-03-tijdlijn-week-2');
  });
});

test.describe('after week 2 has passed', () => {
  test.use({ now: '2026-11-26T10:00:00' });

  test('the trainer sees the week 2 items overdue, per new hire and on the dashboard', async ({ page }) => {
    const cast = await setUp(page);
    const track = await seedTrack(page, cast, cast.buddy.id);
    await signOffWeeks(page, track, [1], '2026-11-17');
    const week2Items = track.weeks[1]!.items.length;

    await goTo(page, 'Inwerken');
    const row = page.getByTestId(`timeline-row-${cast.newHire.id}`);
    await expect(row).toContainText('Week 3');
    await expect(row).toContainText(`${week2Items} te laat`);
    const overdue = page.getByTestId('overdue-table');
    await expect(overdue.locator('tbody tr')).toHaveCount(week2Items);
    await expect(overdue.locator('tbody tr').first()).toContainText('24 nov. 2026');
    await expect(overdue.locator('tbody tr').first().locator('td').nth(4)).toHaveText('2');
    await checkScreen(page, 'onboarding-04-te-laat-op-tijdlijn');

    await page.getByRole('link', { name: 'Inwerktraject openen: Fatima el Amrani' }).click();
    const week2 = page.getByTestId('week-2');
    await expect(week2.getByTestId('week-2-overdue')).toHaveText(`${week2Items} te laat`);
    await expect(week2.locator('tr[data-status="overdue"]')).toHaveCount(week2Items);
    await expect(page.getByTestId('week-3').getByTestId('week-3-overdue')).toHaveCount(0);
    await checkScreen(page, 'onboarding-05-week-2-te-laat');
  });
});

test.describe('in the buddy phase', () => {
  test.use({ now: '2026-12-21T10:00:00' });

  test('the trainer assigns a buddy, records the ladder and two check-ins, completes the track; the manager sees the ramp-up', async ({
    page,
  }) => {
    const cast = await setUp(page);
    const manager = await addStaff(page, { name: 'Ingrid Bakker', employeeNumber: '8001', role: 'manager' });
    const track = await seedTrack(page, cast, null);
    await signOffWeeks(page, track, [1, 2, 3], '2026-12-01');

    // A coach scores the new hire's first calls and the buddy's, for the ramp-up.
    await switchProfile(page, cast.coach.id);
    await scoreCall(page, await importCall(page, cast.newHire.id, '2026-11-27T10:15:00'), 'low');
    await scoreCall(page, await importCall(page, cast.newHire.id, '2026-12-09T11:00:00'), 'top');
    await scoreCall(page, await importCall(page, cast.buddy.id, '2026-11-18T09:00:00'), 'top');
    await scoreCall(page, await importCall(page, cast.buddy.id, '2026-12-03T14:30:00'), 'top');
    await switchProfile(page, cast.trainer.id);

    await goTo(page, 'Inwerken');
    await expect(page.getByTestId('checkins-due-table')).toContainText('Fatima el Amrani');
    await page.getByRole('link', { name: 'Inwerktraject openen: Fatima el Amrani' }).click();

    // The buddy phase opens first; without a buddy there are no check-ins yet.
    await expect(page.getByRole('tab', { name: 'Buddyfase', selected: true })).toBeVisible();
    await expect(page.getByText('Wijs eerst een buddy toe')).toBeVisible();
    await choose(page, 'Buddy', 'Sanne de Vries');
    await page.getByTestId('assign-save').click();
    await expect(page.getByTestId('track-summary')).toContainText('Sanne de Vries');
    await expect(page.getByTestId('checkin-due')).toContainText('Plan er een met Sanne de Vries');

    const ladder = page.getByTestId('ladder');
    const recordLevel = async (level: string, date: string) => {
      const form = page.getByRole('form', { name: `Volgende niveau: ${level}` });
      await form.getByLabel('Datum bereikt').fill(date);
      await form.getByTestId('record-level').click();
      await expect(ladder.locator('li', { hasText: level })).toHaveAttribute('data-reached', 'true');
    };
    const recordCheckin = async (date: string, wentWell: string, toPractise: string) => {
      const form = page.getByRole('form', { name: 'Check-in vastleggen' });
      await form.getByLabel('Datum').fill(date);
      await form.getByLabel('Wat ging goed').fill(wentWell);
      await form.getByLabel('Wat nog oefenen').fill(toPractise);
      await form.getByTestId('checkin-save').click();
      await expect(page.getByTestId('checkins')).toContainText(wentWell);
    };

    await recordLevel('Meeluisteren', '2026-12-02');
    await recordLevel('Bellen met buddy ernaast', '2026-12-07');
    await recordCheckin('2026-12-08', 'Opent elk gesprek met naam en gemeente.', 'Terugbelnotities vollediger maken.');
    await recordLevel('Zelfstandig met buddy beschikbaar', '2026-12-14');
    await recordCheckin('2026-12-15', 'Verbindt warm door en stelt de collega voor.', 'Rustig blijven bij boze inwoners.');
    await expect(page.getByTestId('checkins').locator('li')).toHaveCount(2);
    await expect(page.getByTestId('checkin-due')).toHaveCount(0);
    await checkScreen(page, 'onboarding-06-buddyfase');
    await recordLevel('Volledig zelfstandig', '2026-12-18');
    await expect(page.getByText('Alle niveaus zijn bereikt.')).toBeVisible();

    await page.getByRole('tab', { name: 'Afronden' }).click();
    await expect(page.getByTestId('complete-checks')).toContainText('Alle onderdelen afgetekend (32 van 32) (voldaan)');
    await expect(page.getByTestId('complete-checks')).toContainText('Volledig zelfstandig sinds 18 dec. 2026 (voldaan)');
    await page.getByLabel('Afsluitende notitie (optioneel)').fill('Klaar voor de vloer.');
    await page.getByTestId('complete-submit').click();
    await expect(page.getByTestId('completed-banner')).toContainText('Afgerond op 21 dec. 2026 door Ellen Visser');
    await checkScreen(page, 'onboarding-07-afgerond');
    expect((await ipc(page, 'staff.get', { id: cast.newHire.id })).status).toBe('active');

    // The manager reads the finished track and the ramp-up against the team.
    await switchProfile(page, manager.id);
    await goTo(page, 'Inwerken');
    await page.getByLabel('Ook afgeronde trajecten tonen').check();
    await page.getByRole('link', { name: 'Inwerktraject openen: Fatima el Amrani' }).click();
    await expect(page.getByTestId('week-3').getByTestId('week-3-progress')).toHaveText('9 van 9 afgetekend');
    await page.getByRole('tab', { name: 'Opstart' }).click();
    const chart = page.getByTestId('ramp-up-chart');
    await expect(chart.getByTestId('chart')).toHaveAttribute('aria-label', /Fatima el Amrani: november 2026 .*december 2026 100,0%/);
    await chart.getByTestId('toggle-table').click();
    const table = chart.getByTestId('chart-table');
    await expect(table.locator('tbody tr')).toHaveCount(2);
    await expect(table.locator('tbody tr').nth(1)).toContainText('december 2026');
    await expect(table.locator('tbody tr').nth(1)).toContainText('100,0%');
    await checkScreen(page, 'onboarding-08-opstart');
  });
});
