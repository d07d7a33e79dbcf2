import { adminRoute } from '../utils/admin-route';
import { route } from '../utils/content-api-route';
import { exportsController } from './controller';
import { facadeOf } from '../utils/facade';
import { createCsvExportsService } from './service';

/** The facade: the CSV files. */
export const createExportsService = facadeOf({ csv: createCsvExportsService });
export type ExportsService = ReturnType<typeof createExportsService>;

const ROUTES = [
  { path: '/exports/campaign-recipients', handler: 'exports.campaignRecipients', permission: 'campaignsRead' },
  { path: '/exports/messages', handler: 'exports.messages', permission: 'messagesRead' },
  { path: '/exports/candidates', handler: 'exports.candidates', permission: 'candidatesRead' },
] as const;

/** CSV exports of a campaign's recipients, messages by filter and candidates, streamed. */
export const exportsFeature = {
  services: { exports: createExportsService },
  controllers: { exports: exportsController },
  adminRoutes: ROUTES.map((spec) => adminRoute('GET', spec.path, spec.handler, spec.permission)),
  contentApiRoutes: ROUTES.map((spec) => route('GET', spec.path, spec.handler)),
};

declare module '../utils/get-service' {
  interface PluginServices {
    exports: ExportsService;
  }
}
