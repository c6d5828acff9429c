// Size budgets of the built widget, checked after `npm run build`: the loader a page view downloads, and everything an opened chat loads.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';

const DIST = join(import.meta.dirname, '..', 'packages', 'widget', 'dist');
const LOADER_BUDGET = 2 * 1024;
const OPENED_BUDGET = 25 * 1024;

const gzipped = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;
const brotli = (bytes: Buffer) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length;

it('keeps the loader within 2 KB compressed (gzip and brotli) and the opened chat within 25 KB gzipped', () => {
  expect(existsSync(join(DIST, 'widget.js')), 'run `npm run build` first').toBe(true);
  const loaderBytes = readFileSync(join(DIST, 'widget.js'));
  const loader = { raw: loaderBytes.length, gzip: gzipped(loaderBytes), brotli: brotli(loaderBytes) };
  // Every script under /widget/ (the core and every chunk it may import) counts, as if all were loaded.
  const chunks = readdirSync(join(DIST, 'widget'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, gzip: gzipped(readFileSync(join(DIST, 'widget', name))) }));
  const opened = loader.gzip + chunks.reduce((sum, chunk) => sum + chunk.gzip, 0);

  console.log(
    [
      `widget.js (loader): ${loader.raw} B, ${loader.gzip} B gzipped, ${loader.brotli} B brotli, budget ${LOADER_BUDGET} B`,
      ...chunks.map((chunk) => `widget/${chunk.name}: ${chunk.gzip} B gzipped`),
      `opened chat (loader + all chunks): ${opened} B gzipped, budget ${OPENED_BUDGET} B`,
    ].join('\n'),
  );
  // The core has a content-hashed name, like every chunk it imports: only widget.js keeps a fixed one.
  expect(chunks.map((chunk) => chunk.name)).toContainEqual(expect.stringMatching(/^core-[\w-]+\.js$/));
  expect(chunks.map((chunk) => chunk.name)).not.toContain('core.js');
  expect(readFileSync(join(DIST, 'widget.js'), 'utf8')).toMatch(/\/widget\/core-[\w-]+\.js/);
  expect(loader.gzip).toBeLessThanOrEqual(LOADER_BUDGET);
  expect(loader.brotli).toBeLessThanOrEqual(LOADER_BUDGET);
  expect(opened).toBeLessThanOrEqual(OPENED_BUDGET);
});
