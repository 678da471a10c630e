import { z } from 'zod';
import { language, type Language, type SessionState } from '../../contract';
import type { Core } from '../app';
import { AppError } from '../errors';
import { readSetting, writeSetting } from '../settings/settings';
import { getStaff } from '../staff/staff';
import { firstSetupOpen, firstManagers, signedInViewer, signInRequired, type SignInSlot } from './sign-in';

const PROFILE_KEY = 'workstation.profileId';
const LANGUAGE_KEY = 'workstation.language';
const profileRoles = new Set(['coach', 'manager', 'trainer']);

/** The signed-in profile's id, or null. Stale ids (a profile that left) count as none. */
export async function currentProfileId(core: Core): Promise<number | null> {
  const id = await readSetting(core.db, PROFILE_KEY, z.number().int().nullable(), null);
  if (id === null) return null;
  const row = await core.db.selectFrom('staff').select(['id', 'status']).where('id', '=', id).executeTakeFirst();
  return row && row.status !== 'left' ? row.id : null;
}

/**
 * Who works at this workstation. With sign-in the profile is whoever signed in to this process
 * (`slot`); without it, the profile chosen on this workstation's own database.
 */
export async function getSession(core: Core, slot: SignInSlot | null = null): Promise<SessionState> {
  const required = await signInRequired(core);
  const id = required ? ((slot && (await signedInViewer(core, slot))?.id) ?? null) : await currentProfileId(core);
  return {
    profile: id === null ? null : await getStaff(core.db, id),
    language: await readSetting(core.db, LANGUAGE_KEY, language, 'nl'),
    dataDir: core.paths.dataDir,
    signInRequired: required,
    firstSetup: required && (await firstSetupOpen(core)),
    firstManagers: required && id === null ? await firstManagers(core) : [],
  };
}

export async function selectProfile(core: Core, staffId: number): Promise<SessionState> {
  if (await signInRequired(core)) throw new AppError('profile_choice_off');
  const member = await getStaff(core.db, staffId);
  if (!profileRoles.has(member.role) || member.status === 'left') throw new AppError('profile_role', { name: member.name });
  await writeSetting(core.db, PROFILE_KEY, staffId);
  return getSession(core);
}

export async function setLanguage(core: Core, lang: Language, slot: SignInSlot | null = null): Promise<SessionState> {
  await writeSetting(core.db, LANGUAGE_KEY, lang);
  return getSession(core, slot);
}

export interface Workstation {
  profileId: number | null;
  language: Language;
}

/** Who sits at this workstation, in which language: kept across a restore, which replaces the database. */
export async function readWorkstation(core: Core): Promise<Workstation> {
  return { profileId: await currentProfileId(core), language: (await getSession(core)).language };
}

export async function writeWorkstation(core: Core, workstation: Workstation): Promise<void> {
  await writeSetting(core.db, LANGUAGE_KEY, workstation.language);
  if (workstation.profileId === null) return;
  const row = await core.db.selectFrom('staff').select(['role', 'status']).where('id', '=', workstation.profileId).executeTakeFirst();
  if (row && profileRoles.has(row.role) && row.status !== 'left') await writeSetting(core.db, PROFILE_KEY, workstation.profileId);
}
