import { adminApi, api, ctx } from '../helpers/api';
import { uniqueName } from '../helpers/data';
import { withDb } from '../helpers/db';

export { adminApi, api, ctx, withDb };

/** The actor columns of a message, as stored. */
export const actorOf = (documentId: string) =>
  withDb(async (client) => {
    const result = await client.query(
      'SELECT actor_type, actor_id, actor_name FROM plugin_whatsapp_messages WHERE document_id = $1',
      [documentId]
    );
    return result.rows[0] as { actor_type: string | null; actor_id: string | null; actor_name: string | null } | undefined;
  });

/** A full-access API token with a name of its own (the actor name its sends must carry). */
export const namedFullAccessToken = async () => {
  const name = uniqueName('crm');
  const response = await adminApi().post('/admin/api-tokens').send({ name, type: 'full-access', lifespan: null }).expect(201);
  return { name, id: String(response.body.data.id), accessKey: response.body.data.accessKey as string };
};

/** A Users & Permissions user whose role may do exactly these whatsapp actions: its id, username and JWT. */
export const userWithActions = async (actions: Record<string, string[]>) => {
  const controllers = Object.fromEntries(
    Object.entries(actions).map(([controller, names]) => [controller, Object.fromEntries(names.map((name) => [name, { enabled: true }]))])
  );
  const roleName = uniqueName('role');
  await adminApi()
    .post('/users-permissions/roles')
    .send({ name: roleName, description: 'audit test', permissions: { 'plugin::whatsapp': { controllers } } })
    .expect(200);
  const roles = await adminApi().get('/users-permissions/roles').expect(200);
  const role = (roles.body.roles as Array<{ id: number; name: string }>).find((candidate) => candidate.name === roleName)!;
  const username = uniqueName('user');
  const email = `${username}@whatsapp.test`;
  const password = 'User-Pass-1234';
  await adminApi()
    .post('/content-manager/collection-types/plugin::users-permissions.user')
    .send({ username, email, password, confirmed: true, blocked: false, role: { connect: [{ id: role.id }] } })
    .expect(201);
  const login = await api().post('/api/auth/local').send({ identifier: email, password }).expect(200);
  return { id: String(login.body.user.id), username, jwt: login.body.jwt as string };
};

/** The admin audit log, filtered as the Audit page does. */
export const auditEntries = async (query: Record<string, string>, token = ctx.adminJwt) => {
  const response = await api(token).get('/whatsapp/audit').query(query);
  if (response.status !== 200) throw new Error(`audit: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as {
    data: Array<{
      id: number;
      at: string;
      action: string;
      subject: { type: string; id: string | null; label: string | null };
      actor: { type: string; id: string | null; name: string | null };
      details: Record<string, unknown> | null;
    }>;
    meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
  };
};

/** The super admin's id and the name the audit gives them ("first last"). */
export const superAdmin = async () => {
  const me = await adminApi().get('/admin/users/me').expect(200);
  const user = me.body.data as { id: number; firstname: string | null; lastname: string | null; email: string };
  return { id: String(user.id), name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email };
};
