export { createTemplateEditorService, type TemplateEditorService, type TemplateEditorView } from './service';
export { templateEditorController } from './controller';
export { templateEditorAdminRoutes } from './routes';
