import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../constants';
import type { PluginConfig } from '../config';
import {
  resolveSettings,
  sandboxJoinInstructions,
  senderKind,
  SETTINGS_ENV,
  type RawSettings,
  type ResolvedSettings,
  type SettingKey,
} from '../domain/settings';
import type { SettingsUpdate } from './validation';
import type { SettingsView } from '../../../shared/settings';
import type { TestConnectionInput } from './test-connection-validation';
import { describeConnectionFailure, type ConnectionProblem, type TwilioFailure } from '../domain/twilio-errors';
import { getService } from '../utils/get-service';
import { currentActor } from '../utils/request-actor';
import type { Actor } from '../../../shared/audit';

type StoredSettings = Omit<RawSettings, 'authToken'> & { authTokenEncrypted?: string };

type EncryptionService = { encrypt(value: string): string | null; decrypt(value: string): string | null };

// Webhooks read the settings on every request; a short cache keeps that off the database
// while a value saved on another instance still shows up within seconds.
const CACHE_TTL_MS = 5_000;

/** The stored fields whose value differs (a new auth token counts as changed, whatever it is). */
const changedFields = (before: StoredSettings, after: StoredSettings) =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => (before as Record<string, unknown>)[key] !== (after as Record<string, unknown>)[key])
    .map((key) => (key === 'authTokenEncrypted' ? 'authToken' : key))
    .sort();

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
    async getPublicView(): Promise<SettingsView> {
      const resolved = await this.getResolved();
      const { authToken, sources, ...rest } = resolved;
      const envLocked = (Object.keys(SETTINGS_ENV) as SettingKey[]).filter((key) => sources[key] === 'env');
      const kind = senderKind(resolved);
      // Sandbox or production is told by the sender; the sandbox's pace is in `mps` (1/3).
      const sender = {
        kind,
        sandbox: kind === 'sandbox',
        joinInstructions: kind === 'sandbox' ? sandboxJoinInstructions() : null,
      };
      return { ...rest, authTokenSet: Boolean(authToken), sources, envLocked, sender };
    },

    /** `actor`: who saved, by default whoever made the request being served. */
    async save(update: SettingsUpdate, actor: Actor = currentActor(strapi)) {
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
      await getService(strapi, 'audit').log.record({
        action: 'settings.update',
        subject: { type: 'settings', id: null, label: 'Twilio settings' },
        actor,
        // Which fields changed, never their values: the auth token is a secret.
        details: { changed: changedFields(current, next) },
      });
      return this.getPublicView();
    },

    /**
     * Calls Twilio (fetches the account) with the resolved credentials, or with ones typed on
     * the settings page and not saved yet, and says plainly what is wrong. Never echoes the token.
     */
    async testConnection(input: TestConnectionInput = {}) {
      const resolved = await this.getResolved();
      const warnings: string[] = [];
      if (!resolved.whatsappNumber && !resolved.messagingServiceSid) {
        warnings.push('No WhatsApp sender is set (TWILIO_WHATSAPP_NUMBER or a Messaging Service SID): nothing can be sent yet.');
      }
      if (!resolved.publicUrl) {
        warnings.push('No public URL is set (WHATSAPP_PUBLIC_URL): Twilio cannot reach the webhooks, so replies and delivery statuses will not arrive.');
      }
      if (senderKind(resolved) === 'sandbox') warnings.push(sandboxJoinInstructions());
      const base = { mode: resolved.mode, apiBaseUrl: resolved.apiBaseUrl, warnings };
      const fail = (problem: ConnectionProblem) => ({ ok: false as const, ...base, problem });

      const accountSid = input.accountSid || resolved.accountSid;
      const hasToken = Boolean(input.authToken || resolved.authToken);
      if (!accountSid || !hasToken) {
        return fail({ code: 'NOT_CONFIGURED', message: 'Enter the Account SID and auth token from the Twilio Console first.' });
      }
      let account;
      try {
        account = await getService(strapi, 'twilio').fetchAccount(input);
      } catch (error) {
        if (error instanceof Error) throw error;
        return fail(describeConnectionFailure(error as TwilioFailure, resolved.apiBaseUrl));
      }
      if (account.status !== 'active') {
        return fail({
          code: 'ACCOUNT_NOT_ACTIVE',
          message: `The Twilio account "${account.friendlyName}" is ${account.status}: it cannot send messages until it is active again.`,
        });
      }
      if (account.type === 'Trial') {
        warnings.push('This is a Twilio trial account: it can only message numbers verified in the Twilio Console.');
      }
      return { ok: true as const, ...base, account };
    },

    clearCache() {
      cache = undefined;
    },
  };
};

export type SettingsService = ReturnType<typeof createSettingsService>;
