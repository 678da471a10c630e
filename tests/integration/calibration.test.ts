import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer, ChannelInput, ChannelName, ChannelOutput, RubricDefinition } from '../../src-main/contract';
import { krippendorff } from '../../src-main/core/calibration/krippendorff';
import { createPublishedRubric } from '../../src-main/core/rubrics/editor';
import { currentRubricVersionId, getRubricVersion } from '../../src-main/core/rubrics/rubrics';
import { createDispatcher, type Dispatcher } from '../../src-main/ipc/dispatch';
import { createTempCore, type TempCore } from '../support/core';
import { insertRecording, insertStaff } from '../support/seed';

let t: TempCore;
let d: Dispatcher;
let advisor: number;
let karim: number;
let ellen: number;
let ruud: number;
let ilse: number;
let fatima: number;
let recording: number;
let small: number;
/** The small rubric's criterion ids by key. */
let crit: Record<'begroeting' | 'vragen' | 'samenvatten' | 'afspraken', number>;

const levels = (max: number) => Array.from({ length: max }, (_, i) => ({ value: i + 1, label: `Niveau ${i + 1}`, guidance: '' }));
const base = {
  description: '',
  levels: [] as { value: number; label: string; guidance: string }[],
  required: true,
  allowNa: false,
  criticalClass: null,
};

/** Weights 1 + 2 + 1 + 2 = 6: the criteria's shares of the rubric are 1/6, 2/6, 1/6, 2/6. */
const smallRubric: RubricDefinition = {
  key: 'kalibratie-klein',
  name: 'Kalibratieformulier',
  criticalZeroesTotal: false,
  sections: [
    {
      key: 'opening',
      title: 'Opening',
      criteria: [
        { ...base, key: 'begroeting', title: 'Begroet de inwoner met naam van de gemeente', type: 'yes_no', weight: 1 },
        { ...base, key: 'vragen', title: 'Stelt open vragen', type: 'scale', scaleMax: 5, levels: levels(5), weight: 2 },
      ],
    },
    {
      key: 'afsluiting',
      title: 'Afsluiting',
      criteria: [
        { ...base, key: 'samenvatten', title: 'Vat samen', type: 'scale', scaleMax: 3, levels: levels(3), weight: 1, allowNa: true },
        { ...base, key: 'afspraken', title: 'Maakt duidelijke afspraken', type: 'yes_no', weight: 2 },
      ],
    },
  ],
};

beforeEach(async () => {
  t = await createTempCore();
  d = createDispatcher(t.core, () => undefined);
  advisor = await insertStaff(t.core, 'advisor', 'Sanne de Vries');
  karim = await insertStaff(t.core, 'coach', 'Karim Bouzid');
  ellen = await insertStaff(t.core, 'coach', 'Ellen Jansen');
  ruud = await insertStaff(t.core, 'coach', 'Ruud Smit');
  ilse = await insertStaff(t.core, 'coach', 'Ilse de Boer');
  fatima = await insertStaff(t.core, 'manager', 'Fatima El Amrani');
  recording = await insertRecording(t.core, advisor, '2026-11-03T09:35:12');
  small = await createPublishedRubric(t.core.db, smallRubric);
  const rubric = await getRubricVersion(t.core.db, small);
  const ids = new Map(rubric.sections.flatMap((s) => s.criteria).map((c) => [c.key, c.id]));
  crit = {
    begroeting: ids.get('begroeting')!,
    vragen: ids.get('vragen')!,
    samenvatten: ids.get('samenvatten')!,
    afspraken: ids.get('afspraken')!,
  };
});
afterEach(() => t.cleanup());

/** Runs a channel as a person (switching the workstation's profile first) and returns its data. */
async function as<C extends ChannelName>(who: number, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const signedIn = await d.dispatch('session.selectProfile', { staffId: who });
  if (!signedIn.ok) throw new Error(`cannot sign in as ${who}: ${signedIn.error.code}`);
  const result = await d.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.data as ChannelOutput<C>;
}

/** The error code a person gets for this request, or 'ok'. */
async function refused<C extends ChannelName>(who: number, channel: C, input: ChannelInput<C>): Promise<string> {
  await d.dispatch('session.selectProfile', { staffId: who });
  const result = await d.dispatch(channel, input);
  return result.ok ? 'ok' : result.error.code;
}

