export { createCandidatesAdminService, type CandidatesAdminService } from './service';
export { candidatesAdminController } from './controller';
export { candidateAdminRoutes } from './routes';
