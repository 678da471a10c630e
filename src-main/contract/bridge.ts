/**
 * Every channel name, free of zod so the sandboxed preload can bundle it. `channels.ts` must
 * define exactly these (the compiler checks), so the list cannot drift from the contract.
 */
export const channelNames = [
  'session.get',
  'session.selectProfile',
  'session.setLanguage',
  'staff.list',
  'staff.get',
  'staff.create',
  'staff.update',
  'staff.importRoster',
  'recordings.list',
  'recordings.get',
  'recordings.topics',
  'recordings.suggest',
  'recordings.import',
  'recordings.updateDetails',
  'recordings.peaks',
  'recordings.analysis',
  'markers.list',
  'markers.add',
  'markers.remove',
  'samples.draw',
  'samples.list',
  'samples.get',
  'samples.forAdvisor',
  'samples.redraw',
  'samples.bringIntoStore',
  'settings.get',
  'settings.update',
  'retention.run',
  'retention.log',
  'sources.list',
  'sources.create',
  'sources.update',
  'sources.remove',
  'sources.preview',
  'sources.scan',
  'sources.cancelScan',
  'sources.files',
  'rubrics.current',
  'rubrics.getVersion',
  'rubrics.list',
  'rubrics.create',
  'rubrics.saveDraft',
  'rubrics.publish',
  'rubrics.newDraft',
  'rubrics.discardDraft',
  'rubrics.export',
  'rubrics.definition',
  'rubrics.import',
  'rubrics.preview',
  'rubrics.assignments',
  'rubrics.setAssignments',
  'evaluations.start',
  'evaluations.get',
  'evaluations.saveDraft',
  'evaluations.finalize',
  'evaluations.listForAdvisor',
  'evaluations.listForRecording',
  'evaluations.history',
  'disputes.raise',
  'disputes.list',
  'disputes.startSecondOpinion',
  'disputes.decide',
  'coaching.myMonth',
  'coaching.team',
  'coaching.assignments',
  'coaching.assign',
  'coaching.quotaOverrides',
  'coaching.addQuotaOverride',
  'coaching.removeQuotaOverride',
  'feedback.prepare',
  'feedback.record',
  'feedback.list',
  'feedback.get',
  'actionPoints.list',
  'actionPoints.update',
] as const;

export type ChannelName = (typeof channelNames)[number];

const known = new Set<string>(channelNames);
export const isChannelName = (name: string): name is ChannelName => known.has(name);

/** The surface the preload exposes as `window.klankbord` (and the web client mimics). */
export interface KlankbordBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  upload(fileName: string, bytes: ArrayBuffer): Promise<unknown>;
}
