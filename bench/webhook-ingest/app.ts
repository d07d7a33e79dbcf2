import { findFreePort } from '../../database/embedded/port';
import { startAppProcess, type AppProcess } from '../../tests/integration/setup/app-process';
import { buildApp } from '../../tests/integration/setup/build';
import { startTestDatabase, type TestDatabase } from '../../tests/integration/setup/database';
import { APP_LOG_FILE } from '../../tests/integration/setup/paths';
import { appProcessEnv, appSecrets, emulatorEnv } from '../../tests/integration/setup/app-env';
import { createTwilioEmulator } from '../../tools/twilio-emulator/src';

export type BenchApp = {
  url: string;
  publicUrl: string;
  databaseUrl: string;
  accountSid: string;
  authToken: string;
  sender: string;
  logFile: string;
  stop(): Promise<void>;
};

/**
 * The app the way the API tests boot it (tests/integration/setup): built plugin and host,
 * a throw-away PostgreSQL (or a new database on TEST_DATABASE_URL/DATABASE_URL), the Twilio
 * emulator, and `strapi start` on a free loopback port.
 */
export const startBenchApp = async (): Promise<BenchApp> => {
  buildApp();
  const database: TestDatabase = await startTestDatabase();
  const emulator = createTwilioEmulator();
  let app: AppProcess | undefined;
  try {
    const { url: emulatorUrl } = await emulator.start();
    const port = await findFreePort();
    const sender = '+15005550006';
    app = await startAppProcess(
      {
        ...appProcessEnv({ port, databaseUrl: database.connectionString, nodeEnv: 'production' }),
        ...appSecrets(),
        ...emulatorEnv(emulator, emulatorUrl, sender),
      },
      port
    );
  } catch (error) {
    await emulator.stop();
    await database.dispose();
    throw error;
  }
  const running = app;
  return {
    url: running.url,
    publicUrl: running.url,
    databaseUrl: database.connectionString,
    accountSid: emulator.accountSid,
    authToken: emulator.authToken,
    sender: '+15005550006',
    logFile: APP_LOG_FILE,
    async stop() {
      await running.stop();
      await emulator.stop();
      await database.dispose();
    },
  };
};
