import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import readXlsxFile from 'read-excel-file/node';
import type { Answer, Criterion, Evaluation, StaffMember } from '../../src-main/contract';
import { checkScreen, expect, test } from './fixtures';
import { addStaff, createFirstProfile, goTo, importCall, ipc, switchProfile } from './seed';

test.use({ now: '2026-11-23T10:00:00' });

interface Seeded {
  coachId: number;
  manager: StaffMember;
  sanne: StaffMember;
  ahmed: StaffMember;
  lotte: StaffMember;
  /** Finished evaluations by advisor id and month. */
  scores: Map<number, Map<string, Evaluation[]>>;
  markedEvaluation: Evaluation;
}

/**
 * How a seeded call is scored: top = full marks; mid = the non-critical criteria of the first three
 * sections missed; critical = as mid, and the compliance-critical criteria missed too; low = all missed.
 */
type Level = 'top' | 'mid' | 'critical' | 'low';

async function scoreAs(page: Page, recordingId: number, level: Level): Promise<Evaluation> {
  const started = await ipc(page, 'evaluations.start', { recordingId });
  const rubric = await ipc(page, 'rubrics.getVersion', { id: started.rubricVersionId });
  const missed = (c: Criterion, sectionIndex: number) =>
    level === 'low' ||
    ((level === 'mid' || level === 'critical') && sectionIndex < 3 && c.criticalClass === null) ||
    (level === 'critical' && c.criticalClass === 'compliance');
  const answers: Answer[] = rubric.sections.flatMap((s, i) =>
    s.criteria.map((c) => ({
      criterionId: c.id,
      value: missed(c, i) ? (c.type === 'yes_no' ? 0 : 1) : c.type === 'yes_no' ? 1 : c.scaleMax,
      na: false,
      note: '',
    })),
  );
  await ipc(page, 'evaluations.saveDraft', { id: started.id, tops: '', tips: '', answers });
  return ipc(page, 'evaluations.finalize', { id: started.id });
}

/**
 * One team, one coach, three advisors over four months:
 * - Sanne scores top every month;
 * - Ahmed scores top in August and September, then misses criteria in October and November (a
 *   decline), with a critical error and a marked moment in a November call; three action points;
 * - Lotte, a new hire in onboarding, has one top and one low call in November.
 */
async function seedTeam(page: Page): Promise<Seeded> {
  await createFirstProfile(page, 'Karim Bouzid', '9001');
  const coachId = (await ipc(page, 'session.get', {})).profile!.id;
  const manager = await addStaff(page, { name: 'Marieke Jansen', employeeNumber: '9100', role: 'manager' });
  const sanne = await addStaff(page, { name: 'Sanne de Vries', employeeNumber: '1043', startDate: '2023-02-01' });
  const ahmed = await addStaff(page, { name: 'Ahmed Yilmaz', employeeNumber: '1044', startDate: '2022-09-01' });
  const hired = await addStaff(page, { name: 'Lotte Bakker', employeeNumber: '1045', startDate: '2026-10-20' });
  const lotte = await ipc(page, 'staff.update', { ...hired, status: 'onboarding' });
  await ipc(page, 'coaching.assign', { advisorIds: [sanne.id, ahmed.id, lotte.id], coachId, fromDate: '2026-08-01' });

  const scores = new Map<number, Map<string, Evaluation[]>>();
  const score = async (advisor: StaffMember, callAt: string, level: Level) => {
    const evaluation = await scoreAs(page, await importCall(page, advisor.id, callAt), level);
    const byMonth = scores.get(advisor.id) ?? new Map<string, Evaluation[]>();
    byMonth.set(evaluation.period, [...(byMonth.get(evaluation.period) ?? []), evaluation]);
    scores.set(advisor.id, byMonth);
    return evaluation;
  };
  for (const month of ['08', '09', '10', '11']) {
    await score(sanne, `2026-${month}-05T09:30:00`, 'top');
    await score(sanne, `2026-${month}-14T11:00:00`, 'top');
  }
  for (const month of ['08', '09']) {
    await score(ahmed, `2026-${month}-06T10:00:00`, 'top');
    await score(ahmed, `2026-${month}-15T14:00:00`, 'top');
  }
  const october = [await score(ahmed, '2026-10-07T10:00:00', 'mid'), await score(ahmed, '2026-10-16T15:00:00', 'mid')];
  await score(ahmed, '2026-11-04T09:00:00', 'mid');
  const markedEvaluation = await score(ahmed, '2026-11-12T13:00:00', 'critical');
  await score(lotte, '2026-11-09T10:30:00', 'top');
  await score(lotte, '2026-11-18T16:00:00', 'low');

  // Feedback can only follow finalisation, which is "today" for every seeded evaluation.
  const session = await ipc(page, 'feedback.record', {
    advisorId: ahmed.id,
    heldOn: '2026-11-23',
    evaluationIds: october.map((e) => e.id),
    tops: 'Rustig en vriendelijk.',
    tips: 'Controleer de identiteit voordat je gegevens deelt.',
    reaction: '',
    agreement: 'agreed',
    disagreementComment: '',
    actionPoints: [
      { description: 'Controleer altijd geboortedatum en adres', criterionId: null, dueDate: '2026-12-15' },
      { description: 'Vat de vraag samen voordat je antwoordt', criterionId: null, dueDate: '2026-11-30' },
      { description: 'Noem je naam en de gemeente bij de opening', criterionId: null, dueDate: '2026-12-01' },
    ],
    followUps: [],
  });
  const opening = session.actionPoints.find((a) => a.description.startsWith('Noem'))!;
  await ipc(page, 'actionPoints.update', { id: opening.id, status: 'done', followUpNote: 'Gaat goed.' });
  await ipc(page, 'markers.add', {
    recordingId: markedEvaluation.recordingId,
    evaluationId: markedEvaluation.id,
    atSeconds: 1.4,
    text: 'Geen identiteitscontrole',
  });
  return { coachId, manager, sanne, ahmed, lotte, scores, markedEvaluation };
}

