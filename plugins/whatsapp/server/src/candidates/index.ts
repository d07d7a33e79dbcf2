import { crud } from '../routes/content-api-route';
import { candidateController } from './controller';
import { createCandidateService } from './core-service';
import { createPhoneService } from './phone';

/** The facade other features use: number parsing with the settings' default country. */
export const createCandidatesService = ({ strapi }: Parameters<typeof createPhoneService>[0]) => ({
  phone: createPhoneService({ strapi }),
});
export type CandidatesService = ReturnType<typeof createCandidatesService>;

/** Candidates: the people messaged. Their rules run for every writer (document-rules.ts). */
export const candidatesFeature = {
  services: { candidates: createCandidatesService, candidate: createCandidateService },
  controllers: { candidate: candidateController },
  adminRoutes: [],
  contentApiRoutes: [...crud('candidate', 'candidates', ['find', 'findOne', 'create', 'update', 'delete'])],
};

declare module '../utils/get-service' {
  interface PluginServices {
    candidates: CandidatesService;
  }
}
