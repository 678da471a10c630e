import type { z } from 'zod';
import type { ChannelName, ChannelOutput, Channels, EventName, EventPayload } from '../contract';
import type { Core } from '../core/app';
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
import { getSession, selectProfile, setLanguage } from '../core/session/session';
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
import { importRoster } from '../core/staff/roster-csv';
import { createStaff, getStaff, listStaff, updateStaff } from '../core/staff/staff';

export interface HandlerContext {
  core: Core;
  /** The signed-in profile; throws `no_profile` when nobody is signed in. */
  actorId(): Promise<number>;
  /** Pushes an event to every window while the handler runs (progress of long work). */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

type Handler<C extends ChannelName> = (input: z.output<Channels[C]['input']>, ctx: HandlerContext) => Promise<ChannelOutput<C>>;
export type Handlers = { [C in ChannelName]: Handler<C> };

/** Every channel of the contract, mapped to the core. The type makes a missing channel a compile error. */
export const handlers: Handlers = {
  'session.get': (_, { core }) => getSession(core),
  'session.selectProfile': ({ staffId }, { core }) => selectProfile(core, staffId),
  'session.setLanguage': ({ language }, { core }) => setLanguage(core, language),

  'staff.list': (query, { core }) => listStaff(core.db, query),
  'staff.get': ({ id }, { core }) => getStaff(core.db, id),
  'staff.create': (fields, { core }) => createStaff(core.db, fields),
  'staff.update': ({ id, ...fields }, { core }) => updateStaff(core.db, id, fields),
  'staff.importRoster': (input, { core }) => importRoster(core.db, input),

  'recordings.list': (query, { core }) => listRecordings(core.db, query),
  'recordings.get': ({ id }, { core }) => getRecording(core.db, id),
  'recordings.topics': async () => listTopics(),
  'recordings.suggest': ({ fileNames }, { core }) => suggestCallDetails(core.db, fileNames),
  'recordings.import': async (input, ctx) => importRecording(ctx.core, await ctx.actorId(), input),
  'recordings.updateDetails': ({ id, ...details }, { core }) => updateCallDetails(core.db, id, details),
  'recordings.peaks': ({ id }, { core }) => getPeaks(core, id),
  'recordings.analysis': ({ id }, { core }) => getAnalysis(core, id),

  'markers.list': ({ recordingId }, { core }) => listMarkers(core.db, recordingId),
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
  'settings.update': (settings, { core }) => updateAppSettings(core.db, settings),
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

  'evaluations.start': async ({ recordingId }, ctx) => startEvaluation(ctx.core.db, await ctx.actorId(), recordingId),
  'evaluations.get': ({ id }, { core }) => getEvaluation(core.db, id),
  'evaluations.saveDraft': async (input, ctx) => saveDraft(ctx.core.db, await ctx.actorId(), input),
  'evaluations.finalize': async ({ id }, ctx) => finalizeEvaluation(ctx.core.db, await ctx.actorId(), id),
  'evaluations.listForAdvisor': ({ advisorId }, { core }) => listEvaluationsForAdvisor(core.db, advisorId),
  'evaluations.listForRecording': ({ recordingId }, { core }) => listEvaluationsForRecording(core.db, recordingId),
};
