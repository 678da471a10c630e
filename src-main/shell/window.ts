import { app, BrowserWindow, session, type IpcMainInvokeEvent, type Session, type WebContents } from 'electron';
import { appEntryUrl, isAllowedNavigation, isPermissionGranted, isTrustedSender } from './policy';
import { contentSecurityPolicy } from './security';

/** Set by hardenApp; until then every check below refuses (fail closed). */
let entryUrl: string | null = null;

const entryFor = (rendererDir: string) => appEntryUrl(rendererDir, process.env.ELECTRON_RENDERER_URL);

const hardened = new WeakSet<WebContents>();

/**
 * Applies to every webContents the app will ever have (windows, anything a library creates): no
 * pop-ups, no navigation away from the app's page, no <webview>.
 */
function hardenContents(contents: WebContents): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const blockForeign = (event: { url: string; preventDefault: () => void }) => {
    // DevTools (development only: `devTools` below) navigate within their own devtools:// pages.
    if (contents.getURL().startsWith('devtools://')) return;
    if (!entryUrl || !isAllowedNavigation(event.url, entryUrl)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-frame-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Permissions (only the clipboard write of "Kopiëren"), devices (none) and the CSP header for one session. */
export function hardenSession(ses: Session = session.defaultSession): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(!!entryUrl && isPermissionGranted(permission, details.requestingUrl, entryUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, _origin, details) => {
    return !!entryUrl && isPermissionGranted(permission, details.requestingUrl, entryUrl);
  });
  ses.setDevicePermissionHandler(() => false);
  // The file:// page carries the same policy as a meta tag; the header covers the dev server.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
}

/**
 * Call once, synchronously, before `app.whenReady()`: sandbox for every renderer, the
 * webContents rules above for every webContents, and the session rules for every session.
 */
export function hardenApp(rendererDir: string): void {
  entryUrl = entryFor(rendererDir);
  if (!app.isReady()) app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('session-created', (ses) => hardenSession(ses));
  void app.whenReady().then(() => hardenSession(session.defaultSession));
}

/** For every ipcMain handler: answer the app's own top frame only. */
export function isTrustedIpcSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return !!entryUrl && isTrustedSender(frame ? { url: frame.url, isTopFrame: frame.parent === null } : null, entryUrl);
}

/** The app's only window kind: isolated, sandboxed, no Node, no navigation away, no pop-ups. */
export function createMainWindow(preloadPath: string, rendererDir: string): BrowserWindow {
  entryUrl ??= entryFor(rendererDir);
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    title: 'Klankbord',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click on a link would otherwise open it in a new window.
      disableBlinkFeatures: 'Auxclick',
      // DevTools can call the bridge with anything; an installed app has no need for them.
      devTools: !app.isPackaged,
      spellcheck: true,
    },
  });
  // Also here, in case the window exists before hardenApp's whenReady callback has run.
  hardenContents(win.webContents);
  hardenSession(win.webContents.session);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(entryUrl);
  return win;
}
