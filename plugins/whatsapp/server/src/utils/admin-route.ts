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

/**
 * One admin route open to a role holding any one of the actions (Strapi's `admin::hasPermissions`
 * asks for all): a read two pages share, such as saved replies for the composer and their page.
 */
export const adminRouteAnyOf = (method: string, path: string, handler: string, ...keys: PluginActionKey[]) => ({
  method,
  path,
  handler,
  config: {
    policies: ['admin::isAuthenticatedAdmin', { name: 'plugin::whatsapp.has-any-permission', config: { actions: keys.map(actionUid) } }],
  },
});

export type PluginRoute = { method: string; path: string; handler: string; config: Record<string, unknown> };
