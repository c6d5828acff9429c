// Builds the chat UI the loader imports on demand: an ES module, dist/widget/ui.js, served at /widget/ui.js.

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
      entry: 'src/ui/index.tsx',
      formats: ['es'],
      fileName: () => 'ui.js',
    },
    minify: true,
    rolldownOptions: {
      // Library mode keeps ES output readable for bundlers; this file goes straight to browsers.
      output: { minify: true },
    },
  },
});
