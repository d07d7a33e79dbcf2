import type { Core } from '@strapi/strapi';
import knexFactory, { type Knex } from 'knex';
import { createMessageStatusService } from '../../../plugins/whatsapp/server/src/status-sync/message-status';
import { contentApi, ctx } from '../helpers/api';
import { withDb } from '../helpers/db';
import { insertOutboundMessage, messageByDocumentId, newSid, postStatus } from './support';

/**
 * A status callback that names no message of ours (no `messageId` in its URL) and arrives before
 * the send stored Twilio's SID is kept; the send then calls messageStatus.applyPendingEvents().
 * That call has no HTTP route, so this suite runs the real service and SQL against the test
 * app's database, with a Strapi stand-in that lends it the database the way Strapi does.
 */
describe('messageStatus.applyPendingEvents', () => {
  let knex: Knex;
  let service: ReturnType<typeof createMessageStatusService>;

  beforeAll(() => {
    knex = knexFactory({ client: 'pg', connection: ctx.databaseUrl, pool: { min: 0, max: 2 } });
    const strapi = {
      db: {
        connection: knex,
        inTransaction: () => false,
        transaction: (work: (params: { trx: Knex.Transaction }) => Promise<unknown>) => knex.transaction((trx) => work({ trx })),
        metadata: { get: () => ({ attributes: {} }) },
      },
      log: { debug() {}, info() {}, warn() {}, error() {} },
    } as unknown as Core.Strapi;
    service = createMessageStatusService({ strapi });
  });

  afterAll(() => knex.destroy());

  const eventsOf = (sid: string) =>
    withDb(async (client) => (await client.query('SELECT status, applied_at, received_at FROM plugin_whatsapp_status_events WHERE message_sid = $1 ORDER BY id', [sid])).rows);

  it('applies, in arrival order and by rank, the callbacks kept before the SID was known, once', async () => {
    const documentId = await insertOutboundMessage({ status: 'pending' });
    const sid = newSid();
    const otherSid = newSid();
    for (const status of ['delivered', 'sent']) expect((await postStatus(sid, status)).status).toBe(204);
    expect((await postStatus(otherSid, 'read')).status).toBe(204);

    expect(await messageByDocumentId(documentId)).toMatchObject({ status: 'pending', events: null, delivered_at: null });
    expect((await eventsOf(sid)).map((event) => event.applied_at)).toEqual([null, null]);

    // The send stores Twilio's SID, then asks for what was waiting.
    await withDb((client) => client.query('UPDATE plugin_whatsapp_messages SET twilio_sid = $1 WHERE document_id = $2', [sid, documentId]));
    await expect(service.applyPendingEvents(documentId)).resolves.toEqual({ applied: 2, status: 'delivered' });

    const events = await eventsOf(sid);
    const message = await messageByDocumentId(documentId);
    expect(message).toMatchObject({ status: 'delivered', failed_at: null });
    expect(message!.delivered_at).toEqual(events[0].received_at);
    expect(message!.sent_at).toEqual(events[0].received_at);
    expect(message!.events!.map((event) => [event.status, event.source])).toEqual([
      ['delivered', 'callback'],
      ['sent', 'callback'],
    ]);
    expect(events.every((event) => event.applied_at instanceof Date)).toBe(true);
    expect((await eventsOf(otherSid))[0].applied_at).toBeNull();

    // Nothing is applied twice.
    await expect(service.applyPendingEvents(documentId)).resolves.toEqual({ applied: 0, status: 'delivered' });
    expect((await messageByDocumentId(documentId))!.events).toHaveLength(2);

    // Later callbacks find the message by its SID directly.
    expect((await postStatus(sid, 'read')).status).toBe(204);
    const read = await contentApi().get(`/api/whatsapp/messages/${documentId}`).expect(200);
    expect(read.body.data).toMatchObject({ status: 'read', readAt: expect.any(String) });
    expect(read.body.data.events.map((event: { status: string }) => event.status)).toEqual(['delivered', 'sent', 'read']);
  });

  it('answers for a message that does not exist without touching anything', async () => {
    await expect(service.applyPendingEvents('nosuchmessage')).resolves.toEqual({ applied: 0, status: null });
  });

  it('records a status reported by the send or the sync through the same rule', async () => {
    const sid = newSid();
    const documentId = await insertOutboundMessage({ twilioSid: sid, status: 'queued' });
    await expect(service.record({ messageSid: sid, status: 'read', errorCode: null, errorMessage: null, source: 'sync' })).resolves.toEqual({
      stored: true,
      matched: true,
      messageId: documentId,
      status: 'read',
    });
    await expect(service.record({ messageSid: sid, status: 'sent', errorCode: null, errorMessage: null, source: 'sync' })).resolves.toEqual({
      stored: true,
      matched: true,
      messageId: documentId,
      status: 'read',
    });
    // Already recorded: nothing changes, nothing is appended.
    await expect(service.record({ messageSid: sid, status: 'read', errorCode: null, errorMessage: null, source: 'callback' })).resolves.toEqual({
      stored: false,
      matched: true,
      messageId: null,
      status: null,
    });
    expect((await messageByDocumentId(documentId))!.events!.map((event) => [event.status, event.source])).toEqual([
      ['read', 'sync'],
      ['sent', 'sync'],
    ]);
  });
});
