import type { ChannelName, ChannelOutput, Channels, HostChannelName } from '../../contract';
import type { z } from 'zod';
import type { Core } from '../app';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { signedInViewer, signInRequired, type SignInRole, type SignInSlot, type Viewer } from '../session/sign-in';

/**
 * Who may use which channel when people sign in (team mode, or a local database with sign-in
 * switched on). Without sign-in nothing here runs: one workstation, one trusted coach.
 *
 * The table is keyed by channel. A rule is either `public` (before sign-in: the sign-in screen's
 * own channels) or, per role, `true` (allowed) or a check that looks up the rows the input names
 * and refuses with `access_denied`. A role missing from a rule is refused. A channel missing from
 * the table is for managers only, so a new admin channel is closed to coaches and trainers until
 * someone decides otherwise here.
 *
 * Whose data a person sees (one advisor at a time):
 * - manager: advisors of their own team (an empty team: the whole organisation);
 * - coach: advisors of their own team and advisors currently assigned to them;
 * - trainer: their trainees (an onboarding they train, running or completed).
 * Everybody keeps their own evaluations, also of another team's advisor (a second opinion or a
 * calibration call). Calls without an advisor yet belong to nobody and are open to coaches and
 * managers, who link them. Calibration keeps its own participant rules (core/calibration).
 */

type GuardedChannel = Exclude<ChannelName, HostChannelName>;
type Input<C extends GuardedChannel> = z.output<Channels[C]['input']>;
/** A row-level check: throws `access_denied`, or returns the input narrowed to what the viewer may see. */
type Check<C extends GuardedChannel> = (db: Db, viewer: Viewer, input: Input<C>) => Promise<Input<C> | void>;
type Rule<C extends GuardedChannel> = 'public' | Partial<Record<SignInRole, true | Check<C>>>;
/** Drops the rows of a list the viewer may not see. */
type Filter<C extends GuardedChannel> = (db: Db, viewer: Viewer, output: ChannelOutput<C>) => Promise<ChannelOutput<C>>;

const roleNames: Record<SignInRole, string> = { coach: 'coach', manager: 'teammanager', trainer: 'trainer' };
const rolePlurals: Record<SignInRole, string> = { coach: 'coaches', manager: 'teammanagers', trainer: 'trainers' };

const denied = (what: string, why: string) => new AppError('access_denied', { what, why });

interface AdvisorRow {
  id: number;
  name: string;
  team: string;
}

async function advisorRow(db: Db, advisorId: number): Promise<AdvisorRow | undefined> {
  return db.selectFrom('staff').select(['id', 'name', 'team']).where('id', '=', advisorId).executeTakeFirst();
}

/** Whether the viewer may see this advisor's evaluations, calls and figures. */
export async function canSeeAdvisor(db: Db, viewer: Viewer, advisor: AdvisorRow): Promise<boolean> {
  if (advisor.id === viewer.id) return true;
  switch (viewer.role) {
    case 'manager':
      return viewer.team === '' || advisor.team === viewer.team;
    case 'coach': {
      if (viewer.team !== '' && advisor.team === viewer.team) return true;
      const assigned = await db
        .selectFrom('coach_assignment')
        .select('id')
        .where('advisor_id', '=', advisor.id)
        .where('coach_id', '=', viewer.id)
        .where('to_date', 'is', null)
        .executeTakeFirst();
      return assigned !== undefined;
    }
    case 'trainer': {
      const trainee = await db
        .selectFrom('onboarding')
        .select('id')
        .where('staff_id', '=', advisor.id)
        .where('trainer_id', '=', viewer.id)
        .executeTakeFirst();
      return trainee !== undefined;
    }
  }
}

function whyNot(viewer: Viewer, advisor: AdvisorRow): string {
  const theirs = advisor.team === '' ? 'zit in geen team' : `zit in team ${advisor.team}`;
  switch (viewer.role) {
    case 'manager':
      return `${advisor.name} ${theirs} en jij bent teammanager van team ${viewer.team}`;
    case 'coach':
      return `${advisor.name} ${theirs}, niet in jouw team, en is niet aan jou gekoppeld`;
    case 'trainer':
      return `${advisor.name} is niet een van de nieuwe medewerkers die jij begeleidt`;
  }
}

