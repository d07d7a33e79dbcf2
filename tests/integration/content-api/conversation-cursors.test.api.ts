import { api, contentApi, expectStrapiError } from '../helpers/api';
import { withDb } from '../helpers/db';
import { createCustomToken } from '../helpers/tokens';
import { newSeedToken, removeSeeded, seedConversations, seedThread, type SeededConversation } from '../admin/inbox-seed';

/** The REST API's cursor reads: a thread (`GET /conversations/:id/messages`) and the list (`GET /conversations/latest`). */

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

describe('REST: conversations newest first, paged by cursor', () => {
  const token = newSeedToken();
  let mine: SeededConversation[] = [];

  beforeAll(async () => {
    // 23 conversations on 3 instants (ties), 2 never messaged.
    const specs = Array.from({ length: 23 }, (_, index) => ({
      name: `${token} Latest ${index}`,
      lastMessageAt: index < 21 ? ['2001-02-03T04:05:06.000Z', '2001-02-03T04:05:07.000Z', '2001-02-03T04:05:08.000Z'][index % 3]! : null,
      unreadCount: index % 4 === 0 ? 1 : 0,
    }));
    mine = await withDb((client) => seedConversations(client, token, '+15550004322', specs));
  });

  afterAll(async () => {
    await withDb((client) => removeSeeded(client, token));
  });

  type LatestAnswer = { data: Array<{ documentId: string; unreadCount: number; candidate?: { phone: string } }>; meta: { pagination: { pageSize: number; nextCursor: string | null } } };

  const walkLatest = async (query: string) => {
    const seen: LatestAnswer['data'] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path: string = `/api/whatsapp/conversations/latest?pageSize=5${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const body = (await contentApi().get(path).expect(200)).body as LatestAnswer;
      seen.push(...body.data);
      cursor = body.meta.pagination.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    return seen;
  };

  const order = (a: SeededConversation, b: SeededConversation) =>
    a.lastMessageAt === b.lastMessageAt ? b.id - a.id : a.lastMessageAt === null ? 1 : b.lastMessageAt === null ? -1 : a.lastMessageAt < b.lastMessageAt ? 1 : -1;

  it('returns every matching conversation once, in order, with its candidate', async () => {
    const seen = await walkLatest(`&search=${token}`);
    expect(seen.map((item) => item.documentId)).toEqual([...mine].sort(order).map((row) => row.documentId));
    expect(seen[0]!.candidate).toMatchObject({ phone: expect.stringMatching(/^\+918/) });
    const unread = await walkLatest(`&search=${token}&unread=true`);
    expect(unread.map((item) => item.documentId)).toEqual(mine.filter((row) => row.unreadCount > 0).sort(order).map((row) => row.documentId));
  });

  it('answers 400 for a bad cursor and 403 without the permission', async () => {
    const bad = await contentApi().get('/api/whatsapp/conversations/latest?cursor=W10');
    expect(bad.status).toBe(400);
    expectStrapiError(bad.body, 400, 'ValidationError');
    const findOnly = await createCustomToken(['plugin::whatsapp.conversation.find']);
    expect((await api(findOnly).get('/api/whatsapp/conversations/latest')).status).toBe(403);
  });
});
