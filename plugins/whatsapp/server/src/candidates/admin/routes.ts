import type { PluginActionKey } from '../../../../shared/permissions';

type Policies = (...keys: PluginActionKey[]) => unknown[];

/** The Candidates page; the fixed paths come before `/candidates/:id`. */
export const candidateAdminRoutes = (can: Policies) => [
  { method: 'GET', path: '/candidates', handler: 'candidates-admin.find', config: { policies: can('candidatesRead') } },
  { method: 'GET', path: '/candidates/tags', handler: 'candidates-admin.tags', config: { policies: can('candidatesRead') } },
  { method: 'GET', path: '/candidates/form-settings', handler: 'candidates-admin.formSettings', config: { policies: can('candidatesRead') } },
  { method: 'GET', path: '/candidates/:id', handler: 'candidates-admin.findOne', config: { policies: can('candidatesRead') } },
  { method: 'POST', path: '/candidates', handler: 'candidates-admin.create', config: { policies: can('candidatesManage') } },
  { method: 'PUT', path: '/candidates/:id', handler: 'candidates-admin.update', config: { policies: can('candidatesManage') } },
];
