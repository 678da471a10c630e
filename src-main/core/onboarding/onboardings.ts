import {
  independenceLevelNames,
  independenceLevels,
  type CheckinInput,
  type DashboardQuery,
  type IndependenceLevel,
  type Onboarding,
  type OnboardingDashboard,
  type OnboardingSummary,
  type OnboardingWeek,
  type OverdueItem,
  type SignOffInput,
  type StartOnboarding,
} from '../../contract';
import { nowIso } from '../clock';
import { addQuotaOverride } from '../coaching/plan';
import type { Db } from '../db/connection';
import type { OnboardingItemTable, OnboardingTable } from '../db/schema';
import { AppError, notFound } from '../errors';
import { getStaff, recordStaffChange } from '../staff/staff';
import type { Selectable } from 'kysely';
import {
  addMonths,
  checkinDueOn,
  daysBetween,
  highestLevel,
  itemStatusOn,
  levelIndex,
  nextLevel,
  periodOf,
  phaseOn,
  trainingEndDate,
  weekRange,
} from './schedule';

type TrackRow = Selectable<OnboardingTable>;
type ItemRow = Selectable<OnboardingItemTable>;

/** Reason recorded on the planner's override, so the planner sees where the higher quota comes from. */
export const onboardingQuotaReason = 'inwerken';