type Values = Record<keyof typeof crit, number | 'na'>;
const answersOf = (v: Values): Answer[] =>
  (Object.keys(crit) as (keyof typeof crit)[]).map((key) => ({
    criterionId: crit[key],
    value: v[key] === 'na' ? null : v[key],
    na: v[key] === 'na',
    note: '',
  }));

/**
 * Achieved shares (yes 1, no 0, scale (level − 1) / (max − 1)):
 *            begroeting  vragen      samenvatten  afspraken   score
 *   Karim    yes → 1     4 → 0.75    2 → 0.5      yes → 1     (1 + 1.5 + 0.5 + 2) / 6 = 83.3%
 *   Ellen    yes → 1     3 → 0.5     n.v.t.       no → 0      (1 + 1 + 0) / 5 = 40%
 *   Ruud     no → 0      5 → 1       3 → 1        yes → 1     (0 + 2 + 1 + 2) / 6 = 83.3%
 */
const scores: Record<'karim' | 'ellen' | 'ruud', Values> = {
  karim: { begroeting: 1, vragen: 4, samenvatten: 2, afspraken: 1 },
  ellen: { begroeting: 1, vragen: 3, samenvatten: 'na', afspraken: 0 },
  ruud: { begroeting: 0, vragen: 5, samenvatten: 3, afspraken: 1 },
};

async function createSession(input: Partial<ChannelInput<'calibration.create'>> = {}, by = fatima) {
  return as(by, 'calibration.create', {
    title: 'Kalibratie november: paspoort aanvragen',
    recordingId: recording,
    rubricVersionId: small,
    participantIds: [karim, ellen, ruud],
    referenceId: null,
    deadline: '2026-11-30',
    ...input,
  });
}

/** Starts, fills in and (unless `submit` is false) submits a participant's scoring. */
async function score(who: number, sessionId: number, values: Values, submit = true) {
  const evaluation = await as(who, 'calibration.start', { id: sessionId });
  await as(who, 'evaluations.saveDraft', { id: evaluation.id, tops: '', tips: '', answers: answersOf(values) });
  if (submit) await as(who, 'evaluations.finalize', { id: evaluation.id });
  return evaluation.id;
}

describe('creating a session', () => {
  it('defaults to the team’s rubric version, adds the reference to the participants, and lists open sessions first', async () => {
    const session = await createSession({ rubricVersionId: undefined, participantIds: [karim, ellen], referenceId: ruud });
    expect(session).toMatchObject({
      status: 'open',
      title: 'Kalibratie november: paspoort aanvragen',
      recordingId: recording,
      advisorName: 'Sanne de Vries',
      rubricVersionId: await currentRubricVersionId(t.core.db),
      referenceName: 'Ruud Smit',
      deadline: '2026-11-30',
      createdByName: 'Fatima El Amrani',
      participantCount: 3,
      submittedCount: 0,
      mine: null,
      canCompare: false,
    });
    // The reference first, then by name.
    expect(session.participants.map((p) => [p.name, p.isReference, p.evaluationId])).toEqual([
      ['Ruud Smit', true, null],
      ['Ellen Jansen', false, null],
      ['Karim Bouzid', false, null],
    ]);

    const older = await createSession({ title: 'Oudere sessie' });
    await as(fatima, 'calibration.close', { id: older.id });
    const newer = await createSession({ title: 'Nieuwste sessie' });
    const list = await as(karim, 'calibration.list', {});
    expect(list.map((s) => s.title)).toEqual(['Nieuwste sessie', 'Kalibratie november: paspoort aanvragen', 'Oudere sessie']);
    expect(list[0]).toMatchObject({ id: newer.id, mine: { evaluationId: null, submitted: false } });
    expect((await as(karim, 'calibration.list', { status: 'closed' })).map((s) => s.id)).toEqual([older.id]);
    expect((await as(ilse, 'calibration.list', {}))[0]?.mine).toBeNull();
  });

  it('refuses an advisor, someone who left, fewer than two different people, a call without advisor and a draft rubric', async () => {
    const left = await insertStaff(t.core, 'coach', 'Peter Vos');
    await t.core.db.updateTable('staff').set({ status: 'left' }).where('id', '=', left).execute();
    const noAdvisor = await insertRecording(t.core, null);
    const draftRubric = await as(fatima, 'rubrics.create', { definition: { ...smallRubric, key: 'concept', name: 'Concept' } });
    const create = (input: Partial<ChannelInput<'calibration.create'>>) =>
      refused(fatima, 'calibration.create', {
        title: 'Kalibratie',
        recordingId: recording,
        participantIds: [karim, ellen],
        referenceId: null,
        deadline: null,
        ...input,
      });

    expect(await create({ participantIds: [karim, advisor] })).toBe('calibration_participants');
    expect(await create({ participantIds: [karim, left] })).toBe('calibration_participants');
    expect(await create({ participantIds: [karim, karim] })).toBe('calibration_too_few');
    expect(await create({ recordingId: noAdvisor })).toBe('advisor_required');
    expect(await create({ rubricVersionId: draftRubric.id })).toBe('rubric_version_not_published');
    expect(await create({ participantIds: [karim] })).toBe('invalid_input');
    expect(await t.core.db.selectFrom('calibration_session').select('id').execute()).toEqual([]);
    // A trainer and a manager may score too.
    const trainer = await insertStaff(t.core, 'trainer', 'Tom Trainer');
    expect(await create({ participantIds: [trainer, fatima] })).toBe('ok');
  });
});

