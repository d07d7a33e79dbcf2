import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { APP_ROOT } from './paths';

const run = (file: string, args: string[], cwd = APP_ROOT) =>
  execFileSync(file, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: process.env });

/**
 * The app under test is what users run: the plugin built to dist/ by @strapi/sdk-plugin,
 * and the host app compiled by tsc to dist/ (the admin bundle is not needed for API tests).
 */
export const buildApp = () => {
  const started = Date.now();
  const plugin = path.join(APP_ROOT, 'plugins/whatsapp');
  // The plugin's `npm run build`: the bundles, then shared/'s type declarations.
  run(process.execPath, [path.join(APP_ROOT, 'node_modules/@strapi/sdk-plugin/bin/strapi-plugin.js'), 'build', '--silent'], plugin);
  run(process.execPath, [path.join(APP_ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'shared/tsconfig.build.json'], plugin);
  run(process.execPath, [path.join(APP_ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
  return Date.now() - started;
};
