// Builds the script-tag loader: one small classic script, dist/widget.js, served at /widget.js. Run it after
// vite.embed.config.ts: the loader imports the core by the content-hashed name that build gave it.

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const CORE_ENTRY = 'src/embed.ts';

/** The core's file name from the embed build's manifest in `<outDir>/widget/`, wherever outDir points. */
function coreFileName(): Plugin {
  return {
    name: 'livechat-core-file-name',
    config(config) {
      const outDir = resolve(config.root ?? root, config.build?.outDir ?? 'dist');
      const manifest = resolve(outDir, 'widget', '.vite', 'manifest.json');
      if (!existsSync(manifest)) {
        throw new Error(`${manifest} is missing: build the core first (vite build --config vite.embed.config.ts)`);
      }
      const entries = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, { file?: string }>;
      const file = entries[CORE_ENTRY]?.file;
      if (!file) throw new Error(`${manifest} has no ${CORE_ENTRY}`);
      return { define: { __LIVECHAT_CORE__: JSON.stringify(file) } };
    },
  };
}

export default defineConfig({
  root,
  publicDir: false,
  plugins: [coreFileName()],
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
