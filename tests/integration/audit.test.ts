import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels, type AuditEntity, type AuditEntry, type StaffFields } from '../../src-main/contract';
import { listAudit, recordAudit, redactAudit } from '../../src-main/core/audit/audit';
import { addQuotaOverride, assignCoaches, removeQuotaOverride } from '../../src-main/core/coaching/plan';
import { decideDispute, raiseDispute, startSecondOpinion } from '../../src-main/core/evaluations/disputes';
import { finalizeEvaluation, getEvaluation, saveDraft } from '../../src-main/core/evaluations/evaluations';
import { recordFeedbackSession } from '../../src-main/core/feedback/sessions';
import { todayIso } from '../../src-main/core/clock';
import { setTargets } from '../../src-main/core/reports/targets';
import { setRubricAssignments } from '../../src-main/core/rubrics/assignments';
import { newRubricDraft, publishRubricVersion } from '../../src-main/core/rubrics/editor';
import { currentRubricVersionId, getRubricVersion } from '../../src-main/core/rubrics/rubrics';
import { getAppSettings, updateAppSettings } from '../../src-main/core/settings/app-settings';
import { importRoster } from '../../src-main/core/staff/roster-csv';
import { createStaff, getStaff, updateStaff } from '../../src-main/core/staff/staff';
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { createTempCore, type TempCore } from '../support/core';
import { refuseWrite } from '../support/faults';
import { finishEvaluation, uniformAnswers } from '../support/evaluate';
import { insertRecording, insertStaff } from '../support/seed';

let t: TempCore;
let manager: number;

beforeEach(async () => {
  t = await createTempCore();
  manager = await insertStaff(t.core, 'manager', 'Fatima El Amrani');
});
afterEach(() => t.cleanup());

