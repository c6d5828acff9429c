#!/usr/bin/env node
// The project's entry points for a fresh clone with only Node 20+ and npm:
//   node scripts/run.mjs demo   install, build, start the demo on PORT (default 3000)
//   node scripts/run.mjs test   install, run unit and integration tests
//   node scripts/run.mjs e2e    install, build, run the browser tests (needs Chromium)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM = 'pnpm@12.4.2';

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function must(status, what) {
  if (status !== 0) {
    console.error(`\n${what} failed (exit ${status})`);
    process.exit(status);
  }
}

function install() {
  // better-sqlite3 compiles from source where no prebuilt binary is reachable; point node-gyp at
  // the local Node headers when the system has them, instead of letting it download them.
  const env = existsSync('/usr/include/node/node.h') ? { npm_config_nodedir: '/usr' } : {};
  must(run('npx', ['-y', PNPM, 'install', '--frozen-lockfile'], env), 'install');
}

function build() {
  must(
    run('npx', [
      '-y',
      PNPM,
      '-r',
      '--filter',
      './packages/widget',
      '--filter',
      './packages/operator-ui',
      'run',
      'build',
    ]),
    'build',
  );
}

function vitest(config, resultsFile) {
  const status = run('npx', [
    'vitest',
    'run',
    '--config',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${resultsFile}`,
  ]);
  if (existsSync(resultsFile)) {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    const failed = results.numFailedTests + (status !== 0 && results.numFailedTests === 0 ? 1 : 0);
    console.log(`${results.numPassedTests} passed, ${failed} failed`);
  } else {
    console.log('0 passed, 1 failed');
  }
  return status;
}

const mode = process.argv[2];
switch (mode) {
  case 'demo':
    install();
    build();
    // The server runs inside its package; keep the data folder at the project root unless told.
    process.exit(
      run('npx', ['-y', PNPM, '--filter', '@livechat/server', 'run', 'demo'], {
        DATA_DIR: process.env.DATA_DIR ?? join(root, 'data'),
      }),
    );
    break;
  case 'test':
    {
      install();
      const typecheck = run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
      const lint = run('npx', ['biome', 'ci', '.']);
      const status = vitest('vitest.config.ts', '.vitest-results.json');
      if (typecheck !== 0) console.error('type check failed');
      if (lint !== 0) console.error('format or lint check failed: `npx biome check --write .` fixes most of it');
      process.exit(typecheck || lint || status);
    }
    break;
  case 'e2e':
    install();
    build();
    process.exit(vitest('vitest.e2e.config.ts', '.vitest-e2e-results.json'));
    break;
  default:
    console.error('usage: node scripts/run.mjs demo|test|e2e');
    process.exit(2);
}
