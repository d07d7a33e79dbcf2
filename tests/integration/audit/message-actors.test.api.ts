import { csvRows, getCsv } from '../exports/helpers';
import { createAdminUserWithActions } from '../helpers/admin-users';
import { uniqueIndianMobile } from '../helpers/data';
import { contentApi } from '../helpers/api';
import { approvedTemplate, createCandidate, setLastInbound } from '../send/helpers';
import { conversationOf } from '../helpers/db';
import { actorOf, adminApi, api, ctx, namedFullAccessToken, userWithActions, withDb } from './helpers';

/** A candidate inside their 24-hour window, so free text may go. */
const reachableCandidate = async () => {
  const candidate = await createCandidate({ phone: uniqueIndianMobile(), name: 'Asha' });
  await setLastInbound(candidate.documentId);
  return candidate;
};

describe('every outbound message records who caused it', () => {
  it('a send from the admin composer carries the admin user, and the thread shows it', async () => {
    const staff = await createAdminUserWithActions(['plugin::whatsapp.messages.send', 'plugin::whatsapp.messages.read']);
    const me = await api(staff.token).get('/admin/users/me').expect(200);
    const candidate = await reachableCandidate();

    const response = await api(staff.token).post('/whatsapp/messages').send({ data: { candidate: candidate.documentId, body: 'See you at 10.' } });
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({ actorType: 'admin', actorId: String(me.body.data.id), actorName: 'Staff Member' });
    expect(await actorOf(response.body.data.documentId)).toEqual({ actor_type: 'admin', actor_id: String(me.body.data.id), actor_name: 'Staff Member' });

    const conversation = await conversationOf('message', response.body.data.documentId);
    const thread = await api(staff.token).get(`/whatsapp/inbox/conversations/${conversation}/messages`).expect(200);
    const shown = (thread.body.data as Array<{ documentId: string; actor: unknown }>).find((item) => item.documentId === response.body.data.documentId);
    expect(shown?.actor).toEqual({ type: 'admin', name: 'Staff Member' });

    // The message export names the sender as the thread does.
    const rows = csvRows(await getCsv('/api/whatsapp/exports/messages', { candidate: candidate.documentId }).expect(200));
    expect(rows.map((row) => [row.body, row.sent_by])).toEqual([['See you at 10.', 'Staff Member (admin)']]);
  });

  it('a send through REST with an API token carries the token (its id and name)', async () => {
    const token = await namedFullAccessToken();
    const candidate = await reachableCandidate();

    const response = await api(token.accessKey).post('/api/whatsapp/messages').send({ data: { candidate: candidate.documentId, body: 'From the CRM.' } });
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({ actorType: 'api-token', actorId: token.id, actorName: token.name });
    expect(await actorOf(response.body.data.documentId)).toEqual({ actor_type: 'api-token', actor_id: token.id, actor_name: token.name });
  });

  it('a send by a users-permissions user (JWT) carries the user', async () => {
    const user = await userWithActions({ message: ['send'] });
    const candidate = await reachableCandidate();

    const response = await api(user.jwt).post('/api/whatsapp/messages').send({ data: { candidate: candidate.documentId, body: 'From the portal.' } });
    expect(response.status).toBe(201);
    expect(await actorOf(response.body.data.documentId)).toEqual({ actor_type: 'user', actor_id: user.id, actor_name: user.username });
  });

  it('inbox replies and new conversations carry the admin too', async () => {
    const staff = await createAdminUserWithActions(['plugin::whatsapp.messages.send', 'plugin::whatsapp.messages.read']);
    const staffId = String((await api(staff.token).get('/admin/users/me').expect(200)).body.data.id);
    const candidate = await reachableCandidate();
    const first = await contentApi().post('/api/whatsapp/messages').send({ data: { candidate: candidate.documentId, body: 'Opening.' } }).expect(201);
    const conversation = await conversationOf('message', first.body.data.documentId);

    const reply = await api(staff.token).post(`/whatsapp/inbox/conversations/${conversation}/messages`).send({ data: { body: 'A reply.' } });
    expect(reply.status).toBe(201);
    expect(await actorOf(reply.body.data.documentId)).toEqual({ actor_type: 'admin', actor_id: staffId, actor_name: 'Staff Member' });

    const template = await approvedTemplate('Hello {{1}}, welcome.', { '1': 'Asha' });
    const started = await api(staff.token)
      .post('/whatsapp/inbox/conversations')
      .send({ data: { to: uniqueIndianMobile(), template: template.documentId, variables: { '1': 'Ravi' } } });
    expect(started.status).toBe(201);
    expect(await actorOf(started.body.data.documentId)).toEqual({ actor_type: 'admin', actor_id: staffId, actor_name: 'Staff Member' });
  });

  it('a GraphQL send carries the API token', async () => {
    const token = await namedFullAccessToken();
    const candidate = await reachableCandidate();
    const response = await api(token.accessKey)
      .post('/graphql')
      .send({
        query: 'mutation($data: WhatsappMessageSendInput!) { sendWhatsappMessage(data: $data) { documentId actorType actorName } }',
        variables: { data: { candidate: candidate.documentId, body: 'Through GraphQL.' } },
      })
      .expect(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.sendWhatsappMessage).toMatchObject({ actorType: 'api-token', actorName: token.name });
    expect(await actorOf(response.body.data.sendWhatsappMessage.documentId)).toEqual({ actor_type: 'api-token', actor_id: token.id, actor_name: token.name });
  });

  it('a retry is caused by whoever asked for it, not by the original sender', async () => {
    const token = await namedFullAccessToken();
    const candidate = await reachableCandidate();
    const original = await api(token.accessKey).post('/api/whatsapp/messages').send({ data: { candidate: candidate.documentId, body: 'Retry me.' } }).expect(201);
    // Failed for good, as a final refusal from Twilio would leave it.
    await withDb((client) =>
      client.query(`UPDATE plugin_whatsapp_messages SET status = 'failed', failed_at = now(), twilio_sid = NULL WHERE document_id = $1`, [
        original.body.data.documentId,
      ])
    );
    const retry = await adminApi().post(`/whatsapp/messages/${original.body.data.documentId}/retry`).expect(201);
    expect((await actorOf(retry.body.data.documentId))?.actor_type).toBe('admin');
    expect((await actorOf(original.body.data.documentId))?.actor_type).toBe('api-token');
  });
});

