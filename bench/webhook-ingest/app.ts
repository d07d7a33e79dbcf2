import crypto from 'node:crypto';
import { findFreePort } from '../../database/embedded/port';
import { startAppProcess, type AppProcess } from '../../tests/integration/setup/app-process';
import { buildApp } from '../../tests/integration/setup/build';
import { startTestDatabase, type TestDatabase } from '../../tests/integration/setup/database';
import { APP_LOG_FILE } from '../../tests/integration/setup/paths';
import { createTwilioEmulator } from '../../tools/twilio-emulator/src';

const secret = (bytes = 24) => crypto.randomBytes(bytes).toString('base64');

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
    const publicUrl = `http://127.0.0.1:${port}`;
    const sender = '+15005550006';
    app = await startAppProcess(
      {
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: database.connectionString,
        DATABASE_HOST: '',
        SERVE_ADMIN_PANEL: 'false',
        STRAPI_TELEMETRY_DISABLED: 'true',
        APP_KEYS: [secret(), secret()].join(','),
        API_TOKEN_SALT: secret(),
        ADMIN_JWT_SECRET: secret(),
        TRANSFER_TOKEN_SALT: secret(),
        JWT_SECRET: secret(),
        ENCRYPTION_KEY: secret(32),
        TWILIO_ACCOUNT_SID: emulator.accountSid,
        TWILIO_AUTH_TOKEN: emulator.authToken,
        TWILIO_API_BASE_URL: emulatorUrl,
        TWILIO_CONTENT_BASE_URL: emulatorUrl,
        TWILIO_WHATSAPP_NUMBER: `whatsapp:${sender}`,
        WHATSAPP_PUBLIC_URL: publicUrl,
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
