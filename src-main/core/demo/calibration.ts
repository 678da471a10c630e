import { format, parseISO } from 'date-fns';
import { nl } from 'date-fns/locale';
import type { Answer, RubricVersion } from '../../contract';
import departments from '../../../resources/departments.json';
import { saveConsensus } from '../calibration/comparison';
import { closeCalibration, createCalibration, startCalibration } from '../calibration/sessions';
import type { Db } from '../db/connection';
import { finalizeEvaluation, getEvaluation, saveDraft } from '../evaluations/evaluations';
import { addDays, addWorkingDays, workingDaysBetween } from './calendar';
import { calibrationTexts } from './phrases';
import type { DemoRandom } from './random';
import type { Stamps } from './stamps';

/** What the calibration part of the demo needs from the KCC seeded before it. */
export interface CalibrationContext {
  db: Db;
  stamps: Stamps;
  today: string;
  managerId: number;
  coachIds: readonly number[];
  /** Advisors whose calls make a good calibration call (steady performers: no story of their own to disturb). */
  advisorIds: ReadonlySet<number>;
  random: (purpose: string) => DemoRandom;
  at: (date: string, minutesAfterSeven: number) => string;
  rubric: (versionId: number) => Promise<RubricVersion>;
}

export interface SeededCalibrations {
  closedId: number | null;
  openId: number | null;
}

/** Topics a resident could also have handled in MijnGemeente: where channel steering is arguable. */
const onlineTopics = new Set(['burgerzaken', 'afval', 'parkeren', 'vergunningen', 'belastingen']);
const topicLabel = (key: string | null) => departments.find((d) => d.key === key)?.label ?? 'Overig';
const monthName = (date: string) => format(parseISO(date), 'MMMM', { locale: nl });

interface Candidate {
  recordingId: number;
  evaluationId: number;
  coachId: number;
  rubricVersionId: number;
  topic: string | null;
}

/**
 * Calls as a coach picks one for calibration: already scored by the advisor's own coach (who then
 * stays out of the session), no critical error, a middling score that leaves room for debate.
 * Shuffled, those whose audio still plays first.
 */
async function candidates(
  ctx: CalibrationContext,
  random: DemoRandom,
  window: { from: string; before: string },
  accept: (topic: string | null, recordingId: number) => boolean,
): Promise<Candidate[]> {
  const rows = await ctx.db
    .selectFrom('recording as r')
    .innerJoin('evaluation as e', 'e.recording_id', 'r.id')
    .select([
      'r.id as recordingId',
      'r.topic',
      'r.stored_path',
      'e.id as evaluationId',
      'e.coach_id',
      'e.advisor_id',
      'e.rubric_version_id',
      'e.score_pct',
    ])
    .where('e.kind', '=', 'regular')
    .where('e.counts', '=', 1)
    .where('e.status', '!=', 'draft')
    .where('e.has_critical_error', '=', 0)
    .where('r.call_at', '>=', window.from)
    .where('r.call_at', '<', window.before)
    .orderBy('r.call_at')
    .orderBy('r.id')
    .execute();
  const fitting = random
    .shuffle(rows)
    .filter(
      (r) => accept(r.topic, r.recordingId) && ctx.advisorIds.has(r.advisor_id) && (r.score_pct ?? 0) >= 78 && (r.score_pct ?? 100) <= 93,
    );
  return [...fitting.filter((r) => r.stored_path !== null), ...fitting.filter((r) => r.stored_path === null)].map((r) => ({
    recordingId: r.recordingId,
    evaluationId: r.evaluationId,
    coachId: r.coach_id,
    rubricVersionId: r.rubric_version_id,
    topic: r.topic,
  }));
}

/** The regular evaluation's answers without its notes: what every participant hears the same way. */
async function heardAnswers(ctx: CalibrationContext, evaluationId: number): Promise<Answer[]> {
  const evaluation = await getEvaluation(ctx.db, evaluationId);
  return evaluation.answers.map((a) => ({ ...a, note: '' }));
}