test('a coach follows an advisor on the trend page: scores, rolling average, action points and the decline alert', async ({ page }) => {
  test.setTimeout(150_000);
  const seeded = await seedTeam(page);
  const { ahmed } = seeded;

  await goTo(page, 'Medewerkers');
  await page.getByTestId('staff-table').getByRole('link', { name: 'Ahmed Yilmaz' }).click();
  await page.getByTestId('open-trend').click();
  await expect(page).toHaveURL(new RegExp(`#/staff/${ahmed.id}/trend$`));
  await expect(page.getByRole('heading', { name: 'Trend — Ahmed Yilmaz', level: 1 })).toBeVisible();

  const alert = page.getByTestId('decline-alert');
  await expect(alert).toContainText('Twee maanden onder de norm');
  await expect(alert).toContainText('10 punten onder het voortschrijdend gemiddelde');

  const total = page.getByTestId('trend-total');
  await expect(total.getByTestId('action-point-legend')).toContainText('A1 Controleer altijd geboortedatum en adres');
  await total.getByRole('button', { name: 'Tabel tonen: Totaalscore per maand' }).click();
  const table = total.getByTestId('chart-table');
  await expect(table.getByRole('row', { name: /augustus 2026/ })).toContainText('100,0%');
  await expect(table.getByRole('row', { name: /november 2026/ })).toContainText('A1, A2, A3 afgesproken; A3 afgerond');

  // The section chart carries the rolling and team lines too, and its table the columns behind them.
  const detail = page.getByTestId('trend-detail-chart');
  await detail.getByRole('button', { name: /^Tabel tonen: Score per maand: / }).click();
  const detailTable = detail.getByTestId('chart-table');
  await expect(detailTable.getByRole('columnheader', { name: /^Voortschrijdend gemiddelde/ })).toBeVisible();
  await expect(detailTable.getByRole('columnheader', { name: 'Teamgemiddelde' })).toBeVisible();
  await checkScreen(page, 'rapportage-01-trend');

  // Drill down to the marked moment of a November call.
  await page.getByTestId('trend-evaluations').getByTestId('marker-link').click();
  await expect(page).toHaveURL(new RegExp(`#/evaluations/${seeded.markedEvaluation.id}\\?t=1$`));
});

test('the staff list shows a sparkline of the last six months per advisor, read out as numbers', async ({ page }) => {
  test.setTimeout(150_000);
  const { ahmed, sanne } = await seedTeam(page);
  await goTo(page, 'Medewerkers');
  const ahmedRow = page.getByTestId('staff-row').filter({ hasText: 'Ahmed Yilmaz' });
  const expected = ahmedMonthlyLabel(await ipc(page, 'reports.staffSparklines', {}), ahmed.id);
  await expect(ahmedRow.getByTestId('sparkline')).toHaveAccessibleName(expected);
  await expect(page.getByTestId('staff-row').filter({ hasText: 'Sanne de Vries' }).getByTestId('sparkline')).toHaveAccessibleName(
    'Scores laatste 6 maanden: geen, geen, 100, 100, 100, 100',
  );
  expect(sanne.id).toBeGreaterThan(0);
  await checkScreen(page, 'rapportage-02-medewerkers-sparklines');
});

