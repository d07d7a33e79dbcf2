import type { ReactNode } from 'react';
import { Page } from '@strapi/strapi/admin';
import { actionUid, type PluginActionKey } from '../../../shared/permissions';

/** Renders the page only for a role holding `read`; others get the admin's no-permission page. */
export const ProtectedPage = ({ read, children }: { read: PluginActionKey; children: ReactNode }) => (
  <Page.Protect permissions={[{ action: actionUid(read), subject: null }]}>{children}</Page.Protect>
);
