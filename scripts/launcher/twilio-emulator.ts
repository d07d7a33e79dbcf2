import fs from 'node:fs';
import path from 'node:path';

type Env = Record<string, string | undefined>;

/** What tools/twilio-emulator/src/index.ts exports (loaded lazily: the launcher works without it). */
interface TwilioEmulator {
  start(): Promise<{ url: string }>;
  stop(): Promise<void>;
  accountSid: string;
  authToken: string;
}
type CreateTwilioEmulator = (options?: {
  accountSid?: string;
  authToken?: string;
  port?: number;
  inboundWebhookUrl?: string;
  defaultInboundTo?: string;
}) => TwilioEmulator;

export interface RunningEmulator {
  /** Variables that point the plugin at the emulator. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

// Twilio's magic test number: not the sandbox, so the emulator is not paced like it.
const EMULATOR_SENDER = '+15005550006';
const EMULATOR_ENTRY = path.resolve(__dirname, '..', '..', 'tools', 'twilio-emulator', 'src', 'index');

/**
 * Tells the plugin it runs in this repository's app, whose `develop` has the emulator: its
 * "not configured" errors then mention it (a project installing the plugin has no emulator).
 */
export const bundledEmulatorEnv = (): Record<string, string> =>
  fs.existsSync(`${EMULATOR_ENTRY}.ts`) ? { WHATSAPP_BUNDLED_EMULATOR: 'true' } : {};

/**
 * With no Twilio credentials (and no Twilio-compatible endpoint) configured,
 * `develop` runs the bundled emulator so a new user can send and receive
 * without an account. Returns null when the user configured Twilio, or when the
 * emulator cannot be loaded (the app still starts, just unconfigured).
 */
export async function startBundledEmulator(env: Env, print: (line: string) => void): Promise<RunningEmulator | null> {
  if (env.TWILIO_ACCOUNT_SID?.trim() || env.TWILIO_API_BASE_URL?.trim()) return null;

  let emulator: TwilioEmulator;
  let url: string;
  const sender = env.TWILIO_WHATSAPP_NUMBER?.trim() || EMULATOR_SENDER;
  const publicUrl = (env.WHATSAPP_PUBLIC_URL?.trim() || `http://localhost:${env.PORT?.trim() || 1337}`).replace(/\/+$/, '');
  try {
    // require, not import(): tsx compiles this CommonJS package's .ts on require.
    const { createTwilioEmulator } = require(EMULATOR_ENTRY) as { createTwilioEmulator: CreateTwilioEmulator };
    // Inbound messages go to the sender the app replies from, so a reply finds its window open.
    emulator = createTwilioEmulator({ inboundWebhookUrl: `${publicUrl}/api/whatsapp/webhook`, defaultInboundTo: sender });
    ({ url } = await emulator.start());
  } catch (error) {
    print(`Twilio: no credentials configured and the bundled emulator could not start (${(error as Error).message}); WhatsApp sending is disabled`);
    return null;
  }

  print(`Twilio: no credentials configured, so WhatsApp goes to the bundled Twilio EMULATOR at ${url} (nothing reaches real phones)`);
  return {
    env: {
      TWILIO_ACCOUNT_SID: emulator.accountSid,
      TWILIO_AUTH_TOKEN: emulator.authToken,
      TWILIO_API_BASE_URL: url,
      TWILIO_CONTENT_BASE_URL: url,
      TWILIO_WHATSAPP_NUMBER: sender,
      // The emulator posts callbacks and inbound messages to this app, on this machine.
      WHATSAPP_PUBLIC_URL: publicUrl,
      WHATSAPP_EMULATOR: 'true',
    },
    stop: () => emulator.stop(),
  };
}
