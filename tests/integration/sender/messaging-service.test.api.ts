import crypto from 'node:crypto';
import { adminApi, ctx } from '../helpers/api';
import { uniqueIndianMobile } from '../helpers/data';
import { withDb } from '../helpers/db';
import { emulatorControl } from '../helpers/emulator';
import { emulatorMessagesTo } from '../send/helpers';
import { INBOUND_PATH, inboundParams, postSigned } from '../webhook/support';

/** A number of the Messaging Service's pool, other than the configured TWILIO_WHATSAPP_NUMBER. */
const POOL_NUMBER = '+15557654321';

const conversationWith = (phone: string, sender: string) =>
  withDb(async (client) => {
    const result = await client.query(
      `SELECT c.document_id FROM plugin_whatsapp_conversations c
         JOIN plugin_whatsapp_conversations_candidate_lnk l ON l.conversation_id = c.id
         JOIN plugin_whatsapp_candidates p ON p.id = l.candidate_id
        WHERE p.phone = $1 AND c.sender = $2`,
      [phone, sender]
    );
    return result.rows[0]?.document_id as string | undefined;
  });

describe('the sender rule with a Messaging Service: its pool numbers are ours', () => {
  const serviceSid = `MG${crypto.randomBytes(16).toString('hex')}`;

  beforeAll(async () => {
    await emulatorControl('/services', { method: 'POST', body: { sid: serviceSid, senders: [`whatsapp:${POOL_NUMBER}`] } });
    await adminApi().put('/whatsapp/settings').send({ data: { messagingServiceSid: serviceSid } }).expect(200);
  });

  afterAll(async () => {
    await adminApi().put('/whatsapp/settings').send({ data: { messagingServiceSid: '' } }).expect(200);
  });

  it('replies from the pool number the candidate wrote to, through the service', async () => {
    const phone = uniqueIndianMobile();
    const inbound = await postSigned(INBOUND_PATH, inboundParams({ From: phone, To: `whatsapp:${POOL_NUMBER}`, Body: 'Hi', ProfileName: 'Pooja' }));
    expect(inbound.status).toBe(200);
    const conversation = (await conversationWith(phone, POOL_NUMBER)) as string;

    const plan = (await adminApi().get(`/whatsapp/inbox/conversations/${conversation}/reply-plan`).expect(200)).body.data;
    expect(plan).toMatchObject({ conversationSender: POOL_NUMBER, senderIsOurs: true, nextSender: POOL_NUMBER, freeTextAllowed: true });

    const sent = await adminApi().post(`/whatsapp/inbox/conversations/${conversation}/messages`).send({ data: { body: 'Hello from the pool' } });
    expect(sent.status).toBe(201);
    expect(sent.body.meta.conversation).toBe(conversation);
    const deadline = Date.now() + 10_000;
    let atTwilio = await emulatorMessagesTo(phone);
    while (atTwilio.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      atTwilio = await emulatorMessagesTo(phone);
    }
    expect(atTwilio[0]).toMatchObject({ from: `whatsapp:${POOL_NUMBER}`, body: 'Hello from the pool' });
  });

  it('still treats a number outside the pool as not ours', async () => {
    const phone = uniqueIndianMobile();
    await postSigned(INBOUND_PATH, inboundParams({ From: phone, To: 'whatsapp:+15551112222', Body: 'Hi', ProfileName: 'Ravi' }));
    const conversation = (await conversationWith(phone, '+15551112222')) as string;
    const plan = (await adminApi().get(`/whatsapp/inbox/conversations/${conversation}/reply-plan`).expect(200)).body.data;
    expect(plan).toMatchObject({ senderIsOurs: false, nextSender: ctx.whatsappNumber, freeTextAllowed: false });
  });
});
