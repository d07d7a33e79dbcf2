export { createGoLiveService, type GoLiveService } from './service';
export { goLiveController } from './controller';
export { goLiveAdminRoutes, goLiveProbeRoutes } from './routes';
