import { useCallback, useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useFetchClient } from '@strapi/strapi/admin';
import type { SettingsUpdate, SettingsView } from '../../../shared/settings';

export type { SettingSource, SettingsUpdate, SettingsView } from '../../../shared/settings';

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

export type TwilioMode = SettingsView['mode'];

export const settingsKeys = {
  mode: ['whatsapp', 'settings', 'mode'] as const,
};

/** Where Twilio is connected; an error (a role that may not read settings) is not retried. */
export const useTwilioMode = () => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: settingsKeys.mode,
    queryFn: async () => (await get<{ data: SettingsView }>('/whatsapp/settings')).data.data.mode,
    retry: false,
  });
};
