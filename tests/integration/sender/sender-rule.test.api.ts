import { actionUid } from '../../../plugins/whatsapp/shared/permissions';
import { adminApi, api, ctx, expectStrapiError } from '../helpers/api';
import { createAdminWithActions } from '../helpers/admin-users';
import { uniqueIndianMobile } from '../helpers/data';
import { withDb } from '../helpers/db';
import { approvedTemplate, emulatorMessagesTo } from '../send/helpers';
import { INBOUND_PATH, inboundParams, postSigned } from '../webhook/support';

/** A number that is not the app's sender: the Twilio sandbox, where the emulator used to send inbound messages. */
const OLD_SENDER = '+14155238886';

const receive = async (from: string, to: string, body: string) => {
  const response = await postSigned(INBOUND_PATH, inboundParams({ From: from, To: `whatsapp:${to}`, Body: body, ProfileName: 'Ravi' }));
  expect(response.status).toBe(200);
};

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

const replyPlan = async (conversation: string) =>
  (await adminApi().get(`/whatsapp/inbox/conversations/${conversation}/reply-plan`).expect(200)).body.data;

const until = async <T>(read: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('the sender rule: a reply goes from the conversation own sender while it is ours', () => {
  it('replies from the configured number in a conversation with it, and shows its window', async () => {
    const phone = uniqueIndianMobile();
    await receive(phone, ctx.whatsappNumber, 'Hello from my phone');
    const conversation = (await conversationWith(phone, ctx.whatsappNumber)) as string;

    const plan = await replyPlan(conversation);
    expect(plan).toMatchObject({
      conversationSender: ctx.whatsappNumber,
      senderIsOurs: true,
      nextSender: ctx.whatsappNumber,
      nextConversation: conversation,
      freeTextAllowed: true,
      window: { open: true, expiresAt: expect.any(String) },
      candidate: { phone, name: 'Ravi' },
    });

    const sent = await adminApi().post(`/whatsapp/inbox/conversations/${conversation}/messages`).send({ data: { body: 'Thanks, we got it' } });
    expect(sent.status).toBe(201);
    expect(sent.body.meta.conversation).toBe(conversation);
    expect(sent.body.data).toMatchObject({ from: `whatsapp:${ctx.whatsappNumber}`, to: `whatsapp:${phone}`, body: 'Thanks, we got it' });
    const [atTwilio] = await until(async () => {
      const messages = await emulatorMessagesTo(phone);
      return messages.length > 0 ? messages : undefined;
    });
    expect(atTwilio).toMatchObject({ from: `whatsapp:${ctx.whatsappNumber}`, body: 'Thanks, we got it' });
  });

  it('says a conversation with a number we no longer send from allows only a template, from the current sender', async () => {
    const phone = uniqueIndianMobile();
    await receive(phone, OLD_SENDER, 'Hi, I wrote to the old number');
    const conversation = (await conversationWith(phone, OLD_SENDER)) as string;

    const plan = await replyPlan(conversation);
    // The old conversation's window is open, but the next message would go from another sender.
    expect(plan).toMatchObject({
      conversationSender: OLD_SENDER,
      senderIsOurs: false,
      nextSender: ctx.whatsappNumber,
      nextConversation: null,
      freeTextAllowed: false,
      window: { open: false, expiresAt: null },
    });

    const text = await adminApi().post(`/whatsapp/inbox/conversations/${conversation}/messages`).send({ data: { body: 'Free text' } });
    expect(text.status).toBe(422);
    expect(text.body.error.details).toMatchObject({ code: 'SENDER_NOT_OURS', sender: OLD_SENDER, currentSender: ctx.whatsappNumber });
    expect(await emulatorMessagesTo(phone)).toHaveLength(0);

    const template = await approvedTemplate('Hello {{1}}, we moved to a new number.', { '1': 'Asha' });
    const sent = await adminApi()
      .post(`/whatsapp/inbox/conversations/${conversation}/messages`)
      .send({ data: { template: template.documentId, variables: { '1': 'Ravi' } } });
    expect(sent.status).toBe(201);
    const current = await conversationWith(phone, ctx.whatsappNumber);
    expect(sent.body.meta.conversation).toBe(current);
    expect(current).not.toBe(conversation);
    expect(sent.body.data).toMatchObject({ from: `whatsapp:${ctx.whatsappNumber}` });
    const [atTwilio] = await until(async () => {
      const messages = await emulatorMessagesTo(phone);
      return messages.length > 0 ? messages : undefined;
    });
    expect(atTwilio).toMatchObject({ from: `whatsapp:${ctx.whatsappNumber}`, contentSid: template.contentSid });

    // Now the plan of the old conversation points at the new one, still closed until they write.
    expect(await replyPlan(conversation)).toMatchObject({ nextConversation: current, freeTextAllowed: false });
  });

  it('answers 400 in Strapi error shape for bad replies, 404 for an unknown conversation, 403 without messagesSend', async () => {
    const phone = uniqueIndianMobile();
    await receive(phone, ctx.whatsappNumber, 'Hi');
    const conversation = (await conversationWith(phone, ctx.whatsappNumber)) as string;
    const path = `/whatsapp/inbox/conversations/${conversation}/messages`;

    for (const data of [{}, { body: 'x', template: 'abc' }, { candidate: 'someone', body: 'x' }, { body: 42 }]) {
      const bad = await adminApi().post(path).send({ data });
      expect(bad.status).toBe(400);
      expectStrapiError(bad.body, 400, 'ValidationError');
    }
    const noData = await adminApi().post(path).send({ body: 'x' });
    expect(noData.status).toBe(400);
    expectStrapiError(noData.body, 400, 'ValidationError');

    const missing = await adminApi().post('/whatsapp/inbox/conversations/nope123/messages').send({ data: { body: 'x' } });
    expect(missing.status).toBe(404);
    expectStrapiError(missing.body, 404);

    const reader = await createAdminWithActions([actionUid('messagesRead')]);
    expect((await api(reader).post(path).send({ data: { body: 'x' } })).status).toBe(403);
    expect((await api(reader).post('/whatsapp/inbox/conversations').send({ data: { to: phone, template: 'x' } })).status).toBe(403);
    expect((await api(reader).post('/whatsapp/inbox/emulator/inbound').send({ data: {} })).status).toBe(403);
    await api(reader).get(`/whatsapp/inbox/conversations/${conversation}/reply-plan`).expect(200);
    expect(await emulatorMessagesTo(phone)).toHaveLength(0);
  });
});

describe('new conversations from the inbox', () => {
  it('sends a template to a typed number, creating its candidate and conversation', async () => {
    const template = await approvedTemplate('Hello {{1}}, are you free on {{2}}?', { '1': 'Asha', '2': 'Monday' });
    const phone = uniqueIndianMobile();
    const sent = await adminApi()
      .post('/whatsapp/inbox/conversations')
      .send({ data: { to: phone.replace('+91', ''), template: template.documentId, variables: { '1': 'Meera', '2': 'Friday' } } });
    expect(sent.status).toBe(201);
    const conversation = await conversationWith(phone, ctx.whatsappNumber);
    expect(sent.body.meta.conversation).toBe(conversation);
    const candidates = await adminApi().get(`/whatsapp/inbox/candidates?search=${encodeURIComponent(phone)}`).expect(200);
    expect(candidates.body.data).toEqual([expect.objectContaining({ phone, optIn: 'unknown' })]);
  });

  it('refuses free text, a bad number and a template that is not approved', async () => {
    const missingTemplate = await adminApi().post('/whatsapp/inbox/conversations').send({ data: { to: uniqueIndianMobile(), body: 'hi' } });
    expect(missingTemplate.status).toBe(400);
    expectStrapiError(missingTemplate.body, 400, 'ValidationError');

    const template = await approvedTemplate();
    const badNumber = await adminApi()
      .post('/whatsapp/inbox/conversations')
      .send({ data: { to: '12345', template: template.documentId, variables: { '1': 'a', '2': 'b' } } });
    expect(badNumber.status).toBe(422);
    expect(badNumber.body.error.details.code).toBe('INVALID_PHONE');

    const search = await adminApi().get(`/whatsapp/inbox/candidates?search=${'x'.repeat(101)}`);
    expect(search.status).toBe(400);
    expectStrapiError(search.body, 400, 'ValidationError');
  });

  it('lists only approved templates still at Twilio for sending', async () => {
    const template = await approvedTemplate();
    const listed = await adminApi().get('/whatsapp/inbox/templates').expect(200);
    const names = listed.body.data.map((item: { name: string }) => item.name);
    expect(names).toContain(template.name);
    expect(listed.body.data.every((item: { documentId: string }) => typeof item.documentId === 'string')).toBe(true);
    expect(listed.body.meta).toEqual({ sender: ctx.whatsappNumber, defaultCountry: 'IN' });
  });
});

describe('the emulator phone (emulator mode only)', () => {
  it('says the app talks to the emulator, without any credential', async () => {
    const status = await adminApi().get('/whatsapp/inbox/emulator').expect(200);
    expect(status.body.data).toEqual({ emulator: true, sender: ctx.whatsappNumber });
    expect(JSON.stringify(status.body)).not.toContain(ctx.twilioAuthToken);
  });

  it('simulates an inbound message through the signed webhook, then closes its window', async () => {
    const phone = uniqueIndianMobile();
    const simulated = await adminApi()
      .post('/whatsapp/inbox/emulator/inbound')
      .send({ data: { from: phone, profileName: 'Simulated Sita', kind: 'location', latitude: 12.97, longitude: 77.59, label: 'Office' } });
    expect(simulated.status).toBe(201);
    expect(simulated.body.data).toMatchObject({ from: phone, to: ctx.whatsappNumber, messageSid: expect.stringMatching(/^SM/) });

    const conversation = await until(() => conversationWith(phone, ctx.whatsappNumber));
    const thread = await adminApi().get(`/whatsapp/inbox/conversations/${conversation}/messages`).expect(200);
    expect(thread.body.data).toEqual([expect.objectContaining({ direction: 'inbound', location: expect.objectContaining({ latitude: 12.97 }) })]);
    expect((await replyPlan(conversation)).freeTextAllowed).toBe(true);

    await adminApi().post(`/whatsapp/inbox/conversations/${conversation}/close-window`).expect(200);
    const plan = await replyPlan(conversation);
    expect(plan).toMatchObject({ senderIsOurs: true, freeTextAllowed: false, window: { open: false } });
    const text = await adminApi().post(`/whatsapp/inbox/conversations/${conversation}/messages`).send({ data: { body: 'Too late' } });
    expect(text.status).toBe(422);
    expect(text.body.error.details.code).toBe('WINDOW_CLOSED');
  });

  it('answers 400 for a bad simulated message', async () => {
    for (const data of [
      { from: uniqueIndianMobile(), profileName: 'A', kind: 'text' },
      { from: uniqueIndianMobile(), profileName: '', kind: 'text', body: 'x' },
      { from: 'not a number', profileName: 'A', kind: 'text', body: 'x' },
      { from: uniqueIndianMobile(), profileName: 'A', kind: 'location', latitude: 200, longitude: 1 },
      { from: uniqueIndianMobile(), profileName: 'A', kind: 'sticker' },
    ]) {
      const bad = await adminApi().post('/whatsapp/inbox/emulator/inbound').send({ data });
      expect(bad.status).toBe(400);
      expectStrapiError(bad.body, 400, 'ValidationError');
    }
  });
});
