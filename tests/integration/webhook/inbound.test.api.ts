import { contentApi, ctx } from '../helpers/api';
import { uniqueIndianMobile } from '../helpers/data';
import { withDb } from '../helpers/db';
import { footprint, INBOUND_PATH, newSid, OUR_NUMBER, postInbound, postSigned, inboundParams } from './support';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';
const DAY_MS = 24 * 60 * 60 * 1000;

const messageBySid = async (sid: string) => {
  const response = await contentApi()
    .get('/api/whatsapp/messages')
    .query({ 'filters[twilioSid][$eq]': sid, populate: '*' })
    .expect(200);
  expect(response.body.data).toHaveLength(1);
  return response.body.data[0];
};

const candidateByPhone = async (phone: string) => {
  const response = await contentApi().get('/api/whatsapp/candidates').query({ 'filters[phone][$eq]': phone }).expect(200);
  return response.body.data as Array<Record<string, unknown> & { documentId: string }>;
};

const conversationsOf = async (candidateDocumentId: string) => {
  const response = await contentApi()
    .get('/api/whatsapp/conversations')
    .query({ 'filters[candidate][documentId][$eq]': candidateDocumentId, populate: '*', sort: 'id:asc' })
    .expect(200);
  return response.body.data as Array<Record<string, unknown> & { documentId: string }>;
};

