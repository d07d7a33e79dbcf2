import { adminApi, api } from './api';
import { uniqueName } from './data';

/**
 * An admin user whose role holds only the given plugin actions, to prove that admin routes
 * check RBAC on the server (and the browser tests that the pages follow them).
 */
export const createAdminUserWithActions = async (actions: string[]) => {
  const role = await adminApi()
    .post('/admin/roles')
    .send({ name: uniqueName('role'), description: 'test role' })
    .expect(201);
  const roleId = role.body.data.id;
  await adminApi()
    .put(`/admin/roles/${roleId}/permissions`)
    .send({ permissions: actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] })) })
    .expect(200);

  const email = `${uniqueName('user')}@whatsapp.test`;
  const user = await adminApi()
    .post('/admin/users')
    .send({ firstname: 'Staff', lastname: 'Member', email, roles: [roleId] })
    .expect(201);
  const password = 'Staff-Pass-1234';
  await api()
    .post('/admin/register')
    .send({ registrationToken: user.body.data.registrationToken, userInfo: { firstname: 'Staff', lastname: 'Member', password } })
    .expect(200);
  const login = await api().post('/admin/login').send({ email, password }).expect(200);
  return { email, password, token: login.body.data.token as string };
};

/** The bearer token of such a user. */
export const createAdminWithActions = async (actions: string[]): Promise<string> => (await createAdminUserWithActions(actions)).token;
