import type { SettingsUpdate } from '../../../shared/settings';
import { z } from 'zod';

const optionalText = (max: number) => z.string().trim().max(max).optional();

export const settingsUpdateSchema = z
  .object({
    accountSid: z
      .string()
      .trim()
      .regex(/^AC[0-9a-fA-F]{32}$/, 'An Account SID starts with AC followed by 32 hexadecimal characters')
      .or(z.literal(''))
      .optional(),
    // Write-only: never returned. An empty string leaves the saved token unchanged.
    authToken: optionalText(128),
    whatsappNumber: optionalText(32),
    messagingServiceSid: z
      .string()
      .trim()
      .regex(/^MG[0-9a-fA-F]{32}$/, 'A Messaging Service SID starts with MG followed by 32 hexadecimal characters')
      .or(z.literal(''))
      .optional(),
    phoneNumber: optionalText(32),
    publicUrl: z.url().or(z.literal('')).optional(),
    mps: z.coerce.number().positive().max(1000).optional(),
    defaultCountry: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, 'Use a two-letter ISO country code, e.g. IN')
      .optional(),
  })
  // Parses into the wire type the settings page sends (shared/settings.ts).
  .strict() satisfies z.ZodType<SettingsUpdate>;

export type { SettingsUpdate };
