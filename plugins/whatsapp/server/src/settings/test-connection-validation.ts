import { z } from 'zod';

/**
 * `POST /settings/test-connection`: optionally credentials typed on the settings page but not
 * saved yet; without them the resolved settings (environment, then saved) are tested.
 */
export const testConnectionSchema = z
  .object({
    accountSid: z
      .string()
      .trim()
      .regex(/^AC[0-9a-fA-F]{32}$/, 'An Account SID starts with AC followed by 32 hexadecimal characters')
      .optional(),
    authToken: z.string().trim().min(1).max(128).optional(),
  })
  .strict();

export type TestConnectionInput = z.infer<typeof testConnectionSchema>;
