import type { CallAnalysis } from '../../contract';
import type { Core } from '../app';
import { analyzeCall, ANALYSIS_VERSION, channelRoles } from './analysis';
import { channelSettingFor, getChannelSetting, readStoredAnalysis, saveAnalysis, type ChannelSetting } from './analysis-records';
import { decodeAudio } from './decoders';
import { probeAudio } from './probe';
import { getRecording, mediaFile } from './recordings';

/** Current: made by this version of the method and with today's channel roles. */
function isCurrent(analysis: CallAnalysis, setting: ChannelSetting): boolean {
  if (analysis.version !== ANALYSIS_VERSION) return false;
  const roles = channelRoles(analysis.channels, setting.advisorChannel);
  return analysis.parameters.advisorChannel === roles.advisor + 1;
}

/** Decodes the stored audio once, streaming, and analyses it. */
export async function analyzeStoredAudio(core: Core, recordingId: number, setting?: ChannelSetting): Promise<CallAnalysis> {
  const { advisorChannel } = setting ?? (await getChannelSetting(core.db));
  const { path } = await mediaFile(core, recordingId);
  const probed = await probeAudio(path);
  return analyzeCall(decodeAudio(path, probed), { channels: probed.channels, sampleRate: probed.sampleRate, advisorChannel });
}

/**
 * Two screens asking at once (player and stats) share one request, reads included: on a team
 * database the second request's reads could otherwise land after the first one stored its result.
 */
const inFlight = new Map<string, Promise<CallAnalysis | null>>();

/**
 * The analysis of a recording. Computed and stored on first request when missing or stale (older
 * imports, a new method version, other channel roles). Without audio (retention) the stored
 * analysis stays available, or null when there never was one.
 */
export function getAnalysis(core: Core, id: number): Promise<CallAnalysis | null> {
  const key = `${core.paths.store}\0${id}`;
  const running = inFlight.get(key);
  if (running) return running;
  const work = readOrAnalyse(core, id).finally(() => inFlight.delete(key));
  inFlight.set(key, work);
  return work;
}

async function readOrAnalyse(core: Core, id: number): Promise<CallAnalysis | null> {
  const recording = await getRecording(core.db, id); // not_found for an unknown id
  const setting = await channelSettingFor(core.db, id);
  const stored = await readStoredAnalysis(core.db, id);
  if (stored && isCurrent(stored, setting)) return stored;
  if (!recording.audioAvailable) return stored;
  const analysis = await analyzeStoredAudio(core, id, setting);
  await saveAnalysis(core.db, id, analysis);
  return analysis;
}
