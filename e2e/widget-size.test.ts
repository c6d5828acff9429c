// Size budgets of the built widget, checked after `npm run build`: the loader alone, and everything an opened chat loads.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';

const DIST = join(import.meta.dirname, '..', 'packages', 'widget', 'dist');
const LOADER_BUDGET = 2 * 1024;
const OPENED_BUDGET = 25 * 1024;

const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

it('keeps the loader within 2 KB and the opened chat within 25 KB, gzipped', () => {
  expect(existsSync(join(DIST, 'widget.js')), 'run `npm run build` first').toBe(true);
  const loader = gzipped(join(DIST, 'widget.js'));
  // Every script under /widget/ (the core and every chunk it may import) counts, as if all were loaded.
  const chunks = readdirSync(join(DIST, 'widget'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, bytes: gzipped(join(DIST, 'widget', name)) }));
  const opened = loader + chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);

  console.log(
    [
      `widget.js (loader): ${loader} B gzipped, budget ${LOADER_BUDGET} B`,
      ...chunks.map((chunk) => `widget/${chunk.name}: ${chunk.bytes} B gzipped`),
      `opened chat (loader + all chunks): ${opened} B gzipped, budget ${OPENED_BUDGET} B`,
    ].join('\n'),
  );
  expect(chunks.map((chunk) => chunk.name)).toContain('core.js');
  expect(loader).toBeLessThanOrEqual(LOADER_BUDGET);
  expect(opened).toBeLessThanOrEqual(OPENED_BUDGET);
});
