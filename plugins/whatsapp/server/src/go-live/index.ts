import { goLiveController } from './controller';
import { goLiveAdminRoutes, goLiveProbeRoutes } from './routes';
import { createGoLiveService } from './service';

/** Go live: the self-tests from the sandbox to production (Settings → Go live, GET /settings/checks). */
export const goLiveFeature = {
  services: { 'go-live': createGoLiveService },
  controllers: { 'go-live': goLiveController },
  adminRoutes: goLiveAdminRoutes,
  contentApiRoutes: goLiveProbeRoutes,
};

export type { GoLiveService } from './service';

declare module '../utils/get-service' {
  interface PluginServices {
    'go-live': ReturnType<typeof createGoLiveService>;
  }
}
