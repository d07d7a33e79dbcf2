import { useAuth } from '@strapi/strapi/admin';
import { actionUid } from '../../../shared/permissions';
import { PLUGIN_PAGES, type PluginPage } from './pages';

/**
 * The pages the signed-in admin may open. Read from the user's permissions directly: `useRBAC`
 * names its answers by the action's last word, and every page's action is a `.read`.
 */
export const useAllowedPages = (): PluginPage[] => {
  const permissions = useAuth('WhatsAppPages', (state) => state.permissions);
  const held = new Set(permissions.map((permission) => permission.action));
  return PLUGIN_PAGES.filter((page) => held.has(actionUid(page.read)));
};
