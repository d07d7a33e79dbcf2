/** Twilio and WhatsApp settings: environment over saved values over defaults. Pure rules, no Strapi imports. */
import { SETTINGS_ENV, type ResolvedSettings, type SenderKind, type SettingKey, type SettingSource } from '../../../shared/settings';

export { SETTINGS_ENV, type ResolvedSettings, type SenderKind, type SettingKey, type SettingSource };

export type RawSettings = Partial<Record<SettingKey, string>>;

/** Twilio's shared WhatsApp sandbox sender. */
export const SANDBOX_SENDER = '+14155238886';
export const TWILIO_API_BASE_URL = 'https://api.twilio.com';
export const TWILIO_CONTENT_BASE_URL = 'https://content.twilio.com';


export type SettingDefaults = { apiBaseUrl: string; contentBaseUrl: string; mps: number; sandboxMps: number; defaultCountry: string };

const nonEmpty = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** Environment first, then saved values, then defaults. */
export const resolveSettings = (
  env: Record<string, string | undefined>,
  saved: RawSettings,
  defaults: SettingDefaults,
  emulatorFlag: boolean
): ResolvedSettings => {
  const sources = {} as Record<SettingKey, SettingSource>;
  const pick = (key: SettingKey): string | undefined => {
    const fromEnv = nonEmpty(env[SETTINGS_ENV[key]]);
    if (fromEnv !== undefined) {
      sources[key] = 'env';
      return fromEnv;
    }
    const fromSaved = nonEmpty(saved[key]);
    if (fromSaved !== undefined) {
      sources[key] = 'saved';
      return fromSaved;
    }
    sources[key] = 'default';
    return undefined;
  };

  const accountSid = pick('accountSid');
  const authToken = pick('authToken');
  const whatsappNumber = pick('whatsappNumber')?.replace(/^whatsapp:/i, '');
  const messagingServiceSid = pick('messagingServiceSid');
  const phoneNumber = pick('phoneNumber');
  const publicUrl = pick('publicUrl')?.replace(/\/+$/, '');
  const apiBaseUrl = (pick('apiBaseUrl') ?? defaults.apiBaseUrl).replace(/\/+$/, '');
  const contentBaseUrl = (pick('contentBaseUrl') ?? defaults.contentBaseUrl).replace(/\/+$/, '');
  const defaultCountry = (pick('defaultCountry') ?? defaults.defaultCountry).toUpperCase();
  const mpsRaw = pick('mps');
  const isSandbox = whatsappNumber === SANDBOX_SENDER;
  const parsedMps = mpsRaw !== undefined ? Number(mpsRaw) : NaN;
  // The shared sandbox sender is limited to one message every 3 s unless told otherwise.
  const mps = Number.isFinite(parsedMps) && parsedMps > 0 ? parsedMps : isSandbox ? defaults.sandboxMps : defaults.mps;

  const isEmulator = emulatorFlag || apiBaseUrl !== TWILIO_API_BASE_URL;
  const mode: ResolvedSettings['mode'] = !accountSid || !authToken
    ? 'unconfigured'
    : isEmulator
      ? 'emulator'
      : isSandbox
        ? 'sandbox'
        : 'production';

  return {
    accountSid,
    authToken,
    whatsappNumber,
    messagingServiceSid,
    phoneNumber,
    publicUrl,
    apiBaseUrl,
    contentBaseUrl,
    mps,
    defaultCountry,
    mode,
    sources,
  };
};


export const senderKind = (settings: { whatsappNumber?: string; messagingServiceSid?: string }): SenderKind => {
  if (settings.whatsappNumber === SANDBOX_SENDER) return 'sandbox';
  if (settings.whatsappNumber || settings.messagingServiceSid) return 'production';
  return 'none';
};

/** The shared sandbox sender lets an account send one message every 3 seconds. */
export const SANDBOX_PACE = { messages: 1, perSeconds: 3 } as const;

/**
 * What a candidate must do before the sandbox will deliver to them. The join code is
 * per account (Twilio Console › Messaging › Try it out › Send a WhatsApp message) and
 * Twilio's API does not return it, so the text points there.
 */
export const sandboxJoinInstructions = (sender: string = SANDBOX_SENDER): string =>
  `This app sends from Twilio's shared WhatsApp sandbox (${sender}). Each candidate must first send ` +
  `"join <your sandbox code>" on WhatsApp to ${sender}; the code is shown in the Twilio Console under ` +
  `Messaging › Try it out › Send a WhatsApp message. Until they do, messages to them fail with error 63015. ` +
  `A joined number leaves the sandbox after 72 hours without a message and must join again. ` +
  `The sandbox delivers at most ${SANDBOX_PACE.messages} message every ${SANDBOX_PACE.perSeconds} seconds.`;
