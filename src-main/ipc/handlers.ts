import type { z } from 'zod';
import type { ChannelName, ChannelOutput, Channels, EventName, EventPayload, HostChannelName } from '../contract';
import type { Core } from '../core/app';
import { myMonth, teamOverview } from '../core/coaching/month';
import {
  addQuotaOverride,
  assignCoaches,
  getQuotaOverride,
  listAssignments,
  listQuotaOverrides,
  removeQuotaOverride,
} from '../core/coaching/plan';
import { assertNotBlind, decideDispute, listDisputes, raiseDispute, startSecondOpinion } from '../core/evaluations/disputes';
import { evaluationHistory } from '../core/evaluations/history';
import { listActionPoints, updateActionPoint } from '../core/feedback/action-points';
import { getFeedbackSession, listFeedbackSessions, prepareFeedback, recordFeedbackSession } from '../core/feedback/sessions';
import { getRubricAssignments, setRubricAssignments } from '../core/rubrics/assignments';
import {
  createRubric,
  discardRubricDraft,
  exportRubric,
  importRubric,
  listRubrics,
  newRubricDraft,
  previewScore,
  publishRubricVersion,
  rubricDefinitionOf,
  saveRubricDraft,
} from '../core/rubrics/editor';
import {
  finalizeEvaluation,
  getEvaluation,
  listEvaluationsForAdvisor,
  listEvaluationsForRecording,
  saveDraft,
  startEvaluation,
} from '../core/evaluations/evaluations';
import { addMarker, listMarkers, removeMarker } from '../core/markers/markers';
import { getAnalysis } from '../core/recordings/analysis-store';
import {
  getPeaks,
  getRecording,
  importRecording,
  listRecordings,
  listTopics,
  suggestCallDetails,
  updateCallDetails,
} from '../core/recordings/recordings';
import { currentRubricVersionId, getRubricVersion } from '../core/rubrics/rubrics';
import { listRetentionLog, runRetention } from '../core/retention/retention';
import { bringIntoStore, drawSample, getSample, listSamples, redrawItem, sampleForAdvisor } from '../core/sampling/samples';
import { todayIso } from '../core/clock';
import { getSession, selectProfile, setLanguage } from '../core/session/session';
import { changePassword, claimFirstManager, setPassword, signIn, signOut, type SignInSlot } from '../core/session/sign-in';
import { cancelScan, scanSource } from '../core/sources/scan';
import {
  createSource,
  getSource,
  listSourceFiles,
  listSources,
  previewPatterns,
  removeSource,
  updateSource,
} from '../core/sources/sources';
import { getAppSettings, updateAppSettings } from '../core/settings/app-settings';
import { teamMonth } from '../core/reports/team-month';
import { getTargets, setTargets } from '../core/reports/targets';
import { advisorTrend, staffSparklines } from '../core/reports/trend';
import { importRoster } from '../core/staff/roster-csv';
import { listAudit } from '../core/audit/audit';
import { calibrationComparison, saveConsensus } from '../core/calibration/comparison';
import { calibrationHistory } from '../core/calibration/history';
import { closeCalibration, createCalibration, getCalibration, listCalibrations, startCalibration } from '../core/calibration/sessions';
import { backupDatabase } from '../core/backup/backup';
import { exportPerson } from '../core/privacy/access-export';
import { anonymisePerson, anonymisePreview } from '../core/privacy/anonymise';
import { createStaff, getStaff, listStaff, updateStaff } from '../core/staff/staff';
import {
  addCheckin,
  assignOnboarding,
  completeOnboarding,
  getOnboarding,
  onboardingDashboard,
  reachLevel,
  signOffItems,
  startOnboarding,
  undoLevel,
  undoSignOff,
} from '../core/onboarding/onboardings';
import { getProgram, listPrograms, saveProgram } from '../core/onboarding/programs';
import { onboardingRampUp } from '../core/onboarding/ramp-up';

