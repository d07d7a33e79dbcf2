import type { PluginActionKey } from '../../../shared/permissions';

type Policies = (...keys: PluginActionKey[]) => unknown[];

/** Admin twin of the preview: creating a campaign is `campaigns.manage`. */
export const audienceAdminRoutes = (can: Policies) => [
  { method: 'POST', path: '/campaigns/preview', handler: 'audiences.preview', config: { policies: can('campaignsManage') } },
];

/** Content API: before the generic /campaigns/:id routes. */
export const audienceContentRoutes = (config: () => object) => [
  { method: 'POST', path: '/campaigns/preview', handler: 'audiences.preview', config: config() },
];
