// Builds what the script tag loads from /widget/: the core (core.js, loaded at once) and the chat UI chunk it imports when the panel is needed.

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    lib: {
      entry: 'src/embed.ts',
      formats: ['es'],
      fileName: () => 'core.js',
    },
    minify: true,
    rolldownOptions: {
      // Library mode keeps ES output readable for bundlers; these files go straight to browsers.
      output: { minify: true, chunkFileNames: '[name]-[hash].js' },
    },
  },
});
