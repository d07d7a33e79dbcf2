import fs from 'node:fs';
import { findFreePort } from '../../../database/embedded/port';
import { createTwilioEmulator } from '../../../tools/twilio-emulator/src';
import { startTestDatabase, type TestDatabase } from './database';
import { startAppProcess } from './app-process';
import { createAdminSession } from './admin-session';
import type { TestContext } from './context';
import type { Running } from './running-app';
import { appProcessEnv, appSecrets, emulatorEnv } from './app-env';

/**
 * A fresh database, the Twilio emulator and `strapi start` on them with a first admin: what the
 * API tests and the browser tests run against. `env` is added last (the browser tests serve the
 * admin panel).
 */
export const bootTestApp = async (options: { logFile: string; env?: Record<string, string>; database?: TestDatabase }) => {
  fs.rmSync(options.logFile, { force: true });
  const database = options.database ?? (await startTestDatabase());
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
    ...options.env,
  };
  const app = await startAppProcess(appEnv, port, options.logFile);
  const session = await createAdminSession(app.url);
  const running: Running = { app, database, emulator };

  const context: TestContext = {
    url: app.url,
    databaseUrl: database.connectionString,
    emulatorUrl,
    twilioAccountSid: emulator.accountSid,
    twilioAuthToken: emulator.authToken,
    publicUrl,
    whatsappNumber,
    bootMs: app.bootMs,
    logFile: options.logFile,
    appEnv,
    ...session,
  };
  return { context, running };
};
