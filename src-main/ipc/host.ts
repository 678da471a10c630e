import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import {
  dataTopics,
  formatError,
  isChannelName,
  type AppStatus,
  type DataTopic,
  type HostChannelName,
  type IpcResult,
  type RestoreResult,
  type TeamCheck,
  type TeamConnection,
  type TeamMode,
  type TeamMoveResult,
  type TeamSettingsInput,
  type TeamStatus,
} from '../contract';
import { openCore, type Core } from '../core/app';
import { recordAudit } from '../core/audit/audit';
import {
  backupDatabase,
  BACKUPS_KEPT,
  listBackups,
  moveAsideUnopenable,
  stageRestore,
  swapInRestore,
  verifyBackup,
} from '../core/backup/backup';
import { localDateOf, todayIso } from '../core/clock';
import { seedDemo } from '../core/demo/seed';
import type { OpenOptions, TeamDatabase } from '../core/db/connection';
import { AppError } from '../core/errors';
import { dataPaths, ensureDataFolders } from '../core/paths';
import { readWorkstation, writeWorkstation, type Workstation } from '../core/session/session';
import { signInRequired } from '../core/session/sign-in';
import { checkTeamConnection } from '../core/team/connection-check';
import { localDataCounts, moveIntoTeam } from '../core/team/move';
import { startTeamNotifier, type TeamNotifier } from '../core/team/notify';
import {
  readTeamSettings,
  removeTeamSettings,
  teamDatabaseOf,
  teamSettingsPath,
  writeTeamSettings,
  type ResolvedTeamSettings,
  type TeamSettingsSources,
} from '../core/team/settings';
import { createDispatcher, failure, isHostChannel, runChannel, type ChangeListener, type Dispatcher, type EventListener } from './dispatch';

type Log = (message: string, error: unknown) => void;

type State =
  | { kind: 'ready'; core: Core; dispatcher: Dispatcher; notifier: TeamNotifier | null; unsubscribe: () => void }
  | { kind: 'failed'; problem: AppStatus & { state: 'failed' } }
  | { kind: 'switching' }
  | { kind: 'closed' };

export interface Host {
  /** Both transports send every request here. Never throws. */
  dispatch(channel: string, rawInput: unknown): Promise<IpcResult<unknown>>;
  onChange(listener: ChangeListener): () => void;
  onEvent(listener: EventListener): () => void;
  /** The open core, or null while the database cannot be opened or is being restored. */
  core(): Core | null;
  /** In team mode: the connection that hears other workstations' changes. */
  notifier(): TeamNotifier | null;
  close(): Promise<void>;
}

export interface HostOptions extends OpenOptions {
  log?: Log;
  /** Start in the demo environment instead of the real data (`npm run web -- --demo`). */
  demo?: boolean;
  /**
   * Besides `teammodus.json` in the data folder: Electron's secret storage for the password, or
   * (web mode) environment variables. `team` itself, when given, wins over both (tests).
   */
  teamSources?: TeamSettingsSources;
}

/** The demo lives in its own folder (database, store, backups), never mixed with real data. */
export const demoFolder = (dataDir: string) => join(dataDir, 'demo');
/** The same seed gives the same demo; today is the workstation's, so the year of coaching ends now. */
const DEMO_SEED = 'klankbord-demo';

function problemOf(
  error: unknown,
  dataDir: string,
  demo: boolean,
  mode: TeamMode,
  databaseFile: string,
  log: Log,
): AppStatus & { state: 'failed' } {
  const paths = dataPaths(dataDir);
  if (!(error instanceof AppError)) log('Klankbord kon de gegevensmap niet openen', error);
  const code = error instanceof AppError ? error.code : 'db_corrupt';
  const params =
    error instanceof AppError
      ? error.params
      : { path: paths.database, detail: error instanceof Error ? error.message.slice(0, 200) : String(error) };
  return {
    state: 'failed',
    dataDir,
    demo,
    mode,
    databaseFile,
    problem: { code, params, message: formatError(code, params, 'nl') },
  };
}

