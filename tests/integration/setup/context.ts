import { CONTEXT_ENV } from './paths';

/** What global setup hands to the test files (through an environment variable). */
export type TestContext = {
  url: string;
  databaseUrl: string;
  adminJwt: string;
  adminEmail: string;
  adminPassword: string;
  fullAccessToken: string;
  emulatorUrl: string;
  twilioAccountSid: string;
  twilioAuthToken: string;
  publicUrl: string;
  whatsappNumber: string;
  bootMs: number;
  /** Everything the app printed during this run. */
  logFile: string;
  /**
   * The environment the app was started with (same database, secrets and emulator), so a test
   * can start more app processes on the same database (campaign crash and two-instance tests).
   */
  appEnv: Record<string, string>;
};

export const readContext = (): TestContext => {
  const raw = process.env[CONTEXT_ENV];
  if (!raw) throw new Error(`${CONTEXT_ENV} is not set: run the API tests through jest's global setup`);
  return JSON.parse(raw) as TestContext;
};
