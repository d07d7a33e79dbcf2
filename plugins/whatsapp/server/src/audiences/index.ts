export { createAudiencesService, type AudiencesService } from './service';
export { audiencesController } from './controller';
export { audienceAdminRoutes, audienceContentRoutes } from './routes';
export { audienceSchema } from './schema';
export type { AudiencePreview } from './types';
