import fs from 'node:fs';
import { findFreePort } from '../../../database/embedded/port';
import { createTwilioEmulator } from '../../../tools/twilio-emulator/src';
import { buildApp } from './build';
import { startTestDatabase } from './database';
import { startAppProcess } from './app-process';
import { createAdminSession } from './admin-session';
import { APP_LOG_FILE, CONTEXT_ENV } from './paths';
import type { TestContext } from './context';
import { setRunningApp } from './running-app';
import { appProcessEnv, appSecrets, emulatorEnv } from './app-env';

export default async function globalSetup() {
  const buildMs = buildApp();
  fs.rmSync(APP_LOG_FILE, { force: true });

  const database = await startTestDatabase();
  const emulator = createTwilioEmulator();
  const { url: emulatorUrl } = await emulator.start();
  const port = await findFreePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const whatsappNumber = '+15005550006';

  const appEnv: Record<string, string> = {
    ...appProcessEnv({ port, databaseUrl: database.connectionString }),
    ...appSecrets(),
    ...emulatorEnv(emulator, emulatorUrl, whatsappNumber),
    // Tests sync templates on demand: an hourly scheduled sync landing mid-run would change the
    // counts the template tests assert.
    WHATSAPP_TEMPLATE_SYNC_INTERVAL: '0',
    // Status sync: the schedule ticks every minute so a test can see it fire; it only checks
    // messages older than an hour, which only the sync tests make (by backdating their own).
    WHATSAPP_STATUS_SYNC_INTERVAL: '1',
    WHATSAPP_STATUS_SYNC_MIN_AGE: '60',
  };
  const app = await startAppProcess(appEnv, port);
  const session = await createAdminSession(app.url);
  setRunningApp({ app, database, emulator });

  const context: TestContext = {
    url: app.url,
    databaseUrl: database.connectionString,
    emulatorUrl,
    twilioAccountSid: emulator.accountSid,
    twilioAuthToken: emulator.authToken,
    publicUrl,
    whatsappNumber,
    bootMs: app.bootMs,
    logFile: APP_LOG_FILE,
    appEnv,
    ...session,
  };
  process.env[CONTEXT_ENV] = JSON.stringify(context);
  process.stdout.write(`\n[tests] build ${buildMs} ms; test app booted in ${app.bootMs} ms at ${app.url}\n`);
}
