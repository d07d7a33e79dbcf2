import { Client, type Notification } from 'pg';
import { REALTIME_CHANNEL } from '../../../plugins/whatsapp/server/src/constants';
import { ctx } from '../helpers/api';
import { uniqueIndianMobile } from '../helpers/data';
import { withDb } from '../helpers/db';
import { INBOUND_PATH, inboundParams, insertOutboundMessage, newSid, postSigned, postStatus } from './support';

type Announced = { type: string; messageId: string; seq?: number; conversationId: string | null; candidateId?: string; status?: string; direction?: string };

/** What the webhooks announce on the realtime channel, as another app instance hears it. */
describe('NOTIFY after a webhook is stored', () => {
  let listener: Client;
  const heard: Announced[] = [];

  beforeAll(async () => {
    listener = new Client({ connectionString: ctx.databaseUrl });
    await listener.connect();
    listener.on('notification', (notification: Notification) => {
      if (notification.channel === REALTIME_CHANNEL && notification.payload) heard.push(JSON.parse(notification.payload) as Announced);
    });
    await listener.query(`LISTEN ${REALTIME_CHANNEL}`);
  });

  afterAll(() => listener.end());

  const heardAbout = async (messageId: string, within = 2000) => {
    const deadline = Date.now() + within;
    while (Date.now() < deadline) {
      const found = heard.filter((event) => event.messageId === messageId);
      if (found.length > 0) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return [];
  };

  const messageIdOf = (sid: string) =>
    withDb(async (client) => (await client.query('SELECT document_id FROM plugin_whatsapp_messages WHERE twilio_sid = $1', [sid])).rows[0]?.document_id as string);

  it('announces a new inbound message once, with its conversation and candidate, and not its retry', async () => {
    const params = inboundParams({ From: uniqueIndianMobile(), Body: 'Hello' });
    expect((await postSigned(INBOUND_PATH, params)).status).toBe(200);
    const messageId = await messageIdOf(params.MessageSid as string);
    const events = await heardAbout(messageId);
    expect(events).toEqual([
      { type: 'message.created', direction: 'inbound', messageId, seq: expect.any(Number), conversationId: expect.any(String), candidateId: expect.any(String) },
    ]);
    // Nothing in the payload but ids.
    expect(JSON.stringify(events[0])).not.toContain(params.From.replace('whatsapp:', ''));

    expect((await postSigned(INBOUND_PATH, params)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard.filter((event) => event.messageId === messageId)).toHaveLength(1);
  });

  it('announces a status change, and not a callback that changes nothing', async () => {
    const sid = newSid();
    const messageId = await insertOutboundMessage({ twilioSid: sid, status: 'sent' });
    expect((await postStatus(sid, 'delivered')).status).toBe(204);
    expect(await heardAbout(messageId)).toEqual([{ type: 'message.status', messageId, status: 'delivered', conversationId: null }]);

    expect((await postStatus(sid, 'delivered')).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard.filter((event) => event.messageId === messageId)).toHaveLength(1);
  });
});
