import { defineConfig } from 'vitest/config';

// Browser tests: headless Chromium (from the system, never downloaded) against a real server.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
