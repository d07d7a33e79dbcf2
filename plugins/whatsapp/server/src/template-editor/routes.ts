import { adminRoute } from '../utils/admin-route';

/** Admin routes of the Templates page's editor. */
export const templateEditorAdminRoutes = [
  adminRoute('POST', '/templates', 'template-editor.create', 'templatesManage'),
  adminRoute('GET', '/templates/:id', 'template-editor.findOne', 'templatesRead'),
  adminRoute('PUT', '/templates/:id', 'template-editor.update', 'templatesManage'),
  adminRoute('DELETE', '/templates/:id', 'template-editor.remove', 'templatesManage'),
  adminRoute('POST', '/templates/:id/new-version', 'template-editor.newVersion', 'templatesManage'),
];
