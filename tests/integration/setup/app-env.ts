import crypto from 'node:crypto';

const secret = (bytes = 24) => crypto.randomBytes(bytes).toString('base64');

/** Fresh Strapi secrets; reuse one set for every process that shares a database. */
export const appSecrets = (): Record<string, string> => ({
  APP_KEYS: [secret(), secret(), secret(), secret()].join(','),
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(32),
});

/**
 * What `strapi start` needs to serve the APIs on loopback against a given database, the way
 * the tests and benchmarks run it: no admin bundle, no telemetry, Twilio reached only as told.
 */
export const appProcessEnv = (args: { port: number; databaseUrl: string; nodeEnv?: string }): Record<string, string> => ({
  NODE_ENV: args.nodeEnv ?? 'test',
  HOST: '127.0.0.1',
  PORT: String(args.port),
  DATABASE_URL: args.databaseUrl,
  DATABASE_HOST: '',
  SERVE_ADMIN_PANEL: 'false',
  STRAPI_TELEMETRY_DISABLED: 'true',
  STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
  WHATSAPP_PUBLIC_URL: `http://127.0.0.1:${args.port}`,
});

/** Points the plugin at an in-process Twilio emulator, sending from `sender` (E.164). */
export const emulatorEnv = (
  emulator: { accountSid: string; authToken: string },
  emulatorUrl: string,
  sender: string
): Record<string, string> => ({
  TWILIO_ACCOUNT_SID: emulator.accountSid,
  TWILIO_AUTH_TOKEN: emulator.authToken,
  TWILIO_API_BASE_URL: emulatorUrl,
  TWILIO_CONTENT_BASE_URL: emulatorUrl,
  TWILIO_WHATSAPP_NUMBER: `whatsapp:${sender}`,
});
