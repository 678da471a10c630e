import { addDays, format } from 'date-fns';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer, FeedbackSessionInput, RubricVersion } from '../../src-main/contract';
import { todayIso } from '../../src-main/core/clock';
import { AppError } from '../../src-main/core/errors';
import { finalizeEvaluation, getEvaluation, saveDraft, startEvaluation } from '../../src-main/core/evaluations/evaluations';
import { evaluationHistory } from '../../src-main/core/evaluations/history';
import { listActionPoints, updateActionPoint } from '../../src-main/core/feedback/action-points';
import { getFeedbackSession, listFeedbackSessions, prepareFeedback, recordFeedbackSession } from '../../src-main/core/feedback/sessions';
import { currentRubricVersionId, getRubricVersion } from '../../src-main/core/rubrics/rubrics';
import { createTempCore, type TempCore } from '../support/core';
import { scenarioAnswerList } from '../support/scoring-scenario';
import { insertRecording, insertStaff } from '../support/seed';

let t: TempCore;
let sanne: number;
let noor: number;
let coach: number;
let rubric: RubricVersion;
const today = todayIso();
const inDays = (n: number) => format(addDays(new Date(), n), 'yyyy-MM-dd');

beforeEach(async () => {
  t = await createTempCore();
  sanne = await insertStaff(t.core, 'advisor', 'Sanne de Vries');
  noor = await insertStaff(t.core, 'advisor', 'Noor Yilmaz');
  coach = await insertStaff(t.core, 'coach', 'Karim Bouzid');
  rubric = await getRubricVersion(t.core.db, await currentRubricVersionId(t.core.db));
});
afterEach(() => t.cleanup());

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));
const criterionByKey = (key: string) => {
  const found = rubric.sections.flatMap((s) => s.criteria).find((c) => c.key === key);
  if (!found) throw new Error(`no criterion ${key}`);
  return found;
};

const scenario = (): Answer[] => scenarioAnswerList(rubric);

/** Scores a call of `advisor` through the real evaluation flow; `finalize: false` leaves a draft. */
async function evaluate(advisor: number, callAt: string, tops: string, tips: string, finalize = true): Promise<number> {
  const { id } = await startEvaluation(t.core.db, coach, await insertRecording(t.core, advisor, callAt));
  await saveDraft(t.core.db, coach, { id, tops, tips, answers: scenario() });
  if (finalize) await finalizeEvaluation(t.core.db, coach, id);
  return id;
}

function session(overrides: Partial<FeedbackSessionInput> = {}): FeedbackSessionInput {
  return {
    advisorId: sanne,
    heldOn: today,
    evaluationIds: [],
    tops: '• Vriendelijke opening',
    tips: '• Verbind warm door',
    reaction: 'Sanne herkent het doorverbinden.',
    agreement: 'agreed',
    disagreementComment: '',
    actionPoints: [],
    followUps: [],
    ...overrides,
  };
}

/** Everything a feedback session may write, to prove a refused one wrote nothing. */
async function snapshot() {
  const db = t.core.db;
  return {
    sessions: await db.selectFrom('feedback_session').selectAll().execute(),
    actions: await db.selectFrom('action_item').selectAll().orderBy('id').execute(),
    evaluations: await db
      .selectFrom('evaluation')
      .select(['id', 'status', 'revision', 'discussed_on', 'feedback_session_id'])
      .orderBy('id')
      .execute(),
    versions: await db.selectFrom('evaluation_version').select(['id']).execute(),
  };
}

