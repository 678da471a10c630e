import { z } from 'zod';
import { callAnalysis } from './analysis';
import { byId, empty, ok } from './common';
import * as ev from './evaluations';
import * as mk from './markers';
import * as rec from './recordings';
import { rubricVersion } from './rubrics';
import * as ses from './session';
import * as st from './staff';
import * as cfg from './settings';
import type { ChannelName } from './bridge';

/** Which part of the data a write touches; screens that read it refresh. */
export const dataTopics = ['staff', 'recordings', 'markers', 'evaluations', 'session', 'settings'] as const;
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

  'staff.list': channel({ input: st.staffListQuery, output: z.array(st.staffMember) }),
  'staff.get': channel({ input: byId, output: st.staffMember }),
  'staff.create': channel({ input: st.staffFields, output: st.staffMember, writes: ['staff'] }),
  'staff.update': channel({ input: st.staffUpdate, output: st.staffMember, writes: ['staff'] }),
  'staff.importRoster': channel({ input: st.rosterImportInput, output: st.rosterImportResult, writes: ['staff'] }),

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

  'settings.get': channel({ input: empty, output: cfg.appSettings }),
  'settings.update': channel({ input: cfg.appSettings, output: cfg.appSettings, writes: ['settings'] }),
  'retention.run': channel({ input: empty, output: cfg.retentionRun, writes: ['recordings'] }),
  'retention.log': channel({ input: empty, output: z.array(cfg.retentionLogEntry) }),

  'rubrics.current': channel({ input: empty, output: rubricVersion }),
  'rubrics.getVersion': channel({ input: byId, output: rubricVersion }),

  'evaluations.start': channel({ input: ev.startInput, output: ev.evaluation, writes: ['evaluations'] }),
  'evaluations.get': channel({ input: byId, output: ev.evaluation }),
  'evaluations.saveDraft': channel({ input: ev.draftInput, output: ev.draftSaved, writes: ['evaluations'] }),
  'evaluations.finalize': channel({ input: byId, output: ev.evaluation, writes: ['evaluations'] }),
  'evaluations.listForAdvisor': channel({ input: ev.listForAdvisorInput, output: z.array(ev.evaluationSummary) }),
  'evaluations.listForRecording': channel({ input: ev.listForRecordingInput, output: z.array(ev.evaluationSummary) }),
} as const satisfies Record<ChannelName, ChannelSpec<z.ZodType, z.ZodType>>;

export type Channels = typeof channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;
