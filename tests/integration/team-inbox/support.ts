import { adminApi, api } from '../helpers/api';
import { uniqueIndianMobile, uniqueName } from '../helpers/data';
import { conversationOf, withDb } from '../helpers/db';
import { INBOUND_PATH, inboundParams, postSigned } from '../webhook/support';

export type Staff = { id: number; token: string; email: string; password: string; name: string };

/** A role holding the given plugin actions, and `count` registered (active) admins in it. */
export const createTeam = async (actions: string[], count: number, lastName = 'Member'): Promise<{ roleId: number; members: Staff[] }> => {
  const role = await adminApi().post('/admin/roles').send({ name: uniqueName('team'), description: 'team inbox test' }).expect(201);
  const roleId = Number(role.body.data.id);
  await adminApi()
    .put(`/admin/roles/${roleId}/permissions`)
    .send({ permissions: actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] })) })
    .expect(200);
  const members: Staff[] = [];
  for (let index = 0; index < count; index += 1) {
    const email = `${uniqueName('staff')}@whatsapp.test`;
    const user = await adminApi().post('/admin/users').send({ firstname: 'Staff', lastname: `${lastName} ${index + 1}`, email, roles: [roleId] }).expect(201);
    const password = 'Staff-Pass-1234';
    await api()
      .post('/admin/register')
      .send({ registrationToken: user.body.data.registrationToken, userInfo: { firstname: 'Staff', lastname: `${lastName} ${index + 1}`, password } })
      .expect(200);
    const login = await api().post('/admin/login').send({ email, password }).expect(200);
    members.push({ id: Number(user.body.data.id), token: login.body.data.token as string, email, password, name: `Staff ${lastName} ${index + 1}` });
  }
  return { roleId, members };
};

/** A candidate writes from a new number: a new conversation. Returns its documentId. */
export const newInboundConversation = async (body = 'Hello') => {
  const phone = uniqueIndianMobile();
  const params = inboundParams({ From: phone, Body: body, ProfileName: 'Asha' });
  const response = await postSigned(INBOUND_PATH, params);
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
  return { phone, documentId: await conversationOf('phone', phone), messageSid: params.MessageSid as string };
};

export const assigneeOf = (documentId: string) =>
  withDb(async (client) => {
    const result = await client.query('SELECT assignee_id FROM plugin_whatsapp_conversations WHERE document_id = $1', [documentId]);
    const value = result.rows[0]?.assignee_id;
    return value === null || value === undefined ? null : Number(value);
  });
