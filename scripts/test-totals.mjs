// Adds up vitest's and Playwright's JSON reports into the one line CI reads: "N passed, N failed".
// Exits non-zero when anything failed or a report is missing (a stage that never ran is a failure).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'test-results';
let passed = 0;
let failed = 0;
let missing = 0;

// The suite on SQLite, then the integration suite again on PostgreSQL (team mode).
for (const name of ['vitest-results.json', 'vitest-postgres-results.json']) {
  const vitestFile = join(dir, name);
  if (existsSync(vitestFile)) {
    const report = JSON.parse(readFileSync(vitestFile, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    // A file that failed to load has no failed test but makes the run unsuccessful.
    if (report.success === false && (report.numFailedTests ?? 0) === 0) failed += 1;
  } else missing += 1;
}

const e2eFile = join(dir, 'e2e-results.json');
if (existsSync(e2eFile)) {
  const report = JSON.parse(readFileSync(e2eFile, 'utf8'));
  passed += report.stats?.expected ?? 0;
  failed += (report.stats?.unexpected ?? 0) + (report.stats?.flaky ?? 0);
  if ((report.errors ?? []).length > 0) failed += report.errors.length;
} else missing += 1;

// Typecheck or lint stopping the run before the tests counts as a failure too.
failed += missing;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
