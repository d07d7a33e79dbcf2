import { facadeOf } from '../utils/facade';
import { adminRoute } from '../utils/admin-route';
import { route } from '../utils/content-api-route';
import { candidateImportAdminController, candidateImportController } from './controller';
import { createCandidateImportService } from './service';

export const createCandidateImportFacade = facadeOf({ imports: createCandidateImportService });
export type CandidateImportFacade = ReturnType<typeof createCandidateImportFacade>;

/**
 * Candidate imports from CSV and Excel files: the upload is stored in the database in chunks, and
 * dry runs and imports run as jobs (any instance), with their state, progress and per-row report.
 * Its paths are `/candidate-imports/...`, apart from `/candidates/:id`; `POST /candidates/import`
 * comes before the candidates feature's routes.
 */
export const candidateImportFeature = {
  services: { 'candidate-import': createCandidateImportFacade },
  controllers: { 'candidate-import-admin': candidateImportAdminController, 'candidate-import': candidateImportController },
  adminRoutes: [
    adminRoute('POST', '/candidate-imports', 'candidate-import-admin.upload', 'candidatesManage'),
    adminRoute('GET', '/candidate-imports', 'candidate-import-admin.recent', 'candidatesManage'),
    adminRoute('GET', '/candidate-imports/:id', 'candidate-import-admin.findOne', 'candidatesManage'),
    adminRoute('GET', '/candidate-imports/:id/rows', 'candidate-import-admin.rows', 'candidatesManage'),
    adminRoute('POST', '/candidate-imports/:id/dry-run', 'candidate-import-admin.dryRun', 'candidatesManage'),
    adminRoute('POST', '/candidate-imports/:id/commit', 'candidate-import-admin.commit', 'candidatesManage'),
  ],
  contentApiRoutes: [
    route('POST', '/candidates/import', 'candidate-import.import'),
    route('GET', '/candidate-imports/:id', 'candidate-import.findOne'),
    route('GET', '/candidate-imports/:id/rows', 'candidate-import.rows'),
  ],
};

declare module '../utils/get-service' {
  interface PluginServices {
    'candidate-import': CandidateImportFacade;
  }
}
