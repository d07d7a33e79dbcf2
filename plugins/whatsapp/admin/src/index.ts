import type { StrapiApp } from '@strapi/strapi/admin';
import { actionUid } from '../../shared/permissions';
import { PAGE_READ_PERMISSIONS } from './utils/pages';
import { PLUGIN_ID } from './pluginId';
import { PluginIcon } from './components/PluginIcon';
import { getTranslation } from './utils/getTranslation';

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'WhatsApp' },
      Component: () => import('./pages/App').then((module) => ({ default: module.App })),
      // Shown to a role that may read any of the pages (the admin shows a link for any match).
      permissions: PAGE_READ_PERMISSIONS,
    });
    app.createSettingSection(
      { id: PLUGIN_ID, intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'WhatsApp' } },
      [
        {
          id: 'whatsapp-settings',
          to: PLUGIN_ID,
          intlLabel: { id: getTranslation('settings.link'), defaultMessage: 'Twilio' },
          Component: () => import('./pages/Settings/ProtectedSettingsPage').then((module) => ({ default: module.ProtectedSettingsPage })),
          permissions: [{ action: actionUid('settingsRead'), subject: null }],
        },
        {
          id: 'whatsapp-go-live',
          to: `${PLUGIN_ID}-go-live`,
          intlLabel: { id: getTranslation('goLive.link'), defaultMessage: 'Go live' },
          Component: () => import('./pages/Settings/GoLive/ProtectedGoLivePage').then((module) => ({ default: module.ProtectedGoLivePage })),
          permissions: [{ action: actionUid('settingsRead'), subject: null }],
        },
      ]
    );
    app.registerPlugin({ id: PLUGIN_ID, name: 'WhatsApp' });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          const prefixed = Object.fromEntries(
            Object.entries(data as Record<string, string>).map(([key, value]) => [getTranslation(key), value])
          );
          return { data: prefixed, locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