interface Scoring {
  coachId: number;
  answers: Answer[];
  on: string;
  minutes: number;
  submit: boolean;
}

/** Each participant scores on their own day; a scoring that is not submitted stays a draft. */
async function score(ctx: CalibrationContext, sessionId: number, scoring: Scoring): Promise<void> {
  const evaluation = await startCalibration(ctx.db, scoring.coachId, sessionId);
  await saveDraft(ctx.db, scoring.coachId, { id: evaluation.id, tops: '', tips: '', answers: scoring.answers });
  if (scoring.submit) await finalizeEvaluation(ctx.db, scoring.coachId, evaluation.id);
  ctx.stamps.evaluation(
    evaluation.id,
    ctx.at(scoring.on, scoring.minutes),
    scoring.submit ? ctx.at(scoring.on, scoring.minutes + 20 + (scoring.coachId % 3) * 6) : null,
  );
}

const setAnswer = (answers: readonly Answer[], criterionId: number, change: Partial<Answer>): Answer[] =>
  answers.map((a) => (a.criterionId === criterionId ? { ...a, ...change } : a));

/**
 * A calibration session closed two to three weeks ago: three coaches scored a call the fourth had
 * evaluated, disagreed on two criteria, and the team manager recorded what was agreed with a
 * guidance note for each. And an open one, due after today, in which one coach is still scoring.
 */
export async function seedCalibrations(ctx: CalibrationContext): Promise<SeededCalibrations> {
  const closed = await closedSession(ctx);
  const open = await openSession(ctx, new Set(closed ? [closed.recordingId] : []));
  return { closedId: closed?.id ?? null, openId: open };
}

async function closedSession(ctx: CalibrationContext): Promise<{ id: number; recordingId: number } | null> {
  const random = ctx.random('calibration/closed');
  const createdOn = workingDaysBetween(addDays(ctx.today, -26), addDays(ctx.today, -20))[0]!;
  const pool = await candidates(ctx, random, { from: addDays(createdOn, -10), before: createdOn }, (topic) =>
    onlineTopics.has(topic ?? ''),
  );
  // Channel steering must have applied in the coach's own evaluation: that is what the session argues about.
  let call: { candidate: Candidate; answers: Answer[]; rubric: RubricVersion } | null = null;
  for (const candidate of pool) {
    const rubric = await ctx.rubric(candidate.rubricVersionId);
    const answers = await heardAnswers(ctx, candidate.evaluationId);
    const steering = rubric.sections.flatMap((s) => s.criteria).find((c) => c.key === 'kanaalsturing');
    if (steering && answers.some((a) => a.criterionId === steering.id && !a.na)) {
      call = { candidate, answers, rubric };
      break;
    }
  }
  if (!call) return null;
  const { candidate, rubric } = call;
  const criteria = rubric.sections.flatMap((s) => s.criteria);
  const steering = criteria.find((c) => c.key === 'kanaalsturing')!;
  const summary = criteria.find((c) => c.key === 'samenvatten');
  if (!summary) return null;

  const participants = random.shuffle(ctx.coachIds.filter((id) => id !== candidate.coachId)).slice(0, 3);
  const deadline = addWorkingDays(createdOn, 5);
  const session = await createCalibration(ctx.db, ctx.managerId, {
    title: `Kalibratie ${monthName(createdOn)}: ${topicLabel(candidate.topic).toLowerCase()}`,
    recordingId: candidate.recordingId,
    rubricVersionId: candidate.rubricVersionId,
    participantIds: participants,
    referenceId: null,
    deadline,
  });
  ctx.stamps.calibrationCreated(session.id, ctx.at(createdOn, 40));

  // What was agreed afterwards; the participants each differ from it on one or both disputed criteria.
  const agreed = setAnswer(setAnswer(call.answers, summary.id, { value: 3, na: false }), steering.id, { value: 0, na: false });
  const texts = calibrationTexts;
  const byCoach = [
    setAnswer(setAnswer(agreed, summary.id, { value: 4, note: texts.samenvatten.generous }), steering.id, {
      value: null,
      na: true,
      note: texts.kanaalsturing.notApplicable,
    }),
    setAnswer(setAnswer(agreed, summary.id, { value: 2, note: texts.samenvatten.strict }), steering.id, {
      note: texts.kanaalsturing.missed,
    }),
    agreed,
  ];
  for (const [k, coachId] of participants.entries()) {
    await score(ctx, session.id, {
      coachId,
      answers: byCoach[k]!,
      on: addWorkingDays(createdOn, 1 + k),
      minutes: 60 + 45 * k,
      submit: true,
    });
  }

  const closedOn = addWorkingDays(deadline, 1);
  await closeCalibration(ctx.db, ctx.managerId, session.id);
  await saveConsensus(ctx.db, ctx.managerId, {
    sessionId: session.id,
    answers: agreed.map((a) => ({
      criterionId: a.criterionId,
      value: a.na ? null : a.value,
      na: a.na,
      guidanceNote:
        a.criterionId === summary.id ? texts.samenvatten.guidance : a.criterionId === steering.id ? texts.kanaalsturing.guidance : '',
    })),
    notes: texts.notes,
  });
  ctx.stamps.calibrationClosed(session.id, ctx.at(closedOn, 390));
  return { id: session.id, recordingId: candidate.recordingId };
}

