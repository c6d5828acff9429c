// Publishes a build for the server to serve: staged in a fresh folder, swapped in by one rename.

import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { filesUnder, precompress } from './compress.ts';

/** Inside each release: the files the build made itself (not those carried over), and its inputs' digest. */
export const OWN_FILES = '.own-files.json';
export const INPUTS_DIGEST = '.inputs-digest';

export interface Publication {
  /** Where the server looks, e.g. dist/public/widget: a symbolic link to the current release. */
  live: string;
  /** The build's output folder, copied (the package's own build may empty it at any time). */
  from: string;
  /** Top-level names in `from` that browsers never load (the npm module, type declarations). */
  exclude?: readonly string[];
  digest: string;
}

const releasesOf = (live: string) => join(dirname(live), '.releases');

function currentRelease(live: string): string | null {
  try {
    return join(dirname(live), readlinkSync(live));
  } catch {
    return null;
  }
}

/** The digest the live release was built from, or null when there is none. */
export function publishedDigest(live: string): string | null {
  const release = currentRelease(live);
  if (!release || !existsSync(join(release, INPUTS_DIGEST))) return null;
  return readFileSync(join(release, INPUTS_DIGEST), 'utf8').trim();
}

/**
 * A page that loaded the previous widget.js or index.html still imports that build's chunks by
 * their hashed names: they stay in the new release, for one generation.
 */
function carryOver(previous: string | null, staging: string, own: ReadonlySet<string>): void {
  if (!previous || !existsSync(join(previous, OWN_FILES))) return;
  const theirs = JSON.parse(readFileSync(join(previous, OWN_FILES), 'utf8')) as string[];
  for (const file of theirs) {
    if (own.has(file) || !existsSync(join(previous, file))) continue;
    mkdirSync(dirname(join(staging, file)), { recursive: true });
    cpSync(join(previous, file), join(staging, file));
  }
}

/** Removes the releases older than the one just replaced; nothing the server may still read. */
function prune(live: string, keep: ReadonlySet<string>): void {
  const releases = releasesOf(live);
  const name = live.split(/[\\/]/).pop() ?? '';
  for (const entry of readdirSync(releases)) {
    const path = join(releases, entry);
    if (entry.startsWith(`${name}-`) && !keep.has(path)) rmSync(path, { recursive: true, force: true });
  }
}

/** Returns the new release's folder. The live link is replaced atomically: it never points at nothing. */
export function publish({ live, from, exclude = [], digest }: Publication): string {
  const releases = releasesOf(live);
  mkdirSync(releases, { recursive: true });
  const name = live.split(/[\\/]/).pop() ?? 'release';
  const staging = join(releases, `${name}-${Date.now().toString(36)}-${process.pid}`);
  cpSync(from, staging, { recursive: true, filter: (source) => !exclude.some((top) => source === join(from, top)) });
  precompress(staging);
  const own = filesUnder(staging);
  writeFileSync(join(staging, OWN_FILES), JSON.stringify(own));
  const previous = currentRelease(live);
  carryOver(previous, staging, new Set(own));
  writeFileSync(join(staging, INPUTS_DIGEST), digest);

  // rename(2) over an existing link is atomic; a plain folder left by an older layout is moved away first.
  const link = `${live}.next-${process.pid}`;
  rmSync(link, { force: true });
  symlinkSync(join('.releases', staging.split(/[\\/]/).pop() ?? ''), link);
  if (existsSync(live) && previous === null) renameSync(live, join(releases, `${name}-unlinked-${Date.now()}`));
  renameSync(link, live);
  prune(live, new Set([staging, ...(previous ? [previous] : [])]));
  return staging;
}
