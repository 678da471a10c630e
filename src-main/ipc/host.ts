import { rmSync } from 'node:fs';
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
import { localDateOf } from '../core/clock';
import type { OpenOptions } from '../core/db/connection';
import { AppError } from '../core/errors';
import { dataPaths, ensureDataFolders } from '../core/paths';
import { readWorkstation, writeWorkstation, type Workstation } from '../core/session/session';
import { createDispatcher, failure, isHostChannel, runChannel, type ChangeListener, type Dispatcher, type EventListener } from './dispatch';

type Log = (message: string, error: unknown) => void;

type State =
  | { kind: 'ready'; core: Core; dispatcher: Dispatcher; unsubscribe: () => void }
  | { kind: 'failed'; problem: AppStatus & { state: 'failed' } }
  | { kind: 'restoring' }
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
}

function problemOf(error: unknown, dataDir: string, log: Log): AppStatus & { state: 'failed' } {
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
export async function startHost(dataDir: string, options: HostOptions = {}): Promise<Host> {
  const log: Log = options.log ?? console.error;
  const changeListeners = new Set<ChangeListener>();
  const eventListeners = new Set<EventListener>();
  const paths = dataPaths(dataDir);
  let state: State = { kind: 'closed' };

  async function open(): Promise<void> {
    try {
      const core = await openCore(dataDir, options);
      const dispatcher = createDispatcher(core, log);
      const offChange = dispatcher.onChange((topics) => changeListeners.forEach((l) => l(topics)));
      const offEvent = dispatcher.onEvent((event, payload) => eventListeners.forEach((l) => l(event, payload)));
      state = { kind: 'ready', core, dispatcher, unsubscribe: () => (offChange(), offEvent()) };
    } catch (error) {
      state = { kind: 'failed', problem: problemOf(error, dataDir, log) };
    }
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
    state = { kind: 'restoring' };
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
    'app.status': async () => (state.kind === 'failed' ? state.problem : ({ state: 'ready', dataDir } satisfies AppStatus)),
    'backups.list': async () => ({ folder: paths.backups, keep: BACKUPS_KEPT, backups: listBackups(paths.backups) }),
    'backups.restore': (input) => restore((input as { fileName: string }).fileName),
  };

  await open();

  return {
    async dispatch(channel, rawInput) {
      if (isChannelName(channel) && isHostChannel(channel)) {
        if (state.kind === 'restoring') return failure('app_busy');
        const result = await runChannel(channel, rawInput, hostHandlers[channel], log);
        if (result.ok && channel === 'backups.restore') changeListeners.forEach((l) => l([...dataTopics]));
        return result;
      }
      if (state.kind === 'ready') return state.dispatcher.dispatch(channel, rawInput);
      return failure(state.kind === 'restoring' ? 'app_busy' : 'app_not_started');
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
