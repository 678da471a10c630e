import { checkScreen, expect, test } from './fixtures';
import { addStaff, createFirstProfile, importCall, ipc, scoreCall } from './seed';

test('a coach records a feedback session with two action points and follows one up', async ({ page }) => {
  await createFirstProfile(page, 'Karim Bouzid', '9001');
  const sanne = await addStaff(page, { name: 'Sanne de Vries', employeeNumber: '1043' });
  const first = await scoreCall(
    page,
    await importCall(page, sanne.id, '2026-11-03T09:35:00', 'burgerzaken'),
    'top',
    'Vriendelijke opening met naam en gemeente.\nControleert de identiteit zorgvuldig.',
    '- Kondig doorverbinden aan.',
  );
  const second = await scoreCall(
    page,
    await importCall(page, sanne.id, '2026-11-10T14:05:00', 'afval'),
    'low',
    'Blijft rustig bij een boze inwoner.',
    'Vat de vraag samen voordat je antwoordt.',
  );

  // From the advisor page to the session form.
  await page.getByRole('link', { name: 'Medewerkers' }).click();
  await page.getByRole('link', { name: 'Sanne de Vries' }).click();
  const section = page.getByTestId('advisor-feedback');
  await expect(section.getByTestId('awaiting-feedback')).toHaveText('2 beoordelingen wachten op feedback');
  await expect(section.getByTestId('sessions-empty')).toBeVisible();
  await section.getByRole('link', { name: 'Feedbackgesprek vastleggen' }).click();
  await expect(page.getByRole('heading', { name: 'Feedbackgesprek met Sanne de Vries', level: 1 })).toBeVisible();

  // Both evaluations are ticked, oldest first, and their tops and tips prefill the summary.
  const candidates = page.getByTestId('candidate');
  await expect(candidates).toHaveCount(2);
  await expect(candidates.first()).toHaveAttribute('data-evaluation-id', String(first.id));
  await expect(page.getByRole('checkbox', { name: /Bespreek het gesprek van 3 nov\. 2026/ })).toBeChecked();
  const tops = page.getByLabel('Tops — wat ging goed');
  const tips = page.getByLabel('Tips — wat kan beter');
  await expect(tops).toHaveValue(
    '• Vriendelijke opening met naam en gemeente.\n• Controleert de identiteit zorgvuldig.\n• Blijft rustig bij een boze inwoner.',
  );
  await expect(tips).toHaveValue('• Kondig doorverbinden aan.\n• Vat de vraag samen voordat je antwoordt.');

  // Unticking one follows in the summary while the coach has not edited it; an edit then stays.
  await page.getByRole('checkbox', { name: /Bespreek het gesprek van 10 nov\. 2026/ }).uncheck();
  await expect(tips).toHaveValue('• Kondig doorverbinden aan.');
  await page.getByRole('checkbox', { name: /Bespreek het gesprek van 10 nov\. 2026/ }).check();
  await expect(tips).toHaveValue('• Kondig doorverbinden aan.\n• Vat de vraag samen voordat je antwoordt.');
  await tips.fill('• Kondig doorverbinden aan.\n• Vat de vraag samen voordat je antwoordt.\n• Rustiger tempo bij uitleg.');

  await page.getByLabel('Reactie van Sanne de Vries').fill('Sanne herkent het doorverbinden; het samenvatten vergeet ze als het druk is.');
  // "Niet akkoord" needs a comment before the session can be saved.
  await page.getByRole('radio', { name: 'Niet akkoord' }).check();
  await page.getByTestId('save-session').click();
  await expect(page.getByText('Schrijf op waarmee de klantadviseur het niet eens is.')).toBeVisible();
  await page
    .getByLabel('Waarmee is Sanne de Vries het niet eens?')
    .fill('Vindt de score voor het tweede gesprek te laag: de inwoner was erg boos.');

  // Two action points, one linked to a criterion.
  await page.getByTestId('add-action-point').click();
  await page.getByTestId('add-action-point').click();
  const points = page.getByTestId('new-action-point');
  await expect(points).toHaveCount(2);
  await points.nth(0).getByRole('textbox', { name: 'Actiepunt', exact: true }).fill('Kondig doorverbinden aan en stel de collega voor');
  await points.nth(0).getByRole('combobox', { name: 'Criterium (optioneel)' }).click();
  await page.getByRole('option', { name: 'Kondigt doorverbinden aan en verbindt warm door' }).click();
  await points.nth(1).getByRole('textbox', { name: 'Actiepunt', exact: true }).fill('Vat de vraag samen voordat je antwoordt');
  await expect(points.nth(1).getByLabel('Streefdatum')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await checkScreen(page, 'feedback-01-gesprek-invullen');

  await page.getByTestId('save-session').click();
  await expect(page).toHaveURL(/#\/feedback\/\d+$/);

  // The session view.
  await expect(page.getByRole('heading', { name: 'Feedbackgesprek met Sanne de Vries', level: 1 })).toBeVisible();
  const discussed = page.getByTestId('session-evaluation');
  await expect(discussed).toHaveCount(2);
  for (const row of await discussed.all()) {
    await expect(row).toContainText('Besproken');
    await expect(row.getByTestId('days-to-feedback')).toHaveText('0 dagen');
  }
  await expect(page.getByTestId('view-tips')).toContainText('Rustiger tempo bij uitleg.');
  await expect(page.getByTestId('view-disagreement')).toContainText('de inwoner was erg boos');
  const agreed = page.getByTestId('session-action-point');
  await expect(agreed).toHaveCount(2);
  await expect(agreed.first()).toContainText('Criterium: Kondigt doorverbinden aan en verbindt warm door');
  await checkScreen(page, 'feedback-02-gesprek-bekijken');

  // Both evaluations are discussed in the core as well.
  for (const evaluation of [first, second]) {
    expect(await ipc(page, 'evaluations.get', { id: evaluation.id })).toMatchObject({ status: 'discussed' });
  }

  // Back on the advisor page: evaluations "Besproken", the session, and the open action points.
  await page.getByRole('link', { name: 'Terug naar Sanne de Vries' }).click();
  const statuses = page.getByTestId('evaluations-table').getByRole('row').filter({ hasText: 'Besproken' });
  await expect(statuses).toHaveCount(2);
  await expect(section.getByTestId('awaiting-feedback')).toHaveText('Geen beoordelingen die op feedback wachten');
  const sessionRow = section.getByTestId('feedback-session-row');
  await expect(sessionRow).toHaveCount(1);
  await expect(sessionRow).toContainText('Karim Bouzid');
  await expect(sessionRow).toContainText('Niet akkoord');
  const panel = section.getByTestId('action-points-panel');
  await expect(panel.getByTestId('action-point')).toHaveCount(2);
  await expect(panel.getByTestId('action-point').first()).toContainText('Criterium: Kondigt doorverbinden aan en verbindt warm door');

  // Mark one done with a note.
  await panel.getByRole('button', { name: 'Afgerond: Vat de vraag samen voordat je antwoordt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Actiepunt afronden' });
  await dialog.getByLabel('Toelichting').fill('In alle gesprekken van deze week gehoord.');
  await dialog.getByRole('button', { name: 'Afronden' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId('action-point')).toHaveCount(1);
  await expect(panel.getByTestId('action-point')).toContainText('Kondig doorverbinden aan en stel de collega voor');

  // The history shows the done one with its note.
  await panel.getByText('Alle', { exact: true }).click();
  const done = panel.locator('[data-testid="action-point"][data-status="done"]');
  await expect(done).toHaveCount(1);
  await expect(done).toContainText('Toelichting: In alle gesprekken van deze week gehoord.');
  await expect(done).toContainText('Afgerond op');
  await expect(done).toContainText('door Karim Bouzid');
  await checkScreen(page, 'feedback-03-medewerker');

  // A later session follows up the remaining action point: dropping it needs a note.
  await section.getByRole('link', { name: 'Feedbackgesprek vastleggen' }).click();
  await expect(page.getByTestId('no-candidates')).toBeVisible();
  const followUp = page.getByTestId('follow-up');
  await expect(followUp).toHaveCount(1);
  await expect(followUp).toContainText('Kondig doorverbinden aan en stel de collega voor');
  await followUp.getByText('Vervallen', { exact: true }).click();
  await page.getByTestId('save-session').click();
  await expect(followUp.getByText('Schrijf op waarom het actiepunt vervalt.')).toBeVisible();
  await followUp
    .getByRole('textbox', { name: 'Toelichting bij "Kondig doorverbinden aan en stel de collega voor"' })
    .fill('Sanne gaat naar de balie; daar wordt niet doorverbonden.');
  await checkScreen(page, 'feedback-04-actiepunt-opvolgen');
  await page.getByTestId('save-session').click();
  await expect(page).toHaveURL(/#\/feedback\/\d+$/);
  await expect(page.getByTestId('feedback-session')).toContainText('In dit gesprek zijn geen beoordelingen besproken.');
  await page.getByRole('link', { name: 'Terug naar Sanne de Vries' }).click();
  await expect(section.getByTestId('feedback-session-row')).toHaveCount(2);
  await expect(panel.getByTestId('action-points-empty')).toHaveText('Geen openstaande actiepunten.');

  const stored = await ipc(page, 'actionPoints.list', { advisorId: sanne.id });
  expect(stored.map((p) => [p.description, p.status, p.followUpNote])).toEqual([
    ['Kondig doorverbinden aan en stel de collega voor', 'dropped', 'Sanne gaat naar de balie; daar wordt niet doorverbonden.'],
    ['Vat de vraag samen voordat je antwoordt', 'done', 'In alle gesprekken van deze week gehoord.'],
  ]);
});