describe('recording a feedback session', () => {
  it('moves the evaluations from final to discussed, with the date, the session and a history entry', async () => {
    const first = await evaluate(sanne, '2026-11-03T09:35:00', 'Rustige opening.', 'Vat de vraag samen.');
    const second = await evaluate(sanne, '2026-11-10T14:00:00', 'Duidelijk antwoord.', 'Verbind warm door.');
    const revisionBefore = (await getEvaluation(t.core.db, first)).revision;

    const recorded = await recordFeedbackSession(
      t.core.db,
      coach,
      session({
        evaluationIds: [first, second],
        actionPoints: [
          {
            description: 'Kondig doorverbinden aan en stel de collega voor',
            criterionId: criterionByKey('warm-doorverbinden').id,
            dueDate: inDays(30),
          },
          { description: 'Vat de vraag samen voordat je antwoordt', criterionId: null, dueDate: inDays(30) },
        ],
      }),
    );

    expect(recorded).toMatchObject({ advisorId: sanne, coachId: coach, coachName: 'Karim Bouzid', heldOn: today, agreement: 'agreed' });
    expect(recorded.evaluations.map((e) => e.id)).toEqual([first, second]);
    expect(recorded.evaluations.every((e) => e.status === 'discussed' && e.discussedOn === today && e.daysToFeedback === 0)).toBe(true);
    expect(recorded.actionPoints).toEqual([
      expect.objectContaining({
        description: 'Kondig doorverbinden aan en stel de collega voor',
        criterionTitle: criterionByKey('warm-doorverbinden').title,
        status: 'open',
        feedbackSessionId: recorded.id,
      }),
      expect.objectContaining({
        description: 'Vat de vraag samen voordat je antwoordt',
        criterionId: null,
        criterionTitle: null,
        status: 'open',
      }),
    ]);

    const after = await getEvaluation(t.core.db, first);
    expect(after).toMatchObject({ status: 'discussed', discussedOn: today, revision: revisionBefore + 1 });
    const row = await t.core.db.selectFrom('evaluation').select('feedback_session_id').where('id', '=', first).executeTakeFirstOrThrow();
    expect(row.feedback_session_id).toBe(recorded.id);

    const history = await evaluationHistory(t.core.db, first);
    expect(history.map((h) => h.change)).toEqual(['finalized', 'discussed']);
    expect(history[1]).toMatchObject({ revision: revisionBefore + 1, changedByName: 'Karim Bouzid' });
    expect(history[1]?.snapshot.status).toBe('discussed');
    // The finalised version stays readable next to the discussed one.
    expect(history[0]?.snapshot.status).toBe('final');

    expect(await getFeedbackSession(t.core.db, recorded.id)).toEqual(recorded);
    expect((await listFeedbackSessions(t.core.db, sanne)).map((s) => s.id)).toEqual([recorded.id]);
    expect(await listFeedbackSessions(t.core.db, noor)).toEqual([]);
  });

  it('records the time to feedback in calendar days from finalisation to the session', async () => {
    const id = await evaluate(sanne, '2026-11-03T09:35:00', '', '');
    await t.core.db.updateTable('evaluation').set({ finalized_at: '2026-11-05T10:00:00.000Z' }).where('id', '=', id).execute();

    const waiting = await prepareFeedback(t.core.db, sanne);
    expect(waiting.evaluations[0]?.daysWaiting).toBe(
      Math.round((new Date(`${today}T12:00:00`).getTime() - new Date('2026-11-05T12:00:00').getTime()) / 86_400_000),
    );

    const recorded = await recordFeedbackSession(t.core.db, coach, session({ heldOn: '2026-11-12', evaluationIds: [id] }));
    expect(recorded.evaluations[0]).toMatchObject({ discussedOn: '2026-11-12', daysToFeedback: 7 });
  });

  it('refuses a session held before an evaluation was finalised, or in the future', async () => {
    const id = await evaluate(sanne, '2026-11-03T09:35:00', '', '');
    await t.core.db.updateTable('evaluation').set({ finalized_at: '2026-11-05T10:00:00.000Z' }).where('id', '=', id).execute();
    const before = await snapshot();
    const early = await recordFeedbackSession(t.core.db, coach, session({ heldOn: '2026-11-04', evaluationIds: [id] })).catch((e) => e);
    expect(codeOf(early)).toBe('feedback_evaluation_invalid');
    expect((early as AppError).params.reason).toContain('5-11-2026');
    expect(codeOf(await recordFeedbackSession(t.core.db, coach, session({ heldOn: inDays(1), evaluationIds: [id] })).catch((e) => e))).toBe(
      'feedback_date_invalid',
    );
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['a draft', 'concept'],
    ['another advisor’s evaluation', 'Noor Yilmaz'],
    ['an evaluation already discussed', 'al besproken'],
    ['a disputed evaluation', 'bezwaar'],
    ['a second opinion that does not count', 'second opinion'],
  ])('refuses %s without writing anything', async (which, reasonPart) => {
    const good = await evaluate(sanne, '2026-11-03T09:35:00', 'Goed.', 'Beter.');
    const earlier = await recordFeedbackSession(
      t.core.db,
      coach,
      session({
        evaluationIds: [await evaluate(sanne, '2026-11-04T10:00:00', '', '')],
        actionPoints: [{ description: 'Eerder actiepunt', criterionId: null, dueDate: inDays(10) }],
      }),
    );
    let bad: number;
    if (which === 'a draft') bad = await evaluate(sanne, '2026-11-04T10:00:00', '', '', false);
    else if (which === 'another advisor’s evaluation') bad = await evaluate(noor, '2026-11-04T10:00:00', '', '');
    else if (which === 'an evaluation already discussed') bad = earlier.evaluations[0]!.id;
    else {
      bad = await evaluate(sanne, '2026-11-04T10:00:00', '', '');
      const change = which === 'a disputed evaluation' ? { status: 'disputed' as const } : { counts: 0, kind: 'second_opinion' as const };
      await t.core.db.updateTable('evaluation').set(change).where('id', '=', bad).execute();
    }

    const before = await snapshot();
    const error = await recordFeedbackSession(
      t.core.db,
      coach,
      session({
        evaluationIds: [good, bad],
        actionPoints: [{ description: 'Nieuw actiepunt', criterionId: null, dueDate: inDays(30) }],
        followUps: [{ actionPointId: earlier.actionPoints[0]!.id, status: 'done', note: 'Gelukt' }],
      }),
    ).catch((e) => e);
    expect(codeOf(error)).toBe('feedback_evaluation_invalid');
    expect((error as AppError).params.reason).toContain(reasonPart);
    expect((error as AppError).params.call).toContain('4-11-2026 10:00');
    expect(await snapshot()).toEqual(before);
  });

  it('needs a comment when the advisor does not agree, and keeps it', async () => {
    const id = await evaluate(sanne, '2026-11-03T09:35:00', '', '');
    const before = await snapshot();
    for (const comment of ['', '   ']) {
      const error = await recordFeedbackSession(
        t.core.db,
        coach,
        session({ evaluationIds: [id], agreement: 'disagreed', disagreementComment: comment }),
      ).catch((e) => e);
      expect(codeOf(error)).toBe('feedback_comment_required');
    }
    expect(await snapshot()).toEqual(before);

    const recorded = await recordFeedbackSession(
      t.core.db,
      coach,
      session({ evaluationIds: [id], agreement: 'disagreed', disagreementComment: 'Vindt de score voor empathie te laag.' }),
    );
    expect(recorded).toMatchObject({ agreement: 'disagreed', disagreementComment: 'Vindt de score voor empathie te laag.' });
  });

  it('refuses action points due before the session or linked to an unknown criterion', async () => {
    const id = await evaluate(sanne, '2026-11-03T09:35:00', '', '');
    const before = await snapshot();
    const early = await recordFeedbackSession(
      t.core.db,
      coach,
      session({ evaluationIds: [id], actionPoints: [{ description: 'Te vroeg', criterionId: null, dueDate: inDays(-1) }] }),
    ).catch((e) => e);
    expect(codeOf(early)).toBe('action_point_invalid');
    expect((early as AppError).params.description).toBe('Te vroeg');
    const unknown = await recordFeedbackSession(
      t.core.db,
      coach,
      session({ evaluationIds: [id], actionPoints: [{ description: 'Onbekend criterium', criterionId: 999_999, dueDate: inDays(5) }] }),
    ).catch((e) => e);
    expect(codeOf(unknown)).toBe('action_point_invalid');
    expect(await snapshot()).toEqual(before);
  });
});

