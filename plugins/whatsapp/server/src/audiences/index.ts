import { routeConfig } from '../utils/content-api-route';
import { audiencesController } from './controller';
import { audienceAdminRoutes, audienceContentRoutes } from './routes';
import { createAudiencesService, type AudiencesService } from './service';

export { audienceSchema } from './schema';
export type { AudiencePreview } from '../../../shared/audiences';

/** Audiences: who a campaign goes to, as SQL (chosen candidates, tag rules, filters), and the preview of a launch. */
export const audiencesFeature = {
  services: { audiences: createAudiencesService },
  controllers: { audiences: audiencesController },
  adminRoutes: audienceAdminRoutes,
  contentApiRoutes: audienceContentRoutes(routeConfig),
};

declare module '../utils/get-service' {
  interface PluginServices {
    audiences: AudiencesService;
  }
}