describe('scoring blind', () => {
  it('three coaches score through the dispatcher; nobody sees another’s answers before submitting or closing', async () => {
    const session = await createSession();
    // A regular evaluation of the same call by a coach outside the session.
    const regular = await as(ilse, 'evaluations.start', { recordingId: recording });
    await as(ilse, 'evaluations.saveDraft', {
      id: regular.id,
      tops: '',
      tips: '',
      answers: (await getRubricVersion(t.core.db, regular.rubricVersionId)).sections
        .flatMap((s) => s.criteria)
        .map((c) => ({ criterionId: c.id, value: c.type === 'yes_no' ? 1 : c.scaleMax, na: false, note: '' })),
    });
    await as(ilse, 'evaluations.finalize', { id: regular.id });

    const karimEval = await score(karim, session.id, scores.karim, false);
    const started = await as(karim, 'evaluations.get', { id: karimEval });
    expect(started).toMatchObject({ kind: 'calibration', counts: false, calibrationSessionId: session.id, rubricVersionId: small });
    // Starting again opens the same scoring.
    expect((await as(karim, 'calibration.start', { id: session.id })).id).toBe(karimEval);
    await as(karim, 'markers.add', {
      recordingId: recording,
      evaluationId: karimEval,
      atSeconds: 12,
      text: 'Karim: begroeting mist gemeente',
    });
    const ellenEval = await score(ellen, session.id, scores.ellen, false);
    await as(ellen, 'markers.add', { recordingId: recording, evaluationId: ellenEval, atSeconds: 40, text: 'Ellen: goede open vraag' });
    expect(await refused(ilse, 'calibration.start', { id: session.id })).toBe('calibration_not_participant');

    // Before submitting: not the others' scorings, not the regular evaluation of the call, not their notes, no comparison.
    expect(await refused(karim, 'evaluations.get', { id: ellenEval })).toBe('calibration_blind');
    expect(await refused(karim, 'evaluations.history', { id: ellenEval })).toBe('calibration_blind');
    expect(await refused(karim, 'evaluations.get', { id: regular.id })).toBe('calibration_blind');
    expect(await refused(karim, 'calibration.comparison', { id: session.id })).toBe('calibration_blind');
    expect((await as(karim, 'markers.list', { recordingId: recording })).map((m) => m.text)).toEqual(['Karim: begroeting mist gemeente']);
    expect(
      (await as(karim, 'evaluations.listForRecording', { recordingId: recording })).map((e) => [e.id, e.scoreHidden ?? false]),
    ).toEqual([[regular.id, true]]);
    expect((await as(karim, 'calibration.get', { id: session.id })).canCompare).toBe(false);

    // Submitted: Karim now sees the other submitted scorings and the comparison, but not Ellen's unfinished draft.
    await as(karim, 'evaluations.finalize', { id: karimEval });
    expect((await as(karim, 'calibration.get', { id: session.id })).canCompare).toBe(true);
    expect(await refused(karim, 'evaluations.get', { id: regular.id })).toBe('ok');
    expect(await refused(karim, 'evaluations.get', { id: ellenEval })).toBe('calibration_blind');
    expect((await as(karim, 'calibration.comparison', { id: session.id })).coaches.map((c) => c.name)).toEqual(['Karim Bouzid']);
    expect((await as(karim, 'markers.list', { recordingId: recording })).map((m) => m.text)).toEqual(['Karim: begroeting mist gemeente']);
    // …and Ellen, still scoring, cannot read his submitted one.
    expect(await refused(ellen, 'evaluations.get', { id: karimEval })).toBe('calibration_blind');
    expect((await as(ellen, 'markers.list', { recordingId: recording })).map((m) => m.text)).toEqual(['Ellen: goede open vraag']);

    await as(ellen, 'evaluations.finalize', { id: ellenEval });
    expect(await refused(ellen, 'evaluations.get', { id: karimEval })).toBe('ok');
    expect(await refused(karim, 'evaluations.get', { id: ellenEval })).toBe('ok');
    const ruudEval = await score(ruud, session.id, scores.ruud);

    // The organiser does not take part: nothing before closing, everything after.
    expect(await refused(fatima, 'evaluations.get', { id: karimEval })).toBe('calibration_blind');
    expect(await refused(fatima, 'calibration.comparison', { id: session.id })).toBe('calibration_blind');
    expect((await as(fatima, 'markers.list', { recordingId: recording })).map((m) => m.text)).toEqual([]);
    expect(await as(fatima, 'calibration.get', { id: session.id })).toMatchObject({
      canCompare: false,
      submittedCount: 3,
      mayOrganise: true,
    });
    expect((await as(karim, 'calibration.get', { id: session.id })).mayOrganise).toBe(false);
    expect(await refused(karim, 'calibration.close', { id: session.id })).toBe('calibration_organiser');
    // Nor through an access export of the advisor: blind work in progress stays out until closing.
    const exportedOpen = await as(fatima, 'privacy.exportPerson', { id: advisor });
    expect(exportedOpen.json).not.toContain('Karim: begroeting mist gemeente');
    expect((JSON.parse(exportedOpen.json) as { evaluations: { kind: string }[] }).evaluations.map((e) => e.kind)).toEqual(['regular']);

    const closed = await as(fatima, 'calibration.close', { id: session.id });
    expect(closed).toMatchObject({ status: 'closed', canCompare: true, submittedCount: 3 });
    expect(closed.closedAt).toEqual(expect.any(String));
    for (const id of [karimEval, ellenEval, ruudEval]) expect(await refused(fatima, 'evaluations.get', { id })).toBe('ok');
    expect((await as(fatima, 'markers.list', { recordingId: recording })).map((m) => m.text)).toEqual([
      'Karim: begroeting mist gemeente',
      'Ellen: goede open vraag',
    ]);
    expect((await as(fatima, 'privacy.exportPerson', { id: advisor })).json).toContain('Karim: begroeting mist gemeente');
    const comparison = await as(fatima, 'calibration.comparison', { id: session.id });
    expect(comparison.coaches.map((c) => [c.name, c.scorePct === null ? null : Math.round(c.scorePct * 10) / 10])).toEqual([
      ['Ellen Jansen', 40],
      ['Karim Bouzid', 83.3],
      ['Ruud Smit', 83.3],
    ]);
    expect(await refused(fatima, 'calibration.close', { id: session.id })).toBe('calibration_closed');
  });

  it('a closed session refuses further saves and submitting; its drafts stay drafts and out of the comparison', async () => {
    const session = await createSession();
    await score(karim, session.id, scores.karim);
    await score(ellen, session.id, scores.ellen);
    const ruudDraft = await score(ruud, session.id, scores.ruud, false);
    await as(fatima, 'calibration.close', { id: session.id });

    expect(await refused(ruud, 'evaluations.saveDraft', { id: ruudDraft, tops: '', tips: '', answers: answersOf(scores.karim) })).toBe(
      'calibration_closed',
    );
    expect(await refused(ruud, 'evaluations.finalize', { id: ruudDraft })).toBe('calibration_closed');
    expect((await as(ruud, 'evaluations.get', { id: ruudDraft })).status).toBe('draft');
    const other = await createSession({ title: 'Andere sessie', participantIds: [karim, ilse] });
    await as(fatima, 'calibration.close', { id: other.id });
    expect(await refused(ilse, 'calibration.start', { id: other.id })).toBe('calibration_closed');

    const comparison = await as(ruud, 'calibration.comparison', { id: session.id });
    expect(comparison.coaches.map((c) => c.name)).toEqual(['Ellen Jansen', 'Karim Bouzid']);
    const session2 = await as(fatima, 'calibration.get', { id: session.id });
    expect(session2.participants.find((p) => p.coachId === ruud)).toMatchObject({ evaluationId: ruudDraft, submittedAt: null });
    expect(session2.submittedCount).toBe(2);
  });
});