async function namesOf(db: Db, ids: readonly (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('staff').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

interface TrackData {
  track: TrackRow;
  items: ItemRow[];
  levels: { level: IndependenceLevel; reached_on: string; recorded_by: number | null }[];
  lastCheckinOn: string | null;
  names: Map<number, string>;
  team: string;
}

/** Everything the summaries need for a set of tracks, in a fixed number of queries. */
async function loadTracks(db: Db, tracks: TrackRow[]): Promise<TrackData[]> {
  if (tracks.length === 0) return [];
  const ids = tracks.map((t) => t.id);
  const items = await db.selectFrom('onboarding_item').selectAll().where('onboarding_id', 'in', ids).orderBy('position').execute();
  const levels = await db.selectFrom('onboarding_level').selectAll().where('onboarding_id', 'in', ids).execute();
  const checkins = await db
    .selectFrom('buddy_checkin')
    .select(['onboarding_id', (eb) => eb.fn.max('held_on').as('last')])
    .where('onboarding_id', 'in', ids)
    .groupBy('onboarding_id')
    .execute();
  const staff = await db
    .selectFrom('staff')
    .select(['id', 'team'])
    .where(
      'id',
      'in',
      tracks.map((t) => t.staff_id),
    )
    .execute();
  const teams = new Map(staff.map((s) => [s.id, s.team]));
  const names = await namesOf(db, [
    ...tracks.flatMap((t) => [t.staff_id, t.trainer_id, t.buddy_id, t.completed_by]),
    ...items.map((i) => i.signed_off_by),
    ...levels.map((l) => l.recorded_by),
  ]);
  const last = new Map(checkins.map((c) => [c.onboarding_id, c.last as string | null]));
  return tracks.map((track) => ({
    track,
    items: items.filter((i) => i.onboarding_id === track.id),
    levels: levels.filter((l) => l.onboarding_id === track.id),
    lastCheckinOn: last.get(track.id) ?? null,
    names,
    team: teams.get(track.staff_id) ?? '',
  }));
}

function weeksOf(data: TrackData, today: string): OnboardingWeek[] {
  const { track } = data;
  const weeks = Math.max(track.training_weeks, ...data.items.map((i) => i.week));
  return Array.from({ length: weeks }, (_, index) => {
    const week = index + 1;
    const range = weekRange(track.start_date, week);
    const items = data.items
      .filter((i) => i.week === week)
      .map((i) => ({
        id: i.id,
        week: i.week,
        position: i.position,
        category: i.category,
        title: i.title,
        description: i.description,
        status: itemStatusOn({ week: i.week, signedOffOn: i.signed_off_on }, track.start_date, today),
        dueDate: range.endDate,
        signedOffOn: i.signed_off_on,
        signedOffByName: i.signed_off_by === null ? null : (data.names.get(i.signed_off_by) ?? null),
        note: i.note,
      }));
    return {
      week,
      ...range,
      total: items.length,
      signedOff: items.filter((i) => i.status === 'signed_off').length,
      overdue: items.filter((i) => i.status === 'overdue').length,
      items,
    };
  });
}

function summarise(data: TrackData, today: string): OnboardingSummary & { weekDetails: OnboardingWeek[] } {
  const { track, names } = data;
  const { phase, currentWeek } = phaseOn(
    { startDate: track.start_date, trainingWeeks: track.training_weeks, completed: track.status === 'completed' },
    today,
  );
  const weekDetails = weeksOf(data, today);
  return {
    id: track.id,
    staffId: track.staff_id,
    staffName: names.get(track.staff_id) ?? '',
    team: data.team,
    trainerId: track.trainer_id,
    trainerName: names.get(track.trainer_id) ?? '',
    buddyId: track.buddy_id,
    buddyName: track.buddy_id === null ? null : (names.get(track.buddy_id) ?? null),
    programId: track.program_id,
    programName: track.program_name,
    startDate: track.start_date,
    trainingWeeks: track.training_weeks,
    trainingEndDate: trainingEndDate(track.start_date, track.training_weeks),
    status: track.status,
    phase,
    currentWeek,
    level: highestLevel(data.levels.map((l) => l.level)),
    lastCheckinOn: data.lastCheckinOn,
    checkinDue: checkinDueOn(phase, data.lastCheckinOn, today),
    completedOn: track.completed_on,
    weeks: weekDetails.map(({ items: _items, ...progress }) => progress),
    weekDetails,
  };
}

async function trackRow(db: Db, id: number): Promise<TrackRow> {
  const row = await db.selectFrom('onboarding').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Inwerktraject ${id}`);
  return row;
}

export async function getOnboarding(db: Db, id: number, today: string): Promise<Onboarding> {
  const [data] = await loadTracks(db, [await trackRow(db, id)]);
  if (!data) throw notFound(`Inwerktraject ${id}`);
  const { weekDetails, weeks: _weeks, ...summary } = summarise(data, today);
  const { track, names } = data;
  const checkins = await db
    .selectFrom('buddy_checkin')
    .selectAll()
    .where('onboarding_id', '=', id)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const checkinNames = await namesOf(
    db,
    checkins.flatMap((c) => [c.buddy_id, c.recorded_by]),
  );
  const override =
    track.quota_override_id === null
      ? undefined
      : await db.selectFrom('quota_override').selectAll().where('id', '=', track.quota_override_id).executeTakeFirst();
  return {
    ...summary,
    today,
    weeks: weekDetails,
    ladder: independenceLevels.map((level) => {
      const reached = data.levels.find((l) => l.level === level);
      return {
        level,
        reachedOn: reached?.reached_on ?? null,
        recordedByName: reached?.recorded_by ? (names.get(reached.recorded_by) ?? null) : null,
      };
    }),
    checkins: checkins.map((c) => ({
      id: c.id,
      heldOn: c.held_on,
      level: c.level,
      buddyId: c.buddy_id,
      buddyName: c.buddy_id === null ? null : (checkinNames.get(c.buddy_id) ?? null),
      wentWell: c.went_well,
      toPractise: c.to_practise,
      recordedByName: c.recorded_by === null ? null : (checkinNames.get(c.recorded_by) ?? null),
      createdAt: c.created_at,
    })),
    quota: override
      ? {
          overrideId: override.id,
          perMonth: override.per_month,
          fromPeriod: override.from_period,
          toPeriod: override.to_period,
          reason: override.reason,
        }
      : null,
    completedByName: track.completed_by === null ? null : (names.get(track.completed_by) ?? null),
    completionNote: track.completion_note,
    createdAt: track.created_at,
  };
}

const phaseOrder = { training: 0, buddy: 1, upcoming: 2, done: 3 } as const;

/** The trainer's overview: every track on one timeline, with what needs doing. */
export async function onboardingDashboard(db: Db, query: DashboardQuery, today: string): Promise<OnboardingDashboard> {
  let select = db.selectFrom('onboarding').selectAll();
  if (query.trainerId !== undefined) select = select.where('trainer_id', '=', query.trainerId);
  if (query.staffId !== undefined) select = select.where('staff_id', '=', query.staffId);
  if (!query.includeCompleted) select = select.where('status', '=', 'running');
  const summaries = (await loadTracks(db, await select.execute())).map((d) => summarise(d, today));
  summaries.sort((a, b) => phaseOrder[a.phase] - phaseOrder[b.phase] || a.startDate.localeCompare(b.startDate) || a.id - b.id);

  const overdue: OverdueItem[] = summaries.flatMap((s) =>
    s.weekDetails.flatMap((w) =>
      w.items
        .filter((i) => i.status === 'overdue')
        .map((i) => ({
          onboardingId: s.id,
          staffName: s.staffName,
          trainerName: s.trainerName,
          itemId: i.id,
          week: i.week,
          category: i.category,
          title: i.title,
          dueDate: i.dueDate,
          daysOverdue: daysBetween(i.dueDate, today),
        })),
    ),
  );
  overdue.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.staffName.localeCompare(b.staffName, 'nl'));
  return {
    today,
    rows: summaries.map(({ weekDetails: _details, ...row }) => row),
    overdue,
    checkinsDue: summaries
      .filter((s) => s.checkinDue)
      .map((s) => ({ onboardingId: s.id, staffName: s.staffName, buddyName: s.buddyName, lastCheckinOn: s.lastCheckinOn })),
  };
}

async function assertTrainer(db: Db, trainerId: number): Promise<void> {
  const trainer = await db.selectFrom('staff').select(['role', 'name', 'status']).where('id', '=', trainerId).executeTakeFirst();
  if (!trainer) throw notFound(`Medewerker ${trainerId}`);
  if (trainer.role !== 'trainer' || trainer.status === 'left') throw new AppError('trainer_required', { name: trainer.name });
}

/** A buddy is an experienced advisor on the floor: not a new hire, not a leaver, not the new hire. */
async function assertBuddy(db: Db, buddyId: number, newHireId: number): Promise<void> {
  const buddy = await db.selectFrom('staff').select(['role', 'name', 'status']).where('id', '=', buddyId).executeTakeFirst();
  if (!buddy) throw notFound(`Medewerker ${buddyId}`);
  if (buddy.role !== 'advisor' || buddy.status !== 'active' || buddyId === newHireId)
    throw new AppError('buddy_invalid', { name: buddy.name });
}

async function runningTrack(db: Db, id: number): Promise<TrackRow> {
  const track = await trackRow(db, id);
  if (track.status !== 'running') {
    const names = await namesOf(db, [track.staff_id]);
    throw new AppError('onboarding_closed', { name: names.get(track.staff_id) ?? '', date: track.completed_on ?? '' });
  }
  return track;
}

/** Dates in a track lie between its start and today: nothing is signed off ahead of time. */
function assertInTrack(track: TrackRow, date: string, today: string): void {
  if (date < track.start_date || date > today) {
    throw new AppError('onboarding_date_range', { date, from: track.start_date, to: today });
  }
}

/**
 * Starts a track: copies the program's items into it (later program edits leave it alone), puts
 * the new hire on status onboarding and raises their evaluation quota through the planner.
 */
export async function startOnboarding(db: Db, actorId: number | null, input: StartOnboarding, today: string): Promise<Onboarding> {
  const person = await db.selectFrom('staff').selectAll().where('id', '=', input.staffId).executeTakeFirst();
  if (!person) throw notFound(`Medewerker ${input.staffId}`);
  if (person.role !== 'advisor') throw new AppError('not_an_advisor', { name: person.name });
  if (person.status === 'left') throw new AppError('invalid_input', { detail: `${person.name} is uit dienst` });
  const running = await db
    .selectFrom('onboarding')
    .select('start_date')
    .where('staff_id', '=', input.staffId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  if (running) throw new AppError('onboarding_running', { name: person.name, startDate: running.start_date });
  await assertTrainer(db, input.trainerId);
  if (input.buddyId !== null) await assertBuddy(db, input.buddyId, input.staffId);
  const program = await db.selectFrom('onboarding_program').selectAll().where('id', '=', input.programId).executeTakeFirst();
  if (!program) throw notFound(`Inwerkprogramma ${input.programId}`);
  const items = await db
    .selectFrom('onboarding_program_item')
    .selectAll()
    .where('program_id', '=', program.id)
    .orderBy('position')
    .execute();

  const id = await db.transaction().execute(async (trx) => {
    const overrideId = await addQuotaOverride(trx, actorId, {
      advisorId: input.staffId,
      fromPeriod: periodOf(input.startDate),
      toPeriod: addMonths(periodOf(input.startDate), input.quotaMonths - 1),
      perMonth: input.quotaPerMonth,
      reason: onboardingQuotaReason,
    });
    const row = await trx
      .insertInto('onboarding')
      .values({
        staff_id: input.staffId,
        trainer_id: input.trainerId,
        buddy_id: input.buddyId,
        program_id: program.id,
        program_name: program.name,
        training_weeks: program.weeks,
        start_date: input.startDate,
        status: 'running',
        quota_override_id: overrideId,
        created_by: actorId,
        created_at: nowIso(),
        completed_on: null,
        completed_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (items.length > 0) {
      await trx
        .insertInto('onboarding_item')
        .values(
          items.map((i) => ({
            onboarding_id: row.id,
            week: i.week,
            position: i.position,
            category: i.category,
            title: i.title,
            description: i.description,
            signed_off_on: null,
            signed_off_by: null,
            signed_off_at: null,
          })),
        )
        .execute();
    }
    const before = await getStaff(trx, input.staffId);
    await trx
      .updateTable('staff')
      .set({ status: 'onboarding', start_date: person.start_date ?? input.startDate, updated_at: nowIso() })
      .where('id', '=', input.staffId)
      .execute();
    await recordStaffChange(trx, actorId, input.staffId, before, await getStaff(trx, input.staffId), 'inwerktraject gestart');
    return row.id;
  });
  return getOnboarding(db, id, today);
}

export async function assignOnboarding(
  db: Db,
  input: { id: number; trainerId: number; buddyId: number | null },
  today: string,
): Promise<Onboarding> {
  const track = await runningTrack(db, input.id);
  await assertTrainer(db, input.trainerId);
  if (input.buddyId !== null) await assertBuddy(db, input.buddyId, track.staff_id);
  await db.updateTable('onboarding').set({ trainer_id: input.trainerId, buddy_id: input.buddyId }).where('id', '=', track.id).execute();
  return getOnboarding(db, track.id, today);
}

async function itemWithTrack(db: Db, itemId: number): Promise<{ item: ItemRow; track: TrackRow }> {
  const item = await db.selectFrom('onboarding_item').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!item) throw notFound(`Onderdeel ${itemId}`);
  return { item, track: await runningTrack(db, item.onboarding_id) };
}

/**
 * Signs off one item or several of one track (a whole week at once), all or none: a date outside
 * the track or an item signed off already refuses the lot.
 */
export async function signOffItems(db: Db, actorId: number, input: SignOffInput, today: string): Promise<Onboarding> {
  const ids = [...new Set(input.itemIds)];
  const items = await db.selectFrom('onboarding_item').selectAll().where('id', 'in', ids).execute();
  const missing = ids.find((id) => !items.some((i) => i.id === id));
  if (missing !== undefined) throw notFound(`Onderdeel ${missing}`);
  const trackIds = new Set(items.map((i) => i.onboarding_id));
  if (trackIds.size > 1) throw new AppError('invalid_input', { detail: 'de onderdelen horen bij verschillende inwerktrajecten' });
  const track = await runningTrack(db, items[0]!.onboarding_id);
  const signed = items.find((i) => i.signed_off_on !== null);
  if (signed) {
    const names = await namesOf(db, [signed.signed_off_by]);
    throw new AppError('onboarding_item_signed', {
      title: signed.title,
      name: signed.signed_off_by === null ? '?' : (names.get(signed.signed_off_by) ?? '?'),
      date: signed.signed_off_on ?? '',
    });
  }
  assertInTrack(track, input.signedOffOn, today);
  await db
    .updateTable('onboarding_item')
    .set({ signed_off_on: input.signedOffOn, signed_off_by: actorId, signed_off_at: nowIso(), note: input.note })
    .where('id', 'in', ids)
    .execute();
  return getOnboarding(db, track.id, today);
}

/** Takes a sign-off back (a mistake, or the trainer wants the item repeated). */
export async function undoSignOff(db: Db, itemId: number, today: string): Promise<Onboarding> {
  const { item, track } = await itemWithTrack(db, itemId);
  await db
    .updateTable('onboarding_item')
    .set({ signed_off_on: null, signed_off_by: null, signed_off_at: null, note: '' })
    .where('id', '=', item.id)
    .execute();
  return getOnboarding(db, track.id, today);
}

/** Records a step of the ladder: only the next one, and never dated before the step below it. */
export async function reachLevel(
  db: Db,
  actorId: number,
  input: { id: number; level: IndependenceLevel; reachedOn: string },
  today: string,
): Promise<Onboarding> {
  const track = await runningTrack(db, input.id);
  const levels = await db.selectFrom('onboarding_level').selectAll().where('onboarding_id', '=', track.id).execute();
  const already = levels.find((l) => l.level === input.level);
  if (already) {
    throw new AppError('onboarding_level_reached', { level: independenceLevelNames[input.level], date: already.reached_on });
  }
  const next = nextLevel(levels.map((l) => l.level));
  if (next !== input.level) {
    const previous = independenceLevels[levelIndex(input.level) - 1] ?? input.level;
    throw new AppError('onboarding_level_order', {
      level: independenceLevelNames[input.level],
      previous: independenceLevelNames[next ?? previous],
    });
  }
  assertInTrack(track, input.reachedOn, today);
  const below = levels.find((l) => levelIndex(l.level) === levelIndex(input.level) - 1);
  if (below && input.reachedOn < below.reached_on) {
    throw new AppError('onboarding_level_date', {
      level: independenceLevelNames[input.level],
      date: input.reachedOn,
      previous: independenceLevelNames[below.level],
      previousDate: below.reached_on,
    });
  }
  await db
    .insertInto('onboarding_level')
    .values({ onboarding_id: track.id, level: input.level, reached_on: input.reachedOn, recorded_by: actorId, recorded_at: nowIso() })
    .execute();
  return getOnboarding(db, track.id, today);
}

/** Removes the highest step reached, so a step recorded too early can be corrected. */
export async function undoLevel(db: Db, id: number, today: string): Promise<Onboarding> {
  const track = await runningTrack(db, id);
  const levels = await db.selectFrom('onboarding_level').select('level').where('onboarding_id', '=', track.id).execute();
  const top = highestLevel(levels.map((l) => l.level));
  if (top !== null) await db.deleteFrom('onboarding_level').where('onboarding_id', '=', track.id).where('level', '=', top).execute();
  return getOnboarding(db, track.id, today);
}

export async function addCheckin(db: Db, actorId: number, input: CheckinInput, today: string): Promise<Onboarding> {
  const track = await runningTrack(db, input.id);
  if (track.buddy_id === null) {
    const names = await namesOf(db, [track.staff_id]);
    throw new AppError('onboarding_no_buddy', { name: names.get(track.staff_id) ?? '' });
  }
  assertInTrack(track, input.heldOn, today);
  await db
    .insertInto('buddy_checkin')
    .values({
      onboarding_id: track.id,
      buddy_id: track.buddy_id,
      held_on: input.heldOn,
      level: input.level,
      went_well: input.wentWell,
      to_practise: input.toPractise,
      recorded_by: actorId,
      created_at: nowIso(),
    })
    .execute();
  return getOnboarding(db, track.id, today);
}

/**
 * Closes a track once every item is signed off and the new hire works fully independently: they
 * become active, and the onboarding quota ends with the month of completion.
 */
export async function completeOnboarding(
  db: Db,
  actorId: number,
  input: { id: number; completedOn: string; note: string },
  today: string,
): Promise<Onboarding> {
  const track = await runningTrack(db, input.id);
  const open = await db
    .selectFrom('onboarding_item')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('onboarding_id', '=', track.id)
    .where('signed_off_on', 'is', null)
    .executeTakeFirstOrThrow();
  if (Number(open.n) > 0) throw new AppError('onboarding_items_open', { count: Number(open.n) });
  const independent = await db
    .selectFrom('onboarding_level')
    .select('reached_on')
    .where('onboarding_id', '=', track.id)
    .where('level', '=', 'fully_independent')
    .executeTakeFirst();
  if (!independent) {
    const names = await namesOf(db, [track.staff_id]);
    throw new AppError('onboarding_not_independent', { name: names.get(track.staff_id) ?? '' });
  }
  assertInTrack(track, input.completedOn, today);
  const month = periodOf(input.completedOn);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('onboarding')
      .set({ status: 'completed', completed_on: input.completedOn, completed_by: actorId, completion_note: input.note })
      .where('id', '=', track.id)
      .execute();
    const before = await getStaff(trx, track.staff_id);
    await trx
      .updateTable('staff')
      .set({ status: 'active', updated_at: nowIso() })
      .where('id', '=', track.staff_id)
      .where('status', '=', 'onboarding')
      .execute();
    await recordStaffChange(trx, actorId, track.staff_id, before, await getStaff(trx, track.staff_id), 'inwerktraject afgerond');
    if (track.quota_override_id !== null) {
      await trx
        .updateTable('quota_override')
        .set({ to_period: month })
        .where('id', '=', track.quota_override_id)
        .where('from_period', '<=', month)
        .where((eb) => eb.or([eb('to_period', 'is', null), eb('to_period', '>', month)]))
        .execute();
    }
  });
  return getOnboarding(db, track.id, today);
}
