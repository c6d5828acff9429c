#!/usr/bin/env node
// The project's entry points for a fresh clone with only Node 20+ and npm:
//   node scripts/run.mjs start        install and build if needed, start the server (DEMO=1: with the demo data)
//   node scripts/run.mjs demo         the same as DEMO=1 start
//   node scripts/run.mjs build        install if needed, build what changed (--force: everything)
//   node scripts/run.mjs admin ARGS   the built admin command line (`npm run admin -- help`)
//   node scripts/run.mjs backup FILE  an online copy of the live database (`npm run backup -- FILE`)
//   node scripts/run.mjs test         install, run unit and integration tests
//   node scripts/run.mjs e2e          install, build, run the browser tests (needs Chromium)
//   node scripts/run.mjs nodes        install, run the tests between server nodes (needs redis-server, PostgreSQL)
//   node scripts/run.mjs postgres     install, run the server's integration suite again on PostgreSQL (needs PostgreSQL)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM = 'pnpm@12.4.2';
const SERVER_DIST = join(root, 'packages', 'server', 'dist');
const INSTALL_STAMP = join(root, 'node_modules', '.livechat-installed');

function run(command, args, extraEnv = {}, stdio = 'inherit') {
  const result = spawnSync(command, args, { cwd: root, stdio, env: { ...process.env, ...extraEnv } });
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
  writeFileSync(INSTALL_STAMP, new Date().toISOString());
}

/** Installs when nothing is installed, or when the lockfile changed since the last install (a `git pull`). */
function installIfNeeded() {
  const marker = [INSTALL_STAMP, join(root, 'node_modules', '.modules.yaml')].find((file) => existsSync(file));
  if (!marker || statSync(join(root, 'pnpm-lock.yaml')).mtimeMs > statSync(marker).mtimeMs) install();
}

/** Builds what changed; `quiet` keeps stdout for the command that follows (admin's output, for one). */
function build(args = [], quiet = false) {
  const stdio = quiet ? ['inherit', process.stderr, 'inherit'] : 'inherit';
  must(
    run(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'build', 'main.ts'), ...args], {}, stdio),
    'build',
  );
}

/** Runs a built entry of the server with the data folder at the project root unless told, and passes signals on. */
function serve(entry, args, extraEnv = {}) {
  if (!existsSync(join(SERVER_DIST, entry))) {
    console.error(
      `packages/server/dist/${entry} was not built: is packages/server/src/${entry.replace(/\.js$/, '.ts')} there?`,
    );
    process.exit(1);
  }
  const child = spawn(process.execPath, [join(SERVER_DIST, entry), ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DATA_DIR: process.env.DATA_DIR ?? join(root, 'data'), ...extraEnv },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
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

const [mode, ...rest] = process.argv.slice(2);
switch (mode) {
  case 'start':
  case 'demo':
    installIfNeeded();
    build();
    serve('main.js', mode === 'demo' ? ['--demo', ...rest] : rest);
    break;
  case 'build':
    installIfNeeded();
    build(rest);
    break;
  case 'admin':
  case 'backup':
    installIfNeeded();
    build([], true);
    serve(join('cli', `${mode}.js`), rest);
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
  case 'nodes':
    install();
    process.exit(vitest('vitest.nodes.config.ts', '.vitest-nodes-results.json'));
    break;
  case 'postgres':
    install();
    process.exit(vitest('vitest.postgres.config.ts', '.vitest-postgres-results.json'));
    break;
  default:
    console.error('usage: node scripts/run.mjs start|demo|build|admin|backup|test|e2e|nodes|postgres [args]');
    process.exit(2);
}