const entries = (entity?: AuditEntity) => listAudit(t.core.db, entity ? { entity } : {});
const newest = async (entity: AuditEntity): Promise<AuditEntry> => {
  const [entry] = await entries(entity);
  if (!entry) throw new Error(`no ${entity} entry`);
  return entry;
};
const count = async () =>
  Number(
    (
      await t.core.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const base64 = (text: string) => Buffer.from(text, 'utf-8').toString('base64');
const person = (overrides: Partial<StaffFields> = {}): StaffFields => ({
  employeeNumber: '1001',
  name: 'Sanne Jansen',
  team: 'KCC Noord',
  role: 'advisor',
  startDate: '2021-03-01',
  status: 'active',
  ...overrides,
});

describe('staff records', () => {
  it('stores who created and changed a person, with the fields before and after, through the signed-in profile', async () => {
    const d = createDispatcher(t.core, () => undefined);
    // Nobody signed in yet: the first profile creates itself, so the entry has no actor.
    const first = await d.dispatch('staff.create', person({ employeeNumber: '9', name: 'Eerste Coach', role: 'coach' }));
    expect(first.ok).toBe(true);
    expect(await newest('staff')).toMatchObject({ actorName: null, action: 'created', before: null });

    await d.dispatch('session.selectProfile', { staffId: manager });
    const created = await d.dispatch('staff.create', person());
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.data as { id: number }).id;
    const made = await newest('staff');
    expect(made).toMatchObject({
      actorName: 'Fatima El Amrani',
      entity: 'staff',
      entityId: id,
      action: 'created',
      summary: 'Medewerker Sanne Jansen (1001) toegevoegd',
      before: null,
      after: person(),
    });

    await d.dispatch('staff.update', { id, ...person({ team: 'KCC Zuid', status: 'left' }) });
    const changed = await newest('staff');
    expect(changed).toMatchObject({
      actorName: 'Fatima El Amrani',
      entityId: id,
      action: 'updated',
      summary: 'Medewerker Sanne Jansen (1001) gewijzigd: team en status',
      before: person(),
      after: person({ team: 'KCC Zuid', status: 'left' }),
    });

    // Saving the form without a change is not a change.
    const before = await count();
    await d.dispatch('staff.update', { id, ...person({ team: 'KCC Zuid', status: 'left' }) });
    expect(await count()).toBe(before);
  });

  it('keeps one entry per person a roster import creates or changes, naming the file', async () => {
    const first = 'Personeelsnummer;Naam;Team;Rol\n1001;Sanne Jansen;Noord;klantadviseur\n1002;Daan Visser;Noord;coach\n';
    await importRoster(t.core.db, { fileName: 'rooster-november.csv', contentBase64: base64(first) }, manager);
    const created = await entries('staff');
    expect(created.map((e) => e.summary).sort()).toEqual([
      'Medewerker Daan Visser (1002) toegevoegd (roosterimport rooster-november.csv)',
      'Medewerker Sanne Jansen (1001) toegevoegd (roosterimport rooster-november.csv)',
    ]);
    expect(created.every((e) => e.actorName === 'Fatima El Amrani' && e.before === null)).toBe(true);

    const second = 'Personeelsnummer;Naam;Team;Rol\n1001;Sanne Jansen;Zuid;klantadviseur\n1002;Daan Visser;Noord;coach\n';
    await importRoster(t.core.db, { fileName: 'rooster-december.csv', contentBase64: base64(second) }, manager);
    const after = await entries('staff');
    // Daan did not change, so only Sanne's move is in the trail.
    expect(after).toHaveLength(3);
    expect(after[0]).toMatchObject({
      action: 'updated',
      summary: 'Medewerker Sanne Jansen (1001) gewijzigd: team (roosterimport rooster-december.csv)',
      before: { team: 'Noord' },
      after: { team: 'Zuid' },
    });
  });

  it('records coach assignments and quota overrides with the advisor they concern', async () => {
    const sanne = await insertStaff(t.core, 'advisor', 'Sanne de Vries');
    const karim = await insertStaff(t.core, 'coach', 'Karim Bouzid');
    const ellen = await insertStaff(t.core, 'coach', 'Ellen Jansen');
    await assignCoaches(t.core.db, [sanne], karim, '2026-01-01', manager);
    await assignCoaches(t.core.db, [sanne], ellen, '2026-11-15', manager);
    const overrideId = await addQuotaOverride(t.core.db, manager, {
      advisorId: sanne,
      fromPeriod: '2026-11',
      toPeriod: '2027-01',
      perMonth: 2,
      reason: 'parttime',
    });
    await removeQuotaOverride(t.core.db, overrideId, manager);

    const trail = await listAudit(t.core.db, { entity: 'staff', entityId: sanne });
    expect(trail.map((e) => [e.action, e.summary, e.actorName])).toEqual([
      [
        'quota_override_removed',
        'Afwijkende norm voor Sanne de Vries verwijderd (2 per maand november 2026 t/m januari 2027)',
        'Fatima El Amrani',
      ],
      ['quota_override_added', 'Afwijkende norm voor Sanne de Vries: 2 per maand november 2026 t/m januari 2027', 'Fatima El Amrani'],
      ['coach_assigned', 'Sanne de Vries valt vanaf 15-11-2026 onder coach Ellen Jansen (was Karim Bouzid)', 'Fatima El Amrani'],
      ['coach_assigned', 'Sanne de Vries valt vanaf 1-1-2026 onder coach Karim Bouzid', 'Fatima El Amrani'],
    ]);
    expect(trail[2]).toMatchObject({
      before: { coach: 'Karim Bouzid', fromDate: '2026-01-01' },
      after: { coach: 'Ellen Jansen', fromDate: '2026-11-15' },
    });
    expect(trail[0]).toMatchObject({ before: { perMonth: 2, reason: 'parttime' }, after: null });
  });
});

describe('settings', () => {
  it('stores the settings before and after a change, and nothing for a save without a change', async () => {
    await updateAppSettings(t.core.db, { audioRetentionMonths: 6, samplePerAdvisor: 4, sampleMinDurationSeconds: 60 }, manager);
    expect(await newest('settings')).toMatchObject({
      actorName: 'Fatima El Amrani',
      action: 'updated',
      summary: 'Instellingen gewijzigd: bewaartermijn audio',
      before: { audioRetentionMonths: 12, samplePerAdvisor: 4, sampleMinDurationSeconds: 60 },
      after: { audioRetentionMonths: 6, samplePerAdvisor: 4, sampleMinDurationSeconds: 60 },
    });
    await updateAppSettings(t.core.db, { audioRetentionMonths: 6, samplePerAdvisor: 4, sampleMinDurationSeconds: 60 }, manager);
    expect(await entries('settings')).toHaveLength(1);
  });

  it('stores changes to the report targets', async () => {
    await setTargets(t.core.db, { defaultPct: 80, teams: [{ team: 'KCC Zuid', targetPct: 70 }] }, manager);
    expect(await newest('settings')).toMatchObject({
      action: 'targets_updated',
      summary: 'Normen gewijzigd: standaard 85% → 80%; KCC Zuid standaard (85%) → 70%',
      before: { defaultPct: 85, teams: {} },
      after: { defaultPct: 80, teams: { 'KCC Zuid': 70 } },
    });
  });
});

describe('rubrics', () => {
  it('stores a publication and a change of the forms per team, but not the editing of a draft', async () => {
    const current = await getRubricVersion(t.core.db, await currentRubricVersionId(t.core.db));
    const before = await count();
    const draft = await newRubricDraft(t.core.db, current.rubricId);
    expect(await count()).toBe(before);

    await publishRubricVersion(t.core.db, draft.id, manager);
    const published = await newest('rubric');
    expect(published).toMatchObject({
      actorName: 'Fatima El Amrani',
      entityId: draft.id,
      action: 'published',
      before: { name: current.name, version: 2, status: 'draft' },
      after: { name: current.name, version: 2, status: 'published' },
    });
    expect(published.summary).toBe(`Formulier "${current.name}" versie 2 gepubliceerd`);

    await setRubricAssignments(t.core.db, { defaultVersionId: current.id, teams: [{ team: 'KCC Zuid', versionId: draft.id }] }, manager);
    expect(await newest('rubric')).toMatchObject({
      action: 'assignments_updated',
      before: { defaultVersion: null, teams: {} },
      after: { defaultVersion: `${current.name} versie 1`, teams: { 'KCC Zuid': `${current.name} versie 2` } },
    });
  });
});

describe('final evaluations', () => {
  it('stores every change of a finished evaluation with the snapshot before and after', async () => {
    const advisor = await insertStaff(t.core, 'advisor', 'Sanne de Vries');
    const coachA = await insertStaff(t.core, 'coach', 'Karim Bouzid');
    const coachB = await insertStaff(t.core, 'coach', 'Ellen Jansen');
    const recording = await insertRecording(t.core, advisor, '2026-11-03T09:35:12');

    const id = await finishEvaluation(t.core, coachA, recording);
    const finalized = await newest('evaluation');
    expect(finalized).toMatchObject({
      actorName: 'Karim Bouzid',
      entityId: id,
      action: 'finalized',
      summary: 'Beoordeling van Sanne de Vries (gesprek van 3-11-2026) definitief gemaakt, score 100,0%',
      before: null,
      after: { status: 'final', scorePct: 100, counts: true, tops: 'Vriendelijke opening' },
    });

    const dispute = await raiseDispute(t.core.db, manager, { evaluationId: id, reason: 'Te streng', secondCoachId: coachB });
    expect(await newest('evaluation')).toMatchObject({
      actorName: 'Fatima El Amrani',
      action: 'disputed',
      before: { status: 'final', counts: true },
      after: { status: 'disputed', counts: true },
    });

    const second = await startSecondOpinion(t.core.db, coachB, dispute.id);
    await finishSecondOpinion(second.id, coachB);
    await decideDispute(t.core.db, manager, { id: dispute.id, outcome: 'replaced', note: 'Second opinion klopt' });

    const original = await listAudit(t.core.db, { entity: 'evaluation', entityId: id });
    expect(original.map((e) => e.action)).toEqual(['replaced', 'disputed', 'finalized']);
    expect(original[0]).toMatchObject({ before: { status: 'disputed', counts: true }, after: { status: 'final', counts: false } });
    const replacing = await listAudit(t.core.db, { entity: 'evaluation', entityId: second.id });
    expect(replacing.map((e) => e.action)).toEqual(['replaces_original', 'finalized']);
    expect(replacing[0]).toMatchObject({ before: { counts: false }, after: { counts: true, scorePct: 0 } });
    expect(replacing[0]?.summary).toMatch(/^Second opinion van Sanne de Vries .* vervangt de oorspronkelijke beoordeling, score 0,0%$/);
  });

  it('stores a discussion in a feedback session', async () => {
    const advisor = await insertStaff(t.core, 'advisor', 'Sanne de Vries');
    const coach = await insertStaff(t.core, 'coach', 'Karim Bouzid');
    const id = await finishEvaluation(t.core, coach, await insertRecording(t.core, advisor));
    await recordFeedbackSession(t.core.db, coach, {
      advisorId: advisor,
      heldOn: todayIso(),
      evaluationIds: [id],
      tops: '',
      tips: '',
      reaction: '',
      agreement: 'agreed',
      disagreementComment: '',
      actionPoints: [],
      followUps: [],
    });
    expect(await newest('evaluation')).toMatchObject({
      actorName: 'Karim Bouzid',
      action: 'discussed',
      before: { status: 'final' },
      after: { status: 'discussed' },
    });
  });
});

describe('the audit log cannot be changed', () => {
  it('refuses raw UPDATE and DELETE, and allows only the redaction anonymisation needs', async () => {
    const sanne = await createStaff(t.core.db, person(), manager);
    const [entry] = await entries('staff');
    if (!entry) throw new Error('no entry');

    await expect(sql`DELETE FROM audit_log WHERE id = ${entry.id}`.execute(t.core.db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_log SET summary = 'niets gebeurd' WHERE id = ${entry.id}`.execute(t.core.db)).rejects.toThrow(
      /append-only/,
    );
    // Setting redacted_at is not a licence to rewrite who or when.
    await expect(sql`UPDATE audit_log SET redacted_at = 'x', actor_id = NULL WHERE id = ${entry.id}`.execute(t.core.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`UPDATE audit_log SET redacted_at = 'x', at = '2000-01-01' WHERE id = ${entry.id}`.execute(t.core.db)).rejects.toThrow(
      /append-only/,
    );
    expect(await newest('staff')).toEqual(entry);

    expect(await redactAudit(t.core.db, [sanne.name, sanne.employeeNumber], 'Oud-medewerker 1')).toBe(1);
    const redacted = await newest('staff');
    expect(redacted).toMatchObject({
      id: entry.id,
      at: entry.at,
      actorName: 'Fatima El Amrani',
      redacted: true,
      summary: 'Medewerker Oud-medewerker 1 (Oud-medewerker 1) toegevoegd',
      after: { name: 'Oud-medewerker 1', employeeNumber: 'Oud-medewerker 1' },
    });
  });

  it('redacts a name and number only as whole words, in text values, leaving numbers and other names alone', async () => {
    await recordAudit(t.core.db, {
      entity: 'staff',
      entityId: 7,
      action: 'updated',
      actorId: null,
      summary: 'Medewerker Jan Jansen (1043) gewijzigd; Jansens en 81043 niet',
      before: { name: 'Jan Jansen', note: 'gesprek met jan jansen', score: 81.1043, code: 1043 },
      after: { name: 'Jan Jansen-Bakker', other: 'Jansens' },
    });
    expect(await redactAudit(t.core.db, ['Jan Jansen', '1043'], 'Oud-medewerker 7')).toBe(1);
    const [entry] = await listAudit(t.core.db, { entityId: 7 });
    expect(entry?.summary).toBe('Medewerker Oud-medewerker 7 (Oud-medewerker 7) gewijzigd; Jansens en 81043 niet');
    expect(entry?.before).toEqual({ name: 'Oud-medewerker 7', note: 'gesprek met Oud-medewerker 7', score: 81.1043, code: 1043 });
    expect(entry?.after).toEqual({ name: 'Oud-medewerker 7-Bakker', other: 'Jansens' });
    expect(entry?.redacted).toBe(true);
  });

  it('offers no channel that writes or deletes audit entries', async () => {
    const auditChannels = Object.keys(channels).filter((name) => name.startsWith('audit.'));
    expect(auditChannels).toEqual(['audit.list']);
    expect('writes' in channels['audit.list']).toBe(false);
    const d = createDispatcher(t.core, () => undefined);
    for (const name of ['audit.delete', 'audit.update', 'audit.record', 'audit.redact']) {
      expect(await d.dispatch(name, { id: 1 })).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });
});

describe('a change and its entry land together', () => {
  it('leaves neither the change nor an entry when writing the entry fails', async () => {
    const sanne = await createStaff(t.core.db, person(), manager);
    const before = await count();
    await refuseWrite(t.core, { event: 'BEFORE INSERT ON audit_log' });

    await expect(updateStaff(t.core.db, sanne.id, person({ team: 'KCC Zuid' }), manager)).rejects.toThrow(/schijf vol/);
    expect((await getStaff(t.core.db, sanne.id)).team).toBe('KCC Noord');
    await expect(
      updateAppSettings(t.core.db, { audioRetentionMonths: 3, samplePerAdvisor: 4, sampleMinDurationSeconds: 60 }, manager),
    ).rejects.toThrow(/schijf vol/);
    expect((await getAppSettings(t.core.db)).audioRetentionMonths).toBe(12);
    await expect(setTargets(t.core.db, { defaultPct: 70, teams: [] }, manager)).rejects.toThrow(/schijf vol/);
    expect(await count()).toBe(before);
  });

  it('rolls back the entries already written when a later part of the change fails', async () => {
    // The third row fails after the first two people and their entries were written.
    await refuseWrite(t.core, { event: 'BEFORE INSERT ON staff', when: "NEW.name = 'Kapotte Rij'" });
    const text = 'Personeelsnummer;Naam;Rol\n1001;Sanne Jansen;klantadviseur\n1002;Daan Visser;coach\n1003;Kapotte Rij;coach\n';
    await expect(importRoster(t.core.db, { fileName: 'rooster.csv', contentBase64: base64(text) }, manager)).rejects.toThrow(/schijf vol/);
    expect(await t.core.db.selectFrom('staff').select('name').where('employee_number', 'in', ['1001', '1002']).execute()).toEqual([]);
    expect(await entries('staff')).toEqual([]);
  });

  it('rolls back the evaluation entries of a dispute decision that fails at its last step', async () => {
    const advisor = await insertStaff(t.core, 'advisor', 'Sanne de Vries');
    const coachA = await insertStaff(t.core, 'coach', 'Karim Bouzid');
    const coachB = await insertStaff(t.core, 'coach', 'Ellen Jansen');
    const id = await finishEvaluation(t.core, coachA, await insertRecording(t.core, advisor));
    const dispute = await raiseDispute(t.core.db, manager, { evaluationId: id, reason: 'Te streng', secondCoachId: coachB });
    const second = await startSecondOpinion(t.core.db, coachB, dispute.id);
    await finishSecondOpinion(second.id, coachB);
    const before = await count();

    await refuseWrite(t.core, { event: 'BEFORE UPDATE ON dispute' });
    await expect(decideDispute(t.core.db, manager, { id: dispute.id, outcome: 'replaced', note: '' })).rejects.toThrow(/schijf vol/);
    expect(await count()).toBe(before);
    const counts = await t.core.db.selectFrom('evaluation').select(['id', 'counts', 'status']).orderBy('id').execute();
    expect(counts).toEqual([
      { id, counts: 1, status: 'disputed' },
      { id: second.id, counts: 0, status: 'final' },
    ]);
  });
});

/** Scores a second opinion at the bottom of every scale (0%) and finalises it. */
async function finishSecondOpinion(id: number, coachId: number) {
  const { rubricVersionId } = await getEvaluation(t.core.db, id);
  await saveDraft(t.core.db, coachId, { id, tops: '', tips: '', answers: await uniformAnswers(t.core, rubricVersionId, 'low') });
  await finalizeEvaluation(t.core.db, coachId, id);
}