async function openSession(ctx: CalibrationContext, exclude: ReadonlySet<number>): Promise<number | null> {
  const random = ctx.random('calibration/open');
  const recent = workingDaysBetween(addDays(ctx.today, -10), addDays(ctx.today, -1));
  const createdOn = recent.at(-4) ?? recent[0];
  if (!createdOn) return null;
  const [candidate] = await candidates(
    ctx,
    random,
    { from: addDays(createdOn, -10), before: createdOn },
    (_, recordingId) => !exclude.has(recordingId),
  );
  if (!candidate) return null;
  const rubric = await ctx.rubric(candidate.rubricVersionId);
  const heard = await heardAnswers(ctx, candidate.evaluationId);
  const participants = random.shuffle(ctx.coachIds.filter((id) => id !== candidate.coachId)).slice(0, 3);
  const session = await createCalibration(ctx.db, ctx.managerId, {
    title: `Kalibratie ${monthName(createdOn)}: ${topicLabel(candidate.topic).toLowerCase()}`,
    recordingId: candidate.recordingId,
    rubricVersionId: candidate.rubricVersionId,
    participantIds: participants,
    referenceId: null,
    deadline: addWorkingDays(ctx.today, 4),
  });
  ctx.stamps.calibrationCreated(session.id, ctx.at(createdOn, 35));

  // One participant hears a scale criterion a level lower; the last has only begun.
  const scales = rubric.sections
    .flatMap((s) => s.criteria)
    .filter((c) => c.type === 'scale' && heard.some((a) => a.criterionId === c.id && !a.na && (a.value ?? 0) > 2));
  const stricter = scales.length > 0 ? random.pick(scales) : null;
  const afterCreation = recent.filter((d) => d > createdOn);
  for (const [k, coachId] of participants.entries()) {
    const submit = k < participants.length - 1;
    let answers = heard;
    if (k === 1 && stricter) {
      answers = setAnswer(heard, stricter.id, { value: (heard.find((a) => a.criterionId === stricter.id)?.value ?? 3) - 1 });
    }
    if (!submit) answers = heard.slice(0, Math.ceil(heard.length / 2));
    await score(ctx, session.id, {
      coachId,
      answers,
      on: afterCreation[Math.min(k, afterCreation.length - 1)] ?? createdOn,
      minutes: 90 + 50 * k,
      submit,
    });
  }
  return session.id;
}
