import { api, contentApi, expectStrapiError } from '../helpers/api';
import { withDb } from '../helpers/db';
import { createCustomToken } from '../helpers/tokens';
import { newSeedToken, removeSeeded, seedConversations, seedThread, type SeededConversation } from '../admin/inbox-seed';

/** `GET /api/whatsapp/conversations/:id/messages`: a thread paged by cursor through the REST API. */

type ThreadAnswer = { data: Array<Record<string, unknown>>; meta: { hasOlder: boolean; olderCursor: string | null } };

describe('REST: a conversation thread paged by cursor', () => {
  const token = newSeedToken();
  let conversation: SeededConversation;

  beforeAll(async () => {
    [conversation] = await withDb((client) => seedConversations(client, token, '+15550004321', [{ name: `${token} Rest`, lastMessageAt: null, unreadCount: 0 }]));
    await withDb((client) => seedThread(client, token, conversation.id, 25, token));
  });

  afterAll(async () => {
    await withDb((client) => removeSeeded(client, token));
  });

  it('pages from the latest message back, newest first, each message once, with its public fields', async () => {
    const bodies: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path: string = `/api/whatsapp/conversations/${conversation.documentId}/messages?limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const body = (await contentApi().get(path).expect(200)).body as ThreadAnswer;
      expect(body.meta.hasOlder).toBe(body.meta.olderCursor !== null);
      for (const message of body.data) {
        expect(message).toMatchObject({ documentId: expect.any(String), direction: 'inbound', status: 'received', twilioSid: expect.stringContaining(token), errorDescription: null });
        expect(message).not.toHaveProperty('sendAttempts');
      }
      bodies.push(...body.data.map((message) => String(message.body)));
      cursor = body.meta.olderCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(bodies).toEqual(Array.from({ length: 25 }, (_, index) => `${token} ${25 - index}`));
  });

  it('answers 400 for a bad cursor, 404 for an unknown conversation, 403 without the permission', async () => {
    const bad = await contentApi().get(`/api/whatsapp/conversations/${conversation.documentId}/messages?cursor=xyz`);
    expect(bad.status).toBe(400);
    expectStrapiError(bad.body, 400, 'ValidationError');
    const missing = await contentApi().get('/api/whatsapp/conversations/nope123/messages');
    expect(missing.status).toBe(404);
    expectStrapiError(missing.body, 404);
    const findOnly = await createCustomToken(['plugin::whatsapp.conversation.find']);
    expect((await api(findOnly).get(`/api/whatsapp/conversations/${conversation.documentId}/messages`)).status).toBe(403);
    const allowed = await createCustomToken(['plugin::whatsapp.conversation.messages']);
    await api(allowed).get(`/api/whatsapp/conversations/${conversation.documentId}/messages`).expect(200);
  });
});
