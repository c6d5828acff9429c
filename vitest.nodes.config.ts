import { defineConfig } from 'vitest/config';

// Tests of what runs between server nodes, against a redis-server or a PostgreSQL cluster each test
// file starts itself (`apt-get install -y redis-server postgresql`, or REDIS_SERVER=path,
// PG_BIN=folder of initdb). `npm test` leaves them out, so that it needs only Node and npm.
export default defineConfig({
  test: {
    include: ['packages/*/test/nodes/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
