import { appSettings, type AppSettings, type AppSettingsInput } from '../../contract';
import type { Db } from '../db/connection';
import { readSetting, writeSetting } from './settings';

const KEY = 'app.settings';

/** A year is a common municipal retention period for call audio; the evaluation itself stays. */
export const defaultAppSettings: AppSettings = { audioRetentionMonths: 12, samplePerAdvisor: 4, sampleMinDurationSeconds: 60 };

export async function getAppSettings(db: Db): Promise<AppSettings> {
  return readSetting(db, KEY, appSettings, defaultAppSettings);
}

export async function updateAppSettings(db: Db, input: AppSettingsInput): Promise<AppSettings> {
  const settings = appSettings.parse(input);
  await writeSetting(db, KEY, settings);
  return settings;
}
