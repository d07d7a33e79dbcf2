import type { HostHints } from '../domain/send-rules';

/**
 * What the host app tells the plugin about itself through the environment: the repository's
 * launcher sets WHATSAPP_BUNDLED_EMULATOR=true, so only that app's messages mention its emulator.
 */
export const hostHints = (env: NodeJS.ProcessEnv = process.env): HostHints => ({
  bundledEmulator: env.WHATSAPP_BUNDLED_EMULATOR === 'true',
});
