import { adminRoute } from '../../utils/admin-route';

/** The Candidates page; the fixed paths come before `/candidates/:id`. */
export const candidateAdminRoutes = [
  adminRoute('GET', '/candidates', 'candidates-admin.find', 'candidatesRead'),
  adminRoute('GET', '/candidates/tags', 'candidates-admin.tags', 'candidatesRead'),
  adminRoute('GET', '/candidates/form-settings', 'candidates-admin.formSettings', 'candidatesRead'),
  adminRoute('GET', '/candidates/:id', 'candidates-admin.findOne', 'candidatesRead'),
  adminRoute('POST', '/candidates', 'candidates-admin.create', 'candidatesManage'),
  adminRoute('PUT', '/candidates/:id', 'candidates-admin.update', 'candidatesManage'),
];
