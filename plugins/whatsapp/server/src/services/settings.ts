import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../constants';
import type { PluginConfig } from '../config';
import {
  resolveSettings,
  SETTINGS_ENV,
  type RawSettings,
  type ResolvedSettings,
  type SettingKey,
} from '../domain/settings';
import type { SettingsUpdate } from '../validation/settings';

type StoredSettings = Omit<RawSettings, 'authToken'> & { authTokenEncrypted?: string };

type EncryptionService = { encrypt(value: string): string | null; decrypt(value: string): string | null };

// Webhooks read the settings on every request; a short cache keeps that off the database
// while a value saved on another instance still shows up within seconds.
const CACHE_TTL_MS = 5_000;

export const createSettingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let cache: { value: ResolvedSettings; at: number } | undefined;

  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'settings' });
  const encryption = () => strapi.service('admin::encryption') as unknown as EncryptionService;

  const readStored = async (): Promise<StoredSettings> => ((await store().get({})) as StoredSettings | null) ?? {};

  return {
    async getResolved(): Promise<ResolvedSettings> {
      if (cache && Date.now() - cache.at < CACHE_TTL_MS) return cache.value;
      const stored = await readStored();
      const { authTokenEncrypted, ...plain } = stored;
      const saved: RawSettings = { ...plain };
      if (authTokenEncrypted) {
        const token = encryption().decrypt(authTokenEncrypted);
        if (token) saved.authToken = token;
        else strapi.log.warn('[whatsapp] The saved Twilio auth token could not be decrypted (ENCRYPTION_KEY changed?)');
      }
      const config = strapi.config.get(`plugin::${PLUGIN_ID}`) as PluginConfig;
      const value = resolveSettings(process.env, saved, config, process.env.WHATSAPP_EMULATOR === 'true');
      cache = { value, at: Date.now() };
      return value;
    },

    /** What the admin settings page may see: never the auth token. */
    async getPublicView() {
      const resolved = await this.getResolved();
      const { authToken, sources, ...rest } = resolved;
      const envLocked = (Object.keys(SETTINGS_ENV) as SettingKey[]).filter((key) => sources[key] === 'env');
      return { ...rest, authTokenSet: Boolean(authToken), sources, envLocked };
    },

    async save(update: SettingsUpdate) {
      const current = await readStored();
      const next: StoredSettings = { ...current };
      for (const [key, value] of Object.entries(update) as [keyof SettingsUpdate, unknown][]) {
        if (key === 'authToken') continue;
        if (value === undefined) continue;
        (next as Record<string, string>)[key] = String(value);
      }
      if (update.authToken) {
        const encrypted = encryption().encrypt(update.authToken);
        if (!encrypted) {
          throw new errors.ApplicationError(
            'The auth token cannot be saved: the app has no ENCRYPTION_KEY (admin.secrets.encryptionKey).',
            { code: 'ENCRYPTION_KEY_MISSING' }
          );
        }
        next.authTokenEncrypted = encrypted;
      }
      await store().set({ value: next });
      cache = undefined;
      return this.getPublicView();
    },

    clearCache() {
      cache = undefined;
    },
  };
};

export type SettingsService = ReturnType<typeof createSettingsService>;