/** The label the sparkline should read out, from the channel's own numbers. */
function ahmedMonthlyLabel(data: { advisors: Array<{ advisorId: number; scores: Array<number | null> }> }, advisorId: number): string {
  const scores = data.advisors.find((a) => a.advisorId === advisorId)!.scores;
  return `Scores laatste 6 maanden: ${scores.map((s) => (s === null ? 'geen' : String(Math.round(s)))).join(', ')}`;
}

/** 82,5% — how the Dutch screen writes a percentage. */
const nl = (pct: number) => `${pct.toFixed(1).replace('.', ',')}%`;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

test('a manager reads the month on the dashboard, drills down to a marked moment and exports XLSX and PDF', async ({ page }) => {
  test.setTimeout(180_000);
  const seeded = await seedTeam(page);
  const { ahmed, coachId, markedEvaluation, scores } = seeded;
  const month = (period: string) => [...scores.values()].flatMap((byMonth) => byMonth.get(period) ?? []);
  const november = month('2026-11');
  const october = month('2026-10');

  // Hand-computed from the seeded evaluations: every evaluation weighs the same.
  const avgNov = mean(november.map((e) => e.result.scorePct!));
  const avgOct = mean(october.map((e) => e.result.scorePct!));
  const criticalFreeNov = (november.filter((e) => !e.result.hasCriticalError).length / november.length) * 100;
  const complianceFreeNov = (november.filter((e) => !e.result.critical.compliance).length / november.length) * 100;
  const advisorNov = (id: number) =>
    mean(
      scores
        .get(id)!
        .get('2026-11')!
        .map((e) => e.result.scorePct!),
    );
  const belowTarget = [seeded.sanne, ahmed, seeded.lotte].filter((a) => advisorNov(a.id) < 85);

  // A manager starts on the dashboard, on this month.
  await switchProfile(page, seeded.manager.id);
  await page.goto(`${new URL(page.url()).origin}/#/`);
  await expect(page).toHaveURL(/#\/dashboard$/);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page.getByText('Alle teams · november 2026 vergeleken met oktober 2026')).toBeVisible();
  const card = (id: string) => page.getByTestId(id).getByTestId('value');
  await expect(card('card-avg-score')).toHaveText(nl(avgNov));
  await expect(page.getByTestId('card-avg-score').getByTestId('delta')).toContainText('oktober 2026');
  await expect(card('card-completion')).toHaveText(nl((6 / 12) * 100));
  await expect(page.getByTestId('card-completion')).toContainText('6 van 12');
  await expect(card('card-critical-free')).toHaveText(nl(criticalFreeNov));
  await expect(card('card-below-target')).toHaveText(String(belowTarget.length));
  await expect(card('card-action-points')).toHaveText('2');

  const advisorsTable = page.getByTestId('advisors-table');
  const ahmedRow = advisorsTable.getByRole('row', { name: /Ahmed Yilmaz/ });
  await expect(ahmedRow).toContainText(nl(advisorNov(ahmed.id)));
  await expect(page.getByTestId('below-target-table')).toContainText('Ahmed Yilmaz');
  await expect(page.getByTestId('new-hires-table')).toContainText('Lotte Bakker');
  await expect(page.getByTestId('action-points-table').getByRole('row')).toHaveCount(3);

  // Any table copies or downloads as CSV; every chart has its table one click away.
  await page.getByTestId('critical').getByRole('button', { name: 'Tabel tonen: Zonder kritieke fout per COPC-klasse' }).click();
  await expect(page.getByTestId('critical').getByRole('row', { name: /Compliancekritisch/ })).toContainText(nl(complianceFreeNov));
  const csv = page.waitForEvent('download');
  await page.getByTestId('advisors').getByRole('button', { name: 'CSV: Per klantadviseur' }).click();
  expect((await csv).suggestedFilename()).toBe('medewerkers-2026-11.csv');
  await checkScreen(page, 'rapportage-03-dashboard');

  // XLSX: the same numbers, read back from the workbook.
  const xlsx = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  const file = await xlsx;
  expect(file.suggestedFilename()).toBe('maandrapportage-2026-11.xlsx');
  const sheets = await readXlsxFile((await file.path())!);
  expect(sheets.map((s) => s.sheet)).toEqual(['samenvatting', 'per medewerker', 'per criterium', 'actiepunten']);
  const sheet = (name: string) => sheets.find((s) => s.sheet === name)!.data;
  expect(sheet('samenvatting')[0]?.[0]).toBe('Maandrapportage kwaliteitsmonitoring — alle teams — november 2026');
  const summaryRow = (label: string) => sheet('samenvatting').find((row) => row[0] === label)!;
  expect(summaryRow('Gemiddelde score')[1]).toBeCloseTo(avgNov, 6);
  expect(summaryRow('Gemiddelde score')[2]).toBeCloseTo(avgOct, 6);
  expect(summaryRow('Gedaan')[1]).toBe(6);
  expect(summaryRow('Gepland')[1]).toBe(12);
  expect(summaryRow('Zonder kritieke fout (alle klassen)')[1]).toBeCloseTo(criticalFreeNov, 6);
  expect(summaryRow('Klantadviseurs onder de norm')[1]).toBe(belowTarget.length);
  const perAdvisor = sheet('per medewerker');
  expect(perAdvisor[0]).toContain('Score');
  const scoreColumn = perAdvisor[0]!.indexOf('Score');
  for (const advisor of [seeded.sanne, ahmed, seeded.lotte]) {
    const row = perAdvisor.find((r) => r[0] === advisor.name)!;
    expect(row[scoreColumn]).toBeCloseTo(advisorNov(advisor.id), 6);
    // The dashboard shows the same figure, rounded.
    await expect(advisorsTable.getByRole('row', { name: new RegExp(advisor.name) })).toContainText(nl(Number(row[scoreColumn])));
  }
  expect(
    sheet('actiepunten')
      .slice(1)
      .map((r) => r[1]),
  ).toEqual(expect.arrayContaining(['Controleer altijd geboortedatum en adres', 'Vat de vraag samen voordat je antwoordt']));
  expect(sheet('per criterium').length).toBeGreaterThan(1);

  // The manager lowers the default norm to 80%: Ahmed (75%) stays below it.
  await page.getByTestId('open-targets').click();
  const targets = page.getByRole('dialog', { name: 'Normen instellen' });
  await targets.getByLabel('Standaardnorm').fill('80');
  await checkScreen(page, 'rapportage-06-normen');
  await targets.getByTestId('save-targets').click();
  await expect(targets).toBeHidden();
  await expect(page.getByTestId('card-below-target')).toContainText('Norm: 80,0%');
  await expect(card('card-below-target')).toHaveText(
    String([seeded.sanne, ahmed, seeded.lotte].filter((a) => advisorNov(a.id) < 80).length),
  );

  // Drill-down: team → coach → advisor → evaluation → the marked moment.
  await page.getByTestId('coaches-table').getByRole('link', { name: 'Karim Bouzid' }).click();
  await expect(page).toHaveURL(new RegExp(`#/my-month\\?period=2026-11&coach=${coachId}$`));
  await page.getByTestId(`advisor-row-${ahmed.id}`).getByRole('link', { name: 'Ahmed Yilmaz', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/staff/${ahmed.id}$`));
  await page.locator(`[data-testid="evaluation-row"][data-evaluation-id="${markedEvaluation.id}"]`).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#/evaluations/${markedEvaluation.id}$`));
  await expect(page.getByRole('button', { name: 'Spring naar 0:01' })).toBeVisible();

  // PDF: the report route as Chromium prints it, first page turned into a PNG to look at.
  await page.goto(`${new URL(page.url()).origin}/#/report/2026-11`);
  await expect(page.getByTestId('report-title')).toHaveText('Maandrapportage kwaliteitsmonitoring — alle teams — november 2026');
  await expect(page.getByTestId('report-summary').getByRole('row', { name: /Gemiddelde score/ })).toContainText(nl(avgNov));
  await checkScreen(page, 'rapportage-04-maandrapport');
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const dir = join('test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const pdfPath = join(dir, 'rapportage-05-maandrapport.pdf');
  writeFileSync(pdfPath, pdf);
  // pdftoppm (poppler-utils) is installed by .ci/run.
  execFileSync('pdftoppm', ['-png', '-r', '80', pdfPath, join(dir, 'rapportage-05-maandrapport-pagina')]);
  expect(existsSync(join(dir, 'rapportage-05-maandrapport-pagina-1.png'))).toBe(true);
});
