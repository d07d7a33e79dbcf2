import { adminRoute } from '../../utils/admin-route';

/** The New campaign wizard; before `GET /campaigns/:id`, which would take `templates` for an id. */
export const campaignEditorRoutes = [
  adminRoute('GET', '/campaigns/templates', 'campaign-editor.templates', 'campaignsManage'),
  adminRoute('GET', '/campaigns/:id/edit', 'campaign-editor.findOne', 'campaignsManage'),
  adminRoute('POST', '/campaigns', 'campaign-editor.create', 'campaignsManage'),
  adminRoute('PUT', '/campaigns/:id', 'campaign-editor.update', 'campaignsManage'),
  adminRoute('POST', '/campaigns/:id/duplicate', 'campaign-editor.duplicate', 'campaignsManage'),
];
