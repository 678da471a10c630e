import { z } from 'zod';
import { timestamp } from './common';
import { teamHostChannelNames, teamMode } from './team';

/** Why a backup was made; the kind is part of its file name. */
export const backupKinds = ['daily', 'manual', 'before_migration', 'before_restore'] as const;
export const backupKind = z.enum(backupKinds);
export type BackupKind = z.infer<typeof backupKind>;

export const backupInfo = z.object({
  fileName: z.string(),
  createdAt: timestamp,
  kind: backupKind,
  /** For a backup before a migration: the migration that was about to run. */
  detail: z.string().nullable(),
  sizeBytes: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof backupInfo>;

export const backupList = z.object({
  folder: z.string(),
  /** How many backups Klankbord keeps; older ones are removed. */
  keep: z.number().int().positive(),
  backups: z.array(backupInfo),
});
export type BackupList = z.infer<typeof backupList>;

/** Only a name from the backup folder's listing: never a path. */
export const backupFileName = z
  .string()
  .max(200)
  .regex(/^klankbord-[A-Za-z0-9_-]+\.sqlite$/, 'Kies een back-up uit de lijst');

export const restoreInput = z.object({ fileName: backupFileName });
export const restoreResult = z.object({
  restoredFrom: z.string(),
  /** The backup of the state just before the restore, so a restore can itself be undone. */
  safetyCopy: z.string().nullable(),
});
export type RestoreResult = z.infer<typeof restoreResult>;

/** Whether the data folder opened; when not, the renderer shows what to do instead of the app. */
export const appStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready'), dataDir: z.string(), demo: z.boolean(), mode: teamMode }),
  z.object({
    state: z.literal('failed'),
    dataDir: z.string(),
    /** Whether this is the demo environment (its own folder, fictitious data). */
    demo: z.boolean(),
    mode: teamMode,
    /** The SQLite file, or in team mode `<host>/<database>`. */
    databaseFile: z.string(),
    problem: z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])), message: z.string() }),
  }),
]);
export type AppStatus = z.infer<typeof appStatus>;

/**
 * Channels the app host answers itself, also when the database could not be opened: status,
 * backups, switching between the real data and the demo environment (`demo.reset` seeds it anew),
 * and team mode (switching it on and off must work while the team database is unreachable).
 */
export const hostChannelNames = [
  'app.status',
  'backups.list',
  'backups.restore',
  'demo.open',
  'demo.reset',
  'demo.leave',
  ...teamHostChannelNames,
] as const;
export type HostChannelName = (typeof hostChannelNames)[number];
