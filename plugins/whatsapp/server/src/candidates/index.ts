import { facadeOf } from '../utils/facade';
import { crud } from '../utils/content-api-route';
import { candidateController } from './controller';
import { createCandidateService } from './core-service';
import { createPhoneService } from './phone';
import { candidateAdminRoutes, candidatesAdminController, createCandidatesAdminService } from './admin';

/** The facade other features use: number parsing with the settings' default country. */
export const createCandidatesService = facadeOf({
  phone: createPhoneService,
  admin: createCandidatesAdminService,
});
export type CandidatesService = ReturnType<typeof createCandidatesService>;

/** Candidates: the people messaged. Their rules run for every writer (document-rules.ts). */
export const candidatesFeature = {
  services: { candidates: createCandidatesService, candidate: createCandidateService },
  controllers: { candidate: candidateController, 'candidates-admin': candidatesAdminController },
  adminRoutes: candidateAdminRoutes,
  contentApiRoutes: [...crud('candidate', 'candidates', ['find', 'findOne', 'create', 'update', 'delete'])],
};

declare module '../utils/get-service' {
  interface PluginServices {
    candidates: CandidatesService;
  }
}
