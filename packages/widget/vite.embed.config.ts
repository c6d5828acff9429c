// Builds what the script tag loads from /widget/: the core (core-HASH.js, fetched when the chat is wanted) and
// the chat UI chunk it imports when the panel is needed. Every name is content-hashed, so the server can
// cache them for good; the loader's build reads the core's name from this build's manifest.

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // JSX on Preact's createElement, which the bundle has anyway (src/jsx-runtime.ts).
  resolve: { alias: [{ find: /^preact\/jsx-runtime$/, replacement: `${root}src/jsx-runtime.ts` }] },
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    // .vite/manifest.json: `src/embed.ts` → { file: 'core-HASH.js' }, read by vite.loader.config.ts.
    manifest: true,
    lib: {
      entry: 'src/embed.ts',
      formats: ['es'],
      fileName: () => 'core-[hash].js',
    },
    // Rolldown's minifier (output.minify below), then terser's two passes over each whole module: 260 B less
    // gzipped for core + ui than rolldown's alone. terser's unsafe options saved 30 B more: not worth their risk.
    minify: 'terser',
    terserOptions: {
      module: true,
      ecma: 2020,
      compress: { passes: 2, toplevel: true },
      // Private members of the connection's classes, named only inside them (checked: no frame, storage key or
      // API has these names): shortened like local variables.
      mangle: {
        toplevel: true,
        properties: {
          regex:
            /^(everOnline|tokenRenewed|replayed|endFrame|sendFrames|reconnectTimer|pingTimer|pongTimer|conversationKey|scheduleReconnect|disconnectedStatus|tokenRejected|enterConversation|sendEnd|verdict|transmit|restartUntil|lastSentAt|idleTimer|limitTimer|crowdedUntil|slowDown|sendWaiting|synced|wanted|sendFrame|sendActive|deliver|detach|conclude|wake|attempt|retries|stopped|ending|reads|refuse|receive|ping|flush|sent|timer|write|setError|restarting|discard|noteTyping|stopTyping|markRead|socket|options|closed|connect)$/,
        },
      },
      format: { comments: false },
    },
    rolldownOptions: {
      // Library mode keeps ES output readable for bundlers, with their pure annotations; these files go
      // straight to browsers, which have no use for either.
      output: { minify: true, comments: false, chunkFileNames: '[name]-[hash].js' },
      // Modules the core and its chunks share stay in the core, exported to them, rather than in chunks of their own.
      preserveEntrySignatures: 'allow-extension',
    },
  },
});