describe('action points', () => {
  it('go open → done with a note → reopened → dropped (which needs a note)', async () => {
    const manager = await insertStaff(t.core, 'manager', 'Ellen Jansen');
    const recorded = await recordFeedbackSession(
      t.core.db,
      coach,
      session({ actionPoints: [{ description: 'Stel open vragen', criterionId: criterionByKey('open-vragen').id, dueDate: inDays(20) }] }),
    );
    const point = recorded.actionPoints[0]!;
    expect(point).toMatchObject({
      status: 'open',
      followUpNote: '',
      closedAt: null,
      closedByName: null,
      criterionTitle: criterionByKey('open-vragen').title,
    });

    const done = await updateActionPoint(t.core.db, coach, {
      id: point.id,
      status: 'done',
      followUpNote: 'Drie gesprekken teruggeluisterd: steeds open vragen.',
    });
    expect(done).toMatchObject({
      status: 'done',
      followUpNote: 'Drie gesprekken teruggeluisterd: steeds open vragen.',
      closedByName: 'Karim Bouzid',
    });
    expect(done.closedAt).not.toBeNull();

    const reopened = await updateActionPoint(t.core.db, manager, {
      id: point.id,
      status: 'open',
      followUpNote: 'Toch weer gesloten vragen gehoord.',
    });
    expect(reopened).toMatchObject({
      status: 'open',
      closedAt: null,
      closedByName: null,
      followUpNote: 'Toch weer gesloten vragen gehoord.',
    });

    const refused = await updateActionPoint(t.core.db, coach, { id: point.id, status: 'dropped', followUpNote: '  ' }).catch((e) => e);
    expect(codeOf(refused)).toBe('action_point_invalid');
    expect((await listActionPoints(t.core.db, { advisorId: sanne }))[0]).toMatchObject({ status: 'open' });

    const dropped = await updateActionPoint(t.core.db, manager, {
      id: point.id,
      status: 'dropped',
      followUpNote: 'Sanne stapt over naar de balie.',
    });
    expect(dropped).toMatchObject({ status: 'dropped', closedByName: 'Ellen Jansen', followUpNote: 'Sanne stapt over naar de balie.' });

    expect(codeOf(await updateActionPoint(t.core.db, coach, { id: 999_999, status: 'done', followUpNote: '' }).catch((e) => e))).toBe(
      'not_found',
    );
  });

  it('are followed up in a later session, and only open ones of the same advisor can be', async () => {
    const first = await recordFeedbackSession(
      t.core.db,
      coach,
      session({
        heldOn: inDays(-20),
        actionPoints: [
          { description: 'Warm doorverbinden', criterionId: null, dueDate: inDays(-5) },
          { description: 'Zaak registreren', criterionId: null, dueDate: inDays(10) },
          { description: 'Samenvatten', criterionId: null, dueDate: inDays(15) },
        ],
      }),
    );
    const [warm, zaak, samenvatten] = first.actionPoints.map((p) => p.id) as [number, number, number];
    const noorSession = await recordFeedbackSession(
      t.core.db,
      coach,
      session({ advisorId: noor, actionPoints: [{ description: 'Van Noor', criterionId: null, dueDate: inDays(5) }] }),
    );

    const before = await snapshot();
    const foreign = await recordFeedbackSession(
      t.core.db,
      coach,
      session({ followUps: [{ actionPointId: noorSession.actionPoints[0]!.id, status: 'done', note: '' }] }),
    ).catch((e) => e);
    expect(codeOf(foreign)).toBe('action_point_invalid');
    const dropWithoutNote = await recordFeedbackSession(
      t.core.db,
      coach,
      session({ followUps: [{ actionPointId: zaak, status: 'dropped', note: '' }] }),
    ).catch((e) => e);
    expect(codeOf(dropWithoutNote)).toBe('action_point_invalid');
    expect(await snapshot()).toEqual(before);

    const second = await recordFeedbackSession(
      t.core.db,
      coach,
      session({
        followUps: [
          { actionPointId: warm, status: 'done', note: 'Hoorde het in alle vier de gesprekken.' },
          { actionPointId: zaak, status: 'dropped', note: 'Nieuw zaaksysteem, andere werkwijze.' },
          { actionPointId: samenvatten, status: 'open', note: 'Gaat beter, nog niet altijd.' },
        ],
        actionPoints: [{ description: 'Eigenaarschap tonen', criterionId: null, dueDate: inDays(30) }],
      }),
    );
    const all = await listActionPoints(t.core.db, { advisorId: sanne });
    const byId = new Map(all.map((p) => [p.id, p]));
    expect(byId.get(warm)).toMatchObject({
      status: 'done',
      followUpNote: 'Hoorde het in alle vier de gesprekken.',
      closedByName: 'Karim Bouzid',
    });
    expect(byId.get(zaak)).toMatchObject({ status: 'dropped', followUpNote: 'Nieuw zaaksysteem, andere werkwijze.' });
    expect(byId.get(samenvatten)).toMatchObject({ status: 'open', followUpNote: 'Gaat beter, nog niet altijd.', closedAt: null });
    // Each session lists the action points it agreed, not the ones it followed up.
    expect(second.actionPoints.map((p) => p.description)).toEqual(['Eigenaarschap tonen']);

    await recordFeedbackSession(t.core.db, coach, session({ followUps: [{ actionPointId: samenvatten, status: 'open', note: '' }] }));
    expect((await listActionPoints(t.core.db, { advisorId: sanne })).find((p) => p.id === samenvatten)?.followUpNote).toBe(
      'Gaat beter, nog niet altijd.',
    );

    const closedAgain = await recordFeedbackSession(
      t.core.db,
      coach,
      session({ followUps: [{ actionPointId: warm, status: 'done', note: 'nogmaals' }] }),
    ).catch((e) => e);
    expect(codeOf(closedAgain)).toBe('action_point_invalid');
  });

  it('lists the open action points of an advisor, soonest due first', async () => {
    await recordFeedbackSession(
      t.core.db,
      coach,
      session({
        actionPoints: [
          { description: 'Later', criterionId: null, dueDate: inDays(40) },
          { description: 'Eerst', criterionId: null, dueDate: inDays(3) },
          { description: 'Afgerond', criterionId: null, dueDate: inDays(1) },
        ],
      }),
    );
    await recordFeedbackSession(
      t.core.db,
      coach,
      session({ advisorId: noor, actionPoints: [{ description: 'Van Noor', criterionId: null, dueDate: inDays(2) }] }),
    );
    const done = (await listActionPoints(t.core.db, { advisorId: sanne })).find((p) => p.description === 'Afgerond')!;
    await updateActionPoint(t.core.db, coach, { id: done.id, status: 'done', followUpNote: '' });

    expect((await listActionPoints(t.core.db, { advisorId: sanne, status: 'open' })).map((p) => p.description)).toEqual(['Eerst', 'Later']);
    expect((await listActionPoints(t.core.db, { advisorId: sanne })).map((p) => p.description)).toEqual(['Eerst', 'Later', 'Afgerond']);
    expect((await listActionPoints(t.core.db, { status: 'open' })).map((p) => p.advisorName)).toEqual([
      'Noor Yilmaz',
      'Sanne de Vries',
      'Sanne de Vries',
    ]);
  });
});

