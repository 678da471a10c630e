// Doyensec's electronegativity over the Electron-facing sources, as part of `npm test`.
// Fails on any HIGH or MEDIUM finding that scripts/electronegativity-accepted.json does not
// explain, on an accepted entry that no longer matches anything, and on a file it could not parse.
// Offline and quick: the tool's two network calls (translations, Electron's release list) are
// replaced or switched off, so it never waits on a connection.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const electronVersion = '45.4.1';
const resultsDir = join(root, 'test-results');
const acceptedFile = join(root, 'scripts', 'electronegativity-accepted.json');
// Everything that runs in or configures an Electron renderer, main's shell, and the preload.
// The core, the IPC dispatch and the web server never import electron (eslint enforces that).
const scanned = ['src-main/shell', 'src-preload', 'src-renderer', 'package.json'];
// Needs Electron's release list from GitHub; Electron is pinned and upgraded on purpose instead.
const excludedChecks = ['AvailableSecurityFixesGlobalCheck'];

const require = createRequire(import.meta.url);
const runnerPath = require.resolve('@doyensec/electronegativity');
const toolRequire = createRequire(runnerPath);
const toolVersion = toolRequire('../package.json').version;

// The tool fetches updated translations before every run (and retries when offline); the
// English texts it ships are all this needs.
const i18nPath = toolRequire.resolve('./locales/i18n.js');
const offlineI18n = new Module(i18nPath);
offlineI18n.filename = i18nPath;
offlineI18n.loaded = true;
offlineI18n.exports = async () => {
  const i18n = toolRequire('i18n');
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: dirname(i18nPath),
    updateFiles: false,
    objectNotation: true,
    register: global,
  });
  i18n.setLocale('en-US');
};
require.cache[i18nPath] = offlineI18n;

const run = toolRequire(runnerPath);
const { list_files: listFiles, writeIssues } = toolRequire('./util/index.js');

const stage = mkdtempSync(join(tmpdir(), 'klankbord-eng-'));
try {
  for (const path of scanned) {
    mkdirSync(dirname(join(stage, path)), { recursive: true });
    cpSync(join(root, path), join(stage, path), { recursive: true });
  }

  const files = await listFiles(stage);
  // The tool writes its progress bar and tables only for the CLI; the programmatic run is quiet.
  const result = await run({
    input: stage,
    electronVersionOverride: electronVersion,
    excludeFromScan: excludedChecks,
    customScan: [],
    isRelative: true,
    isVerbose: false,
    parserPlugins: [],
  });
  const issues = result.issues.map((issue) => ({
    ...issue,
    file: issue.file === 'N/A' ? 'N/A' : relative(stage, resolve(stage, issue.file)),
  }));

  mkdirSync(resultsDir, { recursive: true });
  writeIssues(stage, false, join(resultsDir, 'electronegativity.csv'), issues, false);
  writeIssues(stage, false, join(resultsDir, 'electronegativity.sarif'), issues, true);

  /** @type {{ id: string, file: string, reason: string }[]} */
  const accepted = JSON.parse(readFileSync(acceptedFile, 'utf8'));
  const isAccepted = (issue) => accepted.find((a) => a.id === issue.id && a.file === issue.file);
  const serious = issues.filter((issue) => issue.severity.value >= 2);
  const unexplained = serious.filter((issue) => !isAccepted(issue));
  const stale = accepted.filter((a) => !serious.some((issue) => issue.id === a.id && issue.file === a.file));
  const unreadable = result.errors.filter((e) => !e.tolerable);
  const count = (name) => issues.filter((issue) => issue.severity.name === name).length;

  const where = (issue) => `${issue.file}:${issue.location.line}:${issue.location.column}`;
  for (const issue of unexplained) {
    console.error(
      `  ${issue.severity.name} ${issue.id} at ${where(issue)}: ${issue.description} (https://github.com/doyensec/electronegativity/wiki/${issue.id})`,
    );
  }
  for (const entry of stale)
    console.error(`  accepted but not found any more, remove it from ${relative(root, acceptedFile)}: ${entry.id} in ${entry.file}`);
  for (const error of unreadable) console.error(`  could not parse ${relative(stage, error.file)}: ${error.message}`);

  const ok = unexplained.length === 0 && stale.length === 0 && unreadable.length === 0;
  console.log(
    `electronegativity ${toolVersion} (Electron ${electronVersion}): ${ok ? 'ok' : 'FAILED'}, ` +
      `${files.length} files, ${result.globalChecks + result.atomicChecks} checks, ${count('HIGH')} high, ${count('MEDIUM')} medium ` +
      `(${serious.length - unexplained.length} accepted, ${unexplained.length} unexplained), ${count('LOW')} low, ` +
      `${count('INFORMATIONAL')} informational; report in test-results/electronegativity.{csv,sarif}`,
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
