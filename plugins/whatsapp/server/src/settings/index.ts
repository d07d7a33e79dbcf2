import { adminRoute } from '../utils/admin-route';
import { settingsController } from './controller';
import { createSettingsService } from './service';

/** Settings: stored in the plugin store, overridden by the environment, shown on the Settings page. */
export const settingsFeature = {
  services: { settings: createSettingsService },
  controllers: { settings: settingsController },
  adminRoutes: [
    adminRoute('GET', '/settings', 'settings.find', 'settingsRead'),
    adminRoute('PUT', '/settings', 'settings.update', 'settingsUpdate'),
    // Calls Twilio, possibly with credentials not saved yet: as sensitive as changing them.
    adminRoute('POST', '/settings/test-connection', 'settings.testConnection', 'settingsUpdate'),
  ],
  contentApiRoutes: [],
};

declare module '../utils/get-service' {
  interface PluginServices {
    settings: ReturnType<typeof createSettingsService>;
  }
}
