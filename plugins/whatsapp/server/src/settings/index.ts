import { can } from '../routes/admin-route';
import { settingsController } from './controller';
import { createSettingsService } from './service';

/** Settings: stored in the plugin store, overridden by the environment, shown on the Settings page. */
export const settingsFeature = {
  services: { settings: createSettingsService },
  controllers: { settings: settingsController },
  adminRoutes: [
    { method: 'GET', path: '/settings', handler: 'settings.find', config: { policies: can('settingsRead') } },
    { method: 'PUT', path: '/settings', handler: 'settings.update', config: { policies: can('settingsUpdate') } },
    // Calls Twilio, possibly with credentials not saved yet: as sensitive as changing them.
    { method: 'POST', path: '/settings/test-connection', handler: 'settings.testConnection', config: { policies: can('settingsUpdate') } },
  ],
  contentApiRoutes: [],
};

declare module '../utils/get-service' {
  interface PluginServices {
    settings: ReturnType<typeof createSettingsService>;
  }
}
