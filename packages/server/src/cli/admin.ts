// The admin command line for headless servers: `node dist/cli/admin.js help` (or through tsx from the sources).

import { runAdmin } from './admin-commands.ts';

process.exitCode = await runAdmin(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
