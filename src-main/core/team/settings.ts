import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { teamConnection, teamSettingsFile, type TeamConnection } from '../../contract';
import type { TeamDatabase } from '../db/connection';
import { AppError } from '../errors';

export const TEAM_SETTINGS_FILE = 'teammodus.json';

/**
 * The operating system's secret storage (Electron's safeStorage), handed in by the shell so the
 * core stays free of Electron. Base64 in and out, as it is kept in the JSON file.
 */
export interface SecretBox {
  encrypt(plain: string): string;
  decrypt(encrypted: string): string;
}

/** Where team settings may come from besides the file: the shell's secret box, the web server's environment. */
export interface TeamSettingsSources {
  secrets?: SecretBox;
  env?: Readonly<Record<string, string | undefined>>;
}

export const teamSettingsPath = (dataDir: string) => join(dataDir, TEAM_SETTINGS_FILE);

const ENV = {
  host: 'KLANKBORD_PG_HOST',
  port: 'KLANKBORD_PG_PORT',
  database: 'KLANKBORD_PG_DATABASE',
  user: 'KLANKBORD_PG_USER',
  recordingsDir: 'KLANKBORD_RECORDINGS_DIR',
  password: 'KLANKBORD_PG_PASSWORD',
} as const;

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Whether the environment sets any team field (web mode run by IT). */
export function environmentSetsTeam(sources: TeamSettingsSources): boolean {
  const env = sources.env ?? {};
  return [ENV.host, ENV.port, ENV.database, ENV.user, ENV.recordingsDir].some((key) => (env[key] ?? '') !== '');
}

function readFile(dataDir: string): z.infer<typeof teamSettingsFile> | null {
  const path = teamSettingsPath(dataDir);
  if (!existsSync(path)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new AppError('team_settings_invalid', { path, detail: error instanceof Error ? error.message.slice(0, 120) : 'onleesbaar' });
  }
  const parsed = teamSettingsFile.safeParse(raw);
  if (!parsed.success) throw new AppError('team_settings_invalid', { path, detail: describe(parsed.error) });
  return parsed.data;
}

export interface ResolvedTeamSettings {
  connection: TeamConnection;
  /** Null: no password at hand (web mode without KLANKBORD_PG_PASSWORD, or nothing stored). */
  password: string | null;
  fromEnvironment: boolean;
}

/**
 * The workstation's team settings: `teammodus.json`, with the environment overriding each field
 * (web mode). Null when the workstation works locally. Throws a Dutch AppError when the file is
 * damaged or its password cannot be decrypted on this machine.
 */
export function readTeamSettings(dataDir: string, sources: TeamSettingsSources = {}): ResolvedTeamSettings | null {
  const file = readFile(dataDir);
  const env = sources.env ?? {};
  const fromEnvironment = environmentSetsTeam(sources);
  if (!file && !fromEnvironment) return null;
  const pick = (key: keyof typeof ENV & keyof TeamConnection) => {
    const value = env[ENV[key]];
    return value !== undefined && value !== '' ? value : file?.[key];
  };
  const parsed = teamConnection.safeParse({
    host: pick('host'),
    port: pick('port') ?? 5432,
    database: pick('database'),
    user: pick('user'),
    recordingsDir: pick('recordingsDir'),
  });
  if (!parsed.success) {
    const where = file ? teamSettingsPath(dataDir) : 'KLANKBORD_PG_*';
    throw new AppError('team_settings_invalid', { path: where, detail: describe(parsed.error) });
  }
  const envPassword = env[ENV.password];
  let password: string | null = envPassword !== undefined && envPassword !== '' ? envPassword : null;
  if (password === null && file?.password) {
    if (!sources.secrets)
      throw new AppError('team_secret_unavailable', { detail: 'geen beveiligde opslag in deze modus; zet KLANKBORD_PG_PASSWORD' });
    try {
      password = sources.secrets.decrypt(file.password.encrypted);
    } catch (error) {
      throw new AppError(
        'team_secret_unavailable',
        { detail: error instanceof Error ? error.message.slice(0, 120) : 'ontsleutelen mislukt' },
        { cause: error },
      );
    }
  }
  return { connection: parsed.data, password, fromEnvironment };
}

/** The settings as `openCore` takes them; refuses (in Dutch) when no password is at hand. */
export function teamDatabaseOf(settings: ResolvedTeamSettings): TeamDatabase {
  if (settings.password === null) {
    throw new AppError('team_secret_unavailable', {
      detail: 'er is geen wachtwoord bewaard; zet KLANKBORD_PG_PASSWORD of vul het opnieuw in',
    });
  }
  const { host, port, database, user, recordingsDir } = settings.connection;
  return { postgres: { host, port, database, user, password: settings.password }, recordingsDir };
}

/**
 * Writes `teammodus.json` (atomically: a crash leaves the old file or the new one). The password
 * is stored only encrypted; without a secret box (web mode) it is not stored at all and must come
 * from KLANKBORD_PG_PASSWORD at the next start.
 */
export function writeTeamSettings(dataDir: string, connection: TeamConnection, password: string, sources: TeamSettingsSources = {}): void {
  let encrypted: string | undefined;
  if (sources.secrets) {
    try {
      encrypted = sources.secrets.encrypt(password);
    } catch (error) {
      throw new AppError(
        'team_secret_unavailable',
        { detail: error instanceof Error ? error.message.slice(0, 120) : 'versleutelen mislukt' },
        { cause: error },
      );
    }
  }
  const content = teamSettingsFile.parse({ ...connection, ...(encrypted ? { password: { encrypted } } : {}) });
  const path = teamSettingsPath(dataDir);
  const partial = `${path}.deel`;
  writeFileSync(partial, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  renameSync(partial, path);
}

export function removeTeamSettings(dataDir: string): void {
  rmSync(teamSettingsPath(dataDir), { force: true });
}
