import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import { stageUpload } from '../core/recordings/uploads';
import { scheduleRetention } from '../core/retention/retention';
import { startHost, type Host } from '../ipc/host';
import { chosenDataFolder, rememberDataFolder } from './data-folder';
import { IPC_CHOOSE_DATA_FOLDER, IPC_EVENT, IPC_INVOKE, IPC_SAVE_PDF, IPC_UPLOAD } from './ipc-channels';
import { savePagePdf } from './save-pdf';
import { electronSecrets } from './secrets';
import { handleMediaProtocol, registerMediaScheme } from './media-protocol';
import { createMainWindow, hardenApp, isTrustedIpcSender } from './window';

/**
 * In a development checkout Node's and Electron's ABIs differ, so better-sqlite3 has a second
 * build for Electron (scripts/ensure-electron-native.mjs). A packaged app has only Electron's.
 */
function electronNativeBinding(): string | undefined {
  const candidate = join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node');
  return !app.isPackaged && existsSync(candidate) ? candidate : undefined;
}

/** The menu bar: the demo environment is one click away, as on the first screen of an empty installation. */
function appMenu(host: Host, window: () => BrowserWindow | null): Menu {
  const switchTo = (channel: 'demo.open' | 'demo.reset' | 'demo.leave') => async () => {
    await host.dispatch(channel, {});
    window()?.reload();
  };
  return Menu.buildFromTemplate([
    {
      label: 'Klankbord',
      submenu: [
        { label: 'Demo-omgeving openen', click: switchTo('demo.open') },
        { label: 'Demo opnieuw beginnen', click: switchTo('demo.reset') },
        { label: 'Demo verlaten', click: switchTo('demo.leave') },
        { type: 'separator' },
        { label: 'Afsluiten', role: 'quit' },
      ],
    },
    { label: 'Bewerken', role: 'editMenu' },
    {
      label: 'Beeld',
      submenu: [
        { role: 'reload', label: 'Vernieuwen' },
        { role: 'togglefullscreen', label: 'Volledig scherm' },
      ],
    },
  ]);
}

export function runShell(): void {
  registerMediaScheme();
  const rendererDir = join(import.meta.dirname, '../renderer');
  // Before ready: it enables the sandbox app-wide and hardens every window and session to come.
  hardenApp(rendererDir);
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
    // A data folder that does not open still gets a window: the renderer shows what to do.
    const host = await startHost(chosenDataFolder(app.getPath('userData')), {
      nativeBinding: electronNativeBinding(),
      teamSources: { secrets: electronSecrets },
    });
    const stopRetention = scheduleRetention(host);
    handleMediaProtocol(host);

    ipcMain.handle(IPC_INVOKE, (event, channel: unknown, input: unknown) => {
      if (!isTrustedIpcSender(event) || typeof channel !== 'string') return null;
      return host.dispatch(channel, input);
    });
    ipcMain.handle(IPC_UPLOAD, async (event, bytes: unknown) => {
      const core = host.core();
      if (!isTrustedIpcSender(event) || !(bytes instanceof Uint8Array) || !core) return null;
      return { uploadId: await stageUpload(core.paths, bytes) };
    });
    ipcMain.handle(IPC_SAVE_PDF, (event, suggestedName: unknown) => {
      if (!isTrustedIpcSender(event) || typeof suggestedName !== 'string') return false;
      return savePagePdf(event.sender, suggestedName);
    });
    ipcMain.handle(IPC_CHOOSE_DATA_FOLDER, async (event) => {
      if (!isTrustedIpcSender(event) || !win) return false;
      const picked = await dialog.showOpenDialog(win, {
        title: 'Kies de gegevensmap van Klankbord',
        properties: ['openDirectory', 'createDirectory'],
      });
      const folder = picked.filePaths[0];
      if (picked.canceled || !folder) return false;
      rememberDataFolder(app.getPath('userData'), folder);
      app.relaunch();
      app.exit(0);
      return true;
    });
    host.onChange((topics) => {
      for (const w of BrowserWindow.getAllWindows()) w.webContents.send(IPC_EVENT, 'data.changed', { topics });
    });
    host.onEvent((event, payload) => {
      for (const w of BrowserWindow.getAllWindows()) w.webContents.send(IPC_EVENT, event, payload);
    });

    Menu.setApplicationMenu(appMenu(host, () => win));
    win = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'), rendererDir);
    app.on('window-all-closed', () => {
      stopRetention();
      void host.close().then(() => app.quit());
    });
  });
}
