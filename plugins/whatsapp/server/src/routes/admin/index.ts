import { actionUid, type PluginActionKey } from '../../../../shared/permissions';

/** Every admin route checks its RBAC action on the server, not only in the UI. */
const can = (...keys: PluginActionKey[]) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: keys.map(actionUid) } },
];

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/settings', handler: 'settings.find', config: { policies: can('settingsRead') } },
    { method: 'PUT', path: '/settings', handler: 'settings.update', config: { policies: can('settingsUpdate') } },
  ],
};
