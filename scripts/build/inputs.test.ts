// When a build is stale: decided from the inputs' paths and contents alone.

import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestOf, type Input, needsBuild, readInputs } from './inputs.ts';

const input = (path: string, text: string): Input => ({ path, content: new TextEncoder().encode(text) });
const sources = [input('packages/server/src/main.ts', 'listen()'), input('pnpm-lock.yaml', 'lock: 1')];

describe('needsBuild', () => {
  it('builds when nothing was built yet', () => {
    expect(needsBuild(null, sources)).toBe(true);
  });

  it('does not build again from the same inputs, in any order', () => {
    expect(needsBuild(digestOf(sources), [...sources].reverse())).toBe(false);
  });

  it('builds when a file changes, appears, disappears or is renamed', () => {
    const recorded = digestOf(sources);
    expect(needsBuild(recorded, [input('packages/server/src/main.ts', 'listen(1)'), sources[1] as Input])).toBe(true);
    expect(needsBuild(recorded, [...sources, input('packages/server/src/cli/admin.ts', '')])).toBe(true);
    expect(needsBuild(recorded, sources.slice(0, 1))).toBe(true);
    expect(needsBuild(recorded, [input('packages/server/src/start.ts', 'listen()'), sources[1] as Input])).toBe(true);
  });

  it('does not mistake moved bytes between two files for the same inputs', () => {
    const a = [input('a', 'xy'), input('b', '')];
    const b = [input('a', 'x'), input('b', 'y')];
    expect(digestOf(a)).not.toBe(digestOf(b));
  });
});

describe('readInputs', () => {
  it('reads sources and skips outputs, installs and tests; a touch alone changes nothing', () => {
    const root = mkdtempSync(join(tmpdir(), 'livechat-inputs-'));
    try {
      for (const [path, text] of [
        ['pkg/src/a.ts', 'a'],
        ['pkg/src/a.test.ts', 'test'],
        ['pkg/test/b.test.ts', 'test'],
        ['pkg/dist/a.js', 'built'],
        ['pkg/node_modules/x/index.js', 'dep'],
        ['pkg/vite.config.ts', 'config'],
      ] as const) {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      const inputs = readInputs(root, ['pkg']);
      expect(inputs.map((entry) => entry.path).sort()).toEqual(['pkg/src/a.ts', 'pkg/vite.config.ts']);
      const recorded = digestOf(inputs);
      utimesSync(join(root, 'pkg/src/a.ts'), new Date(), new Date(Date.now() + 60_000));
      expect(needsBuild(recorded, readInputs(root, ['pkg']))).toBe(false);
      writeFileSync(join(root, 'pkg/src/a.ts'), 'b');
      expect(needsBuild(recorded, readInputs(root, ['pkg']))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
