import { templateEditorController } from './controller';
import { templateEditorAdminRoutes } from './routes';
import { createTemplateEditorService, type TemplateEditorService } from './service';

export type { TemplateEditorService };
export type { TemplateEditorView } from './service';

/** Writing templates in the admin panel: drafts, new versions, deleting at Twilio first. */
export const templateEditorFeature = {
  services: { 'template-editor': createTemplateEditorService },
  controllers: { 'template-editor': templateEditorController },
  adminRoutes: templateEditorAdminRoutes,
  contentApiRoutes: [],
};

declare module '../utils/get-service' {
  interface PluginServices {
    'template-editor': TemplateEditorService;
  }
}
