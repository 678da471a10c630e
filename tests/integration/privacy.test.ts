import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accessExport, type Answer, type RubricVersion, type TeamMonth } from '../../src-main/contract';
import { recordAudit, listAudit } from '../../src-main/core/audit/audit';
import { todayIso } from '../../src-main/core/clock';
import { assignCoach } from '../../src-main/core/coaching/plan';
import { AppError } from '../../src-main/core/errors';
import { raiseDispute, startSecondOpinion } from '../../src-main/core/evaluations/disputes';
import { finalizeEvaluation, saveDraft, startEvaluation } from '../../src-main/core/evaluations/evaluations';
import { recordFeedbackSession } from '../../src-main/core/feedback/sessions';
import { addMarker } from '../../src-main/core/markers/markers';
import { addCheckin, reachLevel, signOffItems, startOnboarding } from '../../src-main/core/onboarding/onboardings';
import { listPrograms } from '../../src-main/core/onboarding/programs';
import { exportPerson } from '../../src-main/core/privacy/access-export';
import { anonymisePerson, anonymisePreview } from '../../src-main/core/privacy/anonymise';
import { personMatcher } from '../../src-main/core/privacy/mentions';
import { teamMonth } from '../../src-main/core/reports/team-month';
import { currentRubricVersionId, getRubricVersion } from '../../src-main/core/rubrics/rubrics';
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { createTempCore, type TempCore } from '../support/core';
import { refuseWrite } from '../support/faults';
import { dumpDatabase } from '../support/dump';
import { scenarioAnswerList } from '../support/scoring-scenario';
import { insertRecording, insertStaff } from '../support/seed';

let t: TempCore;
let rubric: RubricVersion;
let sanne: number;
let noor: number;
let coach: number;
let trainer: number;
let buddy: number;
/** Sanne's evaluations: e1 names her in its texts, e2 does not. */
let e1: number;
let e2: number;
let noorEvaluation: number;
let namedRecording: number;
let plainRecording: number;
let removedRecording: number;
let namingMarker: number;
let plainMarker: number;
let sessionId: number;

const today = todayIso();
const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));
const failureOf = (work: Promise<unknown>) =>
  work.then(
    () => 'no error',
    (e: unknown) => codeOf(e),
  );

async function evaluate(recordingId: number, tops: string, tips: string, notes: Record<number, string> = {}): Promise<number> {
  const { id } = await startEvaluation(t.core.db, coach, recordingId);
  const answers: Answer[] = scenarioAnswerList(rubric).map((a, i) => ({ ...a, note: notes[i] ?? '' }));
  await saveDraft(t.core.db, coach, { id, tops, tips, answers });
  await finalizeEvaluation(t.core.db, coach, id);
  return id;
}

