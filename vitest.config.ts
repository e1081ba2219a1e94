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
    include: ['test/**/*.test.ts', 'services/**/*.test.ts'],
    // One file at a time: tests share one PostgreSQL database per run and some take table locks.
    fileParallelism: false,
    testTimeout: 60_000,
    // expect.poll waits up to 15 s by default (not 1 s): browser tests poll the page, and a loaded CI machine is slow.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
