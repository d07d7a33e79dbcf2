import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFetchClient } from '@strapi/strapi/admin';
import type { SettingsUpdate, SettingsView } from '../../../shared/settings';

export type { SettingSource, SettingsUpdate, SettingsView } from '../../../shared/settings';

export type TwilioMode = SettingsView['mode'];

export const settingsKeys = {
  view: ['whatsapp', 'settings'] as const,
};

const useSettingsFetch = () => {
  const { get } = useFetchClient();
  return async () => (await get<{ data: SettingsView }>('/whatsapp/settings')).data.data;
};

/** GET /whatsapp/settings: the effective settings, never the auth token. */
export const useSettingsQuery = () => useQuery({ queryKey: settingsKeys.view, queryFn: useSettingsFetch() });

/** Where Twilio is connected; an error (a role that may not read settings) is not retried. */
export const useTwilioMode = () =>
  useQuery({ queryKey: settingsKeys.view, queryFn: useSettingsFetch(), select: (settings) => settings.mode, retry: false });

/** PUT /whatsapp/settings; the answer (the settings now in effect) replaces what the page shows. */
export const useSaveSettings = () => {
  const { put } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (update: SettingsUpdate) => (await put<{ data: SettingsView }>('/whatsapp/settings', { data: update })).data.data,
    onSuccess: (saved) => client.setQueryData(settingsKeys.view, saved),
  });
};