beforeEach(async () => {
  t = await createTempCore();
  const db = t.core.db;
  rubric = await getRubricVersion(db, await currentRubricVersionId(db));
  sanne = await insertStaff(t.core, 'advisor', 'Sanne de Vries');
  noor = await insertStaff(t.core, 'advisor', 'Noor Yilmaz');
  coach = await insertStaff(t.core, 'coach', 'Karim Bouzid');
  trainer = await insertStaff(t.core, 'trainer', 'Ellen Visser');
  buddy = await insertStaff(t.core, 'advisor', 'Joost Bakker');
  await db.updateTable('staff').set({ employee_number: '1043' }).where('id', '=', sanne).execute();
  await db.updateTable('staff').set({ employee_number: '2087' }).where('id', '=', noor).execute();

  namedRecording = await insertRecording(t.core, sanne, '2026-11-03T09:35:12');
  await db
    .updateTable('recording')
    .set({ original_name: '20261103-093512_1043_burgerzaken.wav' })
    .where('id', '=', namedRecording)
    .execute();
  plainRecording = await insertRecording(t.core, sanne, '2026-11-10T14:05:00');
  await db.updateTable('recording').set({ stored_path: 'ab/abcd.wav' }).where('id', '=', plainRecording).execute();
  removedRecording = await insertRecording(t.core, sanne, '2026-11-12T11:00:00');
  await db.updateTable('recording').set({ audio_removed_at: '2026-11-20T03:00:00.000Z' }).where('id', '=', removedRecording).execute();

  e1 = await evaluate(namedRecording, 'Sanne opent vriendelijk met naam en gemeente.', 'Vat de vraag samen.', {
    0: '<script>alert("x")</script> let op de toon',
    1: 'Sanne vergat de identiteit te controleren.',
  });
  e2 = await evaluate(plainRecording, 'Rustig bij een boze inwoner.', 'Kondig doorverbinden aan.');
  noorEvaluation = await evaluate(await insertRecording(t.core, noor, '2026-11-04T10:00:00'), 'Noor-specifiek: warme afsluiting.', 'Geen.');

  namingMarker = (
    await addMarker(db, coach, {
      recordingId: namedRecording,
      evaluationId: e1,
      criterionId: null,
      atSeconds: 42,
      text: 'Hier noemt mevrouw De Vries haar personeelsnummer 1043.',
    })
  ).id;
  plainMarker = (await addMarker(db, coach, { recordingId: namedRecording, evaluationId: e1, atSeconds: 95, text: 'Wachtmuziek te lang.' }))
    .id;

  sessionId = (
    await recordFeedbackSession(db, coach, {
      advisorId: sanne,
      heldOn: today,
      evaluationIds: [e1, e2],
      tops: '• Vriendelijke opening',
      tips: '• Vat samen',
      reaction: 'Sanne herkent het doorverbinden.',
      agreement: 'agreed',
      disagreementComment: '',
      actionPoints: [{ description: 'Vat de vraag samen voordat je antwoordt', criterionId: null, dueDate: '2026-12-15' }],
      followUps: [],
    })
  ).id;

  const [program] = await listPrograms(db);
  if (!program) throw new Error('no onboarding program');
  const track = await startOnboarding(
    db,
    trainer,
    {
      staffId: sanne,
      startDate: '2026-11-02',
      trainerId: trainer,
      programId: program.id,
      buddyId: buddy,
      quotaPerMonth: 8,
      quotaMonths: 3,
    },
    '2026-11-23',
  );
  const firstItem = track.weeks[0]?.items[0];
  if (!firstItem) throw new Error('program without items');
  await signOffItems(db, trainer, { itemIds: [firstItem.id], signedOffOn: '2026-11-03', note: 'Sanne pakt het snel op.' }, '2026-11-23');
  await reachLevel(db, trainer, { id: track.id, level: 'listening_in', reachedOn: '2026-11-05' }, '2026-11-23');
  await addCheckin(
    db,
    buddy,
    {
      id: track.id,
      heldOn: '2026-11-20',
      level: 'listening_in',
      wentWell: 'Goed geluisterd naar de inwoner.',
      toPractise: 'Sanne mag sneller doorvragen.',
    },
    '2026-11-23',
  );
  await assignCoach(db, sanne, coach, '2026-10-01');
  await assignCoach(db, noor, coach, '2026-10-01');

  // A staff change as the audit trail keeps it (name and number in the summary and the states).
  await recordAudit(db, {
    entity: 'staff',
    entityId: sanne,
    action: 'updated',
    actorId: coach,
    summary: 'Medewerker Sanne de Vries (1043) gewijzigd: status',
    before: { name: 'Sanne de Vries', employeeNumber: '1043', status: 'onboarding' },
    after: { name: 'Sanne de Vries', employeeNumber: '1043', status: 'left' },
  });
});
afterEach(() => t.cleanup());

const setLeft = (id: number) => t.core.db.updateTable('staff').set({ status: 'left' }).where('id', '=', id).execute();

