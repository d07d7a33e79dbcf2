import { contentApi } from '../helpers/api';
import { withDb } from '../helpers/db';
import { uniqueIndianMobile } from '../helpers/data';
import { insertOutboundMessage, messageByDocumentId, messageBySid, newSid, postInbound, postSigned, postStatus, statusPath } from './support';

const statusEvents = (sid: string) =>
  withDb(
    async (client) =>
      (
        await client.query(
          'SELECT status, message_document_id, error_code, error_message, applied_at, payload FROM plugin_whatsapp_status_events WHERE message_sid = $1 ORDER BY id',
          [sid]
        )
      ).rows
  );

const postInOrder = async (sid: string, statuses: string[], options: Parameters<typeof postStatus>[2] = {}) => {
  for (const status of statuses) {
    const response = await postStatus(sid, status, options);
    expect(response.status).toBe(204);
  }
};

describe('POST /api/whatsapp/webhook/status (delivery callbacks)', () => {
  it('ends read with sentAt, deliveredAt and readAt when callbacks arrive read → sent → delivered', async () => {
    const sid = newSid();
    const documentId = await insertOutboundMessage({ twilioSid: sid, status: 'queued' });
    await postInOrder(sid, ['read', 'sent', 'delivered'], { messageDocumentId: documentId });

    const message = await messageByDocumentId(documentId);
    expect(message).toMatchObject({ status: 'read', failed_at: null, error_code: null });
    expect(message!.sent_at).toBeInstanceOf(Date);
    expect(message!.delivered_at).toBeInstanceOf(Date);
    expect(message!.read_at).toBeInstanceOf(Date);
    expect(message!.events!.map((event) => event.status)).toEqual(['read', 'sent', 'delivered']);
    expect(message!.events!.every((event) => event.source === 'callback' && !Number.isNaN(Date.parse(event.at)))).toBe(true);

    const rest = await contentApi().get(`/api/whatsapp/messages/${documentId}`).expect(200);
    expect(rest.body.data).toMatchObject({
      status: 'read',
      sentAt: expect.any(String),
      deliveredAt: expect.any(String),
      readAt: expect.any(String),
      events: [expect.objectContaining({ status: 'read' }), expect.objectContaining({ status: 'sent' }), expect.objectContaining({ status: 'delivered' })],
    });
  });

  it('keeps a delivered message delivered when failed arrives after it, and keeps the event', async () => {
    const sid = newSid();
    const documentId = await insertOutboundMessage({ twilioSid: sid });
    await postInOrder(sid, ['sent', 'delivered']);
    const response = await postStatus(sid, 'failed', { errorCode: 30008, errorMessage: 'Unknown error' });
    expect(response.status).toBe(204);

    const message = await messageByDocumentId(documentId);
    expect(message).toMatchObject({ status: 'delivered', failed_at: null, error_code: null, error_message: null });
    expect(message!.events!.at(-1)).toMatchObject({ status: 'failed', errorCode: 30008, errorMessage: 'Unknown error' });
    expect(await statusEvents(sid)).toEqual([
      expect.objectContaining({ status: 'sent' }),
      expect.objectContaining({ status: 'delivered' }),
      expect.objectContaining({ status: 'failed', error_code: 30008, error_message: 'Unknown error' }),
    ]);
  });

  it('lets failed end an undelivered message, keeping the first ErrorCode and ErrorMessage', async () => {
    const sid = newSid();
    const documentId = await insertOutboundMessage({ twilioSid: sid });
    await postInOrder(sid, ['sent']);
    await postStatus(sid, 'undelivered', { errorCode: 63016, errorMessage: 'Outside the allowed window' });
    await postStatus(sid, 'failed', { errorCode: 30008, errorMessage: 'Unknown error' });
    await postStatus(sid, 'sent');

    const message = await messageByDocumentId(documentId);
    expect(message).toMatchObject({ status: 'undelivered', error_code: 63016, error_message: 'Outside the allowed window' });
    expect(message!.failed_at).toBeInstanceOf(Date);
    expect(message!.events!.map((event) => event.status)).toEqual(['sent', 'undelivered', 'failed']);
  });

  it('never moves a status backwards', async () => {
    const sid = newSid();
    const documentId = await insertOutboundMessage({ twilioSid: sid, status: 'queued' });
    await postInOrder(sid, ['delivered', 'sending', 'sent', 'queued']);
    const message = await messageByDocumentId(documentId);
    expect(message!.status).toBe('delivered');
    expect(message!.events!.map((event) => event.status)).toEqual(['delivered', 'sending', 'sent', 'queued']);
  });

  it('changes nothing when the same (MessageSid, MessageStatus) arrives again, even 20 times at once', async () => {
    const sid = newSid();
    const documentId = await insertOutboundMessage({ twilioSid: sid });
    const responses = await Promise.all(Array.from({ length: 20 }, () => postStatus(sid, 'delivered')));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(204));
    const once = await messageByDocumentId(documentId);
    expect(once!.events).toHaveLength(1);
    expect(await statusEvents(sid)).toHaveLength(1);

    await postStatus(sid, 'delivered');
    expect(await messageByDocumentId(documentId)).toEqual(once);
    expect(await statusEvents(sid)).toHaveLength(1);
  });

  it('records a burst of callbacks for many messages at once, each message ending where its events lead', async () => {
    // 30 messages × (sent, delivered, read, a retry of delivered), all posted together in a
    // shuffled order: they are recorded in groups, several events per message in one group.
    const messages = await Promise.all(
      Array.from({ length: 30 }, async (_, index) => {
        const sid = newSid();
        const documentId = await insertOutboundMessage({ twilioSid: sid, status: 'queued' });
        const failed = index % 5 === 0;
        return { sid, documentId, failed, statuses: failed ? ['sent', 'undelivered', 'failed', 'sent'] : ['sent', 'delivered', 'read', 'delivered'] };
      })
    );
    const posts = messages.flatMap((message) => message.statuses.map((status) => ({ message, status })));
    for (let index = posts.length - 1; index > 0; index -= 1) {
      const other = Math.floor(Math.random() * (index + 1));
      [posts[index], posts[other]] = [posts[other]!, posts[index]!];
    }
    const responses = await Promise.all(
      posts.map(({ message, status }) =>
        postStatus(message.sid, status, {
          messageDocumentId: message.documentId,
          ...(status === 'undelivered' || status === 'failed' ? { errorCode: status === 'undelivered' ? 63016 : 30008, errorMessage: status } : {}),
        })
      )
    );
    expect(responses.map((response) => response.status)).toEqual(Array(posts.length).fill(204));

    for (const message of messages) {
      const row = await messageByDocumentId(message.documentId);
      const distinct = [...new Set(message.statuses)];
      expect(row!.events!.map((event) => event.status).sort()).toEqual([...distinct].sort());
      expect(await statusEvents(message.sid)).toHaveLength(distinct.length);
      if (message.failed) {
        // undelivered and failed rank alike: the first of the two to arrive ends the message, with its error.
        const firstFailure = row!.events!.find((event) => event.status === 'undelivered' || event.status === 'failed')!;
        expect(row).toMatchObject({ status: firstFailure.status });
        expect(row!.failed_at).toBeInstanceOf(Date);
        expect(row!.error_code).toBe(firstFailure.status === 'undelivered' ? 63016 : 30008);
      } else {
        expect(row).toMatchObject({ status: 'read', failed_at: null, error_code: null });
        expect(row!.read_at).toBeInstanceOf(Date);
        expect(row!.delivered_at).toBeInstanceOf(Date);
      }
      expect(row!.sent_at).toBeInstanceOf(Date);
    }
  });

  it('applies a callback that arrives before the send recorded the SID, through the message id in the URL', async () => {
    const sid = newSid();
    const documentId = await insertOutboundMessage({ status: 'pending' });
    await postInOrder(sid, ['sent', 'delivered'], { messageDocumentId: documentId });

    const message = await messageByDocumentId(documentId);
    expect(message).toMatchObject({ status: 'delivered' });
    expect(message!.delivered_at).toBeInstanceOf(Date);
    // Recording Twilio's SID is the send's job: a callback only moves the status.
    expect(message!.twilio_sid).toBeNull();
    expect(await statusEvents(sid)).toEqual([
      expect.objectContaining({ status: 'sent', message_document_id: documentId, applied_at: expect.any(Date) }),
      expect.objectContaining({ status: 'delivered', message_document_id: documentId, applied_at: expect.any(Date) }),
    ]);
  });

  it('keeps a callback for a message it cannot match yet, with every parameter posted', async () => {
    const sid = newSid();
    const response = await postStatus(sid, 'sent');
    expect(response.status).toBe(204);
    const [event] = await statusEvents(sid);
    expect(event).toMatchObject({ status: 'sent', message_document_id: null, applied_at: null });
    expect(event.payload).toMatchObject({ MessageSid: sid, MessageStatus: 'sent', ChannelPrefix: 'whatsapp', SmsSid: sid });
  });

  it('does not apply a callback to a message that already has another SID', async () => {
    const ownSid = newSid();
    const documentId = await insertOutboundMessage({ twilioSid: ownSid, status: 'sent' });
    const otherSid = newSid();
    await postStatus(otherSid, 'read', { messageDocumentId: documentId });
    const message = await messageByDocumentId(documentId);
    expect(message).toMatchObject({ status: 'sent', read_at: null, events: null });
    expect(await statusEvents(otherSid)).toEqual([expect.objectContaining({ status: 'read', applied_at: null })]);
  });

  it('keeps a status it does not know as an event without applying it', async () => {
    const sid = newSid();
    const documentId = await insertOutboundMessage({ twilioSid: sid, status: 'sent' });
    await postStatus(sid, 'partially_delivered');
    const message = await messageByDocumentId(documentId);
    expect(message).toMatchObject({ status: 'sent', delivered_at: null });
    expect(message!.events!.map((event) => event.status)).toEqual(['partially_delivered']);
  });

  it('answers a callback with an empty ErrorCode and extra parameters', async () => {
    const sid = newSid();
    const documentId = await insertOutboundMessage({ twilioSid: sid });
    const params = { MessageSid: sid, MessageStatus: 'sent', ErrorCode: '', SomeNewTwilioParam: 'x' };
    const response = await postSigned(statusPath(documentId), params);
    expect(response.status).toBe(204);
    expect(await messageByDocumentId(documentId)).toMatchObject({ status: 'sent', error_code: null });
  });
});

