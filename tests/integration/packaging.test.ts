import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm run dist` needs internet, so the installer itself is not built here. What can be checked
// offline is checked: the configuration against electron-builder's own schema, and what it names.

const root = resolve(import.meta.dirname, '../..');
const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const requireFromLib = createRequire(requireFromBuilder.resolve('app-builder-lib'));
const yaml = requireFromLib('js-yaml') as { load: (text: string) => unknown };
const { validateConfiguration } = requireFromLib('./util/config/config.js') as {
  validateConfiguration: (config: unknown, logger: { isEnabled: boolean; add: () => void }) => Promise<void>;
};

type Target = string | { target: string; arch?: string[] };
type BuilderConfig = {
  appId: string;
  productName: string;
  directories: { buildResources: string; output: string };
  files: string[];
  asarUnpack: string[];
  electronFuses?: Record<string, boolean>;
  win: { target: Target | Target[]; icon?: string };
  nsis: { language?: string; installerLanguages?: string[]; oneClick?: boolean; artifactName?: string };
  linux: { target: Target | Target[]; icon?: string; maintainer?: string };
  deb?: { depends?: string[] };
};

const configText = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
const config = yaml.load(configText) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { productName: string; main: string };
const quietLogger = { isEnabled: false, add: () => undefined };

const targetNames = (targets: Target | Target[]) =>
  (Array.isArray(targets) ? targets : [targets]).map((t) => (typeof t === 'string' ? t : t.target));

/** Width and height from a PNG's IHDR chunk; null when the file is not a PNG. */
function pngSize(path: string): { width: number; height: number } | null {
  const bytes = readFileSync(path);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every string option whose name mentions an icon, anywhere in the configuration. */
function iconPaths(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return /icon/i.test(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => iconPaths(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => iconPaths(v, k));
  return [];
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration schema", async () => {
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
  });

  it('is rejected by that schema when an option is misspelt (the check above can fail)', async () => {
    const broken = { ...config, nsis: { ...config.nsis, langauge: '1043' } };
    await expect(validateConfiguration(broken, quietLogger)).rejects.toThrow(/configuration\.nsis/);
  });

  it('names the app as the README and the data folder do', () => {
    expect(config.appId).toBe('nl.klankbord.app');
    // Electron names the data folder after productName: %APPDATA%\Klankbord, ~/.config/Klankbord.
    expect(config.productName).toBe('Klankbord');
    expect(pkg.productName).toBe(config.productName);
  });

  it('builds a Dutch assisted NSIS installer for Windows', () => {
    expect(targetNames(config.win.target)).toEqual(['nsis']);
    expect(config.nsis.language).toBe('1043');
    expect(config.nsis.installerLanguages).toEqual(['nl_NL']);
    expect(config.nsis.oneClick).toBe(false);
  });

  it('builds an AppImage and a deb for Linux, the deb able to play audio on Debian 12 and 13', () => {
    expect(targetNames(config.linux.target).sort()).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toBeTruthy();
    expect(config.deb?.depends).toContain('libasound2t64 | libasound2');
  });

  it('packs the built app and unpacks what must run outside the asar', () => {
    expect(config.files).toContain('out/**');
    expect(pkg.main.startsWith('out/')).toBe(true);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['**/node_modules/better-sqlite3/**', '**/node_modules/@ffmpeg-installer/**']),
    );
  });

  it('switches off the fuses that let outside code run inside the app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('points every icon at an existing square PNG of at least 256×256', () => {
    const icons = [...new Set(iconPaths(config))];
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) {
      // electron-builder looks in the build resources first, then in the project folder.
      const path = [join(root, config.directories.buildResources, icon), join(root, icon)].find((p) => existsSync(p));
      expect(path, `${icon} exists`).toBeDefined();
      const size = pngSize(path ?? '');
      expect(size, `${icon} is a PNG`).not.toBeNull();
      expect(size?.width).toBeGreaterThanOrEqual(256);
      expect(size?.height).toBe(size?.width);
    }
  });
});
