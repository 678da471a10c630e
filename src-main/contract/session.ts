import { z } from 'zod';
import { id } from './common';
import { staffMember } from './staff';

export const languages = ['nl', 'en'] as const;
export const language = z.enum(languages);
export type Language = z.infer<typeof language>;

export const sessionState = z.object({
  profile: staffMember.nullable(),
  language,
  /** Shown in the header so a coach knows which workstation's data they see. */
  dataDir: z.string(),
});
export type SessionState = z.infer<typeof sessionState>;

export const selectProfileInput = z.object({ staffId: id });
export const setLanguageInput = z.object({ language });