describe('access export (inzageverzoek)', () => {
  it('holds every kind of data about the advisor and nothing about a colleague', async () => {
    const result = await exportPerson(t.core, coach, sanne);
    expect(result.fileNameBase).toBe(`inzage-sanne-de-vries-${today}`);
    const { html } = result;

    expect(html).toContain('Inzage persoonsgegevens: Sanne de Vries');
    expect(html).toContain('Personeelsnummer 1043');
    expect(html).toContain('Wat is Klankbord?');
    // Evaluations with their texts, answers, notes and history.
    expect(html).toContain('Sanne opent vriendelijk met naam en gemeente.');
    expect(html).toContain('Kondig doorverbinden aan.');
    expect(html).toContain('Sanne vergat de identiteit te controleren.');
    expect(html).toContain(rubric.sections[0]!.criteria[0]!.title);
    expect(html).toContain('Hier noemt mevrouw De Vries haar personeelsnummer 1043.');
    expect(html).toContain('Definitief gemaakt');
    expect(html).toContain('Besproken in feedbackgesprek');
    expect(html).toContain('Karim Bouzid');
    // Feedback, action point, onboarding.
    expect(html).toContain('Sanne herkent het doorverbinden.');
    expect(html).toContain('Vat de vraag samen voordat je antwoordt');
    expect(html).toContain('Sanne pakt het snel op.');
    expect(html).toContain('Meeluisteren');
    expect(html).toContain('Sanne mag sneller doorvragen.');
    expect(html).toContain('Ellen Visser');
    expect(html).toContain('Joost Bakker');
    // Recordings, with what retention did to them.
    expect(html).toContain('20261103-093512_1043_burgerzaken.wav');
    expect(html).toContain('Verwijderd wegens bewaartermijn op 20 november 2026');
    expect(html).toContain('Bewaard');

    // Nothing about Noor: not her name, number, texts or call.
    for (const foreign of ['Yilmaz', 'Noor-specifiek', '2087', 'warme afsluiting']) {
      expect(html).not.toContain(foreign);
      expect(result.json).not.toContain(foreign);
    }

    const json = JSON.parse(result.json) as {
      person: { name: string; employeeNumber: string };
      evaluations: Array<{ id: number; answers: unknown[]; markers: unknown[]; history: unknown[] }>;
      feedbackSessions: Array<{ id: number; evaluationIds: number[] }>;
      actionPoints: unknown[];
      onboardings: Array<{ items: Array<{ note: string }>; checkins: unknown[]; levels: unknown[] }>;
      recordings: Array<{ id: number; audioStored: boolean }>;
      quotaOverrides: unknown[];
      coachAssignments: unknown[];
      auditEntries: Array<{ summary: string }>;
    };
    expect(json.person).toMatchObject({ name: 'Sanne de Vries', employeeNumber: '1043' });
    expect(json.evaluations.map((e) => e.id)).toEqual([e1, e2]);
    const criteria = rubric.sections.flatMap((s) => s.criteria).length;
    expect(json.evaluations.map((e) => e.answers.length)).toEqual([criteria, criteria]);
    expect(json.evaluations[0]!.markers).toHaveLength(2);
    expect(json.evaluations[0]!.history.length).toBeGreaterThanOrEqual(2);
    expect(json.feedbackSessions).toEqual([expect.objectContaining({ id: sessionId, evaluationIds: [e1, e2] })]);
    expect(json.actionPoints).toHaveLength(1);
    expect(json.onboardings).toHaveLength(1);
    expect(json.onboardings[0]!.items.filter((i) => i.note !== '')).toHaveLength(1);
    expect(json.onboardings[0]!.checkins).toHaveLength(1);
    expect(json.onboardings[0]!.levels).toHaveLength(1);
    expect(json.recordings.map((r) => [r.id, r.audioStored])).toEqual([
      [namedRecording, false],
      [plainRecording, true],
      [removedRecording, false],
    ]);
    expect(json.quotaOverrides).toHaveLength(1);
    expect(json.coachAssignments).toHaveLength(1);
    expect(json.auditEntries.map((a) => a.summary)).toContain('Medewerker Sanne de Vries (1043) gewijzigd: status');

    // The export itself is in the audit trail, with who made it.
    const [logged] = await listAudit(t.core.db, { entity: 'privacy', entityId: sanne });
    expect(logged).toMatchObject({ action: 'exported', actorName: 'Karim Bouzid' });
  });

  it('escapes stored text, so a note with markup is shown as text and the file runs no script', async () => {
    const { html } = await exportPerson(t.core, coach, sanne);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; let op de toon');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('works through the contract for any role, and names the person who asked', async () => {
    const d = createDispatcher(t.core, () => undefined);
    await d.dispatch('session.selectProfile', { staffId: trainer });
    const result = await d.dispatch('privacy.exportPerson', { id: coach });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const { html } = accessExport.parse(result.data);
    expect(html).toContain('Inzage persoonsgegevens: Karim Bouzid');
    expect(html).toContain('door Ellen Visser');
    // A coach's own work is listed as counts, without the advisors' data.
    expect(html).toContain('Beoordelingen gemaakt als coach');
    expect(html).not.toContain('Sanne opent vriendelijk');
    const missing = await d.dispatch('privacy.exportPerson', { id: 9999 });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
  });
});

