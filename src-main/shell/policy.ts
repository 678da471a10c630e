import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MEDIA_SCHEME } from './ipc-channels';

/**
 * The shell's security decisions as plain functions: no electron import, so vitest can check each
 * rule directly (tests/unit/shell-policy.test.ts). window.ts only wires them to Electron's events.
 */

/** The one page this app shows: the dev server in development, else the bundled index.html. */
export function appEntryUrl(rendererDir: string, devServerUrl: string | undefined): string {
  return devServerUrl ? new URL(devServerUrl).href : pathToFileURL(join(rendererDir, 'index.html')).href;
}

function parse(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for the app's own page only. A packaged app is a file:// page, and every local file shares
 * that "origin", so for file:// the exact path must match; routes live in the hash, which may differ.
 */
export function isAppUrl(url: string | undefined, entryUrl: string): boolean {
  const target = parse(url);
  const entry = parse(entryUrl);
  if (!target || !entry || target.username || target.password) return false;
  if (entry.protocol === 'file:') {
    return target.protocol === 'file:' && target.host === entry.host && target.pathname === entry.pathname && target.search === '';
  }
  return target.origin === entry.origin;
}

/** Navigation may only reload the app itself; hash routes do not count as navigation in Electron. */
export function isAllowedNavigation(url: string | undefined, entryUrl: string): boolean {
  return isAppUrl(url, entryUrl);
}

/** IPC is answered only for the app's own top frame (no iframe, no page it navigated to). */
export function isTrustedSender(frame: { url: string; isTopFrame: boolean } | null | undefined, entryUrl: string): boolean {
  return !!frame && frame.isTopFrame && isAppUrl(frame.url, entryUrl);
}

/**
 * The only permission the app uses: writing plain text to the clipboard ("Kopiëren" on every
 * chart table, Mantine's useClipboard → navigator.clipboard.writeText). Everything else (camera,
 * microphone, notifications, geolocation, reading the clipboard, opening external apps, …) is refused.
 */
export const grantedPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(permission: string, requestingUrl: string | undefined, entryUrl: string): boolean {
  return grantedPermissions.has(permission) && isAppUrl(requestingUrl, entryUrl);
}

export type MediaRequest = { kind: 'recording' | 'source'; id: number };

// Canonical form only: no "..", no percent-escapes, no query, no fragment, no leading zeros.
const mediaUrlPattern = new RegExp(`^${MEDIA_SCHEME}://(recording|source)/([1-9][0-9]{0,15})/?$`);

/**
 * `klankbord-media://recording/<id>` and `klankbord-media://source/<id>`: a positive integer id that
 * the core looks up in the database. Nothing from the URL ever becomes part of a file path.
 */
export function parseMediaUrl(url: string): MediaRequest | null {
  const match = mediaUrlPattern.exec(url);
  if (!match) return null;
  const id = Number(match[2]);
  if (!Number.isSafeInteger(id)) return null;
  return { kind: match[1] === 'source' ? 'source' : 'recording', id };
}