describe('status callbacks by direction', () => {
  it('keeps a read outbound message read when a signed received arrives, and keeps the event', async () => {
    const sid = newSid();
    const documentId = await insertOutboundMessage({ twilioSid: sid, status: 'queued' });
    await postInOrder(sid, ['sent', 'delivered', 'read']);

    const response = await postStatus(sid, 'received');
    expect(response.status).toBe(204);

    const message = await messageByDocumentId(documentId);
    expect(message).toMatchObject({ status: 'read' });
    expect(message!.events!.map((event) => event.status)).toEqual(['sent', 'delivered', 'read', 'received']);
    expect((await statusEvents(sid)).map((event) => event.status)).toEqual(['sent', 'delivered', 'read', 'received']);
  });

  it('changes nothing on an inbound message, and keeps every callback about it as an event', async () => {
    const sid = newSid();
    const { response } = await postInbound({ From: `whatsapp:${uniqueIndianMobile()}`, MessageSid: sid, Body: 'Hello' });
    expect(response.status).toBe(200);
    const before = await messageBySid(sid);
    expect(before).toMatchObject({ status: 'received' });

    for (const status of ['read', 'failed', 'received', 'delivered']) {
      expect((await postStatus(sid, status, { errorCode: 30008, errorMessage: 'Unknown error' })).status).toBe(204);
    }

    expect(await messageBySid(sid)).toEqual(before);
    expect(await statusEvents(sid)).toEqual(
      ['read', 'failed', 'received', 'delivered'].map((status) => expect.objectContaining({ status, applied_at: expect.any(Date) }))
    );
  });
});
