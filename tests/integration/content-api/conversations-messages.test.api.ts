import { contentApi, expectStrapiError } from '../helpers/api';
import { uniqueIndianMobile } from '../helpers/data';
import { withDb } from '../helpers/db';

/**
 * Conversations and messages are written by the plugin (webhooks, sends), not by clients:
 * the content API reads them. This suite seeds rows through the Document Service's tables
 * the way Strapi does, via a candidate created over REST and SQL for the rest.
 */
describe('conversations and messages REST API (read)', () => {
  it('lists conversations and messages with Strapi query conventions', async () => {
    const listConversations = await contentApi()
      .get('/api/whatsapp/conversations')
      .query({ sort: 'lastMessageAt:desc', 'pagination[pageSize]': 5, populate: 'candidate' })
      .expect(200);
    expect(listConversations.body).toEqual({ data: expect.any(Array), meta: { pagination: expect.objectContaining({ pageSize: 5 }) } });

    const listMessages = await contentApi()
      .get('/api/whatsapp/messages')
      .query({ 'filters[direction][$eq]': 'inbound', sort: 'createdAt:desc' })
      .expect(200);
    expect(listMessages.body.data).toEqual(expect.any(Array));
  });

  it('does not let clients create, edit or delete conversations or messages directly', async () => {
    for (const [method, path] of [
      ['post', '/api/whatsapp/conversations'],
      ['put', '/api/whatsapp/conversations/abc'],
      ['delete', '/api/whatsapp/conversations/abc'],
      ['put', '/api/whatsapp/messages/abc'],
      ['delete', '/api/whatsapp/messages/abc'],
    ] as const) {
      const response = await contentApi()[method](path).send({ data: {} });
      expect([404, 405]).toContain(response.status);
    }
  });

  it('marks a conversation read and answers 404 for an unknown one', async () => {
    const candidate = await contentApi()
      .post('/api/whatsapp/candidates')
      .send({ data: { phone: uniqueIndianMobile() } })
      .expect(201);
    const conversationDocumentId = `conv${Date.now()}`;
    await withDb(async (client) => {
      const inserted = await client.query(
        `INSERT INTO plugin_whatsapp_conversations (document_id, sender, status, unread_count, thread_key, created_at, updated_at, published_at)
         VALUES ($1, '+15005550006', 'open', 3, $2, now(), now(), now()) RETURNING id`,
        [conversationDocumentId, `+15005550006|${candidate.body.data.documentId}`]
      );
      await client.query(
        `INSERT INTO plugin_whatsapp_conversations_candidate_lnk (conversation_id, candidate_id)
         SELECT $1, id FROM plugin_whatsapp_candidates WHERE document_id = $2`,
        [inserted.rows[0].id, candidate.body.data.documentId]
      );
    });

    const read = await contentApi().post(`/api/whatsapp/conversations/${conversationDocumentId}/read`).expect(200);
    expect(read.body.data).toMatchObject({ documentId: conversationDocumentId, unreadCount: 0 });
    expect(read.body.data.threadKey).toBeUndefined();

    const missing = await contentApi().post('/api/whatsapp/conversations/nope/read');
    expect(missing.status).toBe(404);
    expectStrapiError(missing.body, 404, 'NotFoundError');
  });

  it('lets Postgres refuse a second conversation for the same candidate and sender', async () => {
    const threadKey = `+15005550006|dup${Date.now()}`;
    const insert = (documentId: string) =>
      withDb((client) =>
        client.query(
          `INSERT INTO plugin_whatsapp_conversations (document_id, sender, status, unread_count, thread_key, created_at, updated_at, published_at)
           VALUES ($1, '+15005550006', 'open', 0, $2, now(), now(), now())`,
          [documentId, threadKey]
        )
      );
    await insert(`a${Date.now()}`);
    await expect(insert(`b${Date.now()}`)).rejects.toMatchObject({ code: '23505' });
  });

  it('lets Postgres refuse a second message with the same Twilio SID', async () => {
    const sid = `SM${Date.now()}dupcheck`;
    const insert = (documentId: string) =>
      withDb((client) =>
        client.query(
          `INSERT INTO plugin_whatsapp_messages (document_id, direction, status, twilio_sid, created_at, updated_at, published_at)
           VALUES ($1, 'inbound', 'received', $2, now(), now(), now())`,
          [documentId, sid]
        )
      );
    await insert(`m1${Date.now()}`);
    await expect(insert(`m2${Date.now()}`)).rejects.toMatchObject({ code: '23505' });
  });

  it('lets Postgres refuse a duplicate candidate phone even past the API', async () => {
    const phone = uniqueIndianMobile();
    await contentApi().post('/api/whatsapp/candidates').send({ data: { phone } }).expect(201);
    await expect(
      withDb((client) =>
        client.query(
          `INSERT INTO plugin_whatsapp_candidates (document_id, phone, opt_in, created_at, updated_at, published_at)
           VALUES ($1, $2, 'unknown', now(), now(), now())`,
          [`c${Date.now()}`, phone]
        )
      )
    ).rejects.toMatchObject({ code: '23505' });
  });
});
