import { createTwilioEmulator } from './index';

/**
 * `npm run emulator`: a standalone emulator for local development. Credentials come from the
 * environment so the plugin and the emulator agree; missing ones are generated and printed.
 */
const main = async (): Promise<void> => {
  const env = process.env;
  const port = Number(env.TWILIO_EMULATOR_PORT ?? 3999);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid TWILIO_EMULATOR_PORT: ${env.TWILIO_EMULATOR_PORT}`);
  const generatedSid = !env.TWILIO_ACCOUNT_SID;
  const generatedToken = !env.TWILIO_AUTH_TOKEN;
  const emulator = createTwilioEmulator({
    port,
    host: env.TWILIO_EMULATOR_HOST ?? '127.0.0.1',
    ...(env.TWILIO_ACCOUNT_SID ? { accountSid: env.TWILIO_ACCOUNT_SID } : {}),
    ...(env.TWILIO_AUTH_TOKEN ? { authToken: env.TWILIO_AUTH_TOKEN } : {}),
    ...(env.TWILIO_EMULATOR_INBOUND_URL ? { inboundWebhookUrl: env.TWILIO_EMULATOR_INBOUND_URL } : {}),
    ...(env.TWILIO_EMULATOR_STEP_MS ? { stepMs: Number(env.TWILIO_EMULATOR_STEP_MS) } : {}),
    // Templates submitted from the admin panel get approved after a few seconds, like a fast review.
    approvalStepMs: Number(env.TWILIO_EMULATOR_APPROVAL_MS ?? 3000),
  });
  const { url } = await emulator.start();

  const lines = [
    `Twilio emulator listening on ${url}`,
    `Control API: ${url}/__emulator (see tools/twilio-emulator/README.md)`,
    '',
    'Point the plugin at it with:',
    `  TWILIO_API_BASE_URL=${url}`,
    `  TWILIO_CONTENT_BASE_URL=${url}`,
  ];
  if (generatedSid) lines.push(`  TWILIO_ACCOUNT_SID=${emulator.accountSid}`);
  // The token is a secret: it is only shown when the emulator made it up.
  if (generatedToken) lines.push(`  TWILIO_AUTH_TOKEN=${emulator.authToken}`);
  if (!generatedSid || !generatedToken) lines.push('  (credentials you set in the environment are used as they are)');
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the Twilio emulator\n`);
    emulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

main().catch((error: unknown) => {
  process.stderr.write(`[twilio-emulator] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
