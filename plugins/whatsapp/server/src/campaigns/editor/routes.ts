import type { PluginActionKey } from '../../../../shared/permissions';

type Policies = (...keys: PluginActionKey[]) => unknown[];

/** The New campaign wizard; before `GET /campaigns/:id`, which would take `templates` for an id. */
export const campaignEditorRoutes = (can: Policies) => [
  { method: 'GET', path: '/campaigns/templates', handler: 'campaign-editor.templates', config: { policies: can('campaignsManage') } },
  { method: 'GET', path: '/campaigns/:id/edit', handler: 'campaign-editor.findOne', config: { policies: can('campaignsManage') } },
  { method: 'POST', path: '/campaigns', handler: 'campaign-editor.create', config: { policies: can('campaignsManage') } },
  { method: 'PUT', path: '/campaigns/:id', handler: 'campaign-editor.update', config: { policies: can('campaignsManage') } },
  { method: 'POST', path: '/campaigns/:id/duplicate', handler: 'campaign-editor.duplicate', config: { policies: can('campaignsManage') } },
];
