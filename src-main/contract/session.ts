import { z } from 'zod';
import { id, requiredText, shortText } from './common';
import { staffFields, staffMember } from './staff';

export const languages = ['nl', 'en'] as const;
export const language = z.enum(languages);
export type Language = z.infer<typeof language>;

/** A manager who may set the very first password, offered on the sign-in page while nobody has one. */
export const firstManager = z.object({ id, name: z.string(), team: z.string() });

export const sessionState = z.object({
  profile: staffMember.nullable(),
  language,
  /** Shown in the header so a coach knows which workstation's data they see. */
  dataDir: z.string(),
  /**
   * Each person signs in with employee number and password (always in team mode); the profile is
   * then who signed in at this workstation, not a choice stored in the database.
   */
  signInRequired: z.boolean(),
  /** Sign-in is required and nobody has a password yet: the sign-in page offers the first setup. */
  firstSetup: z.boolean(),
  /** During the first setup: the managers who may set the first password (none yet: create one). */
  firstManagers: z.array(firstManager),
});
export type SessionState = z.infer<typeof sessionState>;

export const selectProfileInput = z.object({ staffId: id });
export const setLanguageInput = z.object({ language });

/** Not trimmed: spaces may be part of a passphrase. The length rule is the core's, with its own message. */
export const password = z.string().min(1).max(200);
export const signInInput = z.object({ employeeNumber: requiredText(20), password });
export const changePasswordInput = z.object({ currentPassword: password, newPassword: password });
export const setPasswordInput = z.object({ staffId: id, password });
/** An existing manager (`staffId`), or on an empty database a new one (`newManager`). */
export const claimFirstManagerInput = z
  .object({
    staffId: id.optional(),
    newManager: staffFields.pick({ employeeNumber: true, name: true, team: true }).optional(),
    password,
  })
  .refine((input) => (input.staffId === undefined) !== (input.newManager === undefined), {
    message: 'Kies een teammanager of maak er een aan (één van beide)',
  });
export type ClaimFirstManagerInput = z.infer<typeof claimFirstManagerInput>;
/** When a password was last set, never the password or its hash. */
export const passwordStatus = z.object({ staffId: id, passwordSetAt: shortText(40).nullable() });
