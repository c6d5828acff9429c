// Where the server's own files are, whether it runs from its sources (src/) or from its build (dist/).

import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above `start` holding a package.json: the server package, from src/ or dist/ alike. */
function packageRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

const here = fileURLToPath(import.meta.url);
export const SERVER_PACKAGE = packageRoot(dirname(here));
export const PROJECT_ROOT = join(SERVER_PACKAGE, '..', '..');

// The build copies the migrations beside its code, so a built server never reads the sources.
const built = relative(SERVER_PACKAGE, here).split(sep)[0] === 'dist';
export const MIGRATIONS_DIR = built
  ? join(SERVER_PACKAGE, 'dist', 'migrations')
  : join(SERVER_PACKAGE, 'src', 'db', 'sqlite', 'migrations');
export const POSTGRES_MIGRATIONS_DIR = built
  ? join(SERVER_PACKAGE, 'dist', 'postgres-migrations')
  : join(SERVER_PACKAGE, 'src', 'db', 'postgres', 'migrations');

/** What the build publishes for browsers: `widget/` and `operator/`, each swapped in whole. */
export const PUBLIC_DIR = join(PROJECT_ROOT, 'dist', 'public');
export const DEMO_SITE = join(PROJECT_ROOT, 'examples', 'demo-site');
