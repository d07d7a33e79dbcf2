import { adminRoute } from '../utils/admin-route';

/** Admin twin of the preview: creating a campaign is `campaigns.manage`. */
export const audienceAdminRoutes = [
  adminRoute('POST', '/campaigns/preview', 'audiences.preview', 'campaignsManage'),
];

/** Content API: before the generic /campaigns/:id routes. */
export const audienceContentRoutes = (config: () => object) => [
  { method: 'POST', path: '/campaigns/preview', handler: 'audiences.preview', config: config() },
];
