import { createFreshDatabase } from '../../../database/embedded-postgres';
import { findFreePort } from '../../../database/embedded/port';
import { readContext } from './context';
import { createAdminSession } from './admin-session';
import { startAppProcess } from './app-process';

export type IsolatedApp = {
  url: string;
  databaseUrl: string;
  fullAccessToken: string;
  adminJwt: string;
  /** Stops the app process and starts it again on the same database and port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Another app process on a database of its own (same server, emulator and secrets as the run's
 * app unless `env` says otherwise), for a test whose result would otherwise depend on what
 * other suites left in the shared database. `env` is applied last.
 */
export const startIsolatedApp = async (databasePrefix: string, env: Record<string, string> = {}): Promise<IsolatedApp> => {
  const ctx = readContext();
  const database = await createFreshDatabase(ctx.databaseUrl, databasePrefix);
  try {
    const port = await findFreePort();
    const url = `http://127.0.0.1:${port}`;
    const appEnv = { ...ctx.appEnv, PORT: String(port), WHATSAPP_PUBLIC_URL: url, DATABASE_URL: database.connectionString, ...env };
    let app = await startAppProcess(appEnv, port);
    const session = await createAdminSession(app.url);
    return {
      url: app.url,
      databaseUrl: database.connectionString,
      fullAccessToken: session.fullAccessToken,
      adminJwt: session.adminJwt,
      restart: async () => {
        await app.stop();
        app = await startAppProcess(appEnv, port);
      },
      stop: async () => {
        await app.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
};
