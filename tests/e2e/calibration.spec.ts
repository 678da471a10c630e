import type { Page } from '@playwright/test';
import type { Answer, RubricVersion } from '../../src-main/contract';
import { checkScreen, expect, test } from './fixtures';
import { addStaff, createFirstProfile, goTo, importCall, ipc, switchProfile } from './seed';

test.use({ now: '2026-11-23T10:00:00' });

const open = (page: Page, path: string) => page.goto(`${new URL(page.url()).origin}/#${path}`);

/** A raw call that may fail, to see the refusal itself. */
async function ipcResult(page: Page, channel: string, data: unknown): Promise<{ ok: boolean; error?: { code: string } }> {
  const res = await page.request.post(`${new URL(page.url()).origin}/ipc/${channel}`, { data });
  return (await res.json()) as { ok: boolean; error?: { code: string } };
}

type Choice = number | 'na';

/** How a careful coach would score this call; each coach below differs from it on a few criteria. */
const baseAnswers: Record<string, Choice> = {
  begroeting: 1,
  'opname-melding': 'na',
  identiteit: 1,
  derden: 1,
  'open-vragen': 4,
  samenvatten: 3,
  juist: 1,
  volledig: 4,
  'warm-doorverbinden': 'na',
  terugbelnotitie: 'na',
  'alles-beantwoord': 1,
  afspraken: 3,
  afscheid: 1,
  empathie: 4,
  helderheid: 4,
  weerstand: 'na',
  eigenaarschap: 4,
  zaaksysteem: 1,
};

function answersFor(rubric: RubricVersion, changes: Record<string, Choice>, notes: Record<string, string> = {}): Answer[] {
  return rubric.sections.flatMap((s) =>
    s.criteria.map((c): Answer => {
      const choice = changes[c.key] ?? baseAnswers[c.key];
      if (choice === undefined) throw new Error(`no answer for ${c.key}`);
      return { criterionId: c.id, value: choice === 'na' ? null : choice, na: choice === 'na', note: notes[c.key] ?? '' };
    }),
  );
}

/** An earlier session, scored, submitted and closed through the contract: the history then has a line to draw. */
async function earlierSession(
  page: Page,
  organiser: number,
  fields: { title: string; recordingId: number },
  scorings: Array<{ coachId: number; changes: Record<string, Choice> }>,
): Promise<void> {
  await ipc(page, 'session.selectProfile', { staffId: organiser });
  const session = await ipc(page, 'calibration.create', {
    ...fields,
    participantIds: scorings.map((s) => s.coachId),
    referenceId: null,
    deadline: null,
  });
  for (const scoring of scorings) {
    await ipc(page, 'session.selectProfile', { staffId: scoring.coachId });
    const evaluation = await ipc(page, 'calibration.start', { id: session.id });
    const rubric = await ipc(page, 'rubrics.getVersion', { id: evaluation.rubricVersionId });
    await ipc(page, 'evaluations.saveDraft', { id: evaluation.id, tops: '', tips: '', answers: answersFor(rubric, scoring.changes) });
    await ipc(page, 'evaluations.finalize', { id: evaluation.id });
  }
  await ipc(page, 'session.selectProfile', { staffId: organiser });
  await ipc(page, 'calibration.close', { id: session.id });
}

/** The coach starts scoring from the list of sessions: "Beoordelen" opens the evaluation page. */
async function startFromList(page: Page): Promise<void> {
  await goTo(page, 'Kalibratie');
  const row = page.getByTestId('open-session-row').filter({ hasText: 'Kalibratie november — Burgerzaken' });
  await expect(row.getByTestId('my-status')).toHaveCount(0);
  await row.getByRole('button', { name: 'Beoordelen: Kalibratie november — Burgerzaken' }).click();
}

/**
 * On the evaluation page of their calibration scoring, the coach fills the form (most answers
 * through the contract, one on screen) and hands it in; the app returns to the session.
 */
