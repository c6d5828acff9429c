// Builds the script-tag loader: one small classic script, dist/widget.js, served at /widget.js.

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  publicDir: false,
  build: {
    outDir: 'dist',
    // dist/widget/ belongs to the UI build.
    emptyOutDir: false,
    lib: {
      entry: 'src/loader.ts',
      formats: ['iife'],
      name: 'LiveChatLoader',
      fileName: () => 'widget.js',
    },
    minify: true,
  },
});
