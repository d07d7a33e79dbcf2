import { useAuth } from '@strapi/strapi/admin';
import { actionUid, type PluginActionKey } from '../../../../../shared/permissions';

/** Whether the signed-in admin holds the action (the server checks it again on every route). */
export const useCan = (key: PluginActionKey): boolean => {
  const permissions = useAuth('WhatsAppCan', (state) => state.permissions);
  return permissions.some((permission) => permission.action === actionUid(key));
};