describe('POST /api/whatsapp/webhook (incoming messages)', () => {
  it('stores a text from an unknown number: a new candidate named from ProfileName, a conversation and the message', async () => {
    const phone = uniqueIndianMobile();
    const { response, params } = await postInbound({ From: phone, Body: 'Hello, I applied for the Java role', ProfileName: 'Asha Rao' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/xml/);
    expect(response.text).toBe(EMPTY_TWIML);

    const message = await messageBySid(params.MessageSid as string);
    expect(message).toMatchObject({
      direction: 'inbound',
      from: phone,
      to: OUR_NUMBER,
      body: 'Hello, I applied for the Java role',
      status: 'received',
      twilioSid: params.MessageSid,
      profileName: 'Asha Rao',
      waId: phone.slice(1),
      messageType: 'text',
      media: null,
      location: null,
      candidate: { phone, name: 'Asha Rao' },
      conversation: { sender: OUR_NUMBER, unreadCount: 1, lastMessagePreview: 'Hello, I applied for the Java role' },
    });

    const [candidate, ...others] = await candidateByPhone(phone);
    expect(others).toHaveLength(0);
    expect(candidate).toMatchObject({ name: 'Asha Rao', optIn: 'unknown', lastInboundAt: message.createdAt });

    const [conversation] = await conversationsOf(candidate!.documentId);
    expect(conversation).toMatchObject({
      documentId: message.conversation.documentId,
      sender: OUR_NUMBER,
      status: 'open',
      unreadCount: 1,
      lastMessageAt: message.createdAt,
      lastInboundAt: message.createdAt,
      candidate: { documentId: candidate!.documentId },
      messages: [expect.objectContaining({ documentId: message.documentId })],
    });
    expect(Date.parse(conversation!.windowExpiresAt as string) - Date.parse(conversation!.lastInboundAt as string)).toBe(DAY_MS);
    expect(conversation).not.toHaveProperty('threadKey');

    const withConversations = await contentApi()
      .get(`/api/whatsapp/candidates/${candidate!.documentId}`)
      .query({ populate: 'conversations' })
      .expect(200);
    expect(withConversations.body.data.conversations).toEqual([expect.objectContaining({ documentId: conversation!.documentId })]);
  });

  it('writes rows the Document Service would write (documentId, timestamps, locale, link order)', async () => {
    const phone = uniqueIndianMobile();
    const restPhone = uniqueIndianMobile();
    await contentApi().post('/api/whatsapp/candidates').send({ data: { phone: restPhone } }).expect(201);
    await postInbound({ From: phone, Body: 'first' });
    await postInbound({ From: phone, Body: 'second' });
    const rows = await withDb(async (client) => ({
      ours: (await client.query('SELECT * FROM plugin_whatsapp_candidates WHERE phone = $1', [phone])).rows[0],
      strapis: (await client.query('SELECT * FROM plugin_whatsapp_candidates WHERE phone = $1', [restPhone])).rows[0],
      messages: (
        await client.query(
          `SELECT m.document_id, m.created_at, m.updated_at, m.published_at, m.locale, l.message_ord
             FROM plugin_whatsapp_messages m JOIN plugin_whatsapp_messages_conversation_lnk l ON l.message_id = m.id
            WHERE m."from" = $1 ORDER BY m.id`,
          [phone]
        )
      ).rows,
    }));
    const shape = (row: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === null ? null : typeof value === 'object' ? 'object' : typeof value]));
    expect(shape(rows.ours)).toEqual({ ...shape(rows.strapis), last_inbound_at: 'object' });
    expect(rows.ours.document_id).toMatch(/^[a-z][a-z0-9]{23}$/);
    expect(rows.ours.published_at).not.toBeNull();
    expect(rows.ours.locale).toBeNull();
    expect(rows.messages.map((row: { message_ord: number }) => row.message_ord)).toEqual([1, 2]);
    for (const row of rows.messages) {
      expect(row.document_id).toMatch(/^[a-z][a-z0-9]{23}$/);
      expect(row.published_at).toEqual(row.created_at);
      expect(row.locale).toBeNull();
    }
  });

  it('keeps an existing candidate and its name, and updates the one conversation', async () => {
    const phone = uniqueIndianMobile();
    const created = await contentApi().post('/api/whatsapp/candidates').send({ data: { phone, name: 'Ravi Kumar' } }).expect(201);
    const first = await postInbound({ From: phone, Body: 'Hi', ProfileName: 'ravi_k' });
    expect(first.response.status).toBe(200);
    const second = await postInbound({ From: phone, Body: 'Is the interview tomorrow?', ProfileName: 'ravi_k' });
    expect(second.response.status).toBe(200);

    const candidates = await candidateByPhone(phone);
    expect(candidates).toEqual([expect.objectContaining({ documentId: created.body.data.documentId, name: 'Ravi Kumar' })]);
    const conversations = await conversationsOf(created.body.data.documentId);
    expect(conversations).toHaveLength(1);
    expect(conversations[0]).toMatchObject({ unreadCount: 2, lastMessagePreview: 'Is the interview tomorrow?' });
    expect((conversations[0]!.messages as unknown[]).length).toBe(2);
    const latest = await messageBySid(second.params.MessageSid as string);
    expect(conversations[0]!.lastMessageAt).toBe(latest.createdAt);
    expect(candidates[0]!.lastInboundAt).toBe(latest.createdAt);
  });

  it('keeps every media of a message with its content type', async () => {
    const phone = uniqueIndianMobile();
    const { response, params } = await postInbound({
      MessageSid: newSid('MM'),
      From: phone,
      Body: 'My resume and photo',
      NumMedia: '3',
      MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1',
      MediaContentType0: 'application/pdf',
      MediaUrl1: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2',
      MediaContentType1: 'image/jpeg',
      MediaUrl2: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME3',
      MediaContentType2: 'audio/ogg',
      MessageType: 'document',
    });
    expect(response.status).toBe(200);
    const message = await messageBySid(params.MessageSid as string);
    expect(message.media).toEqual([
      { url: params.MediaUrl0, contentType: 'application/pdf' },
      { url: params.MediaUrl1, contentType: 'image/jpeg' },
      { url: params.MediaUrl2, contentType: 'audio/ogg' },
    ]);
    expect(message).toMatchObject({ body: 'My resume and photo', messageType: 'document' });
    expect(message.conversation.lastMessagePreview).toBe('[3 attachments] My resume and photo');
  });

  it('keeps a media message without a caption and says what it is', async () => {
    const phone = uniqueIndianMobile();
    const { params } = await postInbound({
      From: phone,
      NumMedia: '1',
      MediaUrl0: 'https://api.twilio.com/m/ME9',
      MediaContentType0: 'image/jpeg',
    });
    const message = await messageBySid(params.MessageSid as string);
    expect(message).toMatchObject({ body: null, messageType: 'image', media: [{ url: 'https://api.twilio.com/m/ME9', contentType: 'image/jpeg' }] });
    expect(message.conversation.lastMessagePreview).toBe('[Photo]');
  });

  it('keeps a shared location, which comes with no Body', async () => {
    const phone = uniqueIndianMobile();
    const { response, params } = await postInbound({
      From: phone,
      Latitude: '12.9715987',
      Longitude: '77.5945627',
      Address: 'MG Road, Bengaluru',
      Label: 'Placement office',
      MessageType: 'location',
    });
    expect(response.status).toBe(200);
    const message = await messageBySid(params.MessageSid as string);
    expect(message).toMatchObject({
      body: null,
      messageType: 'location',
      location: { latitude: 12.9715987, longitude: 77.5945627, address: 'MG Road, Bengaluru', label: 'Placement office' },
    });
    expect(message.conversation.lastMessagePreview).toBe('[Location] Placement office');
  });

  it('keeps button replies, click-to-WhatsApp referrals and the message replied to', async () => {
    const phone = uniqueIndianMobile();
    const repliedTo = newSid();
    const { params } = await postInbound({
      From: phone,
      Body: 'Confirm',
      ButtonText: 'Confirm',
      ButtonPayload: 'interview:confirm:42',
      MessageType: 'button',
      OriginalRepliedMessageSid: repliedTo,
      OriginalRepliedMessageSender: `whatsapp:${OUR_NUMBER}`,
      ReferralNumMedia: '0',
      ReferralSourceId: '120208',
      ReferralSourceType: 'ad',
      ReferralSourceUrl: 'https://fb.me/xyz',
      ReferralHeadline: 'Campus drive 2026',
      ReferralBody: 'Apply now',
      ReferralCtwaClid: 'ARAkLkA8',
    });
    const message = await messageBySid(params.MessageSid as string);
    expect(message).toMatchObject({
      body: 'Confirm',
      messageType: 'button',
      button: { text: 'Confirm', payload: 'interview:confirm:42' },
      inReplyToSid: repliedTo,
      referral: {
        sourceId: '120208',
        sourceType: 'ad',
        sourceUrl: 'https://fb.me/xyz',
        headline: 'Campus drive 2026',
        body: 'Apply now',
        ctwaClid: 'ARAkLkA8',
      },
    });
  });

  it('keeps the text exactly as sent, whatever its characters', async () => {
    const phone = uniqueIndianMobile();
    const body = 'नमस्ते 🙏 a+b=c & 100% "quoted" \'single\' <tag> \\ line\nbreak';
    const { params } = await postInbound({ From: phone, Body: body, ProfileName: 'Zoë 😀' });
    const message = await messageBySid(params.MessageSid as string);
    expect(message.body).toBe(body);
    expect(message.profileName).toBe('Zoë 😀');
  });

  it.each(['STOP', 'stop', '  Unsubscribe ', 'STOPALL', 'cancel', 'End', 'QUIT'])('%j opts the candidate out', async (keyword) => {
    const phone = uniqueIndianMobile();
    await contentApi().post('/api/whatsapp/candidates').send({ data: { phone, optIn: 'opted_in' } }).expect(201);
    const { response } = await postInbound({ From: phone, Body: keyword });
    expect(response.status).toBe(200);
    const [candidate] = await candidateByPhone(phone);
    expect(candidate).toMatchObject({ optIn: 'opted_out', optOutAt: expect.any(String) });
  });

  it('opts an unknown number out from its very first message', async () => {
    const phone = uniqueIndianMobile();
    await postInbound({ From: phone, Body: 'STOP', ProfileName: 'New person' });
    const [candidate] = await candidateByPhone(phone);
    expect(candidate).toMatchObject({ name: 'New person', optIn: 'opted_out', optOutAt: expect.any(String) });
  });

  it('opts back in with START or UNSTOP, and ignores keywords inside a sentence', async () => {
    const phone = uniqueIndianMobile();
    await postInbound({ From: phone, Body: 'stop' });
    const [optedOut] = await candidateByPhone(phone);
    await postInbound({ From: phone, Body: 'please stop sending me jobs in Pune' });
    expect((await candidateByPhone(phone))[0]).toMatchObject({ optIn: 'opted_out', optOutAt: optedOut!.optOutAt });

    await postInbound({ From: phone, Body: 'Start' });
    const [optedIn] = await candidateByPhone(phone);
    expect(optedIn).toMatchObject({ optIn: 'opted_in', optInAt: expect.any(String), optInSource: 'whatsapp', optOutAt: optedOut!.optOutAt });

    await postInbound({ From: phone, Body: 'STOP' });
    await postInbound({ From: phone, Body: 'unstop' });
    expect((await candidateByPhone(phone))[0]).toMatchObject({ optIn: 'opted_in', optInSource: 'whatsapp' });
  });

  it('recognises and records a sandbox join message', async () => {
    const phone = uniqueIndianMobile();
    const { response, params } = await postInbound({ From: phone, To: 'whatsapp:+14155238886', Body: 'join happy-tiger' });
    expect(response.status).toBe(200);
    const message = await messageBySid(params.MessageSid as string);
    expect(message).toMatchObject({ messageType: 'sandbox_join', body: 'join happy-tiger', to: '+14155238886' });
    expect(message.conversation.sender).toBe('+14155238886');
    expect((await candidateByPhone(phone))[0]).toMatchObject({ optIn: 'unknown' });
  });

  it('files a message posted without To under our configured sender', async () => {
    const phone = uniqueIndianMobile();
    const params = inboundParams({ From: phone, Body: 'no To' });
    delete params.To;
    const response = await postSigned(INBOUND_PATH, params);
    expect(response.status).toBe(200);
    const message = await messageBySid(params.MessageSid as string);
    expect(message).toMatchObject({ to: OUR_NUMBER, conversation: { sender: OUR_NUMBER } });
  });

  it('keeps one conversation per candidate and sender', async () => {
    const phone = uniqueIndianMobile();
    await postInbound({ From: phone, Body: 'to our number' });
    await postInbound({ From: phone, To: 'whatsapp:+14155238886', Body: 'to the sandbox' });
    await postInbound({ From: phone, Body: 'to our number again' });
    const [candidate] = await candidateByPhone(phone);
    const conversations = await conversationsOf(candidate!.documentId);
    expect(conversations.map((conversation) => [conversation.sender, conversation.unreadCount])).toEqual([
      [OUR_NUMBER, 2],
      ['+14155238886', 1],
    ]);
  });

  it('stores one message when the same MessageSid is posted 20 times at once', async () => {
    const phone = uniqueIndianMobile();
    const params = inboundParams({ From: phone, Body: 'Twilio retried me', ProfileName: 'Retry' });
    const responses = await Promise.all(Array.from({ length: 20 }, () => postSigned(INBOUND_PATH, params)));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    const after = await footprint({ sids: [params.MessageSid as string], phones: [phone] });
    expect(after).toMatchObject({ messages: 1, candidates: 1, conversations: 1, messageLinks: 2, statusEvents: 0 });
    expect(after.conversationState).toEqual([expect.objectContaining({ unread_count: 1 })]);

    // A retry long after changes nothing either.
    const retry = await postSigned(INBOUND_PATH, params);
    expect(retry.status).toBe(200);
    expect(retry.text).toBe(EMPTY_TWIML);
    expect(await footprint({ sids: [params.MessageSid as string], phones: [phone] })).toEqual(after);
  });

  it('creates one candidate and one conversation when a new number sends 10 messages at once', async () => {
    const phone = uniqueIndianMobile();
    const sids = Array.from({ length: 10 }, () => newSid());
    const responses = await Promise.all(sids.map((sid, index) => postInbound({ MessageSid: sid, From: phone, Body: `part ${index}` })));
    expect(responses.map(({ response }) => response.status)).toEqual(Array(10).fill(200));
    const after = await footprint({ sids, phones: [phone] });
    expect(after).toMatchObject({ messages: 10, candidates: 1, conversations: 1, messageLinks: 20 });
    expect(after.conversationState).toEqual([expect.objectContaining({ unread_count: 10 })]);
  });

  it('keeps every count right when a burst mixes numbers, senders and retries', async () => {
    const phones = Array.from({ length: 5 }, () => uniqueIndianMobile());
    const senders = [OUR_NUMBER, '+14155238886'];
    const sent = Array.from({ length: 40 }, (_, index) => ({
      sid: newSid(),
      phone: phones[index % phones.length] as string,
      sender: senders[Math.floor(index / phones.length) % senders.length] as string,
    }));
    const posts = sent.flatMap(({ sid, phone, sender }, index) => {
      const params = inboundParams({ MessageSid: sid, From: phone, To: `whatsapp:${sender}`, Body: `burst ${index}` });
      // Every fourth message is retried by "Twilio" in the same burst.
      return index % 4 === 0 ? [params, params] : [params];
    });
    const responses = await Promise.all(posts.map((params) => postSigned(INBOUND_PATH, params)));
    expect(responses.every((response) => response.status === 200)).toBe(true);

    const after = await footprint({ sids: sent.map((message) => message.sid), phones });
    expect(after).toMatchObject({ messages: 40, candidates: 5, conversations: 10, messageLinks: 80 });
    for (const phone of phones) {
      const [candidate] = await candidateByPhone(phone);
      const conversations = await conversationsOf(candidate!.documentId);
      expect(conversations.map((conversation) => [conversation.sender, conversation.unreadCount]).sort()).toEqual(
        senders.map((sender) => [sender, sent.filter((message) => message.phone === phone && message.sender === sender).length]).sort()
      );
      for (const conversation of conversations) {
        expect((conversation.messages as unknown[]).length).toBe(conversation.unreadCount);
      }
    }
  });

  it('accepts what the Twilio emulator posts, signed by it', async () => {
    const phone = uniqueIndianMobile();
    const response = await fetch(`${ctx.emulatorUrl}/__emulator/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        from: phone,
        to: `whatsapp:${OUR_NUMBER}`,
        body: 'Sent through the emulator',
        profileName: 'Emu Lator',
        media: [{ contentType: 'image/png' }],
        url: `${ctx.publicUrl}${INBOUND_PATH}`,
      }),
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { status: number; body: string; messageSid: string };
    expect(result).toMatchObject({ status: 200, body: EMPTY_TWIML });
    const message = await messageBySid(result.messageSid);
    expect(message).toMatchObject({
      body: 'Sent through the emulator',
      profileName: 'Emu Lator',
      candidate: { phone, name: 'Emu Lator' },
      media: [{ url: expect.stringMatching(/^http/), contentType: 'image/png' }],
    });
  });
});
