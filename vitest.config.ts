import { defineConfig } from 'vitest/config';

// Unit and integration tests: pure logic beside the code, integration tests against a real
// server on port 0 with a temp SQLite file. Browser tests live in vitest.e2e.config.ts.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'packages/*/test/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
