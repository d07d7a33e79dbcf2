import { uniqueIndianMobile } from '../helpers/data';
import { countRows, withDb } from '../helpers/db';
import {
  adminApi,
  approvedTemplate,
  contentApi,
  createCandidate,
  ctx,
  emulatorMessagesTo,
  getMessage,
  handedToTwilio,
  sendMessage,
  setLastInbound,
  waitForMessage,
} from './helpers';

const statusCallbackFor = (documentId: string) => `${ctx.publicUrl}/api/whatsapp/webhook/status?messageId=${documentId}`;

describe('POST /api/whatsapp/messages: sending', () => {
  it('sends free text inside the 24-hour window: 201 pending, then handed to Twilio once, with our StatusCallback', async () => {
    const candidate = await createCandidate({ phone: uniqueIndianMobile(), name: 'Asha' });
    await setLastInbound(candidate.documentId);

    const response = await sendMessage({ candidate: candidate.documentId, body: 'Your interview is at 10:00.' });
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({
      documentId: expect.any(String),
      direction: 'outbound',
      status: 'pending',
      from: `whatsapp:${ctx.whatsappNumber}`,
      to: `whatsapp:${candidate.phone}`,
      body: 'Your interview is at 10:00.',
      twilioSid: null,
      errorDescription: null,
    });
    // Outbox bookkeeping stays private.
    expect(response.body.data).not.toHaveProperty('sendAttempts');
    expect(response.body.data).not.toHaveProperty('sendLockedUntil');

    const documentId = response.body.data.documentId as string;
    const sent = await waitForMessage(documentId, handedToTwilio);
    expect(sent.twilioSid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(['queued', 'sending', 'sent', 'delivered', 'read']).toContain(sent.status);

    const atTwilio = await emulatorMessagesTo(candidate.phone);
    expect(atTwilio).toHaveLength(1);
    expect(atTwilio[0]).toMatchObject({
      sid: sent.twilioSid,
      from: `whatsapp:${ctx.whatsappNumber}`,
      to: `whatsapp:${candidate.phone}`,
      body: 'Your interview is at 10:00.',
      contentSid: null,
      statusCallback: statusCallbackFor(documentId),
    });
  });

  it('sends an approved template outside the window as ContentSid + ContentVariables', async () => {
    const template = await approvedTemplate();
    const candidate = await createCandidate({ phone: uniqueIndianMobile() });

    const response = await sendMessage({ candidate: candidate.documentId, template: template.documentId, variables: { '1': 'Ravi', '2': 5 } });
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({ status: 'pending', body: null, variables: { '1': 'Ravi', '2': '5' } });

    const sent = await waitForMessage(response.body.data.documentId, handedToTwilio);
    const [atTwilio, ...others] = await emulatorMessagesTo(candidate.phone);
    expect(others).toHaveLength(0);
    expect(atTwilio).toMatchObject({
      sid: sent.twilioSid,
      contentSid: template.contentSid,
      contentVariables: { '1': 'Ravi', '2': '5' },
      body: 'Hello Ravi, your interview is on 5.',
    });

    const withTemplate = await getMessage(response.body.data.documentId, { populate: 'template' });
    expect(withTemplate.template).toMatchObject({ documentId: template.documentId });
  });

  it('sends to a number with no candidate: creates the candidate and one conversation, and reuses them', async () => {
    const template = await approvedTemplate('Welcome to the placement cell, {{1}}.', { '1': 'Asha' });
    const phone = uniqueIndianMobile();

    const first = await sendMessage({ to: `whatsapp:${phone}`, template: template.documentId, variables: { '1': 'Meena' } });
    expect(first.status).toBe(201);
    expect(first.body.data.to).toBe(`whatsapp:${phone}`);
    const second = await sendMessage({ to: phone, template: template.documentId, variables: { '1': 'Meena' } });
    expect(second.status).toBe(201);

    expect(await countRows('plugin_whatsapp_candidates', 'phone = $1', [phone])).toBe(1);
    const conversations = await withDb(async (client) => {
      const result = await client.query(
        `SELECT c.sender, c.thread_key, c.last_message_preview, cand.document_id AS candidate
           FROM plugin_whatsapp_conversations c
           JOIN plugin_whatsapp_conversations_candidate_lnk l ON l.conversation_id = c.id
           JOIN plugin_whatsapp_candidates cand ON cand.id = l.candidate_id
          WHERE cand.phone = $1`,
        [phone]
      );
      return result.rows;
    });
    expect(conversations).toHaveLength(1);
    expect(conversations[0]).toMatchObject({
      sender: ctx.whatsappNumber,
      thread_key: `${ctx.whatsappNumber}|${conversations[0].candidate}`,
      last_message_preview: 'Welcome to the placement cell, Meena.',
    });

    const message = await getMessage(first.body.data.documentId, { populate: 'candidate,conversation' });
    expect(message.candidate).toMatchObject({ phone, optIn: 'unknown' });
    expect(message.conversation).toMatchObject({ sender: ctx.whatsappNumber });
    await waitForMessage(second.body.data.documentId, handedToTwilio);
    expect(await emulatorMessagesTo(phone)).toHaveLength(2);
  });

  it('sends media URLs with a caption, and records their content types', async () => {
    const candidate = await createCandidate({ phone: uniqueIndianMobile() });
    await setLastInbound(candidate.documentId);
    const mediaUrls = ['https://example.com/offer-letter.pdf', 'https://example.com/campus.jpg'];

    const response = await sendMessage({ candidate: candidate.documentId, body: 'Your documents', mediaUrls });
    expect(response.status).toBe(201);
    expect(response.body.data.media).toEqual([
      { url: mediaUrls[0], contentType: 'application/pdf' },
      { url: mediaUrls[1], contentType: 'image/jpeg' },
    ]);
    const sent = await waitForMessage(response.body.data.documentId, handedToTwilio);
    expect(sent.twilioSid).toMatch(/^MM/);
    const [atTwilio] = await emulatorMessagesTo(candidate.phone);
    expect(atTwilio).toMatchObject({ mediaUrls, body: 'Your documents' });
  });

  it('sends media alone, without a body', async () => {
    const candidate = await createCandidate({ phone: uniqueIndianMobile() });
    await setLastInbound(candidate.documentId);
    const response = await sendMessage({ candidate: candidate.documentId, mediaUrls: ['https://example.com/map.png'] });
    expect(response.status).toBe(201);
    expect(response.body.data.body).toBeNull();
    await waitForMessage(response.body.data.documentId, handedToTwilio);
    expect((await emulatorMessagesTo(candidate.phone))[0]).toMatchObject({ body: '', mediaUrls: ['https://example.com/map.png'] });
  });

  it('lists the sent message with Strapi query conventions', async () => {
    const candidate = await createCandidate({ phone: uniqueIndianMobile() });
    await setLastInbound(candidate.documentId);
    const response = await sendMessage({ candidate: candidate.documentId, body: 'list me' });
    const list = await contentApi()
      .get('/api/whatsapp/messages')
      .query({ 'filters[to][$eq]': `whatsapp:${candidate.phone}`, sort: 'createdAt:desc' })
      .expect(200);
    expect(list.body.data).toEqual([expect.objectContaining({ documentId: response.body.data.documentId, errorDescription: null })]);
  });

  it('sends from the inbox composer (admin route) for an admin', async () => {
    const candidate = await createCandidate({ phone: uniqueIndianMobile() });
    await setLastInbound(candidate.documentId);
    const response = await adminApi().post('/whatsapp/messages').send({ data: { candidate: candidate.documentId, body: 'From the inbox' } });
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({ status: 'pending', body: 'From the inbox' });
    expect(response.body.data).not.toHaveProperty('sendAttempts');
    await waitForMessage(response.body.data.documentId, handedToTwilio);
    expect(await emulatorMessagesTo(candidate.phone)).toHaveLength(1);
  });
});
