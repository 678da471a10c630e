import { appSettings, type AppSettings } from '../../contract';
import type { Db } from '../db/connection';
import { readSetting, writeSetting } from './settings';

const KEY = 'app.settings';

/** A year is a common municipal retention period for call audio; the evaluation itself stays. */
export const defaultAppSettings: AppSettings = { audioRetentionMonths: 12 };

export async function getAppSettings(db: Db): Promise<AppSettings> {
  return readSetting(db, KEY, appSettings, defaultAppSettings);
}

export async function updateAppSettings(db: Db, settings: AppSettings): Promise<AppSettings> {
  await writeSetting(db, KEY, settings);
  return settings;
}