/** Refuses unless the viewer may see the advisor; a missing advisor is left to the handler's not_found. */
async function assertAdvisor(db: Db, viewer: Viewer, advisorId: number | null | undefined, what: string): Promise<void> {
  if (advisorId === null || advisorId === undefined) {
    if (viewer.role === 'trainer') throw denied(what, 'dit gesprek is nog niet aan een van jouw nieuwe medewerkers gekoppeld');
    return;
  }
  const advisor = await advisorRow(db, advisorId);
  if (advisor && !(await canSeeAdvisor(db, viewer, advisor))) throw denied(`${what} van ${advisor.name}`, whyNot(viewer, advisor));
}

async function assertEvaluation(db: Db, viewer: Viewer, evaluationId: number): Promise<void> {
  const row = await db.selectFrom('evaluation').select(['advisor_id', 'coach_id']).where('id', '=', evaluationId).executeTakeFirst();
  if (!row || row.coach_id === viewer.id) return;
  await assertAdvisor(db, viewer, row.advisor_id, 'de beoordeling');
}

async function assertRecording(db: Db, viewer: Viewer, recordingId: number): Promise<void> {
  const row = await db.selectFrom('recording').select('advisor_id').where('id', '=', recordingId).executeTakeFirst();
  if (!row) return;
  // Your own evaluation of this call (a second opinion, a calibration call) opens the call too.
  const own = await db
    .selectFrom('evaluation')
    .select('id')
    .where('recording_id', '=', recordingId)
    .where('coach_id', '=', viewer.id)
    .executeTakeFirst();
  if (own) return;
  await assertAdvisor(db, viewer, row.advisor_id, 'het gesprek');
}

const byAdvisor =
  <C extends GuardedChannel>(what: string, advisorOf: (input: Input<C>) => number | null | undefined): Check<C> =>
  async (db, viewer, input) =>
    assertAdvisor(db, viewer, advisorOf(input), what);

const byRecording =
  <C extends GuardedChannel>(recordingOf: (input: Input<C>) => number): Check<C> =>
  async (db, viewer, input) =>
    assertRecording(db, viewer, recordingOf(input));

const byEvaluation =
  <C extends GuardedChannel>(evaluationOf: (input: Input<C>) => number): Check<C> =>
  async (db, viewer, input) =>
    assertEvaluation(db, viewer, evaluationOf(input));

/** A row whose `advisor_id` says whose it is. */
const byRowAdvisor =
  <C extends GuardedChannel>(
    what: string,
    lookup: (db: Db, input: Input<C>) => Promise<{ advisor_id: number | null } | undefined>,
  ): Check<C> =>
  async (db, viewer, input) => {
    const row = await lookup(db, input);
    if (row) await assertAdvisor(db, viewer, row.advisor_id, what);
  };

/** A team's figures: your own team only; without a team named, your own. */
const ownTeam: Check<'reports.teamMonth'> = async (_db, viewer, input) => {
  if (viewer.role === 'manager' && viewer.team === '') return input;
  const asked = input.team ?? '';
  if (asked !== '' && asked !== viewer.team)
    throw denied(
      `de cijfers van team ${asked}`,
      `jij bent ${roleNames[viewer.role]} van ${viewer.team ? `team ${viewer.team}` : 'geen team'}`,
    );
  if (viewer.team === '') throw denied('de teamcijfers', 'je bent aan geen team gekoppeld');
  return { ...input, team: viewer.team };
};

/** "Mijn maand": your own; a manager also that of a coach in their team. */
const myMonthOf: Check<'coaching.myMonth'> = async (db, viewer, input) => {
  if (input.coachId === undefined || input.coachId === viewer.id) return;
  if (viewer.role === 'manager') {
    const coach = await advisorRow(db, input.coachId);
    if (!coach || viewer.team === '' || coach.team === viewer.team) return;
    throw denied(`de maand van ${coach.name}`, `${coach.name} zit niet in jouw team`);
  }
  throw denied('de maand van een andere coach', 'je ziet alleen je eigen maand');
};

const anyone = { coach: true, manager: true, trainer: true } as const;
const coachOrManager = { coach: true, manager: true } as const;

function scoped<C extends GuardedChannel>(check: Check<C>, trainer = false): Rule<C> {
  return trainer ? { coach: check, manager: check, trainer: check } : { coach: check, manager: check };
}

