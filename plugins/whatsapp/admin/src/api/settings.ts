import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

export type SettingSource = 'env' | 'saved' | 'default';

/** GET /whatsapp/settings: the effective settings, never the auth token. */
export type SettingsView = {
  accountSid?: string;
  whatsappNumber?: string;
  messagingServiceSid?: string;
  phoneNumber?: string;
  publicUrl?: string;
  apiBaseUrl: string;
  contentBaseUrl: string;
  mps: number;
  defaultCountry: string;
  mode: 'emulator' | 'sandbox' | 'production' | 'unconfigured';
  authTokenSet: boolean;
  sources: Record<string, SettingSource>;
  envLocked: string[];
};

export type SettingsUpdate = Partial<{
  accountSid: string;
  authToken: string;
  whatsappNumber: string;
  messagingServiceSid: string;
  phoneNumber: string;
  publicUrl: string;
  mps: number;
  defaultCountry: string;
}>;

export const useSettings = () => {
  const { get, put } = useFetchClient();
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      const { data } = await get<{ data: SettingsView }>('/whatsapp/settings');
      setSettings(data.data);
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, [get]);

  useEffect(() => {
    void load();
  }, [load]);

  const save = useCallback(
    async (update: SettingsUpdate) => {
      const { data } = await put<{ data: SettingsView }>('/whatsapp/settings', { data: update });
      setSettings(data.data);
      return data.data;
    },
    [put]
  );

  return { settings, error, reload: load, save };
};
