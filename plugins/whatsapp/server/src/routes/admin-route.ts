import { actionUid, type PluginActionKey } from '../../../shared/permissions';

/** Every admin route checks its RBAC action on the server, not only in the UI. */
export const can = (...keys: PluginActionKey[]) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: keys.map(actionUid) } },
];

export type PluginRoute = { method: string; path: string; handler: string; config: Record<string, unknown> };
