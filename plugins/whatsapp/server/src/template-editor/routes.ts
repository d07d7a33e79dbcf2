import { can } from '../routes/admin-route';

/** Admin routes of the Templates page's editor. */
export const templateEditorAdminRoutes = [
  { method: 'POST', path: '/templates', handler: 'template-editor.create', config: { policies: can('templatesManage') } },
  { method: 'GET', path: '/templates/:id', handler: 'template-editor.findOne', config: { policies: can('templatesRead') } },
  { method: 'PUT', path: '/templates/:id', handler: 'template-editor.update', config: { policies: can('templatesManage') } },
  { method: 'DELETE', path: '/templates/:id', handler: 'template-editor.remove', config: { policies: can('templatesManage') } },
  { method: 'POST', path: '/templates/:id/new-version', handler: 'template-editor.newVersion', config: { policies: can('templatesManage') } },
];
