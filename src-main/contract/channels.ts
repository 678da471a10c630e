import { z } from 'zod';
import { callAnalysis } from './analysis';
import * as au from './audit';
import * as cal from './calibration';
import * as bk from './backups';
import { byId, empty, ok } from './common';
import * as co from './coaching';
import * as dp from './disputes';
import * as ev from './evaluations';
import * as fb from './feedback';
import * as mk from './markers';
import * as ob from './onboarding';
import * as pv from './privacy';
import * as rec from './recordings';
import * as rp from './reports';
import * as re from './rubric-editor';
import { rubricDefinition, rubricVersion } from './rubrics';
import * as smp from './sampling';
import * as ses from './session';
import * as src from './sources';
import * as st from './staff';
import * as cfg from './settings';
import * as tm from './team';
import type { ChannelName } from './bridge';

/** Which part of the data a write touches; screens that read it refresh. */
export const dataTopics = [
  'staff',
  'recordings',
  'markers',
  'evaluations',
  'session',
  'settings',
  'sources',
  'samples',
  'plan',
  'feedback',
  'rubrics',
  'onboarding',
  'calibration',
] as const;
export type DataTopic = (typeof dataTopics)[number];

interface ChannelSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** Data topics this channel changes; the transport announces them to every window. */
  writes?: readonly DataTopic[];
}
const channel = <I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>) => spec;