/**
 * Owns the data folder for a transport: opens the core, and when that fails keeps answering the
 * few channels a person needs to recover (status, backup list, restore) instead of leaving a
 * white window. A restore closes the core, swaps the database file and opens it again; screens
 * refresh through the usual change notification.
 */
export async function startHost(realDir: string, options: HostOptions = {}): Promise<Host> {
  const log: Log = options.log ?? console.error;
  const sources = options.teamSources ?? {};
  const changeListeners = new Set<ChangeListener>();
  const eventListeners = new Set<EventListener>();
  let demo = options.demo ?? false;
  let dataDir = demo ? demoFolder(realDir) : realDir;

  // Team mode: the settings as read, what openCore gets, and why they could not be read.
  let resolved: ResolvedTeamSettings | null = null;
  let team: TeamDatabase | undefined = options.team;
  let teamProblem: unknown = null;
  if (!team) {
    try {
      resolved = readTeamSettings(realDir, sources);
      team = resolved ? teamDatabaseOf(resolved) : undefined;
    } catch (error) {
      teamProblem = error;
    }
  }
  const teamConfigured = () => team !== undefined || teamProblem !== null;
  const mode = (): TeamMode => (!demo && teamConfigured() ? 'team' : 'local');
  // The demo is always a local SQLite folder, also on a workstation in team mode.
  const openOptions = (): OpenOptions => ({ nativeBinding: options.nativeBinding, team: demo ? undefined : team });
  let paths = dataPaths(dataDir, openOptions().team?.recordingsDir);
  let state: State = { kind: 'closed' };

  const emitChange = (topics: DataTopic[]) => changeListeners.forEach((l) => l(topics));

  function databaseLabel(): string {
    if (mode() === 'local') return paths.database;
    const where = team?.postgres ?? resolved?.connection;
    return where ? `${where.host}:${where.port}/${where.database}` : teamSettingsPath(realDir);
  }

  function install(core: Core): void {
    const dispatcher = createDispatcher(core, log);
    const notifier =
      core.dialect === 'postgres' && core.options.team
        ? startTeamNotifier({ settings: core.options.team.postgres, db: core.db, onRemote: emitChange, log })
        : null;
    const offChange = dispatcher.onChange((topics) => {
      emitChange(topics);
      void notifier?.publish(topics);
    });
    const offEvent = dispatcher.onEvent((event, payload) => eventListeners.forEach((l) => l(event, payload)));
    state = { kind: 'ready', core, dispatcher, notifier, unsubscribe: () => (offChange(), offEvent()) };
  }

  async function open(): Promise<void> {
    try {
      if (!demo && teamProblem) throw teamProblem;
      const fresh = demo && !existsSync(paths.database);
      const core = await openCore(dataDir, openOptions());
      if (fresh) await seedFreshDemo(core);
      install(core);
    } catch (error) {
      state = { kind: 'failed', problem: problemOf(error, dataDir, demo, mode(), databaseLabel(), log) };
    }
  }

  async function closeCurrent(previous: State): Promise<void> {
    if (previous.kind !== 'ready') return;
    previous.unsubscribe();
    await previous.notifier?.close();
    await previous.core.close();
  }

  /** Seeds a new demo folder; a seed that fails leaves no half demo behind. */
  async function seedFreshDemo(core: Core): Promise<void> {
    try {
      await seedDemo(core, { seed: DEMO_SEED, today: todayIso() });
    } catch (error) {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** Closes what is open and opens the real data or the demo (seeded on first use, or again after a reset). */
  async function switchTo(toDemo: boolean, reset = false): Promise<AppStatus> {
    const previous = state;
    state = { kind: 'switching' };
    await closeCurrent(previous);
    demo = toDemo;
    dataDir = toDemo ? demoFolder(realDir) : realDir;
    paths = dataPaths(dataDir, openOptions().team?.recordingsDir);
    if (reset) rmSync(dataDir, { recursive: true, force: true });
    await open();
    return status();
  }

  function status(): AppStatus {
    return state.kind === 'failed' ? state.problem : { state: 'ready', dataDir, demo, mode: mode() };
  }

  async function shutDown(): Promise<void> {
    await closeCurrent(state);
  }

  async function restore(fileName: string): Promise<RestoreResult> {
    if (mode() === 'team') throw new AppError('team_mode_unsupported');
    ensureDataFolders(paths);
    verifyBackup(paths.backups, fileName, options);
    const previous = state;
    state = { kind: 'switching' };
    let safetyCopy: string | null = null;
    let workstation: Workstation | null = null;
    let incoming: string | null = null;
    try {
      // Staged first: the safety backup below may prune the very file being restored.
      incoming = stageRestore(paths.database, join(paths.backups, fileName));
      if (previous.kind === 'ready') {
        workstation = await readWorkstation(previous.core);
        safetyCopy = (await backupDatabase(previous.core, paths.backups, 'before_restore')).fileName;
        await closeCurrent(previous);
      } else {
        safetyCopy = moveAsideUnopenable(paths.database, paths.backups);
      }
      swapInRestore(paths.database, incoming);
    } catch (error) {
      // The database was not replaced: open what was there before.
      if (incoming) rmSync(incoming, { force: true });
      state = { kind: 'closed' };
      await open();
      throw error;
    }
    await open();
    const reopened = state as State;
    if (reopened.kind !== 'ready') throw new AppError(reopened.kind === 'failed' ? 'app_not_started' : 'app_busy');
    if (workstation) await writeWorkstation(reopened.core, workstation);
    const backup = listBackups(paths.backups).find((b) => b.fileName === fileName);
    await recordAudit(reopened.core.db, {
      entity: 'backup',
      entityId: null,
      action: 'restored',
      actorId: workstation?.profileId ?? null,
      summary: `Back-up van ${backup ? localDateOf(backup.createdAt) : fileName} teruggezet`,
      before: safetyCopy ? { stand: safetyCopy } : null,
      after: { backup: fileName },
    });
    return { restoredFrom: fileName, safetyCopy };
  }

  const connectionOf = (database: TeamDatabase): TeamConnection => {
    const { host, port, database: name, user } = database.postgres;
    return { host, port, database: name, user, recordingsDir: database.recordingsDir };
  };

  async function serverVersion(): Promise<string | null> {
    if (state.kind !== 'ready' || state.core.dialect !== 'postgres') return null;
    try {
      const { rows } = await sql<{ server_version: string }>`show server_version`.execute(state.core.db);
      return rows[0]?.server_version ?? null;
    } catch {
      return null;
    }
  }

  async function teamStatus(): Promise<TeamStatus> {
    const current = mode();
    return {
      mode: current,
      settings: resolved?.connection ?? (team ? connectionOf(team) : null),
      passwordStored: team !== undefined && (resolved === null || resolved.password !== null),
      fromEnvironment: resolved?.fromEnvironment ?? false,
      serverVersion: current === 'team' ? await serverVersion() : null,
      recordingsDir: current === 'team' ? (team?.recordingsDir ?? resolved?.connection.recordingsDir ?? null) : null,
      localData: current === 'team' ? localDataCounts(dataPaths(realDir).database, options.nativeBinding) : null,
    };
  }

  /** The form's settings with its password, or the one at hand when the field was left empty. */
  function teamFrom(input: TeamSettingsInput): TeamDatabase {
    const { password, ...connection } = input;
    const known = password !== '' ? password : (team?.postgres.password ?? resolved?.password ?? null);
    if (known === null) throw new AppError('team_secret_unavailable', { detail: 'vul het wachtwoord in' });
    return teamDatabaseOf({ connection, password: known, fromEnvironment: false });
  }

  const testTeam = (input: TeamSettingsInput): Promise<TeamCheck> => checkTeamConnection(teamFrom(input));

  /**
   * Opens the team database first (migrations run there); only when that works are the settings
   * saved and the local core closed, so a typo never leaves the workstation without a database.
   */
  async function enableTeam(input: TeamSettingsInput): Promise<TeamStatus> {
    const next = teamFrom(input);
    const core = await openCore(realDir, { nativeBinding: options.nativeBinding, team: next });
    const previous = state;
    state = { kind: 'switching' };
    try {
      writeTeamSettings(realDir, connectionOf(next), next.postgres.password, sources);
    } catch (error) {
      await core.close();
      state = previous;
      throw error;
    }
    await closeCurrent(previous);
    team = next;
    resolved = { connection: connectionOf(next), password: next.postgres.password, fromEnvironment: resolved?.fromEnvironment ?? false };
    teamProblem = null;
    demo = false;
    dataDir = realDir;
    paths = dataPaths(dataDir, next.recordingsDir);
    install(core);
    return teamStatus();
  }

  /** Back to this workstation's own database; the team database is left as it is. */
  async function disableTeam(): Promise<TeamStatus> {
    removeTeamSettings(realDir);
    team = undefined;
    resolved = null;
    teamProblem = null;
    await switchTo(false);
    return teamStatus();
  }

  async function moveTeam(): Promise<TeamMoveResult> {
    if (state.kind !== 'ready' || state.core.dialect !== 'postgres') throw new AppError('team_settings_missing');
    const { core: teamCore, notifier } = state;
    if (!existsSync(dataPaths(realDir).database)) throw new AppError('team_move_local_only');
    const local = await openCore(realDir, { nativeBinding: options.nativeBinding });
    try {
      const result = await moveIntoTeam(local, teamCore);
      await notifier?.publish([...dataTopics]);
      return result;
    } finally {
      await local.close();
    }
  }

  /**
   * Which database the team works in, and restoring a backup over it, are the team manager's
   * decisions: with sign-in on, only a signed-in manager may test or switch to a team database. Switching off stays open, as it
   * must while the team database does not open (and only changes this workstation's own file);
   * a move only ever goes into a team database without staff, where nobody can sign in yet.
   */
  const managerOnly =
    <I>(what: string, run: (input: I) => Promise<unknown>) =>
    async (input: I): Promise<unknown> => {
      if (state.kind === 'ready' && (await signInRequired(state.core)) && (await state.dispatcher.viewer())?.role !== 'manager') {
        throw new AppError('access_denied', { what, why: `alleen een teammanager kan ${what} instellen of terugzetten` });
      }
      return run(input);
    };

  const hostHandlers: Record<HostChannelName, (input: unknown) => Promise<unknown>> = {
    'app.status': async () => {
      // "Opnieuw proberen" on the start-up page: the team server may be back (a local file that
      // did not open stays as it was until a restore).
      if (state.kind === 'failed' && mode() === 'team' && !teamProblem) await open();
      return status();
    },
    'demo.open': () => switchTo(true),
    'demo.reset': () => switchTo(true, true),
    'demo.leave': () => switchTo(false),
    'backups.list': async () => ({ folder: paths.backups, keep: BACKUPS_KEPT, backups: listBackups(paths.backups) }),
    // Replaces everyone's data: with sign-in on, a manager's decision (a database that does not open lets anyone recover).
    'backups.restore': managerOnly('een back-up', (input) => restore((input as { fileName: string }).fileName)),
    'team.status': () => teamStatus(),
    'team.test': managerOnly('de teammodus', (input) => testTeam(input as TeamSettingsInput)),
    'team.enable': managerOnly('de teammodus', (input) => enableTeam(input as TeamSettingsInput)),
    'team.disable': () => disableTeam(),
    'team.move': () => moveTeam(),
  };

  await open();

  return {
    async dispatch(channel, rawInput) {
      if (isChannelName(channel) && isHostChannel(channel)) {
        if (state.kind === 'switching') return failure('app_busy');
        const result = await runChannel(channel, rawInput, hostHandlers[channel], log);
        const reads = channel === 'app.status' || channel === 'backups.list' || channel === 'team.status' || channel === 'team.test';
        if (result.ok && !reads) emitChange([...dataTopics]);
        return result;
      }
      if (state.kind === 'ready') return state.dispatcher.dispatch(channel, rawInput);
      return failure(state.kind === 'switching' ? 'app_busy' : 'app_not_started');
    },
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    core: () => (state.kind === 'ready' ? state.core : null),
    async close() {
      await shutDown();
      state = { kind: 'closed' };
    },
    notifier: () => (state.kind === 'ready' ? state.notifier : null),
  };
}
