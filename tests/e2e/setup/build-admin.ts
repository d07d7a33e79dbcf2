import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { APP_ROOT } from '../../integration/setup/paths';

const run = (args: string[], cwd = APP_ROOT) =>
  execFileSync(process.execPath, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: process.env });

/**
 * The plugin built to dist/, then `strapi build`: the host app compiled to dist/ and the admin
 * panel bundled into dist/build (the API tests' build skips the panel).
 */
export const buildAppWithAdmin = () => {
  // While iterating on the tests alone: WA_E2E_REUSE_BUILD=1 keeps the last build.
  if (process.env.WA_E2E_REUSE_BUILD === '1' && fs.existsSync(path.join(APP_ROOT, 'dist/build/index.html'))) return 0;
  const started = Date.now();
  run([path.join(APP_ROOT, 'node_modules/@strapi/sdk-plugin/bin/strapi-plugin.js'), 'build', '--silent'], path.join(APP_ROOT, 'plugins/whatsapp'));
  run([path.join(APP_ROOT, 'node_modules/@strapi/strapi/bin/strapi.js'), 'build', '--silent']);
  return Date.now() - started;
};