describe('preparing a session', () => {
  it('offers the finished, counting, undiscussed evaluations oldest first with their tops and tips', async () => {
    const late = await evaluate(sanne, '2026-11-20T11:00:00', 'Empathisch bij de klacht.', 'Gebruik B1-taal.');
    const early = await evaluate(sanne, '2026-11-02T09:00:00', 'Vriendelijke opening.', 'Controleer de identiteit.');
    await evaluate(sanne, '2026-11-05T09:00:00', 'Concept', '', false);
    await evaluate(noor, '2026-11-05T09:00:00', 'Van Noor', '');
    const discussed = await evaluate(sanne, '2026-11-01T09:00:00', 'Al besproken', '');
    await recordFeedbackSession(
      t.core.db,
      coach,
      session({
        evaluationIds: [discussed],
        actionPoints: [{ description: 'Identiteit controleren', criterionId: criterionByKey('identiteit').id, dueDate: inDays(10) }],
      }),
    );

    const prep = await prepareFeedback(t.core.db, sanne);
    expect(prep.advisorName).toBe('Sanne de Vries');
    expect(prep.evaluations.map((e) => [e.id, e.tops, e.tips])).toEqual([
      [early, 'Vriendelijke opening.', 'Controleer de identiteit.'],
      [late, 'Empathisch bij de klacht.', 'Gebruik B1-taal.'],
    ]);
    expect(prep.evaluations[0]).toMatchObject({ status: 'final', coachName: 'Karim Bouzid', daysWaiting: 0, topic: 'burgerzaken' });
    expect(prep.openActionPoints.map((p) => p.description)).toEqual(['Identiteit controleren']);
    const allCriteria = rubric.sections.flatMap((s) => s.criteria.map((c) => ({ id: c.id, title: c.title, sectionTitle: s.title })));
    expect(prep.criteria).toEqual(allCriteria);
  });

  it('links criteria of the newest candidate’s rubric version, else of the rubric new evaluations use', async () => {
    const empty = await prepareFeedback(t.core.db, noor);
    expect(empty.evaluations).toEqual([]);
    expect(empty.criteria.map((c) => c.id)).toEqual(rubric.sections.flatMap((s) => s.criteria.map((c) => c.id)));

    const id = await evaluate(sanne, '2026-11-02T09:00:00', '', '');
    // A later version with one criterion; the candidate keeps the version it was scored with.
    const version = await t.core.db
      .insertInto('rubric_version')
      .values({
        rubric_id: rubric.rubricId,
        version: 99,
        status: 'published',
        critical_zeroes_total: 0,
        published_at: 'x',
        created_at: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const section = await t.core.db
      .insertInto('rubric_section')
      .values({ rubric_version_id: version.id, position: 0, key: 'a', title: 'Alles' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.core.db
      .insertInto('rubric_criterion')
      .values({
        rubric_version_id: version.id,
        section_id: section.id,
        position: 0,
        key: 'k',
        title: 'Nieuw criterium',
        description: '',
        type: 'yes_no',
        scale_max: 1,
        levels_json: '[]',
        weight: 1,
        required: 1,
        allow_na: 0,
        critical_class: null,
      })
      .execute();
    await t.core.db.updateTable('evaluation').set({ rubric_version_id: version.id }).where('id', '=', id).execute();
    expect((await prepareFeedback(t.core.db, sanne)).criteria).toEqual([
      expect.objectContaining({ title: 'Nieuw criterium', sectionTitle: 'Alles' }),
    ]);
  });

  it('is only for advisors', async () => {
    expect(codeOf(await prepareFeedback(t.core.db, coach).catch((e) => e))).toBe('not_an_advisor');
    expect(codeOf(await prepareFeedback(t.core.db, 999_999).catch((e) => e))).toBe('not_found');
  });
});
