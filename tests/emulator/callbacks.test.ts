import twilio from 'twilio';
import { useEmulatorAndReceiver, WA_CANDIDATE, WA_SENDER, type Receiver } from './helpers';

describe('status callbacks and inbound webhooks', () => {
  const setup = useEmulatorAndReceiver({ stepMs: 25 });
  beforeEach(() => {
    setup.receiver.status = 200;
  });

  const isSigned = (request: Receiver['requests'][number]): boolean =>
    twilio.validateRequest(setup.h.emulator.authToken, String(request.headers['x-twilio-signature']), request.url, request.params);

  it('posts sent, delivered, read in order, form-encoded and signed', async () => {
    const callbackUrl = `${setup.receiver.url}/api/whatsapp/webhook/status?message=abc123`;
    const message = await setup.h.client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, body: 'hi', statusCallback: callbackUrl });
    const requests = await setup.receiver.waitFor(3);

    expect(requests.map((r) => r.params.MessageStatus)).toEqual(['sent', 'delivered', 'read']);
    for (const request of requests) {
      expect(request.url).toBe(callbackUrl);
      expect(request.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
      expect(isSigned(request)).toBe(true);
      expect(request.params).toMatchObject({
        MessageSid: message.sid,
        SmsSid: message.sid,
        AccountSid: setup.h.emulator.accountSid,
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

    const fetched = await setup.h.client.messages(message.sid).fetch();
    expect(fetched.status).toBe('read');
    expect(fetched.dateSent).toBeInstanceOf(Date);
    const log = setup.h.emulator.listCallbacks({ messageSid: message.sid });
    expect(log.map((a) => [a.params.MessageStatus, a.responseStatus])).toEqual([
      ['sent', 200],
      ['delivered', 200],
      ['read', 200],
    ]);
  });

  it('adds queued to the steps of a Messaging Service send', async () => {
    const message = await setup.h.client.messages.create({
      to: WA_CANDIDATE,
      messagingServiceSid: `MG${'b'.repeat(32)}`,
      body: 'hi',
      statusCallback: `${setup.receiver.url}/s`,
    });
    const requests = await setup.receiver.waitFor(4);
    expect(requests.map((r) => r.params.MessageStatus)).toEqual(['queued', 'sent', 'delivered', 'read']);
    expect(requests[0]?.params).toMatchObject({ MessagingServiceSid: `MG${'b'.repeat(32)}`, From: WA_SENDER });
    expect((await setup.h.client.messages(message.sid).fetch()).from).toBe(WA_SENDER);
  });

  it('records failed callback attempts without stopping the progression', async () => {
    setup.receiver.status = 500;
    const message = await setup.h.client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, body: 'x', statusCallback: `${setup.receiver.url}/s` });
    const attempts = await setup.h.emulator.waitForCallbacks((list) => list.length === 3, { messageSid: message.sid });
    expect(attempts.map((a) => a.responseStatus)).toEqual([500, 500, 500]);
  });

  it('stays put with autoAdvance off and moves on setMessageStatus, with or without a callback', async () => {
    setup.h.emulator.configure({ autoAdvance: false });
    const message = await setup.h.client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, body: 'x', statusCallback: `${setup.receiver.url}/s` });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await setup.h.client.messages(message.sid).fetch()).status).toBe('queued');
    expect(setup.receiver.requests).toHaveLength(0);

    await setup.h.emulator.setMessageStatus(message.sid, 'sent', { callback: false });
    expect(setup.receiver.requests).toHaveLength(0);
    const failed = await setup.h.emulator.setMessageStatus(message.sid, 'undelivered', { errorCode: 30003 });
    expect(failed).toMatchObject({ status: 'undelivered', errorCode: 30003 });
    expect(setup.receiver.requests).toHaveLength(1);
    expect(setup.receiver.requests[0]?.params).toMatchObject({ MessageStatus: 'undelivered', ErrorCode: '30003' });
    expect(isSigned(setup.receiver.requests[0]!)).toBe(true);
    expect(failed.history.map((e) => e.status)).toEqual(['queued', 'sent', 'undelivered']);
  });

  it('posts nothing with callbacks off, while statuses still advance', async () => {
    setup.h.emulator.configure({ callbacks: false });
    const message = await setup.h.client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, body: 'x', statusCallback: `${setup.receiver.url}/s` });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(setup.h.emulator.getMessage(message.sid)?.status).toBe('read');
    expect(setup.receiver.requests).toHaveLength(0);
  });

  it('sends a signed inbound text message and stores it', async () => {
    const url = `${setup.receiver.url}/api/whatsapp/webhook`;
    const result = await setup.h.emulator.sendInbound({ from: '+919876543210', body: 'Hello, I applied', profileName: 'Asha', url });
    expect(result.status).toBe(200);
    expect(result.body).toBe('<Response/>');
    expect(result.messageSid).toMatch(/^SM[0-9a-f]{32}$/);

    const [request] = await setup.receiver.waitFor(1);
    expect(request?.url).toBe(url);
    expect(isSigned(request!)).toBe(true);
    expect(request?.params).toMatchObject({
      MessageSid: result.messageSid,
      SmsMessageSid: result.messageSid,
      SmsSid: result.messageSid,
      AccountSid: setup.h.emulator.accountSid,
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

    const stored = await setup.h.client.messages(result.messageSid).fetch();
    expect(stored).toMatchObject({ direction: 'inbound', status: 'received', from: 'whatsapp:+919876543210', body: 'Hello, I applied' });
  });

  it('sends inbound media, location and button replies with their parameters', async () => {
    setup.h.emulator.configure({ inboundWebhookUrl: `${setup.receiver.url}/in` });
    const media = await setup.h.emulator.sendInbound({ from: WA_CANDIDATE, media: [{ contentType: 'image/jpeg' }] });
    expect(media.messageSid).toMatch(/^MM/);
    expect(media.params).toMatchObject({ NumMedia: '1', MediaContentType0: 'image/jpeg', MessageType: 'image' });
    const mediaUrl = media.params.MediaUrl0 ?? '';
    expect(mediaUrl.startsWith(`${setup.h.emulator.url}/2010-04-01/Accounts/${setup.h.emulator.accountSid}/Messages/${media.messageSid}/Media/ME`)).toBe(true);
    expect((await fetch(mediaUrl)).status).toBe(401);
    const auth = Buffer.from(`${setup.h.emulator.accountSid}:${setup.h.emulator.authToken}`).toString('base64');
    const download = await fetch(mediaUrl, { headers: { Authorization: `Basic ${auth}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/jpeg');

    const location = await setup.h.emulator.sendInbound({ from: WA_CANDIDATE, latitude: 12.97, longitude: 77.59, address: 'MG Road', label: 'Office' });
    expect(location.params).toMatchObject({ MessageType: 'location', Latitude: '12.97', Longitude: '77.59', Address: 'MG Road', Label: 'Office' });

    const button = await setup.h.emulator.sendInbound({
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
    const requests = await setup.receiver.waitFor(3);
    expect(requests.every(isSigned)).toBe(true);
  });

  it('replays an inbound message with the same MessageSid, as a Twilio retry does', async () => {
    const url = `${setup.receiver.url}/in`;
    const first = await setup.h.emulator.sendInbound({ from: WA_CANDIDATE, body: 'STOP', url });
    await setup.h.emulator.sendInbound({ from: WA_CANDIDATE, body: 'STOP', url, messageSid: first.messageSid });
    const requests = await setup.receiver.waitFor(2);
    expect(requests.map((r) => r.params.MessageSid)).toEqual([first.messageSid, first.messageSid]);
    expect(setup.h.emulator.listMessages({ direction: 'inbound' })).toHaveLength(1);
  });

  it('reports an unreachable webhook instead of throwing', async () => {
    const result = await setup.h.emulator.sendInbound({ from: WA_CANDIDATE, body: 'hi', url: 'http://127.0.0.1:9/nothing' });
    expect(result.status).toBeNull();
    expect(result.error).toBeTruthy();
  });

  it('refuses an inbound message with no webhook URL', async () => {
    await expect(setup.h.emulator.sendInbound({ from: WA_CANDIDATE, body: 'hi' })).rejects.toThrow(/webhook URL/);
  });
});
