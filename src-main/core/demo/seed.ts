import { createHash } from 'node:crypto';
import { addMonths, format, parseISO } from 'date-fns';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NewActionPoint, RubricVersion } from '../../contract';
import departments from '../../../resources/departments.json';
import type { Core } from '../app';
import { todayIso } from '../clock';
import { addQuotaOverride, assignCoaches, monthPlan } from '../coaching/plan';
import { sqliteOf, type Db } from '../db/connection';
import { AppError } from '../errors';
import { decideDispute, raiseDispute, startSecondOpinion } from '../evaluations/disputes';
import { finalizeEvaluation, saveDraft, startEvaluation } from '../evaluations/evaluations';
import { recordFeedbackSession } from '../feedback/sessions';
import { addMarker } from '../markers/markers';
import { addCheckin, completeOnboarding, reachLevel, signOffItems, startOnboarding } from '../onboarding/onboardings';
import { listPrograms } from '../onboarding/programs';
import { samplesPerPeakFor } from '../recordings/peaks';
import { probeAudio } from '../recordings/probe';
import { importRecording } from '../recordings/recordings';
import { stageUpload } from '../recordings/uploads';
import { lastDayOf, periodsBetween, shiftPeriod } from '../reports/periods';
import { newRubricDraft, publishRubricVersion, rubricDefinitionOf, saveRubricDraft } from '../rubrics/editor';
import { currentRubricVersionId, getRubricVersion } from '../rubrics/rubrics';
import { updateAppSettings } from '../settings/app-settings';
import { createStaff } from '../staff/staff';
import { planAnswers } from './answers';
import { seedCalibrations } from './calibration';
import { renderCall, SAMPLE_RATE, scriptCall, wavSizeBytes, type CallScript } from './audio';
import {
  addDays,
  addWorkingDays,
  daysBetween,
  localTime,
  moment,
  mondayOnOrAfter,
  mondayOnOrBefore,
  workingDaysBetween,
  workingDaysOf,
} from './calendar';
import { inSeedTransaction } from './connection';
import { advisorNames, coachPlans, firstName, managerPlan, TEAMS, trainerPlans, type DemoTeam } from './people';
import {
  criterionPhrases,
  decliningStory,
  disagreement,
  dispute as disputeTexts,
  doneNotes,
  droppedAction,
  generalActions,
  generalTips,
  markerTexts,
  onboardingTexts,
  rubricVersionTwo,
  sessionReactions,
  sessionTipIntro,
  sessionTopIntro,
  stillOpenNotes,
} from './phrases';
import { demoRandom, type DemoRandom } from './random';
import { Stamps } from './stamps';

export interface DemoOptions {
  /** Any text; the same seed and `today` give the same demo. */
  seed: string;
  /** The demo's today, `YYYY-MM-DD`: twelve months up to and including this month. Not after the core clock's today. */
  today: string;
}

export interface DemoSummary {
  seed: string;
  today: string;
  staff: { advisors: number; coaches: number; trainers: number; managers: number };
  teams: string[];
  rubricVersions: number;
  recordings: { total: number; withAudio: number; audioRemoved: number };
  evaluations: { final: number; discussed: number; draft: number; secondOpinions: number; withCriticalError: number };
  feedbackSessions: number;
  actionPoints: { open: number; done: number; dropped: number };
  disputes: number;
  onboardings: { running: number; completed: number };
  quotaOverrides: number;
  coachAssignments: number;
  markers: number;
  calibrations: { open: number; closed: number };
  /** Who to look at first (screenshots, tests, a guided tour). */
  highlights: {
    managerId: number;
    coachIds: number[];
    trainerIds: number[];
    decliningAdvisorId: number;
    improvingAdvisorIds: number[];
    disputeId: number | null;
    trainingHireId: number;
    buddyHireId: number;
    joinerId: number;
    /** The closed calibration session with its consensus, and the open one a coach still has to score in. */
    closedCalibrationId: number | null;
    openCalibrationId: number | null;
  };
}

/** "Sterk deze maand: juist antwoord…": Dutch continues lower-case after a colon. */
const afterColon = (sentence: string): string => sentence.charAt(0).toLowerCase() + sentence.slice(1);

/** A calendar date whole months later (earlier when negative), clamped to the month's end as retention does. */
const monthsLater = (date: string, months: number): string => format(addMonths(parseISO(date), months), 'yyyy-MM-dd');

/** Months of call audio the demo keeps: the retention setting it is seeded with (older audio was "removed"). */
export const DEMO_RETENTION_MONTHS = 1;
const MONTHS = 12;
/** The month (index into the twelve) from which the rubric's second version is used. */
const VERSION_TWO_AT = 6;
const CALL_SECONDS = { min: 14, max: 30 } as const;

type Story = 'steady' | 'improver' | 'decliner' | 'joiner' | 'buddy_hire' | 'training_hire' | 'parttime' | 'leave' | 'dispute' | 'dropped';

const cast: readonly Story[] = [
  'decliner',
  'improver',
  'improver',
  'improver',
  'improver',
  'joiner',
  'buddy_hire',
  'training_hire',
  'parttime',
  'leave',
  'dispute',
  'dropped',
];

/** The usual score of each story, in percent (low, high). */
const baseScore: Readonly<Record<Story, readonly [number, number]>> = {
  steady: [87.5, 94],
  improver: [75, 79],
  decliner: [89, 91],
  joiner: [76, 79],
  buddy_hire: [82, 84],
  training_hire: [76, 79],
  parttime: [87.5, 94],
  leave: [87.5, 94],
  dispute: [87.5, 94],
  dropped: [87.5, 94],
};

interface Person {
  id: number;
  name: string;
  team: DemoTeam;
}

interface Advisor {
  key: string;
  name: string;
  employeeNumber: string;
  team: DemoTeam;
  story: Story;
  /** Usual score in percent. */
  base: number;
  weak: string[];
  critRate: number;
  voiceHz: number;
  /** The start date in the staff record. */
  startDate: string;
  /** First day the advisor takes calls (new hires: week 3 of training). */
  callingFrom: string;
  /** Month-to-month drift of a steady performer, per month index. */
  drift: number[];
  /** Working day of the next month on which the feedbackgesprek usually falls. */
  sessionSlot: number;
  /** Improvers: the month whose feedbackgesprek agrees the action point. */
  improveAt: number;
  coaches: { from: string; coachId: number }[];
  id: number | null;
}

interface TrackedEvaluation {
  id: number;
  advisorId: number;
  recordingId: number;
  versionId: number;
  counts: boolean;
  status: 'draft' | 'final';
  finalizedOn: string | null;
  missedKeys: string[];
  notApplicable: Set<string>;
  targetPct: number;
  weakKeys: string[];
}

interface TrackedPoint {
  id: number;
  resolveAt: number | null;
  status: 'done' | 'dropped' | 'open';
  note: string;
}