describe('comparison, consensus and alpha', () => {
  it('compares a seeded case against the expert, with hand-computed alignment', async () => {
    const session = await createSession({ participantIds: [ellen, ruud], referenceId: karim });
    await score(karim, session.id, scores.karim);
    await score(ellen, session.id, scores.ellen);
    await score(ruud, session.id, scores.ruud);
    await as(fatima, 'calibration.close', { id: session.id });
    const c = await as(ellen, 'calibration.comparison', { id: session.id });

    expect(c.referenceSource).toBe('expert');
    const row = (id: number) => c.criteria.find((r) => r.criterionId === id)!;
    const cell = (id: number, coachId: number) => row(id).answers.find((a) => a.coachId === coachId)!;
    expect(c.criteria.map((r) => [r.key, r.sectionTitle, r.type, r.scaleMax])).toEqual([
      ['begroeting', 'Opening', 'yes_no', 1],
      ['vragen', 'Opening', 'scale', 5],
      ['samenvatten', 'Afsluiting', 'scale', 3],
      ['afspraken', 'Afsluiting', 'yes_no', 1],
    ]);
    expect(row(crit.vragen).reference).toEqual({ value: 4, na: false, share: 0.75 });
    expect(cell(crit.vragen, ellen)).toMatchObject({ value: 3, share: 0.5, deviation: -0.25, alignment: 0.75 });
    expect(cell(crit.samenvatten, ellen)).toMatchObject({ na: true, alignment: 0 });
    expect(row(crit.begroeting).agreementPct).toBe(50);
    expect(row(crit.vragen).spread).toEqual({ min: 0.5, max: 1, range: 0.5 });
    const coach = (id: number) => c.coaches.find((x) => x.coachId === id)!;
    // Ellen: (1/6)·1 + (2/6)·0.75 + (1/6)·0 + (2/6)·0 = 2.5/6; Ruud: 0 + (2/6)·0.75 + (1/6)·0.5 + (2/6)·1 = 4/6.
    expect(coach(ellen).alignment).toBeCloseTo(2.5 / 6, 12);
    expect(coach(ruud).alignment).toBeCloseTo(4 / 6, 12);
    expect(coach(karim)).toMatchObject({ isReference: true, alignment: 1 });
    expect(coach(karim).scorePct).toBeCloseTo((5 / 6) * 100, 9);

    // Alpha: units = criteria, observers = Karim, Ellen, Ruud; shares on the scales, 0/1 on yes/no; n.v.t. missing.
    const order = c.coaches.map((x) => x.coachId);
    const shares: Record<number, Record<number, number | null>> = {
      [karim]: { [crit.vragen]: 0.75, [crit.samenvatten]: 0.5, [crit.begroeting]: 1, [crit.afspraken]: 1 },
      [ellen]: { [crit.vragen]: 0.5, [crit.samenvatten]: null, [crit.begroeting]: 1, [crit.afspraken]: 0 },
      [ruud]: { [crit.vragen]: 1, [crit.samenvatten]: 1, [crit.begroeting]: 0, [crit.afspraken]: 1 },
    };
    const matrix = (ids: number[]) => ids.map((id) => order.map((coachId) => shares[coachId]![id]!));
    expect(c.alpha.scales.value).toBeCloseTo(krippendorff(matrix([crit.vragen, crit.samenvatten]), 'ordinal').value!, 12);
    expect(c.alpha.yesNo.value).toBeCloseTo(krippendorff(matrix([crit.begroeting, crit.afspraken]), 'nominal').value!, 12);
    // Worked out by hand in tests/unit/calibration-alignment.test.ts: −0.4, −0.25 and −6/19 pooled.
    expect(c.alpha.scales.value).toBeCloseTo(-0.4, 12);
    expect(c.alpha.yesNo.value).toBeCloseTo(-0.25, 12);
    expect(c.alpha.overall).toMatchObject({ pairable: 11 });
    expect(c.alpha.overall.value).toBeCloseTo(-6 / 19, 12);
  });

  it('records the consensus after closing only, checks it, and uses it as the reference when there is no expert', async () => {
    const session = await createSession();
    await score(karim, session.id, scores.karim);
    await score(ellen, session.id, scores.ellen);
    await score(ruud, session.id, scores.ruud);
    const consensus = (answers: ChannelInput<'calibration.saveConsensus'>['answers']) => ({
      sessionId: session.id,
      answers,
      notes: 'Afgesproken: n.v.t. bij samenvatten als de inwoner zelf afsluit.',
    });
    const agreed = [
      { criterionId: crit.begroeting, value: 1, na: false, guidanceNote: '' },
      { criterionId: crit.vragen, value: 3, na: false, guidanceNote: 'Niveau 4 pas bij doorvragen op de situatie.' },
      { criterionId: crit.samenvatten, value: null, na: true, guidanceNote: '' },
      { criterionId: crit.afspraken, value: null, na: false, guidanceNote: 'Terugbelafspraak telt als afspraak.' },
    ];
    expect(await refused(fatima, 'calibration.saveConsensus', consensus(agreed))).toBe('calibration_open');

    // Before the consensus: the participants' median/majority.
    await as(fatima, 'calibration.close', { id: session.id });
    const before = await as(fatima, 'calibration.comparison', { id: session.id });
    expect(before.referenceSource).toBe('median');
    expect(before.criteria.find((r) => r.criterionId === crit.vragen)?.reference).toEqual({ value: 4, na: false, share: 0.75 });

    expect(await refused(karim, 'calibration.saveConsensus', consensus(agreed))).toBe('calibration_organiser');
    expect(await refused(fatima, 'calibration.saveConsensus', consensus([{ ...agreed[1]!, value: 6 }]))).toBe('evaluation_answer_invalid');
    expect(await refused(fatima, 'calibration.saveConsensus', consensus([{ ...agreed[0]!, value: null, na: true }]))).toBe(
      'evaluation_answer_invalid',
    );
    expect(await refused(fatima, 'calibration.saveConsensus', consensus([{ ...agreed[0]!, criterionId: 99999 }]))).toBe(
      'evaluation_answer_invalid',
    );

    const c = await as(fatima, 'calibration.saveConsensus', consensus(agreed));
    expect(c.referenceSource).toBe('consensus');
    const row = (id: number) => c.criteria.find((r) => r.criterionId === id)!;
    expect(row(crit.vragen).reference).toEqual({ value: 3, na: false, share: 0.5 });
    expect(row(crit.vragen).consensus).toEqual({ value: 3, na: false, guidanceNote: 'Niveau 4 pas bij doorvragen op de situatie.' });
    expect(row(crit.samenvatten).reference).toEqual({ value: null, na: true, share: null });
    // Not agreed on afspraken: the majority (yes, 2 of 3) stands in; the guidance note is kept.
    expect(row(crit.afspraken).reference).toEqual({ value: 1, na: false, share: 1 });
    expect(row(crit.afspraken).consensus).toEqual({ value: null, na: false, guidanceNote: 'Terugbelafspraak telt als afspraak.' });
    // Karim (1·1 + 2·0.75 + 1·0 + 2·1)/6 = 0.75; Ellen (1 + 2 + 1 + 0)/6; Ruud (0 + 1 + 0 + 2)/6 = 0.5.
    const alignment = (id: number) => c.coaches.find((x) => x.coachId === id)?.alignment;
    expect(alignment(karim)).toBeCloseTo(0.75, 12);
    expect(alignment(ellen)).toBeCloseTo(4 / 6, 12);
    expect(alignment(ruud)).toBeCloseTo(0.5, 12);
    expect((await as(karim, 'calibration.get', { id: session.id })).notes).toBe(
      'Afgesproken: n.v.t. bij samenvatten als de inwoner zelf afsluit.',
    );

    // Saving again replaces the whole consensus.
    await as(fatima, 'calibration.saveConsensus', { sessionId: session.id, answers: [], notes: '' });
    expect((await as(fatima, 'calibration.comparison', { id: session.id })).referenceSource).toBe('median');
    expect(await t.core.db.selectFrom('calibration_consensus').select('criterion_id').execute()).toEqual([]);
  });
});

