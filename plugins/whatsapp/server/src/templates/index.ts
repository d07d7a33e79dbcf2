import { facadeOf } from '../utils/facade';
import { adminRoute } from '../utils/admin-route';
import { crud, route } from '../utils/content-api-route';
import { templateActionsController } from './actions-controller';
import { createTemplateAdminService } from './admin-reads';
import { createTemplateApprovalService } from './approval';
import { templateController } from './controller';
import { createTemplateService } from './core-service';
import { createTemplatePreviewService } from './preview';
import { createTemplateSubmitService } from './submit';
import { createTemplateSyncService } from './sync';

/** The facade: sync from Twilio, submit for approval, preview, the approval rule, the admin list. */
export const createTemplatesService = facadeOf({
  sync: createTemplateSyncService,
  submit: createTemplateSubmitService,
  preview: createTemplatePreviewService,
  approval: createTemplateApprovalService,
  admin: createTemplateAdminService,
});
export type TemplatesService = ReturnType<typeof createTemplatesService>;

/** Templates: local drafts, their Content API twins at Twilio, and the approval state Twilio reports. */
export const templatesFeature = {
  services: { templates: createTemplatesService, template: createTemplateService },
  controllers: { template: templateController, 'template-actions': templateActionsController },
  adminRoutes: [
    adminRoute('GET', '/templates', 'template-actions.adminFind', 'templatesRead'),
    adminRoute('POST', '/templates/sync', 'template-actions.sync', 'templatesManage'),
    adminRoute('POST', '/templates/:id/submit', 'template-actions.submit', 'templatesManage'),
    adminRoute('POST', '/templates/:id/preview', 'template-actions.preview', 'templatesRead'),
  ],
  // The actions before the generic /templates/:id routes.
  contentApiRoutes: [
    route('POST', '/templates/sync', 'template-actions.sync'),
    route('POST', '/templates/:id/submit', 'template-actions.submit'),
    route('POST', '/templates/:id/preview', 'template-actions.preview'),
    ...crud('template', 'templates', ['find', 'findOne', 'create', 'update', 'delete']),
  ],
};

declare module '../utils/get-service' {
  interface PluginServices {
    templates: TemplatesService;
  }
}
