import type { CalibrationHistory, Criterion, RubricVersion } from '../../contract';
import type { Db } from '../db/connection';
import { achievedFraction } from '../evaluations/scoring';
import { getRubricVersion } from '../rubrics/rubrics';
import { comparisonOf, submittedScorings } from './comparison';
import { krippendorff, type Rating } from './krippendorff';
import { participantsOf } from './sessions';

const mean = (xs: readonly number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);

/**
 * Calibration over time, from closed sessions only (an open one is still blind). Per coach: their
 * alignment in every closed session they took part in (null when they did not submit) and the mean.
 * Per criterion, matched by key across rubric versions: agreement and range per session, and alpha
 * with the sessions as units and everyone who ever took part as observers, ordinal for scales and
 * nominal for yes/no (sessions whose version gave the key the other type are left out of alpha).
 */
export async function calibrationHistory(db: Db): Promise<CalibrationHistory> {
  const sessions = await db
    .selectFrom('calibration_session')
    .selectAll()
    .where('status', '=', 'closed')
    .orderBy('closed_at')
    .orderBy('id')
    .execute();
  const ids = sessions.map((s) => s.id);
  const participants = await participantsOf(db, ids);
  const scorings = await submittedScorings(db, ids);

  const rubrics = new Map<number, RubricVersion>();
  for (const versionId of new Set(sessions.map((s) => s.rubric_version_id))) rubrics.set(versionId, await getRubricVersion(db, versionId));
  // A key whose type changed between versions is judged by its newest type.
  const typeOf = new Map<string, Criterion['type']>();
  for (const session of sessions) {
    for (const c of rubrics.get(session.rubric_version_id)?.sections.flatMap((s) => s.criteria) ?? []) typeOf.set(c.key, c.type);
  }

  const coaches = new Map<number, CalibrationHistory['coaches'][number]>();
  const criteria = new Map<string, CalibrationHistory['criteria'][number] & { ratings: Map<number, Rating>[] }>();

  for (const session of sessions) {
    const closedAt = session.closed_at ?? session.created_at;
    const comparison = await comparisonOf(db, session);
    for (const p of participants.filter((x) => x.sessionId === session.id)) {
      const entry = coaches.get(p.coachId) ?? { coachId: p.coachId, name: p.name, sessions: [], meanAlignment: null };
      const alignment = comparison.coaches.find((c) => c.coachId === p.coachId)?.alignment ?? null;
      entry.sessions.push({ sessionId: session.id, title: session.title, closedAt, alignment });
      coaches.set(p.coachId, entry);
    }

    for (const criterion of rubrics.get(session.rubric_version_id)?.sections.flatMap((s) => s.criteria) ?? []) {
      const row = comparison.criteria.find((r) => r.criterionId === criterion.id);
      // Newer sessions name the criterion as it is now called.
      const entry = criteria.get(criterion.key) ?? {
        key: criterion.key,
        title: '',
        type: typeOf.get(criterion.key) ?? criterion.type,
        sessions: [],
        alpha: { value: null, pairable: 0 },
        ratings: [],
      };
      entry.title = criterion.title;
      entry.sessions.push({ sessionId: session.id, closedAt, agreementPct: row?.agreementPct ?? null, range: row?.spread.range ?? null });
      if (entry.type === criterion.type) {
        const unit = new Map<number, Rating>();
        for (const s of scorings.get(session.id) ?? []) {
          const a = s.answers.find((x) => x.criterionId === criterion.id);
          unit.set(s.coachId, a && !a.na && a.value !== null ? achievedFraction(criterion, a.value) : null);
        }
        entry.ratings.push(unit);
      }
      criteria.set(criterion.key, entry);
    }
  }

  const observers = [...coaches.keys()];
  return {
    coaches: [...coaches.values()]
      .map((c) => ({ ...c, meanAlignment: mean(c.sessions.flatMap((s) => (s.alignment === null ? [] : [s.alignment]))) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    criteria: [...criteria.values()].map(({ ratings, ...entry }) => {
      const alpha = krippendorff(
        ratings.map((unit) => observers.map((coachId) => unit.get(coachId) ?? null)),
        entry.type === 'scale' ? 'ordinal' : 'nominal',
      );
      return { ...entry, alpha: { value: alpha.value, pairable: alpha.pairable } };
    }),
  };
}
