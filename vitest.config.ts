import { defineConfig } from 'vitest/config';

/**
 * With KLANKBORD_TEST_POSTGRES set (`npm run test:postgres`) the integration suite runs again,
 * every temp core on a fresh database of a real PostgreSQL server (tests/support/database.ts).
 */
const onPostgres = Boolean(process.env.KLANKBORD_TEST_POSTGRES);

/**
 * About the SQLite file itself (backups, crash safety, query plans), the demo (always a local
 * SQLite folder) or no database at all (bundles, packaging): a second run would test nothing new.
 */
const sqliteOnly = [
  'tests/integration/backups.test.ts',
  'tests/integration/crash-safety.test.ts',
  'tests/integration/demo.test.ts',
  'tests/integration/demo-host.test.ts',
  'tests/integration/migrations.test.ts',
  'tests/integration/packaging.test.ts',
  'tests/integration/preload-bundle.test.ts',
  'tests/integration/report-query-plans.test.ts',
];

export default defineConfig({
  test: {
    include: onPostgres ? ['tests/integration/**/*.test.ts'] : ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    exclude: onPostgres ? ['**/node_modules/**', ...sqliteOnly] : ['**/node_modules/**'],
    testTimeout: 30_000,
    pool: 'forks',
    reporters: [
      'default',
      ['json', { outputFile: onPostgres ? 'test-results/vitest-postgres-results.json' : 'test-results/vitest-results.json' }],
    ],
  },
});
