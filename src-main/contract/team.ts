import { z } from 'zod';
import { requiredText } from './common';

/** Whether the workstation works on its own SQLite file or on the team's PostgreSQL database. */
export const teamMode = z.enum(['local', 'team']);
export type TeamMode = z.infer<typeof teamMode>;

/** A full path: a drive letter, a network share (\\server\share) or an absolute Unix path. */
const fullPath = requiredText(1000).regex(
  /^([A-Za-z]:[\\/]|\\\\[^\\]+\\|\/)/,
  'Vul een volledig pad in, bijvoorbeeld \\\\server\\klankbord\\opnames of /mnt/klankbord/opnames',
);

/** Where the team database and the shared recordings folder are; never the password. */
export const teamConnection = z.object({
  host: requiredText(255).regex(/^[A-Za-z0-9.\-:[\]]+$/, 'Alleen een servernaam of IP-adres, zonder spaties of "postgres://"'),
  port: z.coerce
    .number()
    .int('Een poort is een heel getal')
    .min(1, 'Een poort ligt tussen 1 en 65535')
    .max(65535, 'Een poort ligt tussen 1 en 65535'),
  database: requiredText(63).regex(/^[A-Za-z_][A-Za-z0-9_$-]*$/, 'Alleen letters, cijfers, _ en -; begin met een letter'),
  user: requiredText(63),
  recordingsDir: fullPath,
});
export type TeamConnection = z.infer<typeof teamConnection>;

/**
 * `teammodus.json` in the workstation's data folder. The password is only there encrypted with
 * the operating system's secret storage (Electron); in web mode it comes from the environment.
 */
export const teamSettingsFile = teamConnection.extend({
  password: z.object({ encrypted: z.string().min(1) }).optional(),
});
export type TeamSettingsFile = z.infer<typeof teamSettingsFile>;

/** What the settings form sends. An empty password keeps the stored one. */
export const teamSettingsInput = teamConnection.extend({ password: z.string().max(200) });
export type TeamSettingsInput = z.infer<typeof teamSettingsInput>;

export const teamCheckKeys = ['reachable', 'login', 'rights', 'recordings'] as const;
export const teamCheckItem = z.object({
  key: z.enum(teamCheckKeys),
  ok: z.boolean(),
  /** Not tried, because an earlier step failed. */
  skipped: z.boolean(),
  message: z.string(),
});
export type TeamCheckItem = z.infer<typeof teamCheckItem>;

export const teamCheck = z.object({
  ok: z.boolean(),
  serverVersion: z.string().nullable(),
  items: z.array(teamCheckItem),
});
export type TeamCheck = z.infer<typeof teamCheck>;

/** Rows in this workstation's own database: what a move would bring along. */
export const localDataCounts = z.object({
  staff: z.number().int().nonnegative(),
  recordings: z.number().int().nonnegative(),
  evaluations: z.number().int().nonnegative(),
});

export const teamStatus = z.object({
  mode: teamMode,
  settings: teamConnection.nullable(),
  /** Whether a password is at hand for the next start (encrypted in the file, or the environment). */
  passwordStored: z.boolean(),
  /** Set in web mode: settings come from environment variables, so the form cannot change them. */
  fromEnvironment: z.boolean(),
  serverVersion: z.string().nullable(),
  recordingsDir: z.string().nullable(),
  /** In team mode: this workstation's own database still on disk, with what it holds; else null. */
  localData: localDataCounts.nullable(),
});
export type TeamStatus = z.infer<typeof teamStatus>;

export const tableMove = z.object({
  table: z.string(),
  before: z.number().int().nonnegative(),
  after: z.number().int().nonnegative(),
  checksumLocal: z.string(),
  checksumTeam: z.string(),
  equal: z.boolean(),
});
export const teamMoveResult = z.object({
  tables: z.array(tableMove),
  files: z.object({ copied: z.number().int().nonnegative(), skipped: z.number().int().nonnegative() }),
  backup: z.string(),
});
export type TeamMoveResult = z.infer<typeof teamMoveResult>;

/** Host channels of team mode: the host answers them also while the team database cannot be reached. */
export const teamHostChannelNames = ['team.status', 'team.test', 'team.enable', 'team.disable', 'team.move'] as const;
