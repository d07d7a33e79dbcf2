import { rejectionOf, startHarness, type Harness } from './helpers';

/** The Twilio calls the go-live checks make, answered by the emulator through the official SDK. */
describe('go-live lookups: account, numbers, WhatsApp senders, Messaging Services, sandbox', () => {
  let h: Harness;
  const control = async (path: string, method = 'GET', body?: unknown) => {
    const response = await fetch(`${h.emulator.url}/__emulator${path}`, {
      method,
      ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    h = await startHarness({ stepMs: 20 });
  });
  afterAll(() => h.emulator.stop());
  beforeEach(() => h.emulator.reset());

  it('reports a trial or suspended account when told, and resets to an upgraded active one', async () => {
    const accounts = () => h.client.api.v2010.accounts(h.emulator.accountSid).fetch();
    await expect(accounts()).resolves.toMatchObject({ type: 'Full', status: 'active' });
    expect(await control('/account', 'POST', { type: 'Trial' })).toMatchObject({ status: 200, body: { type: 'Trial', status: 'active' } });
    await expect(accounts()).resolves.toMatchObject({ type: 'Trial' });
    h.emulator.setAccount({ status: 'suspended' });
    await expect(accounts()).resolves.toMatchObject({ status: 'suspended' });
    expect((await control('/account', 'POST', { type: 'Gold' })).status).toBe(400);
    h.emulator.reset();
    await expect(accounts()).resolves.toMatchObject({ type: 'Full', status: 'active' });
  });

  it('lists the account’s numbers, filtered by PhoneNumber, with their incoming-message URL', async () => {
    h.emulator.configure({ inboundWebhookUrl: 'https://cms.example.com/api/whatsapp/webhook' });
    h.emulator.addSender({ phoneNumber: '+15551230000', webhookUrl: 'https://other.example.com/hook', whatsapp: false });
    const all = await h.client.api.v2010.accounts(h.emulator.accountSid).incomingPhoneNumbers.list();
    expect(all.map((number) => number.phoneNumber).sort()).toEqual(['+15005550006', '+15551230000']);
    const [own] = await h.client.api.v2010.accounts(h.emulator.accountSid).incomingPhoneNumbers.list({ phoneNumber: '+15005550006' });
    expect(own).toMatchObject({ phoneNumber: '+15005550006', smsUrl: 'https://cms.example.com/api/whatsapp/webhook', smsMethod: 'POST' });
    expect(own!.sid).toMatch(/^PN[0-9a-f]{32}$/);
    const other = await h.client.api.v2010.accounts(h.emulator.accountSid).incomingPhoneNumbers.list({ phoneNumber: '+15551230000' });
    expect(other).toHaveLength(1);
    expect(other[0]!.smsUrl).toBe('https://other.example.com/hook');
    // The sandbox number is Twilio's, never the account's.
    await expect(h.client.api.v2010.accounts(h.emulator.accountSid).incomingPhoneNumbers.list({ phoneNumber: '+14155238886' })).resolves.toEqual([]);
  });

  it('lists registered WhatsApp senders with status and webhook (Messaging v2, reached on the API base URL)', async () => {
    h.emulator.addSender({ phoneNumber: '+15551239999', status: 'OFFLINE', webhookUrl: null });
    const senders = await h.client.messaging.v2.channelsSenders.list({ channel: 'whatsapp' });
    const byId = Object.fromEntries(senders.map((sender) => [sender.senderId, sender]));
    expect(Object.keys(byId).sort()).toEqual(['whatsapp:+15005550006', 'whatsapp:+15551239999']);
    expect(byId['whatsapp:+15005550006']).toMatchObject({ status: 'ONLINE', webhook: expect.objectContaining({ callbackUrl: null, callbackMethod: 'POST' }) });
    expect(byId['whatsapp:+15551239999']).toMatchObject({ status: 'OFFLINE', offlineReasons: [expect.objectContaining({ code: 'EMULATED' })] });
    await expect(h.client.messaging.v2.channelsSenders(byId['whatsapp:+15005550006']!.sid).fetch()).resolves.toMatchObject({ senderId: 'whatsapp:+15005550006' });
    await expect(h.client.messaging.v2.channelsSenders.list({ channel: 'messenger' })).resolves.toEqual([]);
  });

  it('answers a Messaging Service with its numbers and channel senders, and 404 for an unknown one', async () => {
    const service = h.emulator.addService({
      friendlyName: 'Placement cell',
      inboundRequestUrl: 'https://cms.example.com/api/whatsapp/webhook',
      phoneNumbers: ['+15005550006'],
      senders: ['whatsapp:+15005550006'],
    });
    const fetched = await h.client.messaging.v1.services(service.sid).fetch();
    expect(fetched).toMatchObject({
      sid: service.sid,
      friendlyName: 'Placement cell',
      inboundRequestUrl: 'https://cms.example.com/api/whatsapp/webhook',
      useInboundWebhookOnNumber: false,
    });
    const numbers = await h.client.messaging.v1.services(service.sid).phoneNumbers.list();
    expect(numbers.map((number) => number.phoneNumber)).toEqual(['+15005550006']);
    const senders = await h.client.messaging.v1.services(service.sid).channelSenders.list();
    expect(senders).toEqual([expect.objectContaining({ sender: 'whatsapp:+15005550006', senderType: 'WhatsApp' })]);
    const unknown = await rejectionOf(h.client.messaging.v1.services(`MG${'0'.repeat(32)}`).fetch());
    expect(unknown).toMatchObject({ status: 404, code: 20404 });
  });

  it('refuses wrong credentials on every lookup with 401 / 20003', async () => {
    const wrong = h.clientWith({ authToken: 'wrong' });
    for (const call of [
      () => wrong.api.v2010.accounts(h.emulator.accountSid).incomingPhoneNumbers.list(),
      () => wrong.messaging.v2.channelsSenders.list({ channel: 'whatsapp' }),
      () => wrong.messaging.v1.services(`MG${'0'.repeat(32)}`).fetch(),
    ]) {
      expect(await rejectionOf(call())).toMatchObject({ status: 401, code: 20003 });
    }
  });

  it('fails each lookup on its own when told (account, numbers, senders, services)', async () => {
    const service = h.emulator.addService({ senders: ['whatsapp:+15005550006'] });
    h.emulator.injectFailure(
      { kind: 'error', code: 20003, on: 'account' },
      { kind: 'http500', on: 'numbers' },
      { kind: 'http429', on: 'senders' },
      { kind: 'error', code: 20404, on: 'services' },
    );
    expect(await rejectionOf(h.client.api.v2010.accounts(h.emulator.accountSid).fetch())).toMatchObject({ status: 401, code: 20003 });
    expect(await rejectionOf(h.client.api.v2010.accounts(h.emulator.accountSid).incomingPhoneNumbers.list())).toMatchObject({ status: 500 });
    expect(await rejectionOf(h.client.messaging.v2.channelsSenders.list({ channel: 'whatsapp' }))).toMatchObject({ status: 429 });
    expect(await rejectionOf(h.client.messaging.v1.services(service.sid).fetch())).toMatchObject({ status: 404 });
    // Each rule failed one request; the next ones answer.
    await expect(h.client.api.v2010.accounts(h.emulator.accountSid).fetch()).resolves.toMatchObject({ status: 'active' });
    await expect(h.client.messaging.v1.services(service.sid).fetch()).resolves.toMatchObject({ sid: service.sid });
  });

  it('fails sandbox sends to numbers that never joined with 63015, when the sandbox requires joining', async () => {
    h.emulator.configure({ sandboxJoinRequired: true });
    expect((await control('/sandbox/participants', 'POST', { number: '+919800000001' })).status).toBe(200);
    const send = (to: string) =>
      h.client.messages.create({ from: 'whatsapp:+14155238886', to: `whatsapp:${to}`, body: 'Hello' });
    const joined = await send('+919800000001');
    const stranger = await send('+919800000002');
    const own = await h.client.messages.create({ from: 'whatsapp:+15005550006', to: 'whatsapp:+919800000002', body: 'Hi' });
    const settle = async (sid: string) => {
      for (let i = 0; i < 100; i += 1) {
        const message = h.emulator.getMessage(sid)!;
        if (['failed', 'read'].includes(message.status)) return message;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`message ${sid} did not settle`);
    };
    expect(await settle(stranger.sid)).toMatchObject({ status: 'failed', errorCode: 63015 });
    expect(await settle(joined.sid)).toMatchObject({ status: 'read', errorCode: null });
    expect(await settle(own.sid)).toMatchObject({ status: 'read', errorCode: null });
  });

  it('manages senders and services over the control API', async () => {
    expect(await control('/senders', 'POST', { phoneNumber: 'not a number' })).toMatchObject({ status: 400 });
    expect(await control('/senders', 'POST', { phoneNumber: '+14155238886' })).toMatchObject({ status: 400 });
    expect(await control('/senders', 'POST', { phoneNumber: '+15551110000', webhookUrl: 'https://x.example.com/h' })).toMatchObject({ status: 200 });
    expect(await control('/services', 'POST', { sid: 'MG1' })).toMatchObject({ status: 400 });
    const service = await control('/services', 'POST', { phoneNumbers: ['+15551110000'], senders: ['+15551110000'] });
    expect(service.body).toMatchObject({ senders: ['whatsapp:+15551110000'], phoneNumbers: [expect.stringMatching(/^PN/)] });
    const snapshot = await control('/senders');
    expect(snapshot.body).toMatchObject({
      account: { type: 'Full', status: 'active' },
      numbers: expect.arrayContaining([expect.objectContaining({ phoneNumber: '+15551110000', smsUrl: 'https://x.example.com/h' })]),
      services: [expect.objectContaining({ sid: (service.body as { sid: string }).sid })],
    });
    expect(await control(`/senders/${encodeURIComponent('+15551110000')}`, 'DELETE')).toMatchObject({ status: 200, body: { removed: true } });
    expect(h.emulator.listSenders().numbers.map((number) => number.phoneNumber)).toEqual(['+15005550006']);
  });
});