/** THE API between renderer and main. Names are `<domain>.<verb>`. */
export const channels = {
  'session.get': channel({ input: empty, output: ses.sessionState }),
  'session.selectProfile': channel({ input: ses.selectProfileInput, output: ses.sessionState, writes: ['session'] }),
  'session.setLanguage': channel({ input: ses.setLanguageInput, output: ses.sessionState, writes: ['session'] }),
  /** Sign-in with employee number and password, for this workstation (process) only. */
  'session.signIn': channel({ input: ses.signInInput, output: ses.sessionState, writes: ['session'] }),
  'session.signOut': channel({ input: empty, output: ses.sessionState, writes: ['session'] }),
  'session.changePassword': channel({ input: ses.changePasswordInput, output: ses.passwordStatus }),
  /** First run with sign-in: a manager sets their own first password and is signed in; refused once any password exists. */
  'session.claimFirstManager': channel({ input: ses.claimFirstManagerInput, output: ses.sessionState, writes: ['session', 'staff'] }),

  'staff.list': channel({ input: st.staffListQuery, output: z.array(st.staffMember) }),
  'staff.get': channel({ input: byId, output: st.staffMember }),
  'staff.create': channel({ input: st.staffFields, output: st.staffMember, writes: ['staff'] }),
  'staff.update': channel({ input: st.staffUpdate, output: st.staffMember, writes: ['staff'] }),
  'staff.importRoster': channel({ input: st.rosterImportInput, output: st.rosterImportResult, writes: ['staff'] }),
  /** A manager sets (or resets) someone's password; the hash never leaves main. */
  'staff.setPassword': channel({ input: ses.setPasswordInput, output: ses.passwordStatus, writes: ['staff'] }),

  'app.status': channel({ input: empty, output: bk.appStatus }),
  'backups.list': channel({ input: empty, output: bk.backupList }),
  'backups.create': channel({ input: empty, output: bk.backupInfo }),
  'demo.open': channel({ input: empty, output: bk.appStatus, writes: dataTopics }),
  'demo.reset': channel({ input: empty, output: bk.appStatus, writes: dataTopics }),
  'demo.leave': channel({ input: empty, output: bk.appStatus, writes: dataTopics }),
  'backups.restore': channel({
    input: bk.restoreInput,
    output: bk.restoreResult,
    // A restore replaces everything: every screen refreshes.
    writes: dataTopics,
  }),

  'team.status': channel({ input: empty, output: tm.teamStatus }),
  'team.test': channel({ input: tm.teamSettingsInput, output: tm.teamCheck }),
  /** Switches this workstation to the team database: everything is read from there from now on. */
  'team.enable': channel({ input: tm.teamSettingsInput, output: tm.teamStatus, writes: dataTopics }),
  'team.disable': channel({ input: empty, output: tm.teamStatus, writes: dataTopics }),
  /** Copies this workstation's own database and recordings into the (empty) team database. */
  'team.move': channel({ input: empty, output: tm.teamMoveResult, writes: dataTopics }),

  'calibration.list': channel({ input: cal.calibrationListQuery, output: z.array(cal.calibrationSummary) }),
  'calibration.get': channel({ input: byId, output: cal.calibrationSession }),
  'calibration.create': channel({ input: cal.calibrationCreateInput, output: cal.calibrationSession, writes: ['calibration'] }),
  'calibration.start': channel({ input: byId, output: ev.evaluation, writes: ['calibration', 'evaluations'] }),
  'calibration.comparison': channel({ input: byId, output: cal.calibrationComparison }),
  'calibration.saveConsensus': channel({ input: cal.consensusInput, output: cal.calibrationComparison, writes: ['calibration'] }),
  'calibration.close': channel({ input: byId, output: cal.calibrationSession, writes: ['calibration', 'evaluations'] }),
  'calibration.history': channel({ input: empty, output: cal.calibrationHistory }),

  'audit.list': channel({ input: au.auditQuery, output: z.array(au.auditEntry) }),

  'privacy.exportPerson': channel({ input: byId, output: pv.accessExport }),
  'privacy.anonymisePreview': channel({ input: byId, output: pv.anonymisePreview }),
  'privacy.anonymise': channel({
    input: pv.anonymiseInput,
    output: pv.anonymiseResult,
    writes: ['staff', 'evaluations', 'recordings', 'markers', 'feedback', 'onboarding', 'plan'],
  }),

  'recordings.list': channel({ input: rec.recordingListQuery, output: z.array(rec.recording) }),
  'recordings.get': channel({ input: byId, output: rec.recording }),
  'recordings.topics': channel({ input: empty, output: z.array(rec.topic) }),
  'recordings.suggest': channel({ input: rec.suggestInput, output: z.array(rec.suggestion) }),
  'recordings.import': channel({ input: rec.importInput, output: rec.importResult, writes: ['recordings'] }),
  'recordings.updateDetails': channel({ input: rec.updateDetailsInput, output: rec.recording, writes: ['recordings'] }),
  'recordings.peaks': channel({ input: byId, output: rec.peaks }),
  /** Silence/hold and talk-over of a call; computed on first request for older imports, null without audio. */
  'recordings.analysis': channel({ input: byId, output: callAnalysis.nullable() }),

  'markers.list': channel({ input: mk.markerListInput, output: z.array(mk.marker) }),
  'markers.add': channel({ input: mk.markerAddInput, output: mk.marker, writes: ['markers'] }),
  'markers.remove': channel({ input: byId, output: ok, writes: ['markers'] }),

  /** Random monthly sample: N calls per advisor, spread over weeks and topics, seed stored. */
  'samples.draw': channel({ input: smp.drawSampleInput, output: smp.sample, writes: ['samples'] }),
  'samples.list': channel({ input: smp.sampleListQuery, output: z.array(smp.sampleSummary) }),
  'samples.get': channel({ input: byId, output: smp.sample }),
  /** The coach's worklist for one advisor: active picks of the month with their reasons. */
  'samples.forAdvisor': channel({ input: smp.sampleForAdvisorInput, output: z.array(smp.sampleItem) }),
  'samples.redraw': channel({ input: smp.redrawInput, output: smp.sampleItem, writes: ['samples'] }),
  /** Copies a picked call from its source folder into the store (once) and returns its recording. */
  'samples.bringIntoStore': channel({ input: smp.bringIntoStoreInput, output: rec.recording, writes: ['samples', 'recordings'] }),

  'settings.get': channel({ input: empty, output: cfg.appSettings }),
  'settings.update': channel({ input: cfg.appSettings, output: cfg.appSettings, writes: ['settings'] }),
  'retention.run': channel({ input: empty, output: cfg.retentionRun, writes: ['recordings'] }),
  'retention.log': channel({ input: empty, output: z.array(cfg.retentionLogEntry) }),

  'sources.list': channel({ input: empty, output: z.array(src.source) }),
  'sources.create': channel({ input: src.sourceFields, output: src.source, writes: ['sources'] }),
  'sources.update': channel({ input: src.sourceUpdate, output: src.source, writes: ['sources'] }),
  'sources.remove': channel({ input: byId, output: ok, writes: ['sources'] }),
  /** Live preview of patterns on the first files of a folder; nothing is stored. */
  'sources.preview': channel({ input: src.previewInput, output: src.previewResult }),
  /** Runs a scan to the end and answers with its summary; `scan.progress` events report along the way. */
  'sources.scan': channel({ input: src.scanInput, output: src.scanRunSummary, writes: ['sources'] }),
  /** Asks the running scan of a source to stop; `cancelled` is false when none was running. */
  'sources.cancelScan': channel({ input: byId, output: z.object({ cancelled: z.boolean() }) }),
  /** The library of indexed calls, filtered and paged. */
  'sources.files': channel({ input: src.sourceFileQuery, output: src.sourceFilePage }),

  'rubrics.current': channel({ input: empty, output: rubricVersion }),
  'rubrics.getVersion': channel({ input: byId, output: rubricVersion }),
  'rubrics.list': channel({ input: empty, output: z.array(re.rubricSummary) }),
  /** A new rubric, as draft version 1. */
  'rubrics.create': channel({ input: re.createRubricInput, output: rubricVersion, writes: ['rubrics'] }),
  'rubrics.saveDraft': channel({ input: re.saveRubricDraftInput, output: rubricVersion, writes: ['rubrics'] }),
  /** Makes a draft immutable; new evaluations can then use it. */
  'rubrics.publish': channel({ input: byId, output: rubricVersion, writes: ['rubrics'] }),
  /** The next draft version, copied from the newest version (or the open draft, if there is one). */
  'rubrics.newDraft': channel({ input: re.newRubricDraftInput, output: rubricVersion, writes: ['rubrics'] }),
  'rubrics.discardDraft': channel({ input: byId, output: ok, writes: ['rubrics'] }),
  'rubrics.export': channel({ input: byId, output: re.rubricExport }),
  'rubrics.definition': channel({ input: byId, output: rubricDefinition }),
  /** A JSON file from another municipality: becomes a draft (a new rubric, or the next version of one with the same key). */
  'rubrics.import': channel({ input: re.importRubricInput, output: rubricVersion, writes: ['rubrics'] }),
  /** The score a filled-in form would get on this version; nothing is stored. */
  'rubrics.preview': channel({ input: re.previewRubricInput, output: ev.scoreResult }),
  'rubrics.assignments': channel({ input: empty, output: re.rubricAssignments }),
  'rubrics.setAssignments': channel({ input: re.rubricAssignments, output: re.rubricAssignments, writes: ['rubrics', 'settings'] }),

  'evaluations.start': channel({ input: ev.startInput, output: ev.evaluation, writes: ['evaluations'] }),
  'evaluations.get': channel({ input: byId, output: ev.evaluation }),
  'evaluations.saveDraft': channel({ input: ev.draftInput, output: ev.draftSaved, writes: ['evaluations'] }),
  'evaluations.finalize': channel({ input: ev.finalizeInput, output: ev.evaluation, writes: ['evaluations'] }),
  'evaluations.listForAdvisor': channel({ input: ev.listForAdvisorInput, output: z.array(ev.evaluationSummary) }),
  'evaluations.listForRecording': channel({ input: ev.listForRecordingInput, output: z.array(ev.evaluationSummary) }),
  /** Every version of a finished evaluation, oldest first: nothing is overwritten. */
  'evaluations.history': channel({ input: byId, output: z.array(dp.evaluationVersion) }),

  'disputes.raise': channel({ input: dp.raiseDisputeInput, output: dp.dispute, writes: ['evaluations'] }),
  'disputes.list': channel({ input: dp.disputesQuery, output: z.array(dp.dispute) }),
  /** The asked coach starts (or resumes) the blind second opinion: a draft on the same call. */
  'disputes.startSecondOpinion': channel({ input: byId, output: ev.evaluation, writes: ['evaluations'] }),
  'disputes.decide': channel({ input: dp.decideDisputeInput, output: dp.dispute, writes: ['evaluations'] }),

  /** "Mijn maand": the signed-in (or given) coach's advisors with progress and what to do next. */
  'coaching.myMonth': channel({ input: co.myMonthInput, output: co.myMonth }),
  'coaching.team': channel({ input: co.teamOverviewInput, output: co.teamOverview }),
  'coaching.assignments': channel({ input: co.assignmentsQuery, output: z.array(co.coachAssignment) }),
  'coaching.assign': channel({ input: co.assignInput, output: z.array(co.coachAssignment), writes: ['plan'] }),
  'coaching.quotaOverrides': channel({ input: co.quotaOverridesQuery, output: z.array(co.quotaOverride) }),
  'coaching.addQuotaOverride': channel({ input: co.addQuotaOverrideInput, output: co.quotaOverride, writes: ['plan'] }),
  'coaching.removeQuotaOverride': channel({ input: byId, output: ok, writes: ['plan'] }),

  /** Evaluations awaiting feedback and open action points of one advisor. */
  'feedback.prepare': channel({ input: fb.advisorInput, output: fb.feedbackPreparation }),
  /** Records a feedbackgesprek: evaluations become discussed, action points are added and followed up, in one transaction. */
  'feedback.record': channel({ input: fb.feedbackSessionInput, output: fb.feedbackSession, writes: ['feedback', 'evaluations'] }),
  'feedback.list': channel({ input: fb.advisorInput, output: z.array(fb.feedbackSession) }),
  'feedback.get': channel({ input: byId, output: fb.feedbackSession }),
  'actionPoints.list': channel({ input: fb.actionPointsQuery, output: z.array(fb.actionPoint) }),
  'actionPoints.update': channel({ input: fb.updateActionPointInput, output: fb.actionPoint, writes: ['feedback'] }),

  /** Monthly figures of one advisor: total, sections, criteria, rolling average, team line, target, COPC, action points, decline alert. */
  'reports.advisorTrend': channel({ input: rp.advisorTrendInput, output: rp.advisorTrend }),
  /** The team manager's month: completion, scores, distribution, themes, who needs attention; with last month's headline. */
  'reports.teamMonth': channel({ input: rp.teamMonthInput, output: rp.teamMonth }),
  /** The last N monthly scores of every advisor, for the staff list. */
  'reports.staffSparklines': channel({ input: rp.staffSparklinesInput, output: rp.staffSparklines }),
  'reports.targets': channel({ input: empty, output: rp.reportTargets }),
  'reports.setTargets': channel({ input: rp.setTargetsInput, output: rp.reportTargets, writes: ['settings'] }),

  'onboarding.programs': channel({ input: empty, output: z.array(ob.programSummary) }),
  'onboarding.program': channel({ input: byId, output: ob.program }),
  /** Creates a program or replaces its content; running onboardings keep their own copy of the items. */
  'onboarding.saveProgram': channel({ input: ob.saveProgramInput, output: ob.program, writes: ['onboarding'] }),
  /** Copies the program into a new track, sets the new hire to onboarding and adds the higher evaluation quota. */
  'onboarding.start': channel({ input: ob.startOnboardingInput, output: ob.onboarding, writes: ['onboarding', 'staff', 'plan'] }),
  'onboarding.get': channel({ input: byId, output: ob.onboarding }),
  /** The trainer's timeline of new hires, overdue sign-offs and check-ins due. */
  'onboarding.dashboard': channel({ input: ob.dashboardQuery, output: ob.onboardingDashboard }),
  'onboarding.assign': channel({ input: ob.assignOnboardingInput, output: ob.onboarding, writes: ['onboarding'] }),
  'onboarding.signOff': channel({ input: ob.signOffInput, output: ob.onboarding, writes: ['onboarding'] }),
  'onboarding.undoSignOff': channel({ input: ob.undoSignOffInput, output: ob.onboarding, writes: ['onboarding'] }),
  /** The next step of the independence ladder; steps are reached in order. */
  'onboarding.reachLevel': channel({ input: ob.reachLevelInput, output: ob.onboarding, writes: ['onboarding'] }),
  /** Takes back the highest step reached. */
  'onboarding.undoLevel': channel({ input: byId, output: ob.onboarding, writes: ['onboarding'] }),
  'onboarding.addCheckin': channel({ input: ob.checkinInput, output: ob.onboarding, writes: ['onboarding'] }),
  /** Closes the track: the new hire becomes active and the onboarding quota ends with this month. */
  'onboarding.complete': channel({ input: ob.completeOnboardingInput, output: ob.onboarding, writes: ['onboarding', 'staff', 'plan'] }),
  /** The new hire's first months of scores against the rest of the team. */
  'onboarding.rampUp': channel({ input: byId, output: ob.rampUp }),
} as const satisfies Record<ChannelName, ChannelSpec<z.ZodType, z.ZodType>>;

export type Channels = typeof channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;