export interface HandlerContext {
  core: Core;
  /** Who signed in at this workstation when sign-in is required (core/session/sign-in.ts). */
  slot: SignInSlot;
  /** The signed-in profile; throws `no_profile` when nobody is signed in. */
  actorId(): Promise<number>;
  /** The signed-in profile, or null: for reads that only narrow what a profile may see. */
  profileId(): Promise<number | null>;
  /** Pushes an event to every window while the handler runs (progress of long work). */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

type Handler<C extends ChannelName> = (input: z.output<Channels[C]['input']>, ctx: HandlerContext) => Promise<ChannelOutput<C>>;
/** Host channels (app status, backup list and restore) are answered by the host itself: ipc/host.ts. */
export type Handlers = { [C in Exclude<ChannelName, HostChannelName>]: Handler<C> };

/** Every channel of the contract, mapped to the core. The type makes a missing channel a compile error. */
export const handlers: Handlers = {
  'session.get': (_, { core, slot }) => getSession(core, slot),
  'session.selectProfile': ({ staffId }, { core }) => selectProfile(core, staffId),
  'session.setLanguage': ({ language }, { core, slot }) => setLanguage(core, language, slot),
  'session.signIn': async ({ employeeNumber, password }, { core, slot }) => {
    await signIn(core, slot, employeeNumber, password);
    return getSession(core, slot);
  },
  'session.signOut': async (_, { core, slot }) => {
    signOut(slot);
    return getSession(core, slot);
  },
  'session.changePassword': async ({ currentPassword, newPassword }, ctx) =>
    changePassword(ctx.core, await ctx.actorId(), currentPassword, newPassword),
  'session.claimFirstManager': async (input, { core, slot }) => {
    await claimFirstManager(core, slot, input);
    return getSession(core, slot);
  },

  'staff.list': (query, { core }) => listStaff(core.db, query),
  'staff.get': ({ id }, { core }) => getStaff(core.db, id),
  // profileId, not actorId: the very first profile is created before anyone is signed in.
  'staff.create': async (fields, ctx) => createStaff(ctx.core.db, fields, await ctx.profileId()),
  'staff.update': async ({ id, ...fields }, ctx) => updateStaff(ctx.core.db, id, fields, await ctx.profileId()),
  'staff.importRoster': async (input, ctx) => importRoster(ctx.core.db, input, await ctx.profileId()),
  'staff.setPassword': async ({ staffId, password }, ctx) => setPassword(ctx.core, await ctx.actorId(), staffId, password),

  'backups.create': async (_, { core }) => backupDatabase(core, core.paths.backups, 'manual'),

  'calibration.list': async ({ status }, ctx) => listCalibrations(ctx.core.db, await ctx.profileId(), status),
  'calibration.get': async ({ id }, ctx) => getCalibration(ctx.core.db, await ctx.profileId(), id),
  'calibration.create': async (input, ctx) => createCalibration(ctx.core.db, await ctx.actorId(), input),
  'calibration.start': async ({ id }, ctx) => startCalibration(ctx.core.db, await ctx.actorId(), id),
  'calibration.comparison': async ({ id }, ctx) => calibrationComparison(ctx.core.db, await ctx.profileId(), id),
  'calibration.saveConsensus': async (input, ctx) => saveConsensus(ctx.core.db, await ctx.actorId(), input),
  'calibration.close': async ({ id }, ctx) => closeCalibration(ctx.core.db, await ctx.actorId(), id),
  'calibration.history': (_, { core }) => calibrationHistory(core.db),

  'audit.list': (query, { core }) => listAudit(core.db, query),

  'privacy.exportPerson': async ({ id }, ctx) => exportPerson(ctx.core, await ctx.actorId(), id),
  'privacy.anonymisePreview': ({ id }, { core }) => anonymisePreview(core, id),
  'privacy.anonymise': async (input, ctx) => anonymisePerson(ctx.core, await ctx.actorId(), input),

  'recordings.list': (query, { core }) => listRecordings(core.db, query),
  'recordings.get': ({ id }, { core }) => getRecording(core.db, id),
  'recordings.topics': async () => listTopics(),
  'recordings.suggest': ({ fileNames }, { core }) => suggestCallDetails(core.db, fileNames),
  'recordings.import': async (input, ctx) => importRecording(ctx.core, await ctx.actorId(), input),
  'recordings.updateDetails': ({ id, ...details }, { core }) => updateCallDetails(core.db, id, details),
  'recordings.peaks': ({ id }, { core }) => getPeaks(core, id),
  'recordings.analysis': ({ id }, { core }) => getAnalysis(core, id),

  'markers.list': async ({ recordingId }, ctx) => listMarkers(ctx.core.db, recordingId, await ctx.profileId()),
  'markers.add': async (input, ctx) => addMarker(ctx.core.db, await ctx.actorId(), input),
  'markers.remove': async ({ id }, { core }) => {
    await removeMarker(core.db, id);
    return { ok: true as const };
  },

  'samples.draw': async (input, ctx) => drawSample(ctx.core, await ctx.actorId(), input),
  'samples.list': (query, { core }) => listSamples(core.db, query),
  'samples.get': ({ id }, { core }) => getSample(core.db, id),
  'samples.forAdvisor': ({ advisorId, period }, { core }) => sampleForAdvisor(core.db, advisorId, period),
  'samples.redraw': async ({ itemId, reason }, ctx) => redrawItem(ctx.core, await ctx.actorId(), itemId, reason),
  'samples.bringIntoStore': async ({ itemId }, ctx) => bringIntoStore(ctx.core, await ctx.actorId(), itemId),

  'settings.get': (_, { core }) => getAppSettings(core.db),
  'settings.update': async (settings, ctx) => updateAppSettings(ctx.core.db, settings, await ctx.profileId()),
  'retention.run': (_, { core }) => runRetention(core),
  'retention.log': (_, { core }) => listRetentionLog(core),

  'sources.list': (_, { core }) => listSources(core.db),
  'sources.create': (fields, { core }) => createSource(core.db, fields),
  'sources.update': ({ id, ...fields }, { core }) => updateSource(core.db, id, fields),
  'sources.remove': async ({ id }, { core }) => {
    await removeSource(core.db, id);
    return { ok: true as const };
  },
  'sources.preview': ({ rootPath, patterns, limit }, { core }) => previewPatterns(core.db, rootPath, patterns, limit),
  'sources.scan': async ({ id }, { core, emit }) => {
    await getSource(core.db, id); // not_found before anything is emitted
    const summary = await scanSource(core, id, {
      onProgress: (count, expected, runId) => emit('scan.progress', { sourceId: id, runId, count, expected, done: false }),
    });
    emit('scan.progress', { sourceId: id, runId: summary.id, count: summary.filesSeen, expected: summary.filesSeen, done: true });
    return summary;
  },
  'sources.cancelScan': async ({ id }, { core }) => ({ cancelled: cancelScan(core.db, id) }),
  'sources.files': (query, { core }) => listSourceFiles(core.db, query),

  'rubrics.current': async (_, { core }) => getRubricVersion(core.db, await currentRubricVersionId(core.db)),
  'rubrics.getVersion': ({ id }, { core }) => getRubricVersion(core.db, id),
  'rubrics.list': (_, { core }) => listRubrics(core.db),
  'rubrics.create': ({ definition }, { core }) => createRubric(core.db, definition),
  'rubrics.saveDraft': ({ id, definition, expectedRevision }, { core }) => saveRubricDraft(core.db, id, definition, expectedRevision),
  'rubrics.publish': async ({ id }, ctx) => publishRubricVersion(ctx.core.db, id, await ctx.profileId()),
  'rubrics.newDraft': ({ rubricId }, { core }) => newRubricDraft(core.db, rubricId),
  'rubrics.discardDraft': async ({ id }, { core }) => {
    await discardRubricDraft(core.db, id);
    return { ok: true as const };
  },
  'rubrics.export': ({ id }, { core }) => exportRubric(core.db, id),
  'rubrics.definition': ({ id }, { core }) => rubricDefinitionOf(core.db, id),
  'rubrics.import': ({ fileName, text }, { core }) => importRubric(core.db, fileName, text),
  'rubrics.preview': ({ versionId, answers }, { core }) => previewScore(core.db, versionId, answers),
  'rubrics.assignments': (_, { core }) => getRubricAssignments(core.db),
  'rubrics.setAssignments': async (input, ctx) => setRubricAssignments(ctx.core.db, input, await ctx.profileId()),

  'evaluations.start': async ({ recordingId }, ctx) => startEvaluation(ctx.core.db, await ctx.actorId(), recordingId),
  'evaluations.get': async ({ id }, ctx) => {
    await assertNotBlind(ctx.core.db, await ctx.profileId(), id);
    return getEvaluation(ctx.core.db, id);
  },
  'evaluations.saveDraft': async (input, ctx) => saveDraft(ctx.core.db, await ctx.actorId(), input),
  'evaluations.finalize': async ({ id, expectedRevision }, ctx) =>
    finalizeEvaluation(ctx.core.db, await ctx.actorId(), id, expectedRevision),
  'evaluations.listForAdvisor': async ({ advisorId }, ctx) => listEvaluationsForAdvisor(ctx.core.db, advisorId, await ctx.profileId()),
  'evaluations.listForRecording': async ({ recordingId }, ctx) =>
    listEvaluationsForRecording(ctx.core.db, recordingId, await ctx.profileId()),
  'evaluations.history': async ({ id }, ctx) => {
    await assertNotBlind(ctx.core.db, await ctx.profileId(), id);
    return evaluationHistory(ctx.core.db, id);
  },

  'disputes.raise': async (input, ctx) => raiseDispute(ctx.core.db, await ctx.actorId(), input),
  'disputes.list': (query, { core }) => listDisputes(core.db, query),
  'disputes.startSecondOpinion': async ({ id }, ctx) => startSecondOpinion(ctx.core.db, await ctx.actorId(), id),
  'disputes.decide': async (input, ctx) => decideDispute(ctx.core.db, await ctx.actorId(), input),

  'coaching.myMonth': async ({ period, coachId }, ctx) => myMonth(ctx.core.db, coachId ?? (await ctx.actorId()), period),
  'coaching.team': ({ period, asOf }, { core }) => teamOverview(core.db, period, asOf ?? todayIso()),
  'coaching.assignments': (query, { core }) => listAssignments(core.db, query),
  'coaching.assign': async ({ advisorIds, coachId, fromDate }, ctx) =>
    assignCoaches(ctx.core.db, advisorIds, coachId, fromDate, await ctx.profileId()),
  'coaching.quotaOverrides': ({ advisorId }, { core }) => listQuotaOverrides(core.db, advisorId),
  'coaching.addQuotaOverride': async (input, ctx) =>
    getQuotaOverride(ctx.core.db, await addQuotaOverride(ctx.core.db, await ctx.actorId(), input)),
  'coaching.removeQuotaOverride': async ({ id }, ctx) => {
    await removeQuotaOverride(ctx.core.db, id, await ctx.profileId());
    return { ok: true as const };
  },

  'feedback.prepare': ({ advisorId }, { core }) => prepareFeedback(core.db, advisorId),
  'feedback.record': async (input, ctx) => recordFeedbackSession(ctx.core.db, await ctx.actorId(), input),
  'feedback.list': ({ advisorId }, { core }) => listFeedbackSessions(core.db, advisorId),
  'feedback.get': ({ id }, { core }) => getFeedbackSession(core.db, id),
  'actionPoints.list': (query, { core }) => listActionPoints(core.db, query),
  'actionPoints.update': async (input, ctx) => updateActionPoint(ctx.core.db, await ctx.actorId(), input),

  'reports.advisorTrend': (input, { core }) => advisorTrend(core.db, input, todayIso()),
  'reports.teamMonth': (input, { core }) => teamMonth(core.db, input, todayIso()),
  'reports.staffSparklines': (input, { core }) => staffSparklines(core.db, input, todayIso()),
  'reports.targets': (_, { core }) => getTargets(core.db),
  'reports.setTargets': async (input, ctx) => setTargets(ctx.core.db, input, await ctx.profileId()),

  'onboarding.programs': (_, { core }) => listPrograms(core.db),
  'onboarding.program': ({ id }, { core }) => getProgram(core.db, id),
  'onboarding.saveProgram': async (input, ctx) => saveProgram(ctx.core.db, await ctx.actorId(), input),
  'onboarding.start': async (input, ctx) => startOnboarding(ctx.core.db, await ctx.actorId(), input, todayIso()),
  'onboarding.get': ({ id }, { core }) => getOnboarding(core.db, id, todayIso()),
  'onboarding.dashboard': (query, { core }) => onboardingDashboard(core.db, query, todayIso()),
  'onboarding.assign': (input, { core }) => assignOnboarding(core.db, input, todayIso()),
  'onboarding.signOff': async (input, ctx) => signOffItems(ctx.core.db, await ctx.actorId(), input, todayIso()),
  'onboarding.undoSignOff': ({ itemId }, { core }) => undoSignOff(core.db, itemId, todayIso()),
  'onboarding.reachLevel': async (input, ctx) => reachLevel(ctx.core.db, await ctx.actorId(), input, todayIso()),
  'onboarding.undoLevel': ({ id }, { core }) => undoLevel(core.db, id, todayIso()),
  'onboarding.addCheckin': async (input, ctx) => addCheckin(ctx.core.db, await ctx.actorId(), input, todayIso()),
  'onboarding.complete': async (input, ctx) => completeOnboarding(ctx.core.db, await ctx.actorId(), input, todayIso()),
  'onboarding.rampUp': ({ id }, { core }) => onboardingRampUp(core.db, id, todayIso()),
};
