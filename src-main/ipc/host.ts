import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  dataTopics,
  formatError,
  isChannelName,
  type AppStatus,
  type HostChannelName,
  type IpcResult,
  type RestoreResult,
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
import type { OpenOptions } from '../core/db/connection';
import { AppError } from '../core/errors';
import { dataPaths, ensureDataFolders } from '../core/paths';
import { readWorkstation, writeWorkstation, type Workstation } from '../core/session/session';
import { createDispatcher, failure, isHostChannel, runChannel, type ChangeListener, type Dispatcher, type EventListener } from './dispatch';

type Log = (message: string, error: unknown) => void;

type State =
  | { kind: 'ready'; core: Core; dispatcher: Dispatcher; unsubscribe: () => void }
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
  close(): Promise<void>;
}

export interface HostOptions extends OpenOptions {
  log?: Log;
  /** Start in the demo environment instead of the real data (`npm run web -- --demo`). */
  demo?: boolean;
}

/** The demo lives in its own folder (database, store, backups), never mixed with real data. */
export const demoFolder = (dataDir: string) => join(dataDir, 'demo');
/** The same seed gives the same demo; today is the workstation's, so the year of coaching ends now. */
const DEMO_SEED = 'klankbord-demo';

function problemOf(error: unknown, dataDir: string, demo: boolean, log: Log): AppStatus & { state: 'failed' } {
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
    databaseFile: paths.database,
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
  const changeListeners = new Set<ChangeListener>();
  const eventListeners = new Set<EventListener>();
  let demo = options.demo ?? false;
  let dataDir = demo ? demoFolder(realDir) : realDir;
  let paths = dataPaths(dataDir);
  let state: State = { kind: 'closed' };

  async function open(): Promise<void> {
    try {
      const fresh = demo && !existsSync(paths.database);
      const core = await openCore(dataDir, options);
      if (fresh) await seedFreshDemo(core);
      const dispatcher = createDispatcher(core, log);
      const offChange = dispatcher.onChange((topics) => changeListeners.forEach((l) => l(topics)));
      const offEvent = dispatcher.onEvent((event, payload) => eventListeners.forEach((l) => l(event, payload)));
      state = { kind: 'ready', core, dispatcher, unsubscribe: () => (offChange(), offEvent()) };
    } catch (error) {
      state = { kind: 'failed', problem: problemOf(error, dataDir, demo, log) };
    }
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
    if (previous.kind === 'ready') {
      previous.unsubscribe();
      await previous.core.close();
    }
    demo = toDemo;
    dataDir = toDemo ? demoFolder(realDir) : realDir;
    paths = dataPaths(dataDir);
    if (reset) rmSync(dataDir, { recursive: true, force: true });
    await open();
    return status();
  }

  function status(): AppStatus {
    return state.kind === 'failed' ? state.problem : { state: 'ready', dataDir, demo };
  }

  async function shutDown(): Promise<void> {
    if (state.kind !== 'ready') return;
    state.unsubscribe();
    await state.core.close();
  }

  async function restore(fileName: string): Promise<RestoreResult> {
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
        previous.unsubscribe();
        await previous.core.close();
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

  const hostHandlers: Record<HostChannelName, (input: unknown) => Promise<unknown>> = {
    'app.status': async () => status(),
    'demo.open': () => switchTo(true),
    'demo.reset': () => switchTo(true, true),
    'demo.leave': () => switchTo(false),
    'backups.list': async () => ({ folder: paths.backups, keep: BACKUPS_KEPT, backups: listBackups(paths.backups) }),
    'backups.restore': (input) => restore((input as { fileName: string }).fileName),
  };

  await open();

  return {
    async dispatch(channel, rawInput) {
      if (isChannelName(channel) && isHostChannel(channel)) {
        if (state.kind === 'switching') return failure('app_busy');
        const result = await runChannel(channel, rawInput, hostHandlers[channel], log);
        if (result.ok && channel !== 'app.status' && channel !== 'backups.list') changeListeners.forEach((l) => l([...dataTopics]));
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
  };
}
