import { z } from 'zod';

/**
 * Plugin config (config/plugins.ts → whatsapp.config). These are the defaults of the
 * settings; environment variables and values saved in the admin panel win over them
 * (see settings/service.ts).
 */
export const pluginConfigSchema = z.object({
  defaultCountry: z.string().length(2).default('IN'),
  mps: z.number().positive().default(80),
  sandboxMps: z.number().positive().default(1 / 3),
  apiBaseUrl: z.url().default('https://api.twilio.com'),
  contentBaseUrl: z.url().default('https://content.twilio.com'),
});

export type PluginConfig = z.infer<typeof pluginConfigSchema>;

export default {
  default: pluginConfigSchema.parse({}),
  validator: (config: unknown) => {
    pluginConfigSchema.parse(config);
  },
};
