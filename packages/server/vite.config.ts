// Build of the server into plain JavaScript (dist/): the workspace's TypeScript bundled, packages left to node_modules.

import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = process.env.SERVER_BUILD_OUT_DIR ?? 'dist';

/** main.ts and every command line in src/cli/, each its own entry (dist/main.js, dist/cli/NAME.js). */
function entries(): Record<string, string> {
  const cli = readdirSync(new URL('./src/cli/', import.meta.url)).filter(
    (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'),
  );
  return Object.fromEntries([
    ['main', 'src/main.ts'],
    ...cli.map((name) => [`cli/${name.replace(/\.ts$/, '')}`, `src/cli/${name}`]),
  ]);
}

const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

const manifest = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};
const installed = Object.keys(manifest.dependencies).filter((name) => !name.startsWith('@livechat/'));

/**
 * The server's own dependencies are imported from node_modules at run time. The rest is bundled:
 * the workspace's TypeScript (the protocol ships no JavaScript) and what it imports (zod), which
 * pnpm does not make reachable from the server's folder.
 */
function external(id: string): boolean {
  return builtins.has(id) || installed.some((name) => id === name || id.startsWith(`${name}/`));
}

export default defineConfig({
  root,
  publicDir: false,
  build: {
    ssr: true,
    outDir,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      input: entries(),
      external,
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
