import { bootTestApp } from '../../integration/setup/boot';
import { setRunningApp } from '../../integration/setup/running-app';
import { buildAppWithAdmin } from './build-admin';
import { E2E_APP_LOG_FILE, E2E_CONTEXT_ENV, E2E_PROJECT } from './paths';

export default async function globalSetup() {
  const buildMs = buildAppWithAdmin();
  const { context, running } = await bootTestApp({ logFile: E2E_APP_LOG_FILE, env: { SERVE_ADMIN_PANEL: 'true', ADMIN_LOGIN_RATE_LIMIT: 'false' } });
  setRunningApp(running, E2E_PROJECT);
  process.env[E2E_CONTEXT_ENV] = JSON.stringify(context);
  process.stdout.write(`\n[e2e] build with admin panel ${buildMs} ms; app booted in ${context.bootMs} ms at ${context.url}\n`);
}