describe('history', () => {
  it('follows each coach’s alignment and each criterion’s agreement over two closed sessions', async () => {
    const first = await createSession({ title: 'Sessie 1', participantIds: [ellen, ruud], referenceId: karim });
    await score(karim, first.id, scores.karim);
    await score(ellen, first.id, scores.ellen);
    await score(ruud, first.id, scores.ruud);
    await as(fatima, 'calibration.close', { id: first.id });

    // Second session on another call: Ellen now matches Karim exactly, Ruud does not submit.
    const second = await createSession({
      title: 'Sessie 2',
      recordingId: await insertRecording(t.core, advisor),
      participantIds: [ellen, ruud],
      referenceId: karim,
    });
    await score(karim, second.id, scores.karim);
    await score(ellen, second.id, scores.karim);
    await score(ruud, second.id, scores.ruud, false);
    await as(fatima, 'calibration.close', { id: second.id });
    // Open sessions stay out of history.
    const open = await createSession({ title: 'Nog open' });
    await score(karim, open.id, scores.ruud);

    const h = await as(fatima, 'calibration.history', {});
    const coach = (id: number) => h.coaches.find((c) => c.coachId === id)!;
    expect(h.coaches.map((c) => c.name)).toEqual(['Ellen Jansen', 'Karim Bouzid', 'Ruud Smit']);
    expect(coach(ellen).sessions.map((s) => [s.title, s.alignment])).toEqual([
      ['Sessie 1', expect.closeTo(2.5 / 6, 12)],
      ['Sessie 2', 1],
    ]);
    expect(coach(ellen).meanAlignment).toBeCloseTo((2.5 / 6 + 1) / 2, 12);
    expect(coach(ruud).sessions.map((s) => s.alignment)).toEqual([expect.closeTo(4 / 6, 12), null]);
    expect(coach(ruud).meanAlignment).toBeCloseTo(4 / 6, 12);
    expect(coach(karim).meanAlignment).toBe(1);

    const criterion = (key: string) => h.criteria.find((c) => c.key === key)!;
    // begroeting: session 1 Ellen agrees, Ruud not (50%); session 2 Ellen agrees (100%).
    expect(criterion('begroeting').sessions.map((s) => [s.agreementPct, s.range])).toEqual([
      [50, 1],
      [100, 0],
    ]);
    expect(criterion('vragen').sessions.map((s) => [s.agreementPct, s.range])).toEqual([
      [0, 0.5],
      [100, 0],
    ]);
    // Alpha with the sessions as units and Karim, Ellen, Ruud as observers (shares; Ruud's draft missing).
    expect(criterion('vragen').type).toBe('scale');
    const vragen = krippendorff(
      [
        [0.75, 0.5, 1],
        [0.75, 0.75, null],
      ],
      'ordinal',
    );
    expect(criterion('vragen').alpha).toEqual({ value: vragen.value, pairable: 5 });
    const afspraken = krippendorff(
      [
        [1, 0, 1],
        [1, 1, null],
      ],
      'nominal',
    );
    expect(criterion('afspraken').alpha.value).toBeCloseTo(afspraken.value!, 12);
  });
});

