import { actionUid } from '../../../plugins/whatsapp/shared/permissions';
import { adminApi, api, ctx, expectStrapiError } from '../helpers/api';
import { createAdminWithActions } from '../helpers/admin-users';
import { uniqueIndianMobile } from '../helpers/data';
import { conversationOf } from '../helpers/db';
import { openEventStream } from '../helpers/event-stream';
import { INBOUND_PATH, inboundParams, postSigned } from '../webhook/support';

const receive = async (from: string, body: string) => {
  const params = inboundParams({ From: from, Body: body, ProfileName: 'Asha' });
  expect((await postSigned(INBOUND_PATH, params)).status).toBe(200);
  return params.MessageSid as string;
};

describe('admin inbox: conversations, threads, read', () => {
  const phone = uniqueIndianMobile();
  let conversationId: string;

  beforeAll(async () => {
    await receive(phone, 'First question');
    await receive(phone, 'Second question');
    conversationId = await conversationOf('phone', phone);
  });

  it('lists conversations newest first, with candidate, preview, unread count and window', async () => {
    const response = await adminApi().get('/whatsapp/inbox/conversations?pageSize=100').expect(200);
    const list = response.body.data as Array<{ documentId: string; lastMessageAt: string | null }>;
    // Other suites' conversations may fill the first page: this one is looked up by its number.
    const searched = await adminApi().get(`/whatsapp/inbox/conversations?search=${encodeURIComponent(phone)}`).expect(200);
    const [mine] = searched.body.data as typeof list;
    expect(mine).toMatchObject({
      documentId: conversationId,
      candidate: { phone, documentId: expect.any(String) },
      lastMessagePreview: 'Second question',
      unreadCount: 2,
      windowExpiresAt: expect.any(String),
      status: 'open',
    });
    expect(mine).not.toHaveProperty('threadKey');
    const times = list.map((conversation) => conversation.lastMessageAt).filter(Boolean) as string[];
    expect(times).toEqual([...times].sort().reverse());
    expect(response.body.meta.pagination).toMatchObject({ page: 1, pageSize: 100, total: expect.any(Number) });
  });

  it('finds a conversation by the candidate phone', async () => {
    const response = await adminApi().get(`/whatsapp/inbox/conversations?search=${encodeURIComponent(phone.slice(-8))}`).expect(200);
    expect(response.body.data.map((conversation: { documentId: string }) => conversation.documentId)).toEqual([conversationId]);
  });

  it('returns a thread oldest first, and pages back with before', async () => {
    const response = await adminApi().get(`/whatsapp/inbox/conversations/${conversationId}/messages`).expect(200);
    expect(response.body.data.map((message: { body: string }) => message.body)).toEqual(['First question', 'Second question']);
    expect(response.body.data[0]).toMatchObject({ direction: 'inbound', status: 'received', errorDescription: null, media: null });
    expect(response.body.data[0]).not.toHaveProperty('sendAttempts');
    expect(response.body.meta).toMatchObject({ hasOlder: false, conversation: { documentId: conversationId } });

    const last = await adminApi().get(`/whatsapp/inbox/conversations/${conversationId}/messages?limit=1`).expect(200);
    expect(last.body.data.map((message: { body: string }) => message.body)).toEqual(['Second question']);
    expect(last.body.meta.hasOlder).toBe(true);
    const before = encodeURIComponent(last.body.data[0].createdAt);
    const older = await adminApi().get(`/whatsapp/inbox/conversations/${conversationId}/messages?limit=1&before=${before}`).expect(200);
    expect(older.body.data.map((message: { body: string }) => message.body)).toEqual(['First question']);
  });

  it('marks a conversation read', async () => {
    const response = await adminApi().post(`/whatsapp/inbox/conversations/${conversationId}/read`).expect(200);
    expect(response.body.data).toMatchObject({ documentId: conversationId, unreadCount: 0 });
  });

  it('answers 404 for an unknown conversation and 400 for a bad query', async () => {
    const missing = await adminApi().get('/whatsapp/inbox/conversations/nope123/messages');
    expect(missing.status).toBe(404);
    expectStrapiError(missing.body, 404);
    const bad = await adminApi().get('/whatsapp/inbox/conversations?pageSize=5000');
    expect(bad.status).toBe(400);
    expectStrapiError(bad.body, 400, 'ValidationError');
  });
});

describe('admin inbox: RBAC', () => {
  it('refuses a role without messagesRead (403) and lets one with it in', async () => {
    const without = await createAdminWithActions([actionUid('templatesRead')]);
    for (const request of [
      api(without).get('/whatsapp/inbox/conversations'),
      api(without).get('/whatsapp/inbox/conversations/x/messages'),
      api(without).post('/whatsapp/inbox/conversations/x/read'),
      api(without).get('/whatsapp/inbox/stream'),
    ]) {
      expect((await request).status).toBe(403);
    }
    const reader = await createAdminWithActions([actionUid('messagesRead')]);
    await api(reader).get('/whatsapp/inbox/conversations').expect(200);
    expect((await api().get('/whatsapp/inbox/conversations')).status).toBe(401);
  });
});

describe('admin inbox: live stream', () => {
  it('relays an inbound message to an open stream within a few seconds', async () => {
    const stream = await openEventStream(ctx.url, ctx.adminJwt);
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toContain('text/event-stream');
      // The stream says `ready` once this instance LISTENs: what commits afterwards reaches it.
      expect(await stream.waitFor((event) => event.event === 'ready', 5000)).not.toBeNull();

      const phone = uniqueIndianMobile();
      await receive(phone, 'Live hello');
      const conversationId = await conversationOf('phone', phone);
      const event = await stream.waitFor(
        (candidate) => candidate.event === 'message.created' && JSON.parse(candidate.data).conversationId === conversationId,
        5000
      );
      expect(event).not.toBeNull();
      expect(JSON.parse(event!.data)).toMatchObject({ type: 'message.created', direction: 'inbound', conversationId });
      expect(event!.data).not.toContain('Live hello');
    } finally {
      stream.close();
    }
  });
});
