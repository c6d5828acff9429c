// Publishing a build: staged beside the live one, swapped in whole, the previous build's chunks kept one generation.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publish, publishedDigest } from './release.ts';

let root: string;
let live: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'livechat-release-'));
  live = join(root, 'public', 'widget');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A package's build output, as Vite leaves it (and empties it at its next build). */
function build(name: string, files: Record<string, string>): string {
  const out = join(root, name);
  rmSync(out, { recursive: true, force: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), content);
  }
  return out;
}

const served = (path: string) => readFileSync(join(live, path), 'utf8');
const loader = (chunk: string) => `import('./widget/${chunk}'); ${'// loader\n'.repeat(50)}`;

describe('publish', () => {
  it('serves the first build, compressed, with its digest', () => {
    const from = build('out', { 'widget.js': loader('core-A1b2C3d4.js'), 'widget/core-A1b2C3d4.js': 'one', npm: '' });
    publish({ live, from, exclude: ['npm'], digest: 'first' });
    expect(served('widget.js')).toBe(loader('core-A1b2C3d4.js'));
    expect(existsSync(join(live, 'widget.js.br'))).toBe(true);
    expect(existsSync(join(live, 'widget.js.gz'))).toBe(true);
    expect(existsSync(join(live, 'npm'))).toBe(false);
    expect(publishedDigest(live)).toBe('first');
  });

  it('keeps the previous build’s hashed chunks for pages that loaded it, for one generation only', () => {
    publish({
      live,
      from: build('out', { 'widget.js': loader('core-A1'), 'widget/core-A1b2C3d4.js': 'one' }),
      digest: '1',
    });
    publish({
      live,
      from: build('out', { 'widget.js': loader('core-B2'), 'widget/core-B2c3D4e5.js': 'two' }),
      digest: '2',
    });
    expect(served('widget.js')).toBe(loader('core-B2'));
    expect(served('widget/core-B2c3D4e5.js')).toBe('two');
    expect(served('widget/core-A1b2C3d4.js')).toBe('one');

    publish({
      live,
      from: build('out', { 'widget.js': loader('core-C3'), 'widget/core-C3d4E5f6.js': 'three' }),
      digest: '3',
    });
    expect(served('widget/core-B2c3D4e5.js')).toBe('two');
    expect(existsSync(join(live, 'widget/core-A1b2C3d4.js'))).toBe(false);
    expect(publishedDigest(live)).toBe('3');
  });

  it('never leaves the live folder missing or empty, and leaves the package output alone', () => {
    const from = build('out', { 'widget.js': loader('x'), 'widget/core-A1b2C3d4.js': 'one' });
    publish({ live, from, digest: '1' });
    const before = readdirSync(join(root, 'public', '.releases'));
    // A build that the package empties in place does not reach what is served.
    rmSync(from, { recursive: true, force: true });
    expect(served('widget/core-A1b2C3d4.js')).toBe('one');

    publish({ live, from: build('out', { 'widget.js': loader('y'), 'widget/core-B2c3D4e5.js': 'two' }), digest: '2' });
    const after = readdirSync(join(root, 'public', '.releases'));
    // The new release is a new folder: the one being served was never written to.
    expect(after.filter((entry) => !before.includes(entry))).toHaveLength(1);
    expect(readdirSync(join(root, 'public')).sort()).toEqual(['.releases', 'widget']);
  });

  it('replaces a plain folder left by an older layout', () => {
    mkdirSync(live, { recursive: true });
    writeFileSync(join(live, 'widget.js'), 'old');
    publish({ live, from: build('out', { 'widget.js': 'new' }), digest: '1' });
    expect(served('widget.js')).toBe('new');
  });
});
