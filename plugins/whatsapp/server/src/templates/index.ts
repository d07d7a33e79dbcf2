import type { Core } from '@strapi/strapi';
import { can } from '../routes/admin-route';
import { crud, route } from '../routes/content-api-route';
import { templateActionsController } from './actions-controller';
import { createTemplateAdminService } from './admin-reads';
import { createTemplateApprovalService } from './approval';
import { templateController } from './controller';
import { createTemplateService } from './core-service';
import { createTemplatePreviewService } from './preview';
import { createTemplateSubmitService } from './submit';
import { createTemplateSyncService } from './sync';

/** The facade: sync from Twilio, submit for approval, preview, the approval rule, the admin list. */
export const createTemplatesService = ({ strapi }: { strapi: Core.Strapi }) => ({
  sync: createTemplateSyncService({ strapi }),
  submit: createTemplateSubmitService({ strapi }),
  preview: createTemplatePreviewService({ strapi }),
  approval: createTemplateApprovalService({ strapi }),
  admin: createTemplateAdminService({ strapi }),
});
export type TemplatesService = ReturnType<typeof createTemplatesService>;

/** Templates: local drafts, their Content API twins at Twilio, and the approval state Twilio reports. */
export const templatesFeature = {
  services: { templates: createTemplatesService, template: createTemplateService },
  controllers: { template: templateController, 'template-actions': templateActionsController },
  adminRoutes: [
    { method: 'GET', path: '/templates', handler: 'template-actions.adminFind', config: { policies: can('templatesRead') } },
    { method: 'POST', path: '/templates/sync', handler: 'template-actions.sync', config: { policies: can('templatesManage') } },
    { method: 'POST', path: '/templates/:id/submit', handler: 'template-actions.submit', config: { policies: can('templatesManage') } },
    { method: 'POST', path: '/templates/:id/preview', handler: 'template-actions.preview', config: { policies: can('templatesRead') } },
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
