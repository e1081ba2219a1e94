import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One graphql instance: Node loads graphql's CJS build for the libraries; make our sources use it too
    // (Vite would otherwise pick the ESM build, and graphql refuses types from "another realm").
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    // Every test file has a database of its own (PGlite in memory; on PostgreSQL a copy of the run's migrated and
    // seeded database: test/setup/), so files run in parallel.
    globalSetup: ['test/setup/global.ts'],
    setupFiles: ['test/setup/file-database.ts'],
    testTimeout: 60_000,
    // expect.poll waits up to 15 s by default (not 1 s): browser tests poll the page, and a loaded CI machine is slow.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        // Two files at a time (vitest's default on two cores would be one: cores - 1); LZ_TEST_WORKERS overrides.
        test: {
          name: 'api', include: ['test/**/*.test.ts', 'services/**/*.test.ts'], exclude: ['test/browser/**'],
          fileParallelism: true, maxWorkers: Number(process.env.LZ_TEST_WORKERS) || 2,
        },
      },
      {
        // Chromium and a server per file: one file at a time, after the API files (timing-sensitive pages).
        extends: true,
        test: { name: 'browser', include: ['test/browser/**/*.test.ts'], fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
