/** What the admin settings routes answer and accept, shared by the server and the settings page. */

export const SETTINGS_ENV = {
  accountSid: 'TWILIO_ACCOUNT_SID',
  authToken: 'TWILIO_AUTH_TOKEN',
  whatsappNumber: 'TWILIO_WHATSAPP_NUMBER',
  messagingServiceSid: 'TWILIO_MESSAGING_SERVICE_SID',
  phoneNumber: 'TWILIO_PHONE_NUMBER',
  publicUrl: 'WHATSAPP_PUBLIC_URL',
  apiBaseUrl: 'TWILIO_API_BASE_URL',
  contentBaseUrl: 'TWILIO_CONTENT_BASE_URL',
  mps: 'WHATSAPP_MPS',
  defaultCountry: 'WHATSAPP_DEFAULT_COUNTRY',
} as const;

export type SettingKey = keyof typeof SETTINGS_ENV;
export type SettingSource = 'env' | 'saved' | 'default';


export type ResolvedSettings = {
  accountSid?: string;
  authToken?: string;
  whatsappNumber?: string;
  messagingServiceSid?: string;
  phoneNumber?: string;
  publicUrl?: string;
  apiBaseUrl: string;
  contentBaseUrl: string;
  mps: number;
  defaultCountry: string;
  mode: 'emulator' | 'sandbox' | 'production' | 'unconfigured';
  sources: Record<SettingKey, SettingSource>;
};

/** Whether we send from Twilio's shared sandbox number, our own approved sender, or nothing yet. */
export type SenderKind = 'sandbox' | 'production' | 'none';

/** `PUT /whatsapp/settings`: each field optional; an empty string clears it (the auth token: leaves it unchanged). */
export type SettingsUpdate = {
  accountSid?: string;
  /** Write-only: never returned. */
  authToken?: string;
  whatsappNumber?: string;
  messagingServiceSid?: string;
  phoneNumber?: string;
  publicUrl?: string;
  mps?: number;
  defaultCountry?: string;
};

/** GET|PUT /whatsapp/settings: the effective settings, never the auth token. */
export type SettingsView = Omit<ResolvedSettings, 'authToken'> & {
  authTokenSet: boolean;
  /** Settings the environment sets; the page shows them read-only. */
  envLocked: SettingKey[];
  sender: { kind: SenderKind; sandbox: boolean; joinInstructions: string | null };
};
