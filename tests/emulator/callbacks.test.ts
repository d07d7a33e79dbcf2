import twilio from 'twilio';
import { startHarness, startReceiver, WA_CANDIDATE, WA_SENDER, type Harness, type Receiver } from './helpers';

describe('status callbacks and inbound webhooks', () => {
  let h: Harness;
  let receiver: Receiver;

  beforeAll(async () => {
    h = await startHarness({ stepMs: 25 });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await h.emulator.stop();
    await receiver.close();
  });
  beforeEach(() => {
    h.emulator.reset();
    receiver.requests.length = 0;
    receiver.status = 200;
  });

  const isSigned = (request: Receiver['requests'][number]): boolean =>
    twilio.validateRequest(h.emulator.authToken, String(request.headers['x-twilio-signature']), request.url, request.params);

  it('posts sent, delivered, read in order, form-encoded and signed', async () => {
    const callbackUrl = `${receiver.url}/api/whatsapp/webhook/status?message=abc123`;
    const message = await h.client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, body: 'hi', statusCallback: callbackUrl });
    const requests = await receiver.waitFor(3);

    expect(requests.map((r) => r.params.MessageStatus)).toEqual(['sent', 'delivered', 'read']);
    for (const request of requests) {
      expect(request.url).toBe(callbackUrl);
      expect(request.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
      expect(isSigned(request)).toBe(true);
      expect(request.params).toMatchObject({
        MessageSid: message.sid,
        SmsSid: message.sid,
        AccountSid: h.emulator.accountSid,
        From: WA_SENDER,
        To: WA_CANDIDATE,
        ApiVersion: '2010-04-01',
        ChannelPrefix: 'whatsapp',
        ChannelToAddress: '+919876543210',
      });
      expect(request.params.SmsStatus).toBe(request.params.MessageStatus);
      expect(request.params).not.toHaveProperty('ErrorCode');
    }
    // The signature covers every parameter: a changed value no longer validates.
    const tampered = { ...requests[0]!, params: { ...requests[0]!.params, MessageStatus: 'read' } };
    expect(isSigned(tampered)).toBe(false);

    const fetched = await h.client.messages(message.sid).fetch();
    expect(fetched.status).toBe('read');
    expect(fetched.dateSent).toBeInstanceOf(Date);
    const log = h.emulator.listCallbacks({ messageSid: message.sid });
    expect(log.map((a) => [a.params.MessageStatus, a.responseStatus])).toEqual([
      ['sent', 200],
      ['delivered', 200],
      ['read', 200],
    ]);
  });

  it('adds queued to the steps of a Messaging Service send', async () => {
    const message = await h.client.messages.create({
      to: WA_CANDIDATE,
      messagingServiceSid: `MG${'b'.repeat(32)}`,
      body: 'hi',
      statusCallback: `${receiver.url}/s`,
    });
    const requests = await receiver.waitFor(4);
    expect(requests.map((r) => r.params.MessageStatus)).toEqual(['queued', 'sent', 'delivered', 'read']);
    expect(requests[0]?.params).toMatchObject({ MessagingServiceSid: `MG${'b'.repeat(32)}`, From: WA_SENDER });
    expect((await h.client.messages(message.sid).fetch()).from).toBe(WA_SENDER);
  });

  it('records failed callback attempts without stopping the progression', async () => {
    receiver.status = 500;
    const message = await h.client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, body: 'x', statusCallback: `${receiver.url}/s` });
    const attempts = await h.emulator.waitForCallbacks((list) => list.length === 3, { messageSid: message.sid });
    expect(attempts.map((a) => a.responseStatus)).toEqual([500, 500, 500]);
  });

  it('stays put with autoAdvance off and moves on setMessageStatus, with or without a callback', async () => {
    h.emulator.configure({ autoAdvance: false });
    const message = await h.client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, body: 'x', statusCallback: `${receiver.url}/s` });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await h.client.messages(message.sid).fetch()).status).toBe('queued');
    expect(receiver.requests).toHaveLength(0);

    await h.emulator.setMessageStatus(message.sid, 'sent', { callback: false });
    expect(receiver.requests).toHaveLength(0);
    const failed = await h.emulator.setMessageStatus(message.sid, 'undelivered', { errorCode: 30003 });
    expect(failed).toMatchObject({ status: 'undelivered', errorCode: 30003 });
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]?.params).toMatchObject({ MessageStatus: 'undelivered', ErrorCode: '30003' });
    expect(isSigned(receiver.requests[0]!)).toBe(true);
    expect(failed.history.map((e) => e.status)).toEqual(['queued', 'sent', 'undelivered']);
  });

  it('posts nothing with callbacks off, while statuses still advance', async () => {
    h.emulator.configure({ callbacks: false });
    const message = await h.client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, body: 'x', statusCallback: `${receiver.url}/s` });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.emulator.getMessage(message.sid)?.status).toBe('read');
    expect(receiver.requests).toHaveLength(0);
  });

  it('sends a signed inbound text message and stores it', async () => {
    const url = `${receiver.url}/api/whatsapp/webhook`;
    const result = await h.emulator.sendInbound({ from: '+919876543210', body: 'Hello, I applied', profileName: 'Asha', url });
    expect(result.status).toBe(200);
    expect(result.body).toBe('<Response/>');
    expect(result.messageSid).toMatch(/^SM[0-9a-f]{32}$/);

    const [request] = await receiver.waitFor(1);
    expect(request?.url).toBe(url);
    expect(isSigned(request!)).toBe(true);
    expect(request?.params).toMatchObject({
      MessageSid: result.messageSid,
      SmsMessageSid: result.messageSid,
      SmsSid: result.messageSid,
      AccountSid: h.emulator.accountSid,
      From: 'whatsapp:+919876543210',
      To: WA_SENDER,
      Body: 'Hello, I applied',
      NumMedia: '0',
      NumSegments: '1',
      ProfileName: 'Asha',
      WaId: '919876543210',
      MessageType: 'text',
      SmsStatus: 'received',
      ApiVersion: '2010-04-01',
    });
    expect(request?.params).toEqual(result.params);

    const stored = await h.client.messages(result.messageSid).fetch();
    expect(stored).toMatchObject({ direction: 'inbound', status: 'received', from: 'whatsapp:+919876543210', body: 'Hello, I applied' });
  });

  it('sends inbound media, location and button replies with their parameters', async () => {
    h.emulator.configure({ inboundWebhookUrl: `${receiver.url}/in` });
    const media = await h.emulator.sendInbound({ from: WA_CANDIDATE, media: [{ contentType: 'image/jpeg' }] });
    expect(media.messageSid).toMatch(/^MM/);
    expect(media.params).toMatchObject({ NumMedia: '1', MediaContentType0: 'image/jpeg', MessageType: 'image' });
    const mediaUrl = media.params.MediaUrl0 ?? '';
    expect(mediaUrl.startsWith(`${h.emulator.url}/2010-04-01/Accounts/${h.emulator.accountSid}/Messages/${media.messageSid}/Media/ME`)).toBe(true);
    expect((await fetch(mediaUrl)).status).toBe(401);
    const auth = Buffer.from(`${h.emulator.accountSid}:${h.emulator.authToken}`).toString('base64');
    const download = await fetch(mediaUrl, { headers: { Authorization: `Basic ${auth}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/jpeg');

    const location = await h.emulator.sendInbound({ from: WA_CANDIDATE, latitude: 12.97, longitude: 77.59, address: 'MG Road', label: 'Office' });
    expect(location.params).toMatchObject({ MessageType: 'location', Latitude: '12.97', Longitude: '77.59', Address: 'MG Road', Label: 'Office' });

    const button = await h.emulator.sendInbound({
      from: WA_CANDIDATE,
      buttonText: 'Yes, I will attend',
      buttonPayload: 'CONFIRM',
      originalRepliedMessageSid: `SM${'c'.repeat(32)}`,
    });
    expect(button.params).toMatchObject({
      MessageType: 'button',
      Body: 'Yes, I will attend',
      ButtonText: 'Yes, I will attend',
      ButtonPayload: 'CONFIRM',
      OriginalRepliedMessageSid: `SM${'c'.repeat(32)}`,
    });
    const requests = await receiver.waitFor(3);
    expect(requests.every(isSigned)).toBe(true);
  });

  it('replays an inbound message with the same MessageSid, as a Twilio retry does', async () => {
    const url = `${receiver.url}/in`;
    const first = await h.emulator.sendInbound({ from: WA_CANDIDATE, body: 'STOP', url });
    await h.emulator.sendInbound({ from: WA_CANDIDATE, body: 'STOP', url, messageSid: first.messageSid });
    const requests = await receiver.waitFor(2);
    expect(requests.map((r) => r.params.MessageSid)).toEqual([first.messageSid, first.messageSid]);
    expect(h.emulator.listMessages({ direction: 'inbound' })).toHaveLength(1);
  });

  it('reports an unreachable webhook instead of throwing', async () => {
    const result = await h.emulator.sendInbound({ from: WA_CANDIDATE, body: 'hi', url: 'http://127.0.0.1:9/nothing' });
    expect(result.status).toBeNull();
    expect(result.error).toBeTruthy();
  });

  it('refuses an inbound message with no webhook URL', async () => {
    await expect(h.emulator.sendInbound({ from: WA_CANDIDATE, body: 'hi' })).rejects.toThrow(/webhook URL/);
  });
});
