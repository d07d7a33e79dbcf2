import { actionUid, type PluginActionKey } from '../../../shared/permissions';

/** Every admin route checks its RBAC action on the server, not only in the UI. */
export const can = (...keys: PluginActionKey[]) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: keys.map(actionUid) } },
];

/** One admin route, guarded by the RBAC actions named. */
export const adminRoute = (method: string, path: string, handler: string, ...keys: PluginActionKey[]) => ({
  method,
  path,
  handler,
  config: { policies: can(...keys) },
});

export type PluginRoute = { method: string; path: string; handler: string; config: Record<string, unknown> };
