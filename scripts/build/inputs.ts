// What a build is made from, and whether its output is still that: a digest of the inputs' contents.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface Input {
  /** Path from the project root, with `/` on every system, so that a digest is the same anywhere. */
  path: string;
  content: Uint8Array;
}

/** Folders and files that are never inputs: outputs, installs, and tests (they do not change a build). */
const SKIPPED = /(^|\/)(node_modules|dist|test|\.[^/]*)(\/|$)|\.test\.tsx?$/;

/**
 * The digest of a set of inputs: by path and content, never by modification time, so a checkout
 * or a copy that leaves the files as they were does not rebuild, and any edit does.
 */
export function digestOf(inputs: readonly Input[]): string {
  const hash = createHash('sha256');
  for (const input of [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(`${input.path}\0${input.content.byteLength}\0`);
    hash.update(input.content);
  }
  return hash.digest('hex');
}

/** A build is needed when none was recorded, or the one recorded was made from other inputs. */
export function needsBuild(recorded: string | null, inputs: readonly Input[]): boolean {
  return recorded === null || recorded !== digestOf(inputs);
}

/** Every file under the given paths (folders or files, from `root`), skipping outputs and tests. */
export function readInputs(root: string, paths: readonly string[]): Input[] {
  const inputs: Input[] = [];
  const visit = (absolute: string): void => {
    const path = relative(root, absolute).split(sep).join('/');
    if (SKIPPED.test(path)) return;
    if (statSync(absolute).isDirectory()) {
      for (const name of readdirSync(absolute)) visit(join(absolute, name));
    } else {
      inputs.push({ path, content: readFileSync(absolute) });
    }
  };
  for (const path of paths) visit(join(root, path));
  return inputs;
}
