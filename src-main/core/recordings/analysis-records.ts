import { z } from 'zod';
import { callAnalysis, type CallAnalysis } from '../../contract';
import { nowIso } from '../clock';
import type { Db } from '../db/connection';
import { readSetting, writeSetting } from '../settings/settings';

/**
 * Which channel of a stereo call is the advisor. One global setting for now (telephony platforms
 * are consistent within an organisation); per source later. 1-based, as the settings speak.
 */
const CHANNELS_KEY = 'analysis.channels';
export const channelSetting = z.object({ advisorChannel: z.union([z.literal(1), z.literal(2)]) });
export type ChannelSetting = z.infer<typeof channelSetting>;
export const defaultChannelSetting: ChannelSetting = { advisorChannel: 1 };

export async function getChannelSetting(db: Db): Promise<ChannelSetting> {
  return readSetting(db, CHANNELS_KEY, channelSetting, defaultChannelSetting);
}

/** Changing the channels makes stored stereo analyses stale; they are redone on their next read. */
export async function setChannelSetting(db: Db, setting: ChannelSetting): Promise<ChannelSetting> {
  const parsed = channelSetting.parse(setting);
  await writeSetting(db, CHANNELS_KEY, parsed);
  return parsed;
}

export async function saveAnalysis(db: Db, recordingId: number, analysis: CallAnalysis): Promise<void> {
  const row = { version: analysis.version, json: JSON.stringify(analysis), created_at: nowIso() };
  await db
    .insertInto('call_analysis')
    .values({ recording_id: recordingId, ...row })
    .onConflict((oc) => oc.column('recording_id').doUpdateSet(row))
    .execute();
}

/** The stored analysis as it is, or null when there is none or it no longer parses. */
export async function readStoredAnalysis(db: Db, recordingId: number): Promise<CallAnalysis | null> {
  const row = await db.selectFrom('call_analysis').select('json').where('recording_id', '=', recordingId).executeTakeFirst();
  if (!row) return null;
  try {
    const parsed = callAnalysis.safeParse(JSON.parse(row.json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The channel roles that apply to one recording: its source's setting when it came from an
 * indexed folder (telephony platforms differ per source), the global setting otherwise.
 */
export async function channelSettingFor(db: Db, recordingId: number): Promise<ChannelSetting> {
  const fromSource = await db
    .selectFrom('source_file')
    .innerJoin('source', 'source.id', 'source_file.source_id')
    .select('source.advisor_channel')
    .where('source_file.recording_id', '=', recordingId)
    .executeTakeFirst();
  const parsed = channelSetting.safeParse({ advisorChannel: fromSource?.advisor_channel });
  return parsed.success ? parsed.data : getChannelSetting(db);
}
