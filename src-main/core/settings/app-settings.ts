import { appSettings, type AppSettings, type AppSettingsInput } from '../../contract';
import { changedFields, inTransaction, recordAudit } from '../audit/audit';
import { dutchList } from '../audit/describe';
import type { Db } from '../db/connection';
import { readSetting, writeSetting } from './settings';

const KEY = 'app.settings';

/** A year is a common municipal retention period for call audio; the evaluation itself stays. */
export const defaultAppSettings: AppSettings = { audioRetentionMonths: 12, samplePerAdvisor: 4, sampleMinDurationSeconds: 60 };

const settingNames: Record<keyof AppSettings, string> = {
  audioRetentionMonths: 'bewaartermijn audio',
  samplePerAdvisor: 'beoordelingen per klantadviseur per maand',
  sampleMinDurationSeconds: 'minimale duur steekproef',
};

export async function getAppSettings(db: Db): Promise<AppSettings> {
  return readSetting(db, KEY, appSettings, defaultAppSettings);
}

/** `actorId`: who saved, for the audit trail; a save that changes nothing leaves no entry. */
export async function updateAppSettings(db: Db, input: AppSettingsInput, actorId: number | null = null): Promise<AppSettings> {
  const settings = appSettings.parse(input);
  await inTransaction(db, async (trx) => {
    const before = await getAppSettings(trx);
    await writeSetting(trx, KEY, settings);
    const changed = changedFields(before, settings);
    if (changed.length === 0) return;
    await recordAudit(trx, {
      entity: 'settings',
      entityId: null,
      action: 'updated',
      actorId,
      summary: `Instellingen gewijzigd: ${dutchList(changed.map((key) => settingNames[key as keyof AppSettings]))}`,
      before,
      after: settings,
    });
  });
  return settings;
}
