import { facadeOf } from '../utils/facade';
import { adminRoute } from '../utils/admin-route';
import { auditController } from './controller';
import { createAuditService } from './service';

/** The facade: `log.record` for the features whose actions are audited, `log.list` for the page. */
export const createAuditFacade = facadeOf({ log: createAuditService });
export type AuditFacade = ReturnType<typeof createAuditFacade>;

/** Audit: campaign actions and settings changes with their actor and time. Read routes only. */
export const auditFeature = {
  services: { audit: createAuditFacade },
  controllers: { audit: auditController },
  adminRoutes: [adminRoute('GET', '/audit', 'audit.find', 'auditRead')],
  contentApiRoutes: [],
};

declare module '../utils/get-service' {
  interface PluginServices {
    audit: AuditFacade;
  }
}