describe('access export and blind second opinions', () => {
  it('refuses the coach of an unfinished second opinion on one of the calls, and no one else', async () => {
    const second = await insertStaff(t.core, 'coach', 'Ellen Jansen');
    const dispute = await raiseDispute(t.core.db, trainer, { evaluationId: e1, reason: 'Te streng', secondCoachId: second });
    await startSecondOpinion(t.core.db, second, dispute.id);
    expect(codeOf(await exportPerson(t.core, second, sanne).catch((e: unknown) => e))).toBe('evaluation_blind');
    await expect(exportPerson(t.core, coach, sanne)).resolves.toMatchObject({ fileNameBase: expect.stringContaining('inzage-') });
  });
});

describe('who a text names', () => {
  it('matches the full name, name parts of three letters or more and the number, as whole words', () => {
    const names = personMatcher('Jan van der Berg', '1043');
    expect(names('Jan belde terug')).toBe(true);
    expect(names('meneer BERG was boos')).toBe(true);
    expect(names('Gesprek van 12 januari')).toBe(false);
    expect(names('de bergen in')).toBe(false);
    expect(names('nummer 1043 genoemd')).toBe(true);
    expect(names('bestand_1043_afval.wav')).toBe(true);
    expect(names('code 10430')).toBe(false);
    expect(names('')).toBe(false);
    expect(personMatcher('Özlem Şahin', 'A77')('ozlem vroeg door')).toBe(true);
  });
});

/** Team figures without the names (those change by design). */
function figures(report: TeamMonth): string {
  return JSON.stringify(report, (key, value: unknown) => (key === 'name' || key === 'advisorName' ? undefined : value));
}

const everything = () => dumpDatabase(t.core);

