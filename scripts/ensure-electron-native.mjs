// `npm start` runs Electron, whose ABI differs from Node's: better-sqlite3 needs a second build.
// We keep Node's build in node_modules (for `npm test`) and put Electron's in native/electron/,
// which the shell passes to better-sqlite3 as `nativeBinding`. Needs Electron's headers, so the
// first `npm start` on a machine needs internet; later starts reuse the build.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = dirname(dirname(new URL(import.meta.url).pathname));
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const target = join(root, 'native', 'electron', 'better_sqlite3.node');
const stamp = join(root, 'native', 'electron', 'version.txt');

if (existsSync(target) && existsSync(stamp) && readFileSync(stamp, 'utf8') === electronVersion) process.exit(0);

const work = join(root, 'native', 'electron-build');
mkdirSync(join(work, 'node_modules'), { recursive: true });
writeFileSync(
  join(work, 'package.json'),
  JSON.stringify({ name: 'klankbord-native', version: '0.0.0', dependencies: { 'better-sqlite3': '*' } }),
);
cpSync(join(root, 'node_modules', 'better-sqlite3'), join(work, 'node_modules', 'better-sqlite3'), { recursive: true });

console.log(`better-sqlite3 bouwen voor Electron ${electronVersion} (eenmalig)…`);
const { rebuild } = require('@electron/rebuild');
await rebuild({ buildPath: work, electronVersion, onlyModules: ['better-sqlite3'], force: true });
mkdirSync(dirname(target), { recursive: true });
cpSync(join(work, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), target);
writeFileSync(stamp, electronVersion);
console.log('Klaar: native/electron/better_sqlite3.node');