/** The table. Missing channels: managers only. */
const rules: { [C in GuardedChannel]?: Rule<C> } = {
  'session.get': 'public',
  'session.signIn': 'public',
  'session.signOut': 'public',
  'session.claimFirstManager': 'public',
  'session.setLanguage': 'public',
  // Refuses itself with a message that points to the sign-in.
  'session.selectProfile': 'public',
  'session.changePassword': anyone,

  'staff.list': anyone,
  'staff.get': anyone,

  'calibration.list': anyone,
  'calibration.get': anyone,
  'calibration.create': anyone,
  'calibration.start': anyone,
  'calibration.comparison': anyone,
  'calibration.saveConsensus': anyone,
  'calibration.close': anyone,
  'calibration.history': anyone,

  'recordings.list': scoped(
    byAdvisor('de gesprekken', (i) => i.advisorId),
    true,
  ),
  'recordings.get': scoped(
    byRecording((i) => i.id),
    true,
  ),
  'recordings.peaks': scoped(
    byRecording((i) => i.id),
    true,
  ),
  'recordings.analysis': scoped(
    byRecording((i) => i.id),
    true,
  ),
  'recordings.topics': anyone,
  'recordings.suggest': coachOrManager,
  'recordings.import': scoped(byAdvisor('de gesprekken', (i) => i.advisorId)),
  'recordings.updateDetails': scoped<'recordings.updateDetails'>(async (db, viewer, input) => {
    await assertRecording(db, viewer, input.id);
    await assertAdvisor(db, viewer, input.advisorId, 'de gesprekken');
  }),

  'markers.list': scoped(
    byRecording((i) => i.recordingId),
    true,
  ),
  'markers.add': scoped(byRecording((i) => i.recordingId)),
  'markers.remove': scoped<'markers.remove'>(async (db, viewer, input) => {
    const row = await db.selectFrom('marker').select('recording_id').where('id', '=', input.id).executeTakeFirst();
    if (row) await assertRecording(db, viewer, row.recording_id);
  }),

  'samples.draw': scoped<'samples.draw'>(async (db, viewer, input) => {
    for (const advisorId of input.advisorIds) await assertAdvisor(db, viewer, advisorId, 'de steekproef');
  }),
  'samples.list': coachOrManager,
  'samples.get': coachOrManager,
  'samples.forAdvisor': scoped(byAdvisor('de steekproef', (i) => i.advisorId)),
  'samples.redraw': scoped(byRowAdvisor('de steekproef', (db, i) => itemOf(db, i.itemId))),
  'samples.bringIntoStore': scoped(byRowAdvisor('de steekproef', (db, i) => itemOf(db, i.itemId))),

  'settings.get': anyone,
  'sources.list': coachOrManager,
  'sources.files': coachOrManager,
  'sources.preview': coachOrManager,
  'sources.scan': coachOrManager,
  'sources.cancelScan': coachOrManager,

  'rubrics.current': anyone,
  'rubrics.getVersion': anyone,
  'rubrics.list': anyone,
  'rubrics.export': anyone,
  'rubrics.definition': anyone,
  'rubrics.preview': anyone,
  'rubrics.assignments': anyone,

  'evaluations.start': scoped(byRecording((i) => i.recordingId)),
  'evaluations.get': scoped(
    byEvaluation((i) => i.id),
    true,
  ),
  'evaluations.history': scoped(
    byEvaluation((i) => i.id),
    true,
  ),
  'evaluations.saveDraft': scoped(byEvaluation((i) => i.id)),
  'evaluations.finalize': scoped(byEvaluation((i) => i.id)),
  'evaluations.listForAdvisor': scoped(
    byAdvisor('de beoordelingen', (i) => i.advisorId),
    true,
  ),
  'evaluations.listForRecording': scoped(
    byRecording((i) => i.recordingId),
    true,
  ),

  // A second opinion is asked across teams; the core decides who may start and decide it.
  'disputes.raise': scoped(byEvaluation((i) => i.evaluationId)),
  'disputes.list': coachOrManager,
  'disputes.startSecondOpinion': coachOrManager,
  'disputes.decide': coachOrManager,

  'coaching.myMonth': { coach: myMonthOf, manager: myMonthOf },
  'coaching.team': coachOrManager,
  'coaching.assignments': coachOrManager,
  'coaching.quotaOverrides': coachOrManager,

  'feedback.prepare': scoped(byAdvisor('het feedbackgesprek', (i) => i.advisorId)),
  'feedback.record': scoped(byAdvisor('het feedbackgesprek', (i) => i.advisorId)),
  'feedback.list': scoped(byAdvisor('de feedbackgesprekken', (i) => i.advisorId)),
  'feedback.get': scoped(
    byRowAdvisor('het feedbackgesprek', (db, i) =>
      db.selectFrom('feedback_session').select('advisor_id').where('id', '=', i.id).executeTakeFirst(),
    ),
  ),
  'actionPoints.list': scoped(byAdvisor('de actiepunten', (i) => i.advisorId)),
  'actionPoints.update': scoped(
    byRowAdvisor('het actiepunt', (db, i) => db.selectFrom('action_item').select('advisor_id').where('id', '=', i.id).executeTakeFirst()),
  ),

  'reports.advisorTrend': scoped(
    byAdvisor('de trend', (i) => i.advisorId),
    true,
  ),
  'reports.teamMonth': { coach: ownTeam, manager: ownTeam },
  'reports.staffSparklines': anyone,
  'reports.targets': anyone,

  // Onboarding is the trainer's own domain; coaches follow it.
  'onboarding.programs': anyone,
  'onboarding.program': anyone,
  'onboarding.get': anyone,
  'onboarding.dashboard': anyone,
  'onboarding.rampUp': anyone,
  'onboarding.saveProgram': { trainer: true, manager: true },
  'onboarding.start': { trainer: true, manager: true },
  'onboarding.assign': { trainer: true, manager: true },
  'onboarding.signOff': { trainer: true, manager: true },
  'onboarding.undoSignOff': { trainer: true, manager: true },
  'onboarding.reachLevel': { trainer: true, manager: true },
  'onboarding.undoLevel': { trainer: true, manager: true },
  'onboarding.addCheckin': anyone,
  'onboarding.complete': { trainer: true, manager: true },
  // Managers only (not listed): staff changes and passwords, settings, sources setup, rubric
  // changes, planning (assignments, quotas), targets, retention, backups, audit, privacy.
};

