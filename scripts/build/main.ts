// Builds what `npm start` serves and runs, only the parts whose inputs changed: tsx scripts/build/main.ts [--force]

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { digestOf, needsBuild, readInputs } from './inputs.ts';
import { acquireBuildLock } from './lock.ts';
import { INPUTS_DIGEST, publish, publishedDigest } from './release.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PNPM = 'pnpm@12.4.2';
const PUBLIC = join(root, 'dist', 'public');
const SERVER = join(root, 'packages', 'server');
const SHARED = ['packages/protocol', 'pnpm-lock.yaml'];

interface Target {
  name: string;
  inputs: string[];
  recorded(): string | null;
  build(digest: string): void;
}

function runPackageScript(filter: string, script: string, env: Record<string, string> = {}): void {
  const result = spawnSync('npx', ['-y', PNPM, '--filter', filter, 'run', script], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error(`${filter} ${script} failed (exit ${result.status})`);
}

/** The server's JavaScript, built beside the live one and renamed into place with its migrations. */
function buildServer(digest: string): void {
  const live = join(SERVER, 'dist');
  const staging = join(SERVER, `dist.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  runPackageScript('@livechat/server', 'build', { SERVER_BUILD_OUT_DIR: staging });
  cpSync(join(SERVER, 'src', 'db', 'sqlite', 'migrations'), join(staging, 'migrations'), { recursive: true });
  cpSync(join(SERVER, 'src', 'db', 'postgres', 'migrations'), join(staging, 'postgres-migrations'), {
    recursive: true,
  });
  writeFileSync(join(staging, INPUTS_DIGEST), digest);
  // A running server has loaded its code already; it reads nothing more from dist/ until its next start.
  const previous = join(SERVER, `dist.previous-${process.pid}`);
  if (existsSync(live)) renameSync(live, previous);
  renameSync(staging, live);
  rmSync(previous, { recursive: true, force: true });
}

function recordedServerDigest(): string | null {
  const file = join(SERVER, 'dist', INPUTS_DIGEST);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}

const targets: Target[] = [
  {
    name: 'widget',
    inputs: ['packages/widget', ...SHARED],
    recorded: () => publishedDigest(join(PUBLIC, 'widget')),
    build(digest) {
      runPackageScript('@livechat/widget', 'build');
      const from = join(root, 'packages', 'widget', 'dist');
      publish({ live: join(PUBLIC, 'widget'), from, exclude: ['npm', 'types'], digest });
    },
  },
  {
    name: 'operator UI',
    inputs: ['packages/operator-ui', ...SHARED],
    recorded: () => publishedDigest(join(PUBLIC, 'operator')),
    build(digest) {
      runPackageScript('@livechat/operator-ui', 'build');
      publish({ live: join(PUBLIC, 'operator'), from: join(root, 'packages', 'operator-ui', 'dist'), digest });
    },
  },
  { name: 'server', inputs: ['packages/server', ...SHARED], recorded: recordedServerDigest, build: buildServer },
];

const force = process.argv.includes('--force');
const release = acquireBuildLock(join(root, 'dist', '.build-lock'));
if (typeof release === 'string') {
  console.error(release);
  process.exit(1);
}
try {
  const stale = targets
    .map((target) => ({ target, inputs: readInputs(root, target.inputs) }))
    .filter(({ target, inputs }) => force || needsBuild(target.recorded(), inputs))
    .map(({ target, inputs }) => ({ target, digest: digestOf(inputs) }));
  if (stale.length === 0) {
    console.log('build up to date');
  } else {
    console.log(`building… (${stale.map(({ target }) => target.name).join(', ')})`);
    for (const { target, digest } of stale) target.build(digest);
  }
} finally {
  release();
}