describe('calibration never counts', () => {
  it('leaves quota, Mijn maand, the team overview, trend, team month, feedback and the advisor’s lists as they were', async () => {
    await as(fatima, 'coaching.assign', { advisorIds: [advisor], coachId: karim, fromDate: '2026-11-01' });
    // One regular, counted evaluation of another call, so the figures are not all empty.
    const other = await insertRecording(t.core, advisor, '2026-11-05T14:00:00');
    const regular = await as(karim, 'evaluations.start', { recordingId: other });
    await as(karim, 'evaluations.saveDraft', {
      id: regular.id,
      tops: 'Warme opening',
      tips: '',
      answers: (await getRubricVersion(t.core.db, regular.rubricVersionId)).sections
        .flatMap((s) => s.criteria)
        .map((c) => ({ criterionId: c.id, value: c.type === 'yes_no' ? 1 : c.scaleMax, na: false, note: '' })),
    });
    await as(karim, 'evaluations.finalize', { id: regular.id });

    const snapshot = async () => ({
      month: await as(karim, 'coaching.myMonth', { period: '2026-11' }),
      team: await as(fatima, 'coaching.team', { period: '2026-11', asOf: '2026-11-23' }),
      trend: await as(fatima, 'reports.advisorTrend', { advisorId: advisor, from: '2026-09', to: '2026-11' }),
      teamMonth: await as(fatima, 'reports.teamMonth', { period: '2026-11' }),
      feedback: await as(karim, 'feedback.prepare', { advisorId: advisor }),
      byAdvisor: await as(fatima, 'evaluations.listForAdvisor', { advisorId: advisor }),
      byRecording: await as(fatima, 'evaluations.listForRecording', { recordingId: recording }),
    });
    const before = await snapshot();
    expect(before.month.done).toBe(1);
    expect(before.byAdvisor).toHaveLength(1);

    // Karim (the advisor's own coach) and Ellen score the call in a session; Karim leaves a draft in another.
    const session = await createSession({ participantIds: [karim, ellen] });
    const karimEval = await score(karim, session.id, scores.karim);
    await score(ellen, session.id, scores.ellen);
    await as(fatima, 'calibration.close', { id: session.id });
    const pending = await createSession({ title: 'Nog bezig', participantIds: [karim, ruud] });
    await score(karim, pending.id, scores.karim, false);

    const after = await snapshot();
    expect(after).toEqual(before);
    expect(after.month.next).toEqual(before.month.next);

    // Nor can it be discussed in a feedbackgesprek or disputed.
    const feedback = await d.dispatch('feedback.record', {
      advisorId: advisor,
      heldOn: '2026-11-23',
      evaluationIds: [karimEval],
      tops: '',
      tips: '',
      reaction: '',
      agreement: 'agreed',
      disagreementComment: '',
      actionPoints: [],
      followUps: [],
    });
    expect(feedback).toMatchObject({ ok: false, error: { code: 'feedback_evaluation_invalid' } });
    expect(await refused(fatima, 'disputes.raise', { evaluationId: karimEval, reason: 'Oneens', secondCoachId: ruud })).toBe(
      'dispute_not_allowed',
    );
  });

  it('leaves a calibrated call in the pool of the monthly sample, and waiting on Mijn maand', async () => {
    await as(fatima, 'coaching.assign', { advisorIds: [advisor], coachId: karim, fromDate: '2026-11-01' });
    const session = await createSession({ participantIds: [karim, ellen] });
    await score(karim, session.id, scores.karim);
    await score(ellen, session.id, scores.ellen);
    await as(fatima, 'calibration.close', { id: session.id });

    const sample = await as(karim, 'samples.draw', { period: '2026-11', advisorIds: [advisor], settings: { perAdvisor: 1 } });
    expect(sample.items.map((i) => [i.recordingId, i.evaluationId, i.evaluationStatus])).toEqual([[recording, null, null]]);
    const month = await as(karim, 'coaching.myMonth', { period: '2026-11' });
    expect(month.advisors[0]).toMatchObject({ done: 0, drafts: 0, sampleWaiting: 1 });
    expect(month.next).toEqual({ kind: 'recording', recordingId: recording, advisorId: advisor });
  });
});
