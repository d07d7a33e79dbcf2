import { buildApp } from './build';
import { bootTestApp } from './boot';
import { APP_LOG_FILE, CONTEXT_ENV } from './paths';
import { setRunningApp } from './running-app';

export default async function globalSetup() {
  const buildMs = buildApp();
  const { context, running } = await bootTestApp({ logFile: APP_LOG_FILE });
  setRunningApp(running);
  process.env[CONTEXT_ENV] = JSON.stringify(context);
  process.stdout.write(`\n[tests] build ${buildMs} ms; test app booted in ${context.bootMs} ms at ${context.url}\n`);
}
