import type { Kysely } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_converted_audio';
import * as m0003 from './0003_call_analysis';
import * as m0004 from './0004_retention';
import * as m0005 from './0005_sources_and_samples';
import * as m0006 from './0006_quota_and_assignments';
import * as m0007 from './0007_monthly_cycle';
import * as m0008 from './0008_report_indexes';
import * as m0009 from './0009_onboarding';
import * as m0010 from './0010_audit_log';
import * as m0011 from './0011_calibration';
import * as m0012 from './0012_team_mode';

export interface FrozenMigration {
  up(db: Kysely<unknown>): Promise<void>;
}

/**
 * Every migration, in order. A static record rather than a folder scan: it works in a bundled app
 * and under vitest alike. Append only; never edit or remove an entry that has shipped.
 */
export const migrations: Record<string, FrozenMigration> = {
  '0001_initial': m0001,
  '0002_converted_audio': m0002,
  '0003_call_analysis': m0003,
  '0004_retention': m0004,
  '0005_sources_and_samples': m0005,
  '0006_quota_and_assignments': m0006,
  '0007_monthly_cycle': m0007,
  '0008_report_indexes': m0008,
  '0009_onboarding': m0009,
  '0010_audit_log': m0010,
  '0011_calibration': m0011,
  '0012_team_mode': m0012,
};