async function scoreBlind(
  page: Page,
  sessionId: number,
  changes: Record<string, Choice>,
  onScreen: { criterion: string; radio: string },
  notes: Record<string, string> = {},
): Promise<void> {
  await expect(page).toHaveURL(/#\/evaluations\/\d+$/);
  await expect(page.getByTestId('calibration-banner')).toContainText('Kalibratie — telt niet mee voor de norm of de cijfers');
  await expect(page.getByTestId('counts-badge')).toHaveText('telt niet mee');
  const evaluationId = Number(new URL(page.url()).hash.split('/').pop());
  const evaluation = await ipc(page, 'evaluations.get', { id: evaluationId });
  expect(evaluation.kind).toBe('calibration');
  expect(evaluation.calibrationSessionId).toBe(sessionId);
  const rubric = await ipc(page, 'rubrics.getVersion', { id: evaluation.rubricVersionId });
  await ipc(page, 'evaluations.saveDraft', { id: evaluationId, tops: '', tips: '', answers: answersFor(rubric, changes, notes) });
  await page.reload();
  await page.getByTestId(`criterion-${onScreen.criterion}`).getByRole('radio', { name: onScreen.radio, exact: true }).check();
  await expect(page.getByTestId('save-state')).toContainText('Concept opgeslagen');
  await expect(page.getByTestId('finalize')).toHaveText('Inleveren');
  await page.getByTestId('finalize').click();
  await expect(page.getByRole('dialog', { name: 'Beoordeling inleveren?' })).toBeVisible();
  await page.getByTestId('confirm-finalize').click();
  await expect(page).toHaveURL(new RegExp(`#/calibration/${sessionId}$`));
}

test('three coaches score one call blind, the manager closes the session, compares with alpha and records the consensus', async ({
  page,
}) => {
  // Five profiles and three scorings on screen: on a busy machine with two workers this takes a while.
  test.setTimeout(300_000);
  await createFirstProfile(page, 'Karim Bouzid', '9001');
  const karim = (await ipc(page, 'session.get', {})).profile?.id;
  if (karim === undefined) throw new Error('no profile');
  const ellen = await addStaff(page, { name: 'Ellen Jansen', employeeNumber: '9002', role: 'coach' });
  const joost = await addStaff(page, { name: 'Joost van Dijk', employeeNumber: '9003', role: 'coach' });
  const manager = await addStaff(page, { name: 'Marieke Visser', employeeNumber: '9100', role: 'manager' });
  const sanne = await addStaff(page, { name: 'Sanne de Vries', employeeNumber: '1043' });
  const thijs = await addStaff(page, { name: 'Thijs Bakker', employeeNumber: '1051' });
  await importCall(page, thijs.id, '2026-10-14T11:20:00', 'parkeren');
  const september = await importCall(page, thijs.id, '2026-09-17T15:05:00', 'verhuizing');
  await importCall(page, sanne.id, '2026-11-03T09:35:12', 'burgerzaken');
  await earlierSession(page, manager.id, { title: 'Kalibratie september — Verhuizing', recordingId: september }, [
    { coachId: karim, changes: { identiteit: 0, empathie: 3 } },
    { coachId: ellen.id, changes: { 'open-vragen': 3 } },
    { coachId: joost.id, changes: { identiteit: 0, 'open-vragen': 5, samenvatten: 2 } },
  ]);

  // The manager plans the session on screen.
  await switchProfile(page, manager.id);
  await goTo(page, 'Kalibratie');
  await expect(page.getByTestId('calibration-open')).toContainText('Er staat geen kalibratiesessie open');
  // An older session whose deadline has passed, so the list shows the overdue marker next to the new one.
  await ipc(page, 'calibration.create', {
    title: 'Kalibratie oktober — Parkeren',
    recordingId: (await ipc(page, 'recordings.list', { advisorId: thijs.id })).find((r) => r.topic === 'parkeren')!.id,
    participantIds: [karim, ellen.id],
    referenceId: null,
    deadline: '2026-11-20',
  });
  await page.getByTestId('plan-session').click();
  const form = page.getByTestId('plan-form');
  await page.getByTestId('plan-submit').click();
  await expect(form.getByText('Geef de sessie een titel.')).toBeVisible();
  await expect(form.getByText('Kies het gesprek dat iedereen beoordeelt.')).toBeVisible();
  await expect(form.getByText('Kies minstens twee deelnemers.')).toBeVisible();
  await form.getByLabel('Titel').fill('Kalibratie november — Burgerzaken');
  await form.getByRole('combobox', { name: 'Gesprek' }).fill('Sanne');
  // Only calls with an advisor, newest first; typing narrows the list.
  await expect(page.getByRole('option')).toHaveCount(1);
  await page.getByRole('option', { name: /Sanne de Vries — 3 nov\. 2026 09:35/ }).click();
  await expect(form.getByTestId('plan-rubric')).toHaveAttribute(
    'placeholder',
    /^Standaard: Beoordelingsformulier KCC — standaard, versie 1$/,
  );
  await form.getByRole('combobox', { name: 'Deelnemers' }).click();
  // Advisors do not score: only coaches, managers and trainers are offered.
  await expect(page.getByRole('option', { name: /Sanne de Vries/ })).toHaveCount(0);
  await page.getByRole('option', { name: 'Karim Bouzid (Coach)' }).click();
  await page.getByRole('option', { name: 'Ellen Jansen (Coach)' }).click();
  await page.getByRole('option', { name: 'Joost van Dijk (Coach)' }).click();
  // Clicking outside the list closes it (Escape would close the whole dialog).
  await form.getByText('Kies een gesprek en de coaches').click();
  await form.getByLabel('Deadline').fill('2026-11-27');
  await checkScreen(page, 'kalibratie-01-plannen');
  await page.getByTestId('plan-submit').click();

  await expect(page).toHaveURL(/#\/calibration\/\d+$/);
  const sessionId = Number(new URL(page.url()).hash.split('/').pop());
  await expect(page.getByRole('heading', { name: 'Kalibratie november — Burgerzaken', level: 1 })).toBeVisible();
  await expect(page.getByTestId('session-status')).toHaveText('Open');
  await expect(page.getByTestId('call-facts')).toContainText('Sanne de Vries');
  await expect(page.getByTestId('call-facts')).toContainText('Beoordelingsformulier KCC — standaard, versie 1');
  await expect(page.getByTestId('participant-row')).toHaveCount(3);
  await expect(page.getByTestId('participant-status')).toHaveText(['Nog niet begonnen', 'Nog niet begonnen', 'Nog niet begonnen']);
  await expect(page.getByTestId('blind-note')).toContainText('Je doet niet mee aan deze sessie');

  await goTo(page, 'Kalibratie');
  const rows = page.getByTestId('open-session-row');
  await expect(rows).toHaveCount(2);
  // The soonest deadline first: the overdue October session, marked in words.
  await expect(rows.nth(0)).toContainText('Kalibratie oktober — Parkeren');
  await expect(rows.nth(0).getByTestId('overdue')).toHaveText('verlopen');
  await expect(rows.nth(1)).toContainText('Kalibratie november — Burgerzaken');
  await expect(rows.nth(1).getByTestId('overdue')).toHaveCount(0);
  await expect(rows.nth(1).getByTestId('submitted-count')).toHaveText('0 van 3');
  await expect(rows.nth(1)).toContainText('Doe je niet aan mee');

  // Karim scores first; one note explains his "Nee".
  const karimNote = 'Alleen geboortedatum gevraagd, geen adres.';
  await switchProfile(page, karim);
  await goTo(page, 'Kalibratie');
  // His next step in words: score the open ones; the closed one he submitted, its comparison is ready.
  await expect(page.getByTestId('closed-session-row').getByTestId('my-step-link')).toHaveText('Vergelijking bekijken');
  await checkScreen(page, 'kalibratie-02-lijst');
  await startFromList(page);
  await scoreBlind(page, sessionId, { identiteit: 0, samenvatten: 2 }, { criterion: 'empathie', radio: '3' }, { identiteit: karimNote });
  // Having submitted, he sees the comparison, so far of his own answers only.
  await expect(page.getByTestId('comparison')).toBeVisible();
  await expect(page.getByTestId('comparison')).toContainText('De sessie is nog open');

  // Ellen sees that Karim submitted, but nothing of what he answered.
  await switchProfile(page, ellen.id);
  await goTo(page, 'Kalibratie');
  await expect(page.getByTestId('open-session-row').filter({ hasText: 'november' }).getByTestId('submitted-count')).toHaveText('1 van 3');
  await page.getByRole('link', { name: 'Sessie openen: Kalibratie november — Burgerzaken' }).click();
  await expect(page.getByTestId('participant-row').filter({ hasText: 'Karim Bouzid' }).getByTestId('participant-status')).toContainText(
    'Ingeleverd op',
  );
  await expect(page.getByTestId('blind-note')).toContainText('Blind beoordelen');
  await expect(page.getByTestId('comparison')).toHaveCount(0);
  await expect(page.getByText(karimNote)).toHaveCount(0);
  expect((await ipcResult(page, 'calibration.comparison', { id: sessionId })).error?.code).toBe('calibration_blind');
  await checkScreen(page, 'kalibratie-03-sessie-blind');
  await page.getByTestId('start-scoring').click();
  await expect(page.getByTestId('calibration-banner')).toBeVisible();
  // Karim's note on the call stays out of her scoring screen too.
  await expect(page.getByText(karimNote)).toHaveCount(0);
  await expect(page.getByTestId('action-points-panel')).toHaveCount(0);
  await expect(page.getByTestId('finalize')).toHaveText('Inleveren');
  await checkScreen(page, 'kalibratie-04-beoordelen');
  await scoreBlind(page, sessionId, { 'open-vragen': 3, terugbelnotitie: 1 }, { criterion: 'volledig', radio: '3' });
  // Now she sees Karim's answers next to hers, his note included.
  const ellenView = page.getByTestId('comparison');
  await expect(ellenView.getByRole('columnheader', { name: 'Karim Bouzid' }).first()).toBeVisible();
  await expect(ellenView.getByRole('columnheader', { name: 'Ellen Jansen' }).first()).toBeVisible();
  await expect(ellenView.getByRole('button', { name: `Notitie van Karim Bouzid: ${karimNote}` })).toBeVisible();
  await expect(page.getByTestId('close-session')).toHaveCount(0);

  await switchProfile(page, joost.id);
  await startFromList(page);
  await scoreBlind(page, sessionId, { identiteit: 0, 'open-vragen': 5 }, { criterion: 'alles-beantwoord', radio: 'Nee' });

  // The manager closes the session and reads the comparison.
  await switchProfile(page, manager.id);
  await open(page, `/calibration/${sessionId}`);
  await expect(page.getByTestId('session-submitted')).toContainText('3 van 3');
  await page.getByTestId('close-session').click();
  await expect(page.getByTestId('close-explanation')).toHaveText(
    'Na het sluiten kan niemand meer beoordelen en ziet iedereen de vergelijking. Alle deelnemers hebben ingeleverd.',
  );
  await page.getByTestId('confirm-close').click();
  await expect(page.getByTestId('session-status')).toHaveText('Gesloten');
  await expect(page.getByTestId('close-session')).toHaveCount(0);

  const comparison = page.getByTestId('comparison');
  await expect(page.getByTestId('reference-source')).toHaveText(
    'Referentie: de mediaan (schaal) of meerderheid (ja/nee) van de deelnemers',
  );
  // Identity check: Karim and Joost said no, Ellen yes; the majority is the reference and Ellen's answer stands out.
  const identity = comparison.getByTestId('compare-identiteit');
  // Columns follow the participants by name: Ellen, Joost, Karim.
  await expect(identity.getByTestId('answer-cell')).toHaveText(['Ja (hoger dan de referentie)', 'Nee', 'Nee']);
  await expect(identity.getByTestId('answer-cell').nth(0)).toHaveAttribute('data-deviates', 'true');
  await expect(identity.getByTestId('answer-cell').nth(0).getByTestId('deviation-icon')).toBeVisible();
  await expect(identity.getByTestId('answer-cell').nth(1)).toHaveAttribute('data-deviates', 'false');
  await expect(identity.getByTestId('reference-cell')).toHaveText('Nee');
  await expect(identity.getByTestId('spread-cell')).toHaveText('verdeeld');
  await expect(identity.getByTestId('agreement-cell')).toHaveText('66,7%');
  // Open questions: 4, 3 and 5 — the median is 4, one higher and one lower.
  const questions = comparison.getByTestId('compare-open-vragen');
  await expect(questions.getByTestId('answer-cell')).toHaveText([
    '3 — Voldoende (lager dan de referentie)',
    '5 — Uitstekend (hoger dan de referentie)',
    '4 — Goed',
  ]);
  await expect(questions.getByTestId('reference-cell')).toHaveText('4 — Goed');
  await expect(questions.getByTestId('spread-cell')).toHaveText('3 t/m 5');
  await expect(questions.getByTestId('agreement-cell')).toHaveText('33,3%');
  // Where everyone agreed nothing is marked.
  await expect(comparison.getByTestId('compare-derden').getByTestId('spread-cell')).toHaveText('eensgezind');
  await expect(comparison.getByTestId('compare-derden').locator('[data-deviates="true"]')).toHaveCount(0);

  // Per coach: score and alignment, as the contract computed them.
  const computed = await ipc(page, 'calibration.comparison', { id: sessionId });
  const pctText = (v: number | null) => (v === null ? '—' : `${(Math.round(v * 10) / 10).toFixed(1).replace('.', ',')}%`);
  const coachRows = page.getByTestId('coach-row');
  await expect(coachRows).toHaveCount(3);
  for (const [i, coach] of computed.coaches.entries()) {
    await expect(coachRows.nth(i)).toContainText(coach.name);
    await expect(coachRows.nth(i).getByTestId('coach-score')).toHaveText(pctText(coach.scorePct));
    await expect(coachRows.nth(i).getByTestId('coach-alignment')).toHaveText(
      pctText(coach.alignment === null ? null : coach.alignment * 100),
    );
  }
  // Three coaches who differ on several criteria are not all equally aligned.
  expect(new Set(computed.coaches.map((c) => c.alignment)).size).toBeGreaterThan(1);

  // Krippendorff's alpha, per kind and overall, with its reading in words.
  const alphaText = (v: number | null) => (v === null ? '—' : v.toFixed(3).replace('.', ','));
  const level = (v: number | null) => (v === null ? 'niet te berekenen' : v >= 0.8 ? 'goed' : v >= 0.667 ? 'voorzichtig' : 'onvoldoende');
  for (const [kind, result] of [
    ['scales', computed.alpha.scales],
    ['yesNo', computed.alpha.yesNo],
    ['overall', computed.alpha.overall],
  ] as const) {
    const card = page.getByTestId(`alpha-${kind}`);
    await expect(card.getByTestId('alpha-value')).toHaveText(alphaText(result.value));
    await expect(card.getByTestId('alpha-level')).toHaveText(level(result.value));
  }
  expect(computed.alpha.overall.value).not.toBeNull();
  await expect(page.getByTestId('alpha')).toContainText('Vanaf 0,8 is de overeenstemming goed');
  await checkScreen(page, 'kalibratie-05-vergelijking');

  // The consensus: starts from the reference; the manager records what was agreed and guidance for the form.
  const consensus = page.getByTestId('consensus');
  await expect(consensus.getByTestId('consensus-prefilled')).toBeVisible();
  await expect(
    consensus.getByRole('combobox', { name: 'Afgesproken antwoord: Controleert de identiteit voordat persoonsgegevens worden besproken' }),
  ).toHaveValue('Nee');
  await consensus
    .getByRole('textbox', { name: 'Toelichting voor het formulier: Controleert de identiteit voordat persoonsgegevens worden besproken' })
    .fill('Geboortedatum alleen is geen volledige identiteitscontrole: vraag ook naar het adres.');
  await consensus.getByRole('combobox', { name: 'Afgesproken antwoord: Stelt open vragen om de vraag helder te krijgen' }).click();
  await consensus.getByRole('option', { name: '3 — Voldoende' }).click();
  await consensus
    .getByRole('textbox', { name: 'Toelichting voor het formulier: Stelt open vragen om de vraag helder te krijgen' })
    .fill('Eén doorvraag is Voldoende; Goed pas als de adviseur doorvraagt tot de echte vraag helder is.');
  await consensus
    .getByLabel('Algemene notities')
    .fill('Besproken in het teamoverleg van 23 november. Toelichting identiteitscontrole aanpassen in versie 2.');
  await checkScreen(page, 'kalibratie-06-consensus');
  await consensus.getByTestId('save-consensus').click();
  await expect(page.getByText('De afspraken zijn opgeslagen.')).toBeVisible();
  // The consensus is now the reference: Ellen's 3 on open questions agrees now, Karim's 4 stands out.
  await expect(page.getByTestId('reference-source')).toHaveText('Referentie: de vastgelegde consensus');
  await expect(questions.getByTestId('reference-cell')).toHaveText('3 — Voldoende');
  await expect(questions.getByTestId('answer-cell').nth(0)).toHaveAttribute('data-deviates', 'false');
  await expect(questions.getByTestId('answer-cell').nth(2)).toHaveText('4 — Goed (hoger dan de referentie)');
  await expect(consensus.getByTestId('consensus-prefilled')).toHaveCount(0);

  // Saved for good: a fresh load shows the same agreements.
  await page.reload();
  await expect(
    page.getByRole('textbox', {
      name: 'Toelichting voor het formulier: Controleert de identiteit voordat persoonsgegevens worden besproken',
    }),
  ).toHaveValue('Geboortedatum alleen is geen volledige identiteitscontrole: vraag ook naar het adres.');
  await expect(page.getByLabel('Algemene notities')).toHaveValue(
    'Besproken in het teamoverleg van 23 november. Toelichting identiteitscontrole aanpassen in versie 2.',
  );

  // A participant reads what was agreed, without the editor.
  await switchProfile(page, ellen.id);
  await open(page, `/calibration/${sessionId}`);
  await expect(page.getByTestId('consensus').getByTestId('consensus-identiteit')).toContainText('Geboortedatum alleen is geen volledige');
  await expect(page.getByTestId('save-consensus')).toHaveCount(0);

  // History: the closed session per coach, and the criteria that keep disagreeing first.
  await switchProfile(page, manager.id);
  await goTo(page, 'Kalibratie');
  await expect(page.getByTestId('closed-session-row')).toHaveCount(2);
  // The session closed last comes first.
  await expect(page.getByTestId('closed-session-row').first()).toContainText('Kalibratie november — Burgerzaken');
  await expect(page.getByTestId('open-session-row')).toHaveCount(1);
  await page.getByRole('tab', { name: 'Verloop' }).click();
  await expect(page).toHaveURL(/#\/calibration\/history$/);
  const coachHistory = page.getByTestId('history-coach-row');
  await expect(coachHistory).toHaveCount(3);
  await expect(coachHistory.filter({ hasText: 'Joost van Dijk' })).toContainText('Kalibratie september — Verhuizing: ');
  await expect(coachHistory.filter({ hasText: 'Joost van Dijk' })).toContainText('Kalibratie november — Burgerzaken: ');
  const history = await ipc(page, 'calibration.history', {});
  for (const coach of history.coaches) {
    await expect(coachHistory.filter({ hasText: coach.name }).getByTestId('history-coach-mean')).toHaveText(
      pctText(coach.meanAlignment === null ? null : coach.meanAlignment * 100),
    );
  }
  const criterionRows = page.getByTestId('history-criterion-row');
  await expect(criterionRows).toHaveCount(history.criteria.length);
  await expect(criterionRows.first()).toHaveAttribute('data-flagged', 'true');
  await expect(criterionRows.first().getByTestId('needs-guidance')).toHaveText('heeft duidelijkere toelichting nodig');
  // Flagged criteria come first, and the unanimous ones are not flagged.
  const flags = await criterionRows.evaluateAll((els) => els.map((e) => e.getAttribute('data-flagged')));
  expect(flags.indexOf('false')).toBeGreaterThan(0);
  expect(flags.slice(flags.indexOf('false'))).not.toContain('true');
  await expect(criterionRows.filter({ hasText: 'Deelt geen informatie over derden' })).toHaveAttribute('data-flagged', 'false');
  await expect(page.getByTestId('history-chart')).toBeVisible();
  await checkScreen(page, 'kalibratie-07-verloop');
});
