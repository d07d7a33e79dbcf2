import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { AutoAssignSettings } from '../../../shared/team-inbox';

export const AUTO_ASSIGN_DEFAULT: AutoAssignSettings = { enabled: false, roleId: null };

// Read on every new inbound conversation; short, so a change on another instance applies within seconds.
const CACHE_TTL_MS = 5_000;

/** Auto-assignment of new conversations, kept in the plugin store (off until someone turns it on). */
export const createTeamInboxSettingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let cache: { value: AutoAssignSettings; at: number } | undefined;
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'team-inbox' });

  return {
    async autoAssign(): Promise<AutoAssignSettings> {
      if (cache && Date.now() - cache.at < CACHE_TTL_MS) return cache.value;
      const stored = ((await store().get({})) as { autoAssign?: Partial<AutoAssignSettings> } | null)?.autoAssign;
      const value = { ...AUTO_ASSIGN_DEFAULT, ...stored };
      cache = { value, at: Date.now() };
      return value;
    },

    async setAutoAssign(value: AutoAssignSettings): Promise<AutoAssignSettings> {
      await store().set({ value: { autoAssign: value } });
      cache = { value, at: Date.now() };
      return value;
    },
  };
};