describe('nobody can rewrite who caused a message', () => {
  const forged = { actorType: 'system', actorId: '999', actorName: 'Mallory' };

  it('a send cannot claim an actor: the body is validated and the fields are not taken', async () => {
    const candidate = await reachableCandidate();
    const response = await contentApi().post('/api/whatsapp/messages').send({ data: { candidate: candidate.documentId, body: 'Hi', ...forged } });
    // The send schema is strict: unknown fields are a 400, never silently a forged actor.
    expect(response.status).toBe(400);
  });

  it('REST has no route to update a message (and the actor stays as it was)', async () => {
    const candidate = await reachableCandidate();
    const sent = await contentApi().post('/api/whatsapp/messages').send({ data: { candidate: candidate.documentId, body: 'Hello' } }).expect(201);
    const before = await actorOf(sent.body.data.documentId);

    const put = await contentApi().put(`/api/whatsapp/messages/${sent.body.data.documentId}`).send({ data: forged });
    expect([404, 405]).toContain(put.status);
    expect(await actorOf(sent.body.data.documentId)).toEqual(before);
  });

  it('the Content Manager ignores the actor fields in an edit', async () => {
    const candidate = await reachableCandidate();
    const sent = await contentApi().post('/api/whatsapp/messages').send({ data: { candidate: candidate.documentId, body: 'Hello' } }).expect(201);
    const before = await actorOf(sent.body.data.documentId);
    expect(before?.actor_type).toBe('api-token');

    // The edit itself goes through (the body changes), so the rule, not a refusal, kept the actor.
    const edit = await adminApi()
      .put(`/content-manager/collection-types/plugin::whatsapp.message/${sent.body.data.documentId}`)
      .send({ ...forged, body: 'Edited in the Content Manager' });
    expect(edit.status).toBe(200);
    const body = await withDb(async (client) =>
      (await client.query('SELECT body FROM plugin_whatsapp_messages WHERE document_id = $1', [sent.body.data.documentId])).rows[0].body
    );
    expect(body).toBe('Edited in the Content Manager');
    expect(await actorOf(sent.body.data.documentId)).toEqual(before);
  });

  it('GraphQL offers no mutation that writes a message', async () => {
    const candidate = await reachableCandidate();
    const sent = await contentApi().post('/api/whatsapp/messages').send({ data: { candidate: candidate.documentId, body: 'Hello' } }).expect(201);
    const before = await actorOf(sent.body.data.documentId);
    const response = await api(ctx.fullAccessToken)
      .post('/graphql')
      .send({
        query: `mutation { updateWhatsappMessage(documentId: "${sent.body.data.documentId}", data: { actorName: "Mallory" }) { documentId } }`,
      });
    expect(response.body.errors?.length).toBeGreaterThan(0);
    expect(await actorOf(sent.body.data.documentId)).toEqual(before);

    // The actor is readable there, as on REST.
    const read = await api(ctx.fullAccessToken)
      .post('/graphql')
      .send({ query: `{ whatsappMessage(documentId: "${sent.body.data.documentId}") { actorType actorName } }` })
      .expect(200);
    expect(read.body.data.whatsappMessage).toEqual({ actorType: before?.actor_type ?? null, actorName: before?.actor_name ?? null });
  });
});