function itemOf(db: Db, itemId: number) {
  return db.selectFrom('sample_item').select('advisor_id').where('id', '=', itemId).executeTakeFirst();
}

async function visibleAdvisorIds(db: Db, viewer: Viewer, ids: Iterable<number>): Promise<Set<number>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = await db.selectFrom('staff').select(['id', 'name', 'team']).where('id', 'in', unique).execute();
  const visible = new Set<number>();
  for (const row of rows) if (await canSeeAdvisor(db, viewer, row)) visible.add(row.id);
  return visible;
}

/** Lists that mix advisors: only the rows of advisors the viewer may see. */
const filters: { [C in GuardedChannel]?: Filter<C> } = {
  'recordings.list': async (db, viewer, output) => {
    const visible = await visibleAdvisorIds(
      db,
      viewer,
      output.flatMap((r) => (r.advisorId === null ? [] : [r.advisorId])),
    );
    return output.filter((r) => (r.advisorId === null ? viewer.role !== 'trainer' : visible.has(r.advisorId)));
  },
  'reports.staffSparklines': async (db, viewer, output) => {
    const visible = await visibleAdvisorIds(
      db,
      viewer,
      output.advisors.map((a) => a.advisorId),
    );
    return { ...output, advisors: output.advisors.filter((a) => visible.has(a.advisorId)) };
  },
  'actionPoints.list': async (db, viewer, output) => {
    const visible = await visibleAdvisorIds(
      db,
      viewer,
      output.map((a) => a.advisorId),
    );
    return output.filter((a) => visible.has(a.advisorId));
  },
};

export interface Guarded {
  input: unknown;
  /** Narrows a list to what the viewer may see; the identity without sign-in. */
  filter(output: unknown): Promise<unknown>;
}

const passThrough = async (output: unknown) => output;

/**
 * Decides whether this request may run, before its handler does: without sign-in everything
 * may; with it, the table above. Throws `sign_in_required` or `access_denied`.
 */
export async function guardChannel(core: Core, slot: SignInSlot, channel: GuardedChannel, input: unknown): Promise<Guarded> {
  if (!(await signInRequired(core))) return { input, filter: passThrough };
  const rule = rules[channel] as Rule<GuardedChannel> | undefined;
  if (rule === 'public') return { input, filter: passThrough };
  const viewer = await signedInViewer(core, slot);
  if (!viewer) throw new AppError('sign_in_required');
  const allowed = (rule ?? { manager: true })[viewer.role];
  if (!allowed) {
    const who = (['coach', 'manager', 'trainer'] as const).filter((r) => (rule ?? { manager: true })[r]).map((r) => rolePlurals[r]);
    throw denied(`dit onderdeel (${channel})`, `het is alleen voor ${who.join(' en ')}, en jij bent ${roleNames[viewer.role]}`);
  }
  const narrowed = allowed === true ? input : ((await (allowed as Check<GuardedChannel>)(core.db, viewer, input as never)) ?? input);
  const filter = filters[channel] as Filter<GuardedChannel> | undefined;
  return {
    input: narrowed,
    filter: filter ? (output) => filter(core.db, viewer, output as never) : passThrough,
  };
}