describe('anonymising someone who left', () => {
  it('previews what it will touch, counting the free-text fields that name the person', async () => {
    await setLeft(sanne);
    const preview = await anonymisePreview(t.core, sanne);
    const e1Versions = await t.core.db.selectFrom('evaluation_version').select('id').where('evaluation_id', '=', e1).execute();
    // e1's tops and one answer note, in the evaluation and in each of its stored versions; the marker,
    // the feedback reaction, the sign-off note, the check-in and the file name with the number.
    const expected = 2 + 2 * e1Versions.length + 5;
    expect(preview).toMatchObject({
      staffId: sanne,
      name: 'Sanne de Vries',
      employeeNumber: '1043',
      status: 'left',
      anonymisedAt: null,
      evaluations: 2,
      feedbackSessions: 1,
      actionPoints: 1,
      recordings: 3,
      freeTextMentions: expected,
      replacementName: `Oud-medewerker ${sanne}`,
      replacementEmployeeNumber: `ANON-${sanne}`,
    });
    expect(Object.fromEntries(preview.mentions.map((m) => [m.kind, m.count]))).toEqual({
      evaluation: 1,
      answer_note: 1,
      marker: 1,
      evaluation_history: 2 * e1Versions.length,
      feedback: 1,
      onboarding: 1,
      checkin: 1,
      recording_name: 1,
    });
  });

  it('replaces name and number, clears only the text that names them, and keeps the team figures exactly', async () => {
    await setLeft(sanne);
    await exportPerson(t.core, coach, sanne);
    const db = t.core.db;
    const before = await teamMonth(db, { period: '2026-11', team: 'KCC Noord' }, '2026-11-30');
    expect(before.current.n).toBe(3);
    const scoresBefore = await db.selectFrom('evaluation').select(['id', 'score_pct', 'counts', 'status']).orderBy('id').execute();
    const answersBefore = await db
      .selectFrom('answer')
      .select(['evaluation_id', 'criterion_id', 'value', 'na'])
      .orderBy('evaluation_id')
      .orderBy('criterion_id')
      .execute();
    const preview = await anonymisePreview(t.core, sanne);

    const result = await anonymisePerson(t.core, coach, { staffId: sanne, clearFreeText: true, confirmName: '  sanne DE vries ' });
    expect(result).toMatchObject({
      staffId: sanne,
      replacementName: `Oud-medewerker ${sanne}`,
      replacementEmployeeNumber: `ANON-${sanne}`,
      clearedFreeText: preview.freeTextMentions,
    });

    const person = await db.selectFrom('staff').selectAll().where('id', '=', sanne).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ name: `Oud-medewerker ${sanne}`, employee_number: `ANON-${sanne}`, status: 'left', team: 'KCC Noord' });
    expect(person.anonymised_at).not.toBeNull();

    // Text that names her is gone; text that does not stays.
    const evaluations = await db.selectFrom('evaluation').select(['id', 'tops', 'tips']).orderBy('id').execute();
    expect(evaluations.find((e) => e.id === e1)).toMatchObject({ tops: '', tips: 'Vat de vraag samen.' });
    expect(evaluations.find((e) => e.id === e2)).toMatchObject({ tops: 'Rustig bij een boze inwoner.', tips: 'Kondig doorverbinden aan.' });
    expect(evaluations.find((e) => e.id === noorEvaluation)).toMatchObject({ tops: 'Noor-specifiek: warme afsluiting.' });
    const notes = (await db.selectFrom('answer').select('note').where('evaluation_id', '=', e1).execute())
      .map((a) => a.note)
      .filter(Boolean);
    expect(notes).toEqual(['<script>alert("x")</script> let op de toon']);
    const markers = await db.selectFrom('marker').select(['id', 'text']).execute();
    expect(markers.find((m) => m.id === namingMarker)?.text).toBe('');
    expect(markers.find((m) => m.id === plainMarker)?.text).toBe('Wachtmuziek te lang.');
    const session = await db.selectFrom('feedback_session').selectAll().where('id', '=', sessionId).executeTakeFirstOrThrow();
    expect(session).toMatchObject({ reaction: '', tops: '• Vriendelijke opening', tips: '• Vat samen' });
    const action = await db.selectFrom('action_item').select('description').executeTakeFirstOrThrow();
    expect(action.description).toBe('Vat de vraag samen voordat je antwoordt');
    const checkin = await db.selectFrom('buddy_checkin').selectAll().executeTakeFirstOrThrow();
    expect(checkin).toMatchObject({ went_well: 'Goed geluisterd naar de inwoner.', to_practise: '' });
    const signed = await db.selectFrom('onboarding_item').select('note').where('signed_off_on', 'is not', null).execute();
    expect(signed.map((i) => i.note)).toEqual(['']);
    const names = await db.selectFrom('recording').select(['id', 'original_name']).execute();
    expect(names.find((r) => r.id === namedRecording)?.original_name).toBe(`opname-${namedRecording}.wav`);
    expect(names.find((r) => r.id === plainRecording)?.original_name).toMatch(/^gesprek-\d+\.wav$/);
    const history = await db.selectFrom('evaluation_version').select('snapshot_json').execute();
    for (const v of history) expect(v.snapshot_json).not.toMatch(/Sanne|Vries|1043/);

    // Scores, answers, links and the team's month are exactly as before.
    expect(await db.selectFrom('evaluation').select(['id', 'score_pct', 'counts', 'status']).orderBy('id').execute()).toEqual(scoresBefore);
    expect(
      await db
        .selectFrom('answer')
        .select(['evaluation_id', 'criterion_id', 'value', 'na'])
        .orderBy('evaluation_id')
        .orderBy('criterion_id')
        .execute(),
    ).toEqual(answersBefore);
    const after = await teamMonth(db, { period: '2026-11', team: 'KCC Noord' }, '2026-11-30');
    expect(figures(after)).toBe(figures(before));
    expect(after.advisors.map((a) => a.name)).toContain(`Oud-medewerker ${sanne}`);

    // The audit trail keeps what happened, without her name or number.
    const audit = await listAudit(db, { limit: 500 });
    expect(JSON.stringify(audit)).not.toMatch(/Sanne de Vries|1043/);
    const staffChange = audit.find((a) => a.entity === 'staff' && a.entityId === sanne);
    expect(staffChange).toMatchObject({
      summary: `Medewerker Oud-medewerker ${sanne} (ANON-${sanne}) gewijzigd: status`,
      redacted: true,
      after: { name: `Oud-medewerker ${sanne}`, employeeNumber: `ANON-${sanne}`, status: 'left' },
    });
    expect(audit.find((a) => a.action === 'exported')?.redacted).toBe(true);
    expect(result.redactedAuditEntries).toBe(audit.filter((a) => a.redacted).length);
    expect(result.redactedAuditEntries).toBeGreaterThanOrEqual(2);
    const [last] = audit;
    expect(last).toMatchObject({ entity: 'privacy', entityId: sanne, action: 'anonymised', actorName: 'Karim Bouzid', redacted: false });
    expect(last?.summary).toBe(
      `Medewerker ${sanne} geanonimiseerd: naam en personeelsnummer vervangen, ${result.clearedFreeText} tekstvelden met de naam gewist`,
    );

    // A later access export shows the anonymised person.
    const { html } = await exportPerson(t.core, coach, sanne);
    expect(html).toContain(`Inzage persoonsgegevens: Oud-medewerker ${sanne}`);
    expect(html).not.toMatch(/Sanne|1043/);
  });

  it('without "clear free text" changes only name and number', async () => {
    await setLeft(sanne);
    const result = await anonymisePerson(t.core, coach, { staffId: sanne, clearFreeText: false, confirmName: 'Sanne de Vries' });
    expect(result.clearedFreeText).toBe(0);
    const e = await t.core.db.selectFrom('evaluation').select('tops').where('id', '=', e1).executeTakeFirstOrThrow();
    expect(e.tops).toBe('Sanne opent vriendelijk met naam en gemeente.');
    const r = await t.core.db.selectFrom('recording').select('original_name').where('id', '=', namedRecording).executeTakeFirstOrThrow();
    expect(r.original_name).toBe('20261103-093512_1043_burgerzaken.wav');
    const person = await t.core.db
      .selectFrom('staff')
      .select(['name', 'employee_number'])
      .where('id', '=', sanne)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ name: `Oud-medewerker ${sanne}`, employee_number: `ANON-${sanne}` });
  });

  it('refuses someone still employed, a name typed wrongly, and a second time', async () => {
    const untouched = await everything();
    expect(await failureOf(anonymisePerson(t.core, coach, { staffId: sanne, clearFreeText: true, confirmName: 'Sanne de Vries' }))).toBe(
      'anonymise_not_left',
    );
    expect(await everything()).toBe(untouched);

    await setLeft(sanne);
    const left = await everything();
    expect(await failureOf(anonymisePerson(t.core, coach, { staffId: sanne, clearFreeText: true, confirmName: 'Sanne de Vrie' }))).toBe(
      'anonymise_confirm_mismatch',
    );
    expect(await failureOf(anonymisePerson(t.core, coach, { staffId: sanne, clearFreeText: true, confirmName: 'Noor Yilmaz' }))).toBe(
      'anonymise_confirm_mismatch',
    );
    expect(await everything()).toBe(left);

    await anonymisePerson(t.core, coach, { staffId: sanne, clearFreeText: true, confirmName: 'Sanne de Vries' });
    const done = await everything();
    expect(
      await failureOf(anonymisePerson(t.core, coach, { staffId: sanne, clearFreeText: true, confirmName: `Oud-medewerker ${sanne}` })),
    ).toBe('anonymise_already_done');
    expect(await everything()).toBe(done);
    expect((await anonymisePreview(t.core, sanne)).anonymisedAt).not.toBeNull();

    // Through the contract, the refusal reaches the person as a Dutch sentence that says what to do.
    const d = createDispatcher(t.core, () => undefined);
    await d.dispatch('session.selectProfile', { staffId: coach });
    const refused = await d.dispatch('privacy.anonymise', { staffId: noor, clearFreeText: false, confirmName: 'Noor Yilmaz' });
    expect(refused.ok ? 'ok' : refused.error.message).toBe(
      'Noor Yilmaz is nog in dienst. Zet de status eerst op "Uit dienst"; pas daarna kun je anonimiseren.',
    );
  });

  it('leaves everything unchanged when it fails half-way', async () => {
    await setLeft(sanne);
    await exportPerson(t.core, coach, sanne);
    const before = await everything();
    // The very last write fails, after names, texts and the audit trail were already rewritten.
    const repair = await refuseWrite(t.core, { event: 'BEFORE INSERT ON audit_log', when: "NEW.action = 'anonymised'" });
    await expect(anonymisePerson(t.core, coach, { staffId: sanne, clearFreeText: true, confirmName: 'Sanne de Vries' })).rejects.toThrow(
      /schijf vol/,
    );
    expect(await everything()).toBe(before);

    await repair();
    await anonymisePerson(t.core, coach, { staffId: sanne, clearFreeText: true, confirmName: 'Sanne de Vries' });
    expect(await everything()).not.toBe(before);
  });
});
