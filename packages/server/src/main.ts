// Reads the configuration, opens the database, seeds the demo when asked, and listens.

import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { demoOrigins, seedDemo } from './demo/seed.ts';
import { LISTEN_BACKLOG } from './http/listen.ts';
import { announceSetup } from './operators/setup.ts';

const config = loadConfig();
const app = await buildApp(config);
if (config.demo) await seedDemo(app.store, demoOrigins(config, config.port));
await app.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG });

const base = config.publicUrl ?? `http://localhost:${config.port}`;
app.log.info(`live chat listening on ${base} (data in ${config.databaseUrl ? 'PostgreSQL' : config.dataDir})`);
if (config.demo) {
  app.log.info(`demo website: ${base}/  operator UI: ${base}/operator/  (alice@example.com / demo-password-alice)`);
}
await announceSetup(app, base);

// The same signal may come twice (from the terminal and from `npm start` passing it on): close once.
let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    void app.close().then(() => {
      app.log.info('live chat stopped');
      process.exit(0);
    });
  });
}
