// Builds the npm module (dist/npm/index.js): ES modules for the app's own bundler, Preact left as a dependency.

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist/npm',
    emptyOutDir: true,
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'index.js',
    },
    // The app's bundler minifies; readable output is easier to debug from the app.
    minify: false,
    rolldownOptions: {
      external: [/^preact(\/|$)/],
      output: { chunkFileNames: '[name]-[hash].js' },
    },
  },
});
