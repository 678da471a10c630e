import { checkScreen, expect, test } from './fixtures';
import { addStaff, createFirstProfile, goTo, importCall, ipc } from './seed';

const names = [
  'Anouk Jansen',
  'Bram de Wit',
  'Yasmina El Idrissi',
  'Daan Visser',
  'Fatima Ouali',
  'Gert-Jan Mulder',
  'Ilse van Dijk',
  'Jeroen Bakker',
  'Lotte Smit',
  'Mohamed Amrani',
];

test.use({ now: '2026-11-23T10:00:00' });

test('a coach plans the month, follows it on Mijn maand and scores four calls of one advisor in one click each', async ({ page }) => {
  test.setTimeout(150_000);
  await createFirstProfile(page, 'Karim Bouzid', '9001');
  const session = await ipc(page, 'session.get', {});
  const karim = session.profile!.id;
  const ellen = await addStaff(page, { name: 'Ellen de Boer', employeeNumber: '9002', role: 'coach' });
  const advisors = [];
  for (const [i, name] of names.entries()) advisors.push(await addStaff(page, { name, employeeNumber: String(2101 + i) }));
  const anouk = advisors[0]!;
  // Five calls of Anouk in November, in different weeks; the sample will take four.
  for (const day of ['03', '06', '11', '17', '19']) await importCall(page, anouk.id, `2026-11-${day}T10:15:00`);

  // Planning: all ten with Karim; the screen shows each with the coach.
  await ipc(page, 'coaching.assign', { advisorIds: advisors.map((a) => a.id), coachId: karim, fromDate: '2026-11-01' });
  await goTo(page, 'Planning');
  await expect(page.getByRole('heading', { name: 'Planning', level: 1 })).toBeVisible();
  await expect(page.getByTestId('assignments-table').getByRole('row')).toHaveCount(11);
  await expect(page.getByTestId('assignments-table')).toContainText('Karim Bouzid');
  await checkScreen(page, 'planning');

  // Mijn maand: 0 of 40, nothing sampled yet.
  await goTo(page, 'Mijn maand');
  await expect(page.getByTestId('stat-scored')).toContainText('0 van 40');
  await expect(page.getByTestId('my-month-table').getByRole('row')).toHaveCount(11);
  await expect(page.getByTestId('no-sample')).toBeVisible();
  await expect(page.getByTestId('next-call')).toBeDisabled();
  await checkScreen(page, 'mijn-maand-leeg');

  // Draw November's sample for everyone (the short test calls need a minimum duration of 0).
  await page.getByTestId('no-sample').getByRole('link', { name: 'Steekproef trekken' }).click();
  await page.getByRole('combobox', { name: 'Maand' }).click();
  await page.getByRole('option', { name: 'november 2026' }).click();
  await page.getByLabel('Minimale duur (s)').fill('0');
  await page.getByRole('button', { name: 'Steekproef trekken' }).click();
  await expect(page.getByTestId('sample-pick')).toHaveCount(4);

  // Four times: one click on "next call" opens a draft of the next sampled call; finish it.
  await goTo(page, 'Mijn maand');
  const anoukRow = page.getByTestId(`advisor-row-${anouk.id}`);
  await expect(anoukRow).toContainText('0/4');
  for (let n = 1; n <= 4; n++) {
    await page.getByTestId('next-call').click();
    await expect(page).toHaveURL(/#\/evaluations\/\d+$/);
    const evaluationId = Number(/evaluations\/(\d+)/.exec(page.url())![1]);
    const evaluation = await ipc(page, 'evaluations.get', { id: evaluationId });
    expect(evaluation).toMatchObject({ advisorName: 'Anouk Jansen', status: 'draft' });
    const rubric = await ipc(page, 'rubrics.getVersion', { id: evaluation.rubricVersionId });
    const answers = rubric.sections.flatMap((s) =>
      s.criteria.map((c) => ({ criterionId: c.id, value: c.type === 'yes_no' ? 1 : c.scaleMax - (n % 2), na: false, note: '' })),
    );
    await ipc(page, 'evaluations.saveDraft', { id: evaluationId, tops: `Top ${n}: rustige uitleg`, tips: `Tip ${n}: vat samen`, answers });
    await ipc(page, 'evaluations.finalize', { id: evaluationId });
    await goTo(page, 'Mijn maand');
    await expect(anoukRow).toContainText(`${n}/4`);
  }
  await expect(page.getByTestId('stat-scored')).toContainText('4 van 40');
  await expect(anoukRow).toContainText('Klaar');
  await expect(page.getByTestId('stat-feedback')).toContainText('4');
  await expect(page.getByTestId('next-call')).toBeDisabled();
  await checkScreen(page, 'mijn-maand-4-van-4');

  // The team view: Karim at 4 of 40 on day 23 of 30, everyone else behind; Ellen has nobody.
  await goTo(page, 'Team');
  await expect(page.getByTestId('team-total')).toContainText('4 van 40');
  const karimRow = page.getByTestId(`coach-row-${karim}`);
  await expect(karimRow).toContainText('4/40');
  // 40 × 23/30 = 30,7 expected; 4 / 30,7 = 13%.
  await expect(karimRow.getByTestId('on-schedule')).toHaveText('13%');
  await expect(karimRow).toContainText('Bram de Wit (0/4)');
  await expect(karimRow).not.toContainText('Anouk Jansen (');
  await expect(page.getByTestId(`coach-row-${ellen.id}`)).toContainText('0/0');
  await checkScreen(page, 'team');

  // Feedback from Mijn maand: the four evaluations, two action points, akkoord.
  await goTo(page, 'Mijn maand');
  await anoukRow.getByRole('link', { name: 'Feedbackgesprek: Anouk Jansen' }).click();
  await expect(page.getByRole('heading', { name: 'Feedbackgesprek met Anouk Jansen', level: 1 })).toBeVisible();
  await expect(page.getByTestId('candidate')).toHaveCount(4);
  await expect(page.getByLabel('Tops — wat ging goed')).toHaveValue(/• Top 1: rustige uitleg/);
  await page.getByLabel('Reactie van Anouk Jansen').fill('Herkent het samenvatten; wil daar deze maand op letten.');
  await page.getByRole('radio', { name: 'Akkoord', exact: true }).check();
  await page.getByTestId('add-action-point').click();
  await page.getByTestId('add-action-point').click();
  const points = page.getByTestId('new-action-point');
  await points.nth(0).getByRole('textbox', { name: 'Actiepunt', exact: true }).fill('Vat de vraag samen voordat je antwoordt');
  await points.nth(1).getByRole('textbox', { name: 'Actiepunt', exact: true }).fill('Noem je naam en de gemeente bij de opening');
  await expect(points.nth(0).getByLabel('Streefdatum')).toHaveValue('2026-12-31');
  await page.getByTestId('save-session').click();
  await expect(page).toHaveURL(/#\/feedback\/\d+$/);
  await expect(page.getByTestId('session-evaluation')).toHaveCount(4);

  // Bram goes on leave in December: an override of 0 on the planning screen.
  await goTo(page, 'Planning');
  await page.getByTestId('override-advisor').click();
  await page.getByRole('option', { name: 'Bram de Wit' }).click();
  await page.getByRole('combobox', { name: 'Vanaf maand' }).click();
  await page.getByRole('option', { name: 'december 2026' }).click();
  await page.getByRole('combobox', { name: 'T/m maand (leeg = tot nader order)' }).click();
  await page.getByRole('option', { name: 'december 2026' }).click();
  await page.getByLabel('Per maand').fill('0');
  await page.getByRole('combobox', { name: 'Reden' }).fill('verlof');
  await page.getByTestId('override-submit').click();
  await expect(page.getByTestId('overrides-table')).toContainText('december 2026 t/m december 2026');
  await checkScreen(page, 'planning-afwijking');

  // This month: nothing left to give feedback on. Next month: Anouk starts at 0 of 4 and her two
  // action points are on the worklist to follow up; Bram, on leave, is not planned.
  await goTo(page, 'Mijn maand');
  await expect(page.getByTestId('stat-feedback')).toContainText('0');
  await page.getByRole('combobox', { name: 'Maand' }).click();
  await page.getByRole('option', { name: 'december 2026' }).click();
  await expect(page.getByTestId('stat-scored')).toContainText('0 van 36');
  await expect(page.getByTestId(`advisor-row-${advisors[1]!.id}`)).toHaveCount(0);
  await expect(anoukRow).toContainText('0/4');
  await expect(anoukRow).toContainText('2 deze maand');
  const followUps = page.getByTestId('month-action-point');
  await expect(followUps).toHaveCount(2);
  await expect(followUps.first()).toContainText('Anouk Jansen');
  await expect(page.getByTestId('month-action-points')).toContainText('Vat de vraag samen voordat je antwoordt');
  await expect(page.getByTestId('month-action-points')).toContainText('Noem je naam en de gemeente bij de opening');
  await checkScreen(page, 'mijn-maand-volgende-maand');

  // Anouk's next call: the evaluation screen shows her open action points.
  const december = await importCall(page, anouk.id, '2026-12-02T09:10:00');
  const next = await ipc(page, 'evaluations.start', { recordingId: december });
  await page.goto(`${new URL(page.url()).origin}/#/evaluations/${next.id}`);
  const panel = page.getByTestId('action-points-panel');
  await expect(panel.getByTestId('action-point')).toHaveCount(2);
  await expect(panel).toContainText('Vat de vraag samen voordat je antwoordt');
  await checkScreen(page, 'volgende-gesprek-met-actiepunten');
});