interface PlannedCall {
  advisor: Advisor;
  coachId: number;
  day: string;
  callAt: string;
  topic: string;
  random: DemoRandom;
  script: CallScript;
  notApplicable: Set<string>;
  criticalKey: string | null;
  targetPct: number;
  evaluateOn: string | null;
  /** Minutes after 07:00 UTC on `evaluateOn` that the coach starts scoring. */
  startMinutes: number;
  /** Minutes after 07:00 UTC on the call's day that it was imported (shortly after the call). */
  importMinutes: number;
  status: 'final' | 'draft' | 'none';
  recordingId: number;
  withAudio: boolean;
}

/** How often residents call about each department (resources/departments.json); unlisted ones weigh 2. */
const topicWeights: Readonly<Record<string, number>> = {
  burgerzaken: 20,
  belastingen: 14,
  afval: 14,
  parkeren: 10,
  'werk-en-inkomen': 8,
  wmo: 8,
  vergunningen: 6,
  'openbare-ruimte': 6,
  wonen: 4,
  jeugd: 3,
  schulddienstverlening: 3,
  onderwijs: 2,
  overig: 2,
};
const topics = departments.map((d) => d.key);
const personalTopics = new Set([
  'burgerzaken',
  'belastingen',
  'werk-en-inkomen',
  'wmo',
  'jeugd',
  'schulddienstverlening',
  'wonen',
  'onderwijs',
]);
const onlineTopics = new Set(['burgerzaken', 'afval', 'parkeren', 'vergunningen', 'belastingen']);
const typicalWeakPoints = ['samenvatten', 'open-vragen', 'afspraken', 'volledig', 'empathie', 'helderheid', 'eigenaarschap', 'zaaksysteem'];

function assertOptions(options: DemoOptions): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today) || Number.isNaN(Date.parse(`${options.today}T00:00:00Z`))) {
    throw new AppError('invalid_input', { detail: `"${options.today}" is geen datum (JJJJ-MM-DD)` });
  }
  // Feedback sessions may not lie in the future of the core's clock.
  if (options.today > todayIso()) {
    throw new AppError('invalid_input', { detail: `de demo kan niet na vandaag (${todayIso()}) spelen; kies een eerdere datum` });
  }
  if (options.seed.trim() === '') throw new AppError('invalid_input', { detail: 'geef de demo een seed (een willekeurige tekst)' });
}

async function assertEmpty(db: Db): Promise<void> {
  const staff = await db.selectFrom('staff').select('id').limit(1).executeTakeFirst();
  const recording = await db.selectFrom('recording').select('id').limit(1).executeTakeFirst();
  if (staff || recording) {
    throw new AppError('invalid_input', { detail: 'een demo-omgeving kan alleen in een lege gegevensmap worden aangemaakt' });
  }
}

/**
 * Fills an empty data folder with a year of a Dutch KCC, through the same core functions the app
 * uses, so every rule holds (quota, scoring, blind second opinions, history, onboarding dates).
 * Deterministic: the same seed and `today` give the same rows and the same audio files; the audit
 * trail's own moments are the exception (see Stamps). The whole seed is one transaction.
 */
export async function seedDemo(core: Core, options: DemoOptions): Promise<DemoSummary> {
  assertOptions(options);
  await assertEmpty(core.db);
  return inSeedTransaction(core, async (seedCore) => {
    const kcc = new DemoKcc(seedCore, options);
    await kcc.build();
    return summarise(seedCore.db, options, kcc.highlights());
  });
}

class DemoKcc {
  readonly #core: Core;
  readonly #db: Db;
  readonly #seed: string;
  readonly #today: string;
  readonly #periods: string[];
  readonly #stamps: Stamps;
  /** Calls on or after this date keep their audio; older ones were removed by the retention job. */
  readonly #audioFrom: string;
  readonly #setupDay: string;

  #manager!: Person;
  #coaches: Person[] = [];
  #trainers: Person[] = [];
  #advisors: Advisor[] = [];
  #programId = 0;
  #format = { mediaType: 'audio/wav', container: 'WAV', codec: 'G.711 µ-law' };
  readonly #rubrics = new Map<number, RubricVersion>();
  readonly #evaluations = new Map<string, TrackedEvaluation[]>();
  readonly #points = new Map<number, TrackedPoint[]>();
  readonly #leniency = new Map<number, number>();
  /** The month whose evaluations show the decline at its worst: this one, or the last when this one has barely begun. */
  readonly #declineEnd: number;
  #disputeId: number | null = null;
  #disputeDecidedOn: string | null = null;
  #calibrations: { closedId: number | null; openId: number | null } = { closedId: null, openId: null };

  constructor(core: Core, options: DemoOptions) {
    this.#core = core;
    this.#db = core.db;
    this.#seed = options.seed;
    this.#today = options.today;
    const current = options.today.slice(0, 7);
    this.#periods = periodsBetween(shiftPeriod(current, -(MONTHS - 1)), current);
    this.#stamps = new Stamps(sqliteOf(core));
    this.#audioFrom = addDays(monthsLater(options.today, -DEMO_RETENTION_MONTHS), 1);
    this.#setupDay = addWorkingDays(addDays(`${this.#periods[0]}-01`, -21), 0);
    const daysSoFar = workingDaysOf(current).filter((d) => d < options.today).length;
    this.#declineEnd = daysSoFar >= 6 ? MONTHS - 1 : MONTHS - 2;
  }

  /**
   * A story moment on `date`. Today's happened this morning, before the hour the app is opened at
   * (the e2e tests pin 10:00), so nothing in the demo lies in its own future.
   */
  #at(date: string, minutesAfterSeven: number): string {
    return moment(date, date >= this.#today ? Math.min(minutesAfterSeven, 50) : minutesAfterSeven);
  }

