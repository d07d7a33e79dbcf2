/** What the admin settings routes answer and accept, shared by the server and the settings page. */
import type { ResolvedSettings, SenderKind, SettingKey, SettingSource } from '../server/src/domain/settings';
import type { SettingsUpdate } from '../server/src/settings/validation';

export type { SettingSource, SettingsUpdate };

/** GET|PUT /whatsapp/settings: the effective settings, never the auth token. */
export type SettingsView = Omit<ResolvedSettings, 'authToken'> & {
  authTokenSet: boolean;
  /** Settings the environment sets; the page shows them read-only. */
  envLocked: SettingKey[];
  sender: { kind: SenderKind; sandbox: boolean; joinInstructions: string | null };
};
