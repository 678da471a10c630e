import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { formatError } from '../contract';
import { openCore, type Core } from '../core/app';
import { AppError } from '../core/errors';
import { stageUpload } from '../core/recordings/uploads';
import { scheduleRetention } from '../core/retention/retention';
import { createDispatcher } from '../ipc/dispatch';
import { IPC_EVENT, IPC_INVOKE, IPC_SAVE_PDF, IPC_UPLOAD } from './ipc-channels';
import { savePagePdf } from './save-pdf';
import { handleMediaProtocol, registerMediaScheme } from './media-protocol';
import { createMainWindow, hardenSession } from './window';

/**
 * In a development checkout Node's and Electron's ABIs differ, so better-sqlite3 has a second
 * build for Electron (scripts/ensure-electron-native.mjs). A packaged app has only Electron's.
 */
function electronNativeBinding(): string | undefined {
  const candidate = join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node');
  return !app.isPackaged && existsSync(candidate) ? candidate : undefined;
}

function isOwnFrame(url: string | undefined): boolean {
  return !!url && (url.startsWith('file://') || (!!process.env.ELECTRON_RENDERER_URL && url.startsWith(process.env.ELECTRON_RENDERER_URL)));
}

export function runShell(): void {
  registerMediaScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let win: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });

  void app.whenReady().then(async () => {
    let core: Core;
    try {
      core = await openCore(app.getPath('userData'), { nativeBinding: electronNativeBinding() });
    } catch (error) {
      const message = error instanceof AppError ? formatError(error.code, error.params, 'nl') : String(error);
      dialog.showErrorBox('Klankbord kan niet starten', message);
      app.quit();
      return;
    }
    const stopRetention = scheduleRetention(core);
    hardenSession();
    handleMediaProtocol(core);
    const dispatcher = createDispatcher(core);

    ipcMain.handle(IPC_INVOKE, (event, channel: unknown, input: unknown) => {
      if (!isOwnFrame(event.senderFrame?.url) || typeof channel !== 'string') return null;
      return dispatcher.dispatch(channel, input);
    });
    ipcMain.handle(IPC_UPLOAD, async (event, bytes: unknown) => {
      if (!isOwnFrame(event.senderFrame?.url) || !(bytes instanceof Uint8Array)) return null;
      return { uploadId: await stageUpload(core.paths, bytes) };
    });
    ipcMain.handle(IPC_SAVE_PDF, (event, suggestedName: unknown) => {
      if (!isOwnFrame(event.senderFrame?.url) || typeof suggestedName !== 'string') return false;
      return savePagePdf(event.sender, suggestedName);
    });
    dispatcher.onChange((topics) => {
      for (const w of BrowserWindow.getAllWindows()) w.webContents.send(IPC_EVENT, 'data.changed', { topics });
    });
    dispatcher.onEvent((event, payload) => {
      for (const w of BrowserWindow.getAllWindows()) w.webContents.send(IPC_EVENT, event, payload);
    });

    win = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'), join(import.meta.dirname, '../renderer'));
    app.on('window-all-closed', () => {
      stopRetention();
      void core.close().then(() => app.quit());
    });
  });
}
