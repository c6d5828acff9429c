// Build of the operator UI, served by the server under /operator/.

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// In development the API and socket live on the server; proxying keeps them same-origin as in production.
const server = process.env.LIVECHAT_SERVER_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/operator/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': server,
      '/ws': { target: server, ws: true },
    },
  },
});
