import { defineConfig } from 'vitest/config';

// Unit and integration tests: pure logic beside the code, integration tests against a real
// server on port 0 with a temp SQLite file. Browser tests live in vitest.e2e.config.ts, and those that
// need Redis between nodes in vitest.nodes.config.ts.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'packages/*/test/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'packages/*/test/nodes/**'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