  #random(purpose: string): DemoRandom {
    return demoRandom(`${this.#seed}/${purpose}`);
  }

  highlights(): DemoSummary['highlights'] {
    const idOf = (story: Story) => this.#advisors.find((a) => a.story === story)?.id ?? 0;
    return {
      managerId: this.#manager.id,
      coachIds: this.#coaches.map((c) => c.id),
      trainerIds: this.#trainers.map((t) => t.id),
      decliningAdvisorId: idOf('decliner'),
      improvingAdvisorIds: this.#advisors.filter((a) => a.story === 'improver').map((a) => a.id ?? 0),
      disputeId: this.#disputeId,
      trainingHireId: idOf('training_hire'),
      buddyHireId: idOf('buddy_hire'),
      joinerId: idOf('joiner'),
      closedCalibrationId: this.#calibrations.closedId,
      openCalibrationId: this.#calibrations.openId,
    };
  }

  async build(): Promise<void> {
    await this.#setup();
    for (let i = 0; i < this.#periods.length; i++) {
      await this.#monthEvents(i);
      await this.#month(i);
      if (i === this.#periods.length - 2) await this.#dispute(i);
      await this.#sessions(i);
    }
    // Last: the sessions pick calls the year has already scored.
    this.#calibrations = await seedCalibrations({
      db: this.#db,
      stamps: this.#stamps,
      today: this.#today,
      managerId: this.#manager.id,
      coachIds: this.#coaches.map((c) => c.id),
      advisorIds: new Set(this.#advisors.filter((a) => a.story === 'steady' && a.id !== null).map((a) => a.id!)),
      random: (purpose) => this.#random(purpose),
      at: (date, minutes) => this.#at(date, minutes),
      rubric: (versionId) => this.#rubric(versionId),
    });
  }

  // ---------------------------------------------------------------- the organisation

  async #setup(): Promise<void> {
    const at = this.#at(this.#setupDay, 60);
    const rubricVersion = await getRubricVersion(this.#db, await currentRubricVersionId(this.#db));
    this.#stamps.rubricCreated(rubricVersion.rubricId, at);
    this.#stamps.rubricVersion(rubricVersion.id, at, at);
    const [program] = await listPrograms(this.#db);
    if (!program) throw new Error('the default onboarding program is missing');
    this.#programId = program.id;
    this.#stamps.onboardingProgram(program.id, at);
    this.#format = await this.#probeFormat();

    const people = this.#random('people');
    const numbers = people.shuffle(Array.from({ length: 900 }, (_, i) => String(1100 + i)));
    let number = 0;
    const make = async (plan: { name: string; team: DemoTeam }, role: 'manager' | 'coach' | 'trainer', actorId: number | null) => {
      const member = await createStaff(
        this.#db,
        {
          employeeNumber: numbers[number++]!,
          name: plan.name,
          team: plan.team,
          role,
          startDate: `${people.intBetween(2009, 2020)}-${String(people.intBetween(1, 12)).padStart(2, '0')}-01`,
          status: 'active',
        },
        actorId,
      );
      this.#stamps.staff(member.id, at);
      return { id: member.id, name: member.name, team: plan.team };
    };
    this.#manager = await make(managerPlan, 'manager', null);
    for (const plan of coachPlans) this.#coaches.push(await make(plan, 'coach', this.#manager.id));
    for (const plan of trainerPlans) this.#trainers.push(await make(plan, 'trainer', this.#manager.id));
    for (const coach of this.#coaches) this.#leniency.set(coach.id, people.between(-1.5, 1.5));

    await updateAppSettings(
      this.#db,
      { audioRetentionMonths: DEMO_RETENTION_MONTHS, samplePerAdvisor: 4, sampleMinDurationSeconds: 60 },
      this.#manager.id,
    );

    this.#advisors = this.#castAdvisors(people, numbers.slice(number));
    const regular = this.#advisors.filter((a) => !['joiner', 'buddy_hire', 'training_hire'].includes(a.story));
    for (const advisor of regular) await this.#createAdvisor(advisor, at);
    for (const coach of this.#coaches) {
      const ids = regular.filter((a) => a.coaches[0]?.coachId === coach.id).map((a) => a.id!);
      await this.#assign(ids, coach.id, this.#setupDay, at);
    }

    const parttime = this.#story('parttime');
    await this.#override(parttime, this.#periods[0]!, this.#periods[5]!, 2, 'parttime (ouderschapsverlof)', at);
    const leave = this.#story('leave');
    await this.#override(leave, this.#periods[3]!, this.#periods[4]!, 0, 'verlof', this.#at(`${this.#periods[2]}-10`, 120));
  }

  /** The exact format strings an import of a demo call records, for the calls whose audio is gone. */
  async #probeFormat(): Promise<{ mediaType: string; container: string; codec: string }> {
    const random = this.#random('probe');
    const file = join(this.#core.paths.uploads, 'demo-format-probe.wav');
    const script = scriptCall(random, {
      advisorPitchHz: 200,
      residentPitchHz: 120,
      minSeconds: 1,
      maxSeconds: 1,
      hold: false,
      resistance: false,
    });
    writeFileSync(file, renderCall(script, random));
    try {
      const probed = await probeAudio(file);
      return { mediaType: probed.mediaType, container: probed.container, codec: probed.codec };
    } finally {
      rmSync(file, { force: true });
    }
  }

  /**
   * Who plays which part. The shuffled names take the stories in `cast` order; everyone else is a
   * steady performer, the first two of them just above the target. Teams alternate, and within a
   * team the coaches do too.
   */
  #castAdvisors(people: DemoRandom, numbers: string[]): Advisor[] {
    const names = people.shuffle(advisorNames);
    const improveAts = people.shuffle([2, 3, 4, 5]);
    const perTeamRank = new Map<DemoTeam, number>();
    return names.map((n, index) => {
      const story = cast[index] ?? 'steady';
      const team = TEAMS[index % 2]!;
      const rank = perTeamRank.get(team) ?? 0;
      perTeamRank.set(team, rank + 1);
      const teamCoaches = this.#coaches.filter((c) => c.team === team);
      const coach = teamCoaches[rank % teamCoaches.length]!;
      const nearTarget = index >= cast.length && index < cast.length + 2;
      const [low, high] = story === 'steady' && nearTarget ? [86, 87.5] : baseScore[story];
      const base = people.between(low, high);
      const weak = story === 'decliner' ? ['open-vragen', 'samenvatten', 'empathie'] : people.shuffle(typicalWeakPoints).slice(0, 2);
      let drift = 0;
      return {
        key: `a${String(index + 1).padStart(2, '0')}`,
        name: n.name,
        employeeNumber: numbers[index]!,
        team,
        story,
        base,
        weak,
        critRate: story === 'decliner' || base < 87 ? 0.02 : 0.006,
        voiceHz: n.voice === 'high' ? people.between(180, 220) : people.between(100, 130),
        startDate: `${people.intBetween(2012, 2023)}-${String(people.intBetween(1, 12)).padStart(2, '0')}-01`,
        callingFrom: this.#setupDay,
        drift: Array.from({ length: MONTHS }, () => (drift = Math.max(-2.5, Math.min(2.5, drift + people.normal(0, 1))))),
        sessionSlot: 1 + ((index * 7) % 15),
        improveAt: story === 'improver' ? improveAts.pop()! : -1,
        coaches: [{ from: this.#setupDay, coachId: coach.id }],
        id: null,
      };
    });
  }

  #story(story: Story): Advisor {
    const advisor = this.#advisors.find((a) => a.story === story);
    if (!advisor) throw new Error(`no advisor with story ${story}`);
    return advisor;
  }

  async #createAdvisor(advisor: Advisor, at: string): Promise<void> {
    const member = await createStaff(
      this.#db,
      {
        employeeNumber: advisor.employeeNumber,
        name: advisor.name,
        team: advisor.team,
        role: 'advisor',
        startDate: advisor.startDate,
        status: 'active',
      },
      this.#manager.id,
    );
    advisor.id = member.id;
    this.#stamps.staff(member.id, at);
  }

  async #assign(advisorIds: number[], coachId: number, fromDate: string, at: string): Promise<void> {
    if (advisorIds.length === 0) return;
    const current = await assignCoaches(this.#db, advisorIds, coachId, fromDate, this.#manager.id);
    for (const assignment of current) this.#stamps.coachAssignment(assignment.id, at);
  }

  async #override(advisor: Advisor, fromPeriod: string, toPeriod: string, perMonth: number, reason: string, at: string): Promise<void> {
    const id = await addQuotaOverride(this.#db, this.#manager.id, { advisorId: advisor.id!, fromPeriod, toPeriod, perMonth, reason });
    this.#stamps.quotaOverride(id, at);
  }

  #coachOn(advisor: Advisor, date: string): number {
    let coachId = advisor.coaches[0]!.coachId;
    for (const c of advisor.coaches) if (c.from <= date) coachId = c.coachId;
    return coachId;
  }

  /** The coach of the latest assignment overlapping the month, as the month views count it. */
  #coachFor(advisor: Advisor, period: string): number {
    return this.#coachOn(advisor, lastDayOf(period));
  }

  // ---------------------------------------------------------------- what happens at the start of a month

  async #monthEvents(i: number): Promise<void> {
    const period = this.#periods[i]!;
    if (i === VERSION_TWO_AT) await this.#publishVersionTwo(period);
    if (i === 7) {
      // Team Noord is rebalanced: one advisor moves to the other coach.
      const [coachA, coachB] = this.#coaches.filter((c) => c.team === 'KCC Noord');
      const moving = this.#advisors.find((a) => a.story === 'steady' && a.team === 'KCC Noord' && a.coaches[0]?.coachId === coachA!.id)!;
      const from = `${period}-01`;
      moving.coaches.push({ from, coachId: coachB!.id });
      await this.#assign([moving.id!], coachB!.id, from, this.#at(addWorkingDays(addDays(from, -7), 1), 90));
    }
    if (i === 5) await this.#joiner(period);
    const buddyStart = mondayOnOrBefore(addDays(this.#today, -40));
    if (buddyStart.slice(0, 7) === period) await this.#buddyHire(buddyStart);
    const trainingStart = mondayOnOrBefore(addDays(this.#today, -7));
    if (trainingStart.slice(0, 7) === period) await this.#trainingHire(trainingStart);
  }

  async #publishVersionTwo(period: string): Promise<void> {
    const v1 = await getRubricVersion(this.#db, await currentRubricVersionId(this.#db));
    const draft = await newRubricDraft(this.#db, v1.rubricId);
    const definition = await rubricDefinitionOf(this.#db, draft.id);
    const section = definition.sections.find((s) => s.key === rubricVersionTwo.sectionKey);
    if (!section) throw new Error(`the default rubric has no section ${rubricVersionTwo.sectionKey}`);
    section.criteria.push({ ...rubricVersionTwo.criterion, levels: [] });
    await saveRubricDraft(this.#db, draft.id, definition);
    await publishRubricVersion(this.#db, draft.id, this.#manager.id);
    // In use from the month's first working day; drafted two weeks before.
    const publishedOn = workingDaysOf(period)[0]!;
    this.#stamps.rubricVersion(draft.id, this.#at(addDays(publishedOn, -14), 200), this.#at(publishedOn, 5));
  }

  /** Hired on `start`: the staff record, a coach, and an onboarding track with a buddy from the same team. */
  async #hire(advisor: Advisor, start: string): Promise<{ onboardingId: number; trainerId: number; weeks: number[][] }> {
    advisor.startDate = start;
    advisor.callingFrom = addDays(start, 14); // week 3: calling under supervision
    const coachId = this.#coaches.find((c) => c.team === advisor.team)!.id;
    advisor.coaches = [{ from: start, coachId }];
    const prepared = this.#at(addWorkingDays(addDays(start, -14), 0), 100);
    await this.#createAdvisor(advisor, prepared);
    await this.#assign([advisor.id!], coachId, start, prepared);
    const trainer = this.#trainers.find((t) => t.team === advisor.team) ?? this.#trainers[0]!;
    const buddy = this.#advisors
      .filter((a) => a.story === 'steady' && a.team === advisor.team && a.id !== null)
      .sort((a, b) => b.base - a.base || a.key.localeCompare(b.key))[0]!;
    const track = await startOnboarding(
      this.#db,
      trainer.id,
      {
        staffId: advisor.id!,
        startDate: start,
        trainerId: trainer.id,
        programId: this.#programId,
        buddyId: buddy.id,
        quotaPerMonth: 8,
        quotaMonths: 3,
      },
      this.#today,
    );
    const startedAt = this.#at(addWorkingDays(addDays(start, -7), 0), 150);
    this.#stamps.onboardingCreated(track.id, startedAt);
    this.#stamps.staffUpdated(advisor.id!, startedAt);
    if (track.quota) this.#stamps.quotaOverride(track.quota.overrideId, startedAt);
    return { onboardingId: track.id, trainerId: trainer.id, weeks: track.weeks.map((w) => w.items.map((item) => item.id)) };
  }

  async #signOff(trainerId: number, itemIds: number[], on: string, note = ''): Promise<void> {
    if (itemIds.length === 0) return;
    await signOffItems(this.#db, trainerId, { itemIds, signedOffOn: on, note }, this.#today);
    this.#stamps.onboardingItems(itemIds, this.#at(on, 420));
  }

  async #level(trainerId: number, id: number, level: Parameters<typeof reachLevel>[2]['level'], on: string): Promise<void> {
    await reachLevel(this.#db, trainerId, { id, level, reachedOn: on }, this.#today);
    this.#stamps.onboardingLevel(id, level, this.#at(on, 430));
  }

  async #checkin(trainerId: number, id: number, on: string, level: Parameters<typeof reachLevel>[2]['level'], n: number): Promise<void> {
    const texts = onboardingTexts.checkins[n % onboardingTexts.checkins.length]!;
    await addCheckin(this.#db, trainerId, { id, heldOn: on, level, wentWell: texts.wentWell, toPractise: texts.toPractise }, this.#today);
    this.#stamps.checkin(id, on, this.#at(on, 400));
  }

  /** Joined half a year ago: a completed onboarding track, then a regular advisor. */
  async #joiner(period: string): Promise<void> {
    const advisor = this.#story('joiner');
    const start = mondayOnOrAfter(addDays(`${period}-01`, 2));
    const { onboardingId: id, trainerId, weeks } = await this.#hire(advisor, start);
    for (const [w, items] of weeks.entries()) await this.#signOff(trainerId, items, addDays(start, 7 * w + 4));
    await this.#level(trainerId, id, 'listening_in', addDays(start, 7));
    await this.#level(trainerId, id, 'calling_with_buddy', addDays(start, 14));
    await this.#level(trainerId, id, 'independent_buddy_nearby', addDays(start, 28));
    for (const [n, day] of [24, 31, 38].entries()) {
      await this.#checkin(trainerId, id, addDays(start, day), n < 1 ? 'calling_with_buddy' : 'independent_buddy_nearby', n);
    }
    await this.#level(trainerId, id, 'fully_independent', addDays(start, 39));
    const completedOn = addDays(start, 42);
    await completeOnboarding(this.#db, trainerId, { id, completedOn, note: onboardingTexts.completion }, this.#today);
    this.#stamps.staffUpdated(advisor.id!, this.#at(completedOn, 360));
  }

  /** About six weeks in: training done, now on the floor with a buddy; the next check-in is due. */
  async #buddyHire(start: string): Promise<void> {
    const advisor = this.#story('buddy_hire');
    const { onboardingId: id, trainerId, weeks } = await this.#hire(advisor, start);
    for (const [w, items] of weeks.entries()) {
      const [late, ...onTime] = w === 2 ? items : [undefined, ...items];
      await this.#signOff(
        trainerId,
        onTime.filter((x): x is number => x !== undefined),
        addDays(start, 7 * w + 4),
      );
      if (late !== undefined) await this.#signOff(trainerId, [late], addDays(start, 7 * w + 8), onboardingTexts.lateSignOff);
    }
    await this.#level(trainerId, id, 'listening_in', addDays(start, 7));
    await this.#level(trainerId, id, 'calling_with_buddy', addDays(start, 14));
    await this.#level(trainerId, id, 'independent_buddy_nearby', addDays(start, 28));
    await this.#checkin(trainerId, id, addDays(start, 24), 'calling_with_buddy', 0);
    await this.#checkin(trainerId, id, addDays(start, 31), 'independent_buddy_nearby', 1);
  }

  /** In week 2 of training: week 1 signed off but one item, which is now overdue. */
  async #trainingHire(start: string): Promise<void> {
    const advisor = this.#story('training_hire');
    const { onboardingId: id, trainerId, weeks } = await this.#hire(advisor, start);
    advisor.callingFrom = addDays(this.#today, 1);
    const [weekOne = [], weekTwo = []] = weeks;
    await this.#signOff(trainerId, weekOne.slice(0, -4), addDays(start, 2));
    await this.#signOff(trainerId, weekOne.slice(-4, -1), addDays(start, 4));
    const secondWeekDay = addDays(start, Math.min(8, daysBetween(start, this.#today)));
    await this.#signOff(trainerId, weekTwo.slice(0, 2), secondWeekDay);
    await this.#level(trainerId, id, 'listening_in', addDays(start, 7));
  }

  // ---------------------------------------------------------------- calls and evaluations

  #monthMean(advisor: Advisor, i: number): number {
    const drift = advisor.drift[i] ?? 0;
    switch (advisor.story) {
      case 'improver': {
        const after = i - advisor.improveAt;
        return advisor.base + (after <= 0 ? drift * 0.5 : Math.min(11.5, 4 * after));
      }
      case 'decliner': {
        // Steady, then down month by month: under the target twice and ≥ 10 points under the three months before.
        const monthsBeforeEnd = Math.max(0, this.#declineEnd - i);
        const fall = [20, 12, 7, 2.5][monthsBeforeEnd] ?? 0;
        return advisor.base + (monthsBeforeEnd > 3 ? drift * 0.6 : 0) - fall;
      }
      case 'joiner':
      case 'buddy_hire':
      case 'training_hire': {
        const months = daysBetween(advisor.startDate, `${this.#periods[i]}-15`) / 30;
        return Math.min(89, advisor.base + 3 * Math.max(0, months));
      }
      default:
        return advisor.base + drift;
    }
  }

  #weakKeys(advisor: Advisor, i: number): string[] {
    // After the action point the improver's weak point is fixed: the criterion line shows it.
    if (advisor.story === 'improver' && i > advisor.improveAt) return advisor.weak.slice(1);
    return advisor.weak;
  }

  #callingDays(advisor: Advisor, period: string, current: boolean): string[] {
    return workingDaysOf(period).filter((d) => d >= advisor.callingFrom && (!current || d < this.#today));
  }

  async #month(i: number): Promise<void> {
    const period = this.#periods[i]!;
    const current = i === MONTHS - 1;
    const plan = new Map((await monthPlan(this.#db, period)).map((p) => [p.advisorId, p.planned]));
    const monthDays = workingDaysOf(period);
    const elapsed = current ? monthDays.filter((d) => d < this.#today).length / Math.max(1, monthDays.length) : 1;

    const calls: PlannedCall[] = [];
    for (const advisor of this.#advisors) {
      if (advisor.id === null) continue;
      const planned = plan.get(advisor.id) ?? 0;
      const days = this.#callingDays(advisor, period, current);
      if (planned === 0 || days.length === 0) continue;
      const random = this.#random(`calls/${advisor.key}/${period}`);
      let count = current ? Math.min(planned, Math.max(0, Math.round(planned * elapsed + random.between(-0.6, 0.6)))) : planned;
      // The trend shows the newest month with evaluations: that must be the worst one.
      if (current && advisor.story === 'decliner') count = this.#declineEnd === i ? Math.max(count, 2) : 0;
      for (let k = 0; k < count; k++) {
        // One call from each stretch of the month, as the sampler spreads them over the weeks.
        const from = Math.floor((k * days.length) / count);
        const to = Math.max(from, Math.floor(((k + 1) * days.length) / count) - 1);
        const day = days[random.intBetween(from, to)]!;
        calls.push(this.#planCall(advisor, i, k, day, current));
      }
    }
    calls.sort((a, b) => a.callAt.localeCompare(b.callAt) || a.advisor.key.localeCompare(b.advisor.key));
    for (const call of calls) await this.#record(call);
    if (current) this.#leaveDrafts(calls);
    // A call scored on its own day is scored after it was imported.
    for (const call of calls) if (call.evaluateOn === call.day) call.startMinutes = Math.max(call.startMinutes, call.importMinutes + 5);

    // In the order the coaches worked, so ids and the audit trail read as a history.
    const work = calls
      .filter((c) => c.status !== 'none')
      .sort((a, b) => a.evaluateOn!.localeCompare(b.evaluateOn!) || a.startMinutes - b.startMinutes || a.callAt.localeCompare(b.callAt));
    for (const call of work) await this.#evaluate(call, i, period);
  }

  #planCall(advisor: Advisor, i: number, k: number, day: string, current: boolean): PlannedCall {
    const random = this.#random(`call/${advisor.key}/${this.#periods[i]}/${k}`);
    const forcedDispute = advisor.story === 'dispute' && i === MONTHS - 2 && k === 0;
    const decline = advisor.story === 'decliner' && i >= this.#declineEnd - 2;
    const topic = forcedDispute ? 'belastingen' : random.weighted(topics, (t) => topicWeights[t] ?? 2);
    const personal = random.chance(personalTopics.has(topic) ? 0.85 : 0.15) || forcedDispute;
    const transfer = random.chance(0.2);
    const callback = !transfer && random.chance(0.25);
    const resistance = random.chance(0.25);
    const hold = forcedDispute || random.chance(callback || transfer ? 0.55 : 0.2);
    const notApplicable = new Set<string>();
    if (!personal) notApplicable.add('identiteit');
    if (!transfer) notApplicable.add('warm-doorverbinden');
    if (!callback) notApplicable.add('terugbelnotitie');
    if (!resistance) notApplicable.add('weerstand');
    if (!(onlineTopics.has(topic) && random.chance(0.7))) notApplicable.add('kanaalsturing');

    let criticalKey: string | null = null;
    if (forcedDispute) criticalKey = 'identiteit';
    else if (random.chance(decline ? 0.2 : advisor.critRate)) {
      const options = ['juist', ...(personal ? ['identiteit'] : []), ...(callback ? ['terugbelnotitie'] : [])];
      criticalKey = random.pick(options);
    }
    const coachId = this.#coachFor(advisor, this.#periods[i]!);
    const noise = advisor.story === 'decliner' ? random.normal(0, 1.5) : random.normal(0, 3);
    const targetPct = Math.max(48, Math.min(100, this.#monthMean(advisor, i) + (this.#leniency.get(coachId) ?? 0) + noise));

    const script = scriptCall(random, {
      advisorPitchHz: advisor.voiceHz,
      residentPitchHz: random.chance(0.5) ? random.between(170, 230) : random.between(95, 135),
      minSeconds: CALL_SECONDS.min,
      maxSeconds: CALL_SECONDS.max,
      hold,
      resistance,
    });
    const secondsAfterEight = random.intBetween(30 * 60, 8 * 3600 + 30 * 60);
    const callAt = localTime(day, secondsAfterEight);
    const monthEnd = workingDaysOf(this.#periods[i]!).at(-1)!;
    let evaluateOn: string | null = addWorkingDays(day, random.intBetween(1, 3));
    if (!current && evaluateOn > monthEnd) evaluateOn = monthEnd;
    // The decline must show in this month's figures already: those calls were scored right away.
    if (current && decline && evaluateOn >= this.#today) evaluateOn = day;
    const status = current && evaluateOn >= this.#today ? 'none' : 'final';
    if (status === 'none') evaluateOn = null;
    return {
      advisor,
      coachId,
      day,
      startMinutes: random.intBetween(20, 380),
      importMinutes: Math.min(470, Math.floor(secondsAfterEight / 60) + 15),
      callAt,
      topic,
      random,
      script,
      notApplicable,
      criticalKey,
      targetPct,
      evaluateOn,
      status,
      recordingId: 0,
      withAudio: day >= this.#audioFrom,
    };
  }

  /** This month's picture: every coach has one evaluation in progress, the next thing on their list. */
  #leaveDrafts(calls: PlannedCall[]): void {
    const draftDay = workingDaysBetween(addDays(this.#today, -7), this.#today).at(-1) ?? this.#today;
    for (const coach of this.#coaches) {
      const own = calls.filter((c) => c.coachId === coach.id && c.advisor.story !== 'training_hire');
      const waiting = own.find((c) => c.status === 'none');
      const latest = own.filter((c) => c.status === 'final').at(-1);
      const pick = waiting ?? latest;
      if (!pick) continue;
      pick.status = 'draft';
      pick.evaluateOn = draftDay;
    }
  }

  async #record(call: PlannedCall): Promise<void> {
    const { advisor } = call;
    const fileName = `${call.callAt.replace(/[-:]/g, '').replace('T', '-')}_${advisor.employeeNumber}_${call.topic}.wav`;
    const importedAt = this.#at(call.day, call.importMinutes);
    if (call.withAudio) {
      const uploadId = await stageUpload(this.#core.paths, renderCall(call.script, call.random));
      const result = await importRecording(this.#core, call.coachId, {
        uploadId,
        fileName,
        advisorId: advisor.id,
        callAt: call.callAt,
        topic: call.topic,
      });
      if (result.status !== 'imported') throw new Error(`demo call ${fileName} was not imported (${result.status})`);
      call.recordingId = result.recording.id;
      this.#stamps.recordingImported(call.recordingId, importedAt);
      return;
    }
    // Past the retention period: what the import and the retention job leave behind.
    const size = wavSizeBytes(call.script.durationSeconds);
    const frames = Math.round(call.script.durationSeconds * SAMPLE_RATE);
    const peaksBytes = 28 + 2 * Math.ceil(frames / samplesPerPeakFor(SAMPLE_RATE, frames / SAMPLE_RATE)) * 4;
    // The daily retention job's first run after the call passed the retention period.
    const due = addDays(monthsLater(call.day, DEMO_RETENTION_MONTHS), 1);
    const removedOn = due < this.#today ? due : this.#today;
    const removedAt = this.#at(removedOn, 0);
    // The hash names the content the demo never had to write: a stand-in, unique per call.
    const sha256 = createHash('sha256').update(`klankbord-demo\0${this.#seed}\0${fileName}`).digest('hex');
    const row = await this.#db
      .insertInto('recording')
      .values({
        sha256,
        original_name: fileName,
        stored_path: null,
        peaks_path: null,
        media_type: this.#format.mediaType,
        container: this.#format.container,
        codec: this.#format.codec,
        channels: 2,
        sample_rate: SAMPLE_RATE,
        duration_seconds: frames / SAMPLE_RATE,
        size_bytes: size,
        advisor_id: advisor.id,
        call_at: call.callAt,
        topic: call.topic,
        imported_at: importedAt,
        imported_by: call.coachId,
        audio_removed_at: removedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.#db
      .insertInto('retention_log')
      .values({ ran_at: removedAt, recording_id: row.id, original_name: fileName, sha256, bytes_freed: size + peaksBytes })
      .execute();
    call.recordingId = row.id;
  }

  async #rubric(versionId: number): Promise<RubricVersion> {
    let rubric = this.#rubrics.get(versionId);
    if (!rubric) {
      rubric = await getRubricVersion(this.#db, versionId);
      this.#rubrics.set(versionId, rubric);
    }
    return rubric;
  }

  async #evaluate(call: PlannedCall, i: number, period: string): Promise<void> {
    const { advisor, coachId, random } = call;
    const draft = await startEvaluation(this.#db, coachId, call.recordingId);
    const rubric = await this.#rubric(draft.rubricVersionId);
    const weakKeys = this.#weakKeys(advisor, i);
    const planned = planAnswers(
      rubric,
      { targetPct: call.targetPct, notApplicable: call.notApplicable, criticalKey: call.criticalKey, weakKeys },
      random,
    );
    const final = call.status === 'final';
    // A draft in progress: the coach is partway down the form.
    const answers = final ? planned.answers : planned.answers.slice(0, Math.ceil(planned.answers.length * 0.6));
    await saveDraft(this.#db, coachId, { id: draft.id, tops: final ? planned.tops : '', tips: final ? planned.tips : '', answers });
    if (final) await finalizeEvaluation(this.#db, coachId, draft.id);
    const createdAt = this.#at(call.evaluateOn!, call.startMinutes);
    const finalizedAt = final ? this.#at(call.evaluateOn!, call.startMinutes + random.intBetween(8, 35)) : null;
    this.#stamps.evaluation(draft.id, createdAt, finalizedAt);
    const tracked: TrackedEvaluation = {
      id: draft.id,
      advisorId: advisor.id!,
      recordingId: call.recordingId,
      versionId: rubric.id,
      counts: true,
      status: final ? 'final' : 'draft',
      finalizedOn: final ? call.evaluateOn : null,
      missedKeys: planned.missed.map((c) => c.key),
      notApplicable: call.notApplicable,
      targetPct: call.targetPct,
      weakKeys,
    };
    const key = `${advisor.id}/${period}`;
    this.#evaluations.set(key, [...(this.#evaluations.get(key) ?? []), tracked]);
    if (call.withAudio) await this.#markers(call, draft.id, rubric, planned.answers, planned.missed);
  }

  async #markers(
    call: PlannedCall,
    evaluationId: number,
    rubric: RubricVersion,
    answers: ReturnType<typeof planAnswers>['answers'],
    missed: ReturnType<typeof planAnswers>['missed'],
  ): Promise<void> {
    const { random, script } = call;
    const criteria = rubric.sections.flatMap((s) => s.criteria);
    const marks: { at: number; text: string; criterionId: number | null }[] = [];
    const greeting = criteria.find((c) => c.key === 'begroeting');
    if (greeting && !missed.includes(greeting) && random.chance(0.3))
      marks.push({ at: 1, text: markerTexts.greeting, criterionId: greeting.id });
    if (script.hold && random.chance(0.7)) {
      marks.push({ at: Math.max(0, script.hold.start - 1.5), text: markerTexts.hold, criterionId: null });
    }
    const noted = missed.find((c) => answers.find((a) => a.criterionId === c.id)?.note);
    if (noted) {
      // Where in a call a coach hears it: the opening and the identity check early, the closing last.
      const section = rubric.sections.find((s) => s.criteria.includes(noted))?.key ?? '';
      const advisorTurns = script.utterances.filter((u) => u.channel === 0);
      const middle = advisorTurns.slice(1, -1);
      const turn =
        section === 'opening' || section === 'privacy'
          ? advisorTurns[0]!
          : section === 'afsluiting'
            ? advisorTurns.at(-1)!
            : middle.length > 0
              ? random.pick(middle)
              : advisorTurns[0]!;
      marks.push({ at: turn.start + 0.5, text: answers.find((a) => a.criterionId === noted.id)!.note, criterionId: noted.id });
    }
    let minutes = call.startMinutes;
    for (const mark of marks.sort((a, b) => a.at - b.at)) {
      const marker = await addMarker(this.#db, call.coachId, {
        recordingId: call.recordingId,
        evaluationId,
        criterionId: mark.criterionId,
        atSeconds: Math.round(mark.at * 10) / 10,
        text: mark.text,
      });
      minutes += random.intBetween(1, 4);
      this.#stamps.marker(marker.id, this.#at(call.evaluateOn!, minutes));
    }
  }

  // ---------------------------------------------------------------- the dispute

  /** An advisor disagrees with a critical error; a coach of the other team scores the call blind and is right. */
  async #dispute(i: number): Promise<void> {
    const advisor = this.#story('dispute');
    const period = this.#periods[i]!;
    const original = (this.#evaluations.get(`${advisor.id}/${period}`) ?? []).find((e) => e.status === 'final');
    if (!original?.finalizedOn) return;
    const raisedOn = addWorkingDays(original.finalizedOn, 2);
    const scoredOn = addWorkingDays(raisedOn, 1);
    const decidedOn = addWorkingDays(scoredOn, 1);
    if (decidedOn >= this.#today) return;
    const secondCoach = this.#coaches.find((c) => c.team !== advisor.team)!;
    const random = this.#random('dispute');

    const raised = await raiseDispute(this.#db, this.#manager.id, {
      evaluationId: original.id,
      reason: disputeTexts.reason(firstName(advisor.name)),
      secondCoachId: secondCoach.id,
    });
    this.#disputeId = raised.id;
    const raisedAt = this.#at(raisedOn, 90);
    this.#stamps.disputeRaised(raised.id, raisedAt);
    this.#stamps.evaluationChange(original.id, 'disputed', raisedAt);

    const second = await startSecondOpinion(this.#db, secondCoach.id, raised.id);
    const rubric = await this.#rubric(second.rubricVersionId);
    const planned = planAnswers(
      rubric,
      {
        targetPct: Math.min(100, original.targetPct + 8),
        notApplicable: original.notApplicable,
        criticalKey: null,
        weakKeys: original.weakKeys,
      },
      random,
    );
    await saveDraft(this.#db, secondCoach.id, { id: second.id, tops: planned.tops, tips: planned.tips, answers: planned.answers });
    await finalizeEvaluation(this.#db, secondCoach.id, second.id);
    this.#stamps.evaluation(second.id, this.#at(scoredOn, 60), this.#at(scoredOn, 95));
    const identity = rubric.sections.flatMap((s) => s.criteria).find((c) => c.key === 'identiteit');
    const marker = await addMarker(this.#db, secondCoach.id, {
      recordingId: original.recordingId,
      evaluationId: second.id,
      criterionId: identity?.id ?? null,
      atSeconds: 5,
      text: disputeTexts.markerText,
    });
    this.#stamps.marker(marker.id, this.#at(scoredOn, 75));

    await decideDispute(this.#db, this.#manager.id, { id: raised.id, outcome: 'replaced', note: disputeTexts.decision });
    const decidedAt = this.#at(decidedOn, 150);
    this.#stamps.disputeDecided(raised.id, decidedAt);
    this.#stamps.evaluationChange(original.id, 'replaced', decidedAt);
    this.#stamps.evaluationChange(second.id, 'replaces_original', decidedAt);
    this.#disputeDecidedOn = decidedOn;

    original.counts = false;
    const list = this.#evaluations.get(`${advisor.id}/${period}`)!;
    list.push({ ...original, id: second.id, counts: true, finalizedOn: scoredOn, missedKeys: planned.missed.map((c) => c.key) });
  }

  // ---------------------------------------------------------------- feedback sessions

  async #sessions(i: number): Promise<void> {
    if (i >= MONTHS - 1) return;
    const period = this.#periods[i]!;
    const nextDays = workingDaysOf(this.#periods[i + 1]!);
    for (const advisor of this.#advisors) {
      if (advisor.id === null) continue;
      const evaluations = (this.#evaluations.get(`${advisor.id}/${period}`) ?? []).filter((e) => e.counts && e.status === 'final');
      if (evaluations.length === 0) continue;
      let heldOn = nextDays[advisor.sessionSlot] ?? nextDays.at(-1)!;
      if (advisor.story === 'dispute' && this.#disputeDecidedOn && i === MONTHS - 2 && heldOn <= this.#disputeDecidedOn) {
        heldOn = addWorkingDays(this.#disputeDecidedOn, 1);
      }
      if (heldOn >= this.#today) continue;
      await this.#session(advisor, i, heldOn, evaluations);
    }
  }

  async #session(advisor: Advisor, i: number, heldOn: string, evaluations: TrackedEvaluation[]): Promise<void> {
    const random = this.#random(`session/${advisor.key}/${this.#periods[i]}`);
    const coachId = this.#coachOn(advisor, heldOn);
    const rubric = await this.#rubric(evaluations.at(-1)!.versionId);
    const criteria = rubric.sections.flatMap((s) => s.criteria);
    const criterionId = (key: string) => criteria.find((c) => c.key === key)?.id ?? null;

    const missedCount = new Map<string, number>();
    for (const e of evaluations) for (const key of e.missedKeys) missedCount.set(key, (missedCount.get(key) ?? 0) + 1);
    const mostMissed = [...missedCount].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
    const neverMissed = criteria.filter(
      (c) => !missedCount.has(c.key) && criterionPhrases[c.key] && !evaluations.every((e) => e.notApplicable.has(c.key)),
    );
    const praised = neverMissed.length > 0 ? random.pick(neverMissed) : null;
    const tops =
      sessionTopIntro + (praised ? afterColon(random.pick(criterionPhrases[praised.key]!.tops)) : 'een rustige en vriendelijke toon.');
    const tips =
      mostMissed && criterionPhrases[mostMissed]
        ? sessionTipIntro + afterColon(random.pick(criterionPhrases[mostMissed]!.tips))
        : random.pick(generalTips);
    const dueIn = (days: number) => addDays(heldOn, days);

    const actionPoints: NewActionPoint[] = [];
    const resolutions: Omit<TrackedPoint, 'id'>[] = [];
    let reaction = random.pick(sessionReactions);
    let agreement: 'agreed' | 'disagreed' = 'agreed';
    let disagreementComment = '';
    const add = (point: NewActionPoint, resolution: Omit<TrackedPoint, 'id'>) => {
      actionPoints.push(point);
      resolutions.push(resolution);
    };
    if (advisor.story === 'improver' && i === advisor.improveAt) {
      const key = advisor.weak[0]!;
      add(
        { description: criterionPhrases[key]!.action, criterionId: criterionId(key), dueDate: dueIn(42) },
        { resolveAt: i + 2, status: 'done', note: random.pick(doneNotes) },
      );
      if (advisor === this.#advisors.find((a) => a.story === 'improver')) {
        reaction = disagreement.reaction;
        agreement = 'disagreed';
        disagreementComment = disagreement.comment;
      }
    } else if (advisor.story === 'decliner' && i === this.#declineEnd - 3) {
      add(
        { description: criterionPhrases['open-vragen']!.action, criterionId: criterionId('open-vragen'), dueDate: dueIn(35) },
        { resolveAt: i + 1, status: 'open', note: random.pick(stillOpenNotes) },
      );
    } else if (advisor.story === 'decliner' && i === this.#declineEnd - 2) {
      reaction = decliningStory.reaction;
      add({ description: decliningStory.action, criterionId: null, dueDate: dueIn(28) }, { resolveAt: null, status: 'open', note: '' });
    } else if (advisor.story === 'dropped' && i === 3) {
      add(
        { description: droppedAction.description, criterionId: null, dueDate: dueIn(30) },
        { resolveAt: i + 1, status: 'dropped', note: droppedAction.note },
      );
    } else if (advisor.story === 'joiner' && !this.#points.has(advisor.id!)) {
      add(
        { description: generalActions[1]!, criterionId: null, dueDate: dueIn(21) },
        { resolveAt: i + 1, status: 'done', note: random.pick(doneNotes) },
      );
    } else if (['steady', 'parttime', 'leave', 'dispute', 'dropped'].includes(advisor.story) && mostMissed && random.chance(0.1)) {
      // Followed up in one of the next sessions; the recent ones are still open.
      add(
        {
          description: criterionPhrases[mostMissed]?.action ?? random.pick(generalActions),
          criterionId: criterionId(mostMissed),
          dueDate: dueIn(random.intBetween(28, 42)),
        },
        { resolveAt: i + random.intBetween(1, 2), status: 'done', note: random.pick(doneNotes) },
      );
    }

    // Due for follow-up at this session, or at the first one after a month without a session.
    const open = this.#points.get(advisor.id!) ?? [];
    const due = (p: TrackedPoint) => p.resolveAt !== null && p.resolveAt <= i;
    const followUps = open.filter(due).map((p) => ({ actionPointId: p.id, status: p.status, note: p.note }));

    const session = await recordFeedbackSession(this.#db, coachId, {
      advisorId: advisor.id!,
      heldOn,
      evaluationIds: evaluations.map((e) => e.id),
      tops,
      tips,
      reaction,
      agreement,
      disagreementComment,
      actionPoints,
      followUps,
    });
    const at = this.#at(heldOn, random.intBetween(60, 400));
    this.#stamps.feedbackSession(session.id, at);
    for (const e of evaluations) this.#stamps.evaluationChange(e.id, 'discussed', at);
    for (const f of followUps) this.#stamps.actionPointClosed(f.actionPointId, at);

    const stillOpen = open.filter((p) => !due(p) || p.status === 'open').map((p) => (due(p) ? { ...p, resolveAt: null } : p));
    const created = session.actionPoints.filter((p) => p.feedbackSessionId === session.id).sort((a, b) => a.id - b.id);
    this.#points.set(advisor.id!, [...stillOpen, ...created.map((p, n) => ({ id: p.id, ...resolutions[n]! }))]);
  }
}

// ---------------------------------------------------------------- the summary

type Counted = 'rubric_version' | 'feedback_session' | 'dispute' | 'quota_override' | 'coach_assignment' | 'marker';
async function countWhere(db: Db, table: Counted): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function summarise(db: Db, options: DemoOptions, highlights: DemoSummary['highlights']): Promise<DemoSummary> {
  const byRole = await db
    .selectFrom('staff')
    .select(['role', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('role')
    .execute();
  const role = (r: string) => Number(byRole.find((x) => x.role === r)?.n ?? 0);
  const teams = await db.selectFrom('staff').select('team').distinct().orderBy('team').execute();
  const recordings = await db
    .selectFrom('recording')
    .select([(eb) => eb.fn.countAll<number>().as('total'), (eb) => eb.fn.count<number>('stored_path').as('audio')])
    .executeTakeFirstOrThrow();
  const evaluations = await db
    .selectFrom('evaluation')
    .select(['status', 'kind', 'has_critical_error', 'counts', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['status', 'kind', 'has_critical_error', 'counts'])
    .execute();
  const sum = (filter: (r: (typeof evaluations)[number]) => boolean) => evaluations.filter(filter).reduce((s, r) => s + Number(r.n), 0);
  const points = await db
    .selectFrom('action_item')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const point = (s: string) => Number(points.find((p) => p.status === s)?.n ?? 0);
  const tracks = await db
    .selectFrom('onboarding')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const track = (s: string) => Number(tracks.find((t) => t.status === s)?.n ?? 0);
  const calibrations = await db
    .selectFrom('calibration_session')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const calibration = (s: string) => Number(calibrations.find((c) => c.status === s)?.n ?? 0);
  return {
    seed: options.seed,
    today: options.today,
    staff: { advisors: role('advisor'), coaches: role('coach'), trainers: role('trainer'), managers: role('manager') },
    teams: teams.map((t) => t.team),
    rubricVersions: await countWhere(db, 'rubric_version'),
    recordings: {
      total: Number(recordings.total),
      withAudio: Number(recordings.audio),
      audioRemoved: Number(recordings.total) - Number(recordings.audio),
    },
    evaluations: {
      final: sum((r) => r.status === 'final' && r.kind === 'regular'),
      discussed: sum((r) => r.status === 'discussed'),
      draft: sum((r) => r.status === 'draft' && r.kind === 'regular'),
      secondOpinions: sum((r) => r.kind === 'second_opinion'),
      withCriticalError: sum((r) => r.has_critical_error === 1 && r.counts === 1 && r.status !== 'draft'),
    },
    feedbackSessions: await countWhere(db, 'feedback_session'),
    actionPoints: { open: point('open'), done: point('done'), dropped: point('dropped') },
    disputes: await countWhere(db, 'dispute'),
    onboardings: { running: track('running'), completed: track('completed') },
    quotaOverrides: await countWhere(db, 'quota_override'),
    coachAssignments: await countWhere(db, 'coach_assignment'),
    markers: await countWhere(db, 'marker'),
    calibrations: { open: calibration('open'), closed: calibration('closed') },
    highlights,
  };
}
