import { useCallback, useEffect, useState } from 'react';
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
