import { describe, expect, it } from 'vitest';
import {
  appEntryUrl,
  isAllowedNavigation,
  isAppUrl,
  isPermissionGranted,
  isTrustedSender,
  parseMediaUrl,
} from '../../src-main/shell/policy';

const rendererDir = '/opt/Klankbord/resources/app.asar/out/renderer';
const entry = appEntryUrl(rendererDir, undefined);

describe('parseMediaUrl (klankbord-media://)', () => {
  it('gives a recording or source id for the two canonical forms', () => {
    expect(parseMediaUrl('klankbord-media://recording/42')).toEqual({ kind: 'recording', id: 42 });
    expect(parseMediaUrl('klankbord-media://recording/42/')).toEqual({ kind: 'recording', id: 42 });
    expect(parseMediaUrl('klankbord-media://source/7')).toEqual({ kind: 'source', id: 7 });
    expect(parseMediaUrl(`klankbord-media://recording/${Number.MAX_SAFE_INTEGER}`)).toEqual({
      kind: 'recording',
      id: Number.MAX_SAFE_INTEGER,
    });
  });

  const attempts = [
    'klankbord-media://recording/../../etc/passwd',
    'klankbord-media://recording/..%2f..%2fetc%2fpasswd',
    'klankbord-media://recording/%2e%2e/%2e%2e/etc/passwd',
    'klankbord-media://recording/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'klankbord-media://recording/..\\..\\Windows\\win.ini',
    'klankbord-media://recording/C:/Windows/win.ini',
    'klankbord-media://recording//etc/passwd',
    'klankbord-media://recording/12?path=/etc/passwd',
    'klankbord-media://recording/12?',
    'klankbord-media://recording/12#t=10',
    'klankbord-media://recording/12/extra',
    'klankbord-media://recording/12%00',
    'klankbord-media://recording/%31%32',
    'klankbord-media://recording/abc',
    'klankbord-media://recording/-1',
    'klankbord-media://recording/0',
    'klankbord-media://recording/007',
    'klankbord-media://recording/1e3',
    'klankbord-media://recording/12.5',
    'klankbord-media://recording/ 12',
    'klankbord-media://recording/99999999999999999999',
    'klankbord-media://recording/9007199254740993',
    'klankbord-media://recording/',
    'klankbord-media://store/ab/abcd.wav',
    'klankbord-media://user@recording/12',
    'klankbord-media://recording:80/12',
    'klankbord-media:recording/12',
    'file:///etc/passwd',
    'https://example.org/recording/12',
    '',
  ];

  it.each(attempts)('refuses %s', (url) => {
    expect(parseMediaUrl(url)).toBeNull();
  });

  it('also refuses the traversals after the URL canonicalisation Chromium applies first', () => {
    for (const raw of attempts.slice(0, 4)) {
      const canonical = new URL(raw).href;
      expect(parseMediaUrl(canonical), `${raw} → ${canonical}`).toBeNull();
    }
  });
});

describe('isAppUrl and isAllowedNavigation (the packaged file:// page)', () => {
  it('is the bundled index.html', () => {
    expect(entry).toBe('file:///opt/Klankbord/resources/app.asar/out/renderer/index.html');
  });

  it('allows the app page itself, on any hash route', () => {
    expect(isAllowedNavigation(entry, entry)).toBe(true);
    expect(isAllowedNavigation(`${entry}#/evaluaties/3`, entry)).toBe(true);
  });

  it.each([
    'https://example.org/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'file:///opt/Klankbord/resources/app.asar/out/renderer/other.html',
    'file:///opt/Klankbord/resources/app.asar/out/renderer/index.html?next=https://example.org',
    'file://evil-host/opt/Klankbord/resources/app.asar/out/renderer/index.html',
    'klankbord-media://recording/1',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:file:///3f1c2b4e-0000-4000-8000-000000000000',
    'about:blank',
    'not a url',
    '',
  ])('blocks %s', (url) => {
    expect(isAllowedNavigation(url, entry)).toBe(false);
  });

  it('blocks when there is no URL at all', () => {
    expect(isAppUrl(undefined, entry)).toBe(false);
  });
});

describe('isAppUrl (the development server)', () => {
  const dev = appEntryUrl(rendererDir, 'http://localhost:5173');

  it('allows the dev server origin and nothing else', () => {
    expect(isAppUrl('http://localhost:5173/#/medewerkers', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl(entry, dev)).toBe(false);
  });
});

describe('isTrustedSender (every ipcMain handler)', () => {
  it('answers the top frame showing the app page', () => {
    expect(isTrustedSender({ url: `${entry}#/rapportage`, isTopFrame: true }, entry)).toBe(true);
  });

  it('refuses a subframe, another page, and a frame that is gone', () => {
    expect(isTrustedSender({ url: entry, isTopFrame: false }, entry)).toBe(false);
    expect(isTrustedSender({ url: 'https://example.org/', isTopFrame: true }, entry)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', isTopFrame: true }, entry)).toBe(false);
    expect(isTrustedSender(null, entry)).toBe(false);
    expect(isTrustedSender(undefined, entry)).toBe(false);
  });
});

describe('isPermissionGranted', () => {
  it('grants writing to the clipboard ("Kopiëren" under every chart table) to the app page', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', `${entry}#/dashboard`, entry)).toBe(true);
  });

  it('refuses the clipboard to any other page', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://example.org/', entry)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', undefined, entry)).toBe(false);
  });

  it.each([
    'clipboard-read',
    'media',
    'notifications',
    'geolocation',
    'openExternal',
    'fullscreen',
    'display-capture',
    'midiSysex',
    'hid',
    'usb',
    'unknown',
  ])('refuses %s even to the app page', (permission) => {
    expect(isPermissionGranted(permission, entry, entry)).toBe(false);
  });
});
