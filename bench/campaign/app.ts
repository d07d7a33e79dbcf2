import fs from 'node:fs';
import { findFreePort } from '../../database/embedded/port';
import { createAdminSession } from '../../tests/integration/setup/admin-session';
import { startAppProcess, type AppProcess } from '../../tests/integration/setup/app-process';
import { buildApp } from '../../tests/integration/setup/build';
import { startTestDatabase, type TestDatabase } from '../../tests/integration/setup/database';
import { APP_LOG_FILE } from '../../tests/integration/setup/paths';
import { appProcessEnv, appSecrets, emulatorEnv } from '../../tests/integration/setup/app-env';
import { pgStatementsSettings } from './pg-statements';
import { createTwilioEmulator, type TwilioEmulator } from '../../tools/twilio-emulator/src';

export const SENDER = '+15005550006';

export type BenchWorld = {
  database: TestDatabase;
  emulator: TwilioEmulator;
  emulatorUrl: string;
  logFile: string;
  /** Starts (or restarts) the app with WHATSAPP_MPS = `mps`; one app at a time. */
  startApp(mps: number): Promise<{ url: string; token: string; adminJwt: string; pid: number | undefined }>;
  stop(): Promise<void>;
};

/**
 * The app the way the API tests boot it (tests/integration/setup): built plugin and host, a
 * throw-away PostgreSQL, the Twilio emulator in this process, `strapi start` on loopback. The app
 * can be restarted with another WHATSAPP_MPS on the same database; secrets stay, so the API token
 * made at the first boot stays valid.
 */
export const createBenchWorld = async (): Promise<BenchWorld> => {
  buildApp();
  const settings = pgStatementsSettings();
  // BENCH_PG_LOG=file: PostgreSQL's own log (auto_explain's plans, say) is appended there.
  const logFile = process.env.BENCH_PG_LOG;
  const database = await startTestDatabase({
    ...(settings ? { settings } : {}),
    ...(logFile ? { log: (line: string) => fs.appendFileSync(logFile, `${line}\n`) } : {}),
  });
  const emulator = createTwilioEmulator();
  const { url: emulatorUrl } = await emulator.start();
  const secrets = appSecrets();
  let app: AppProcess | undefined;
  let session: { fullAccessToken: string; adminJwt: string } | undefined;

  return {
    database,
    emulator,
    emulatorUrl,
    logFile: APP_LOG_FILE,
    async startApp(mps) {
      await app?.stop();
      const port = await findFreePort();
      const url = `http://127.0.0.1:${port}`;
      app = await startAppProcess(
        {
          ...appProcessEnv({ port, databaseUrl: database.connectionString, nodeEnv: 'production' }),
          ...secrets,
          ...emulatorEnv(emulator, emulatorUrl, SENDER),
          WHATSAPP_MPS: String(mps),
          WHATSAPP_TEMPLATE_SYNC_INTERVAL: '0',
          WHATSAPP_STATUS_SYNC_INTERVAL: '0',
          // e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the app alone.
          ...(process.env.BENCH_APP_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_APP_NODE_OPTIONS } : {}),
        },
        port
      );
      session ??= await createAdminSession(url);
      return { url, token: session.fullAccessToken, adminJwt: session.adminJwt, pid: app.child.pid };
    },
    async stop() {
      await app?.stop();
      await emulator.stop();
      await database.dispose();
    },
  };
};
