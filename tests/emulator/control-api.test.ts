import twilio from 'twilio';
import { useEmulatorAndReceiver, WA_CANDIDATE, WA_SENDER } from './helpers';

describe('control API over HTTP (/__emulator)', () => {
  const setup = useEmulatorAndReceiver({ autoAdvance: false });

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${setup.h.emulator.url}/__emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: (text ? JSON.parse(text) : null) as Record<string, any> };
  };

  it('needs no auth and reports health', async () => {
    const { status, json } = await call('GET', '/health');
    expect(status).toBe(200);
    expect(json).toEqual({ ok: true, accountSid: setup.h.emulator.accountSid, url: setup.h.emulator.url });
    expect(JSON.stringify(json)).not.toContain(setup.h.emulator.authToken);
  });

  it('configures, and resets to the initial config', async () => {
    expect((await call('POST', '/config', { stepMs: 5, callbacks: false })).json).toMatchObject({ stepMs: 5, callbacks: false, autoAdvance: false });
    expect(setup.h.emulator.getConfig().stepMs).toBe(5);
    expect((await call('POST', '/config', { stepMs: 'fast' })).status).toBe(400);
    expect((await call('POST', '/config', { colour: 'blue' })).status).toBe(400);
    await call('POST', '/reset');
    expect((await call('GET', '/config')).json).toMatchObject({ stepMs: 200, callbacks: true, autoAdvance: false });
  });

  it('pushes failure rules that the SDK then meets', async () => {
    const pushed = await call('POST', '/failures', [{ kind: 'http429' }, { kind: 'error', code: 21610, to: WA_CANDIDATE }]);
    expect(pushed.json.rules).toHaveLength(2);
    expect((await call('GET', '/failures')).json.rules.map((r: { kind: string }) => r.kind)).toEqual(['http429', 'error']);
    expect((await call('POST', '/failures', { kind: 'explode' })).status).toBe(400);

    await expect(setup.h.client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, body: 'x' })).rejects.toMatchObject({ code: 20429 });
    await expect(setup.h.client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, body: 'x' })).rejects.toMatchObject({ code: 21610 });
    await call('POST', '/failures', { rules: [{ kind: 'http500', times: 5 }] });
    await call('DELETE', '/failures');
    await expect(setup.h.client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, body: 'x' })).resolves.toHaveProperty('sid');
  });

  it('lists messages, reads one, and sets a status with its callback', async () => {
    const sent = await setup.h.client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, body: 'x', statusCallback: `${setup.receiver.url}/s` });
    const listed = await call('GET', `/messages?direction=outbound-api&to=${encodeURIComponent('+919876543210')}`);
    expect(listed.json.messages.map((m: { sid: string }) => m.sid)).toEqual([sent.sid]);
    expect((await call('GET', `/messages/${sent.sid}`)).json).toMatchObject({ sid: sent.sid, status: 'queued', statusCallback: `${setup.receiver.url}/s` });
    expect((await call('GET', `/messages/SM${'0'.repeat(32)}`)).status).toBe(404);

    const failed = await call('POST', `/messages/${sent.sid}/status`, { status: 'failed', errorCode: 63016 });
    expect(failed.json).toMatchObject({ status: 'failed', errorCode: 63016 });
    expect(setup.receiver.requests).toHaveLength(1);
    expect(setup.receiver.requests[0]?.params).toMatchObject({ MessageStatus: 'failed', ErrorCode: '63016' });
    expect(
      twilio.validateRequest(setup.h.emulator.authToken, String(setup.receiver.requests[0]?.headers['x-twilio-signature']), setup.receiver.requests[0]!.url, setup.receiver.requests[0]!.params),
    ).toBe(true);
    expect((await setup.h.client.messages(sent.sid).fetch()).errorCode).toBe(63016);

    await call('POST', `/messages/${sent.sid}/status`, { status: 'read', callback: false });
    expect(setup.receiver.requests).toHaveLength(1);
    expect((await call('POST', `/messages/${sent.sid}/status`, { status: 'exploded' })).status).toBe(400);

    const callbacks = await call('GET', `/callbacks?messageSid=${sent.sid}`);
    expect(callbacks.json.callbacks).toHaveLength(1);
    expect(callbacks.json.callbacks[0]).toMatchObject({ kind: 'status', responseStatus: 200 });
  });

  it('sends inbound messages', async () => {
    const { status, json } = await call('POST', '/inbound', { from: '+919876543210', body: 'Hi', profileName: 'Ravi', url: `${setup.receiver.url}/in` });
    expect(status).toBe(200);
    expect(json).toMatchObject({ status: 200, params: { Body: 'Hi', ProfileName: 'Ravi', From: 'whatsapp:+919876543210' } });
    expect(setup.receiver.requests[0]?.params.MessageSid).toBe(json.messageSid);
    expect((await call('POST', '/inbound', { from: 'nobody', url: `${setup.receiver.url}/in` })).status).toBe(400);
  });

  it('seeds content and changes its approval state', async () => {
    const seeded = await call('POST', '/content', { friendlyName: 'welcome', body: 'Welcome {{1}}', approval: 'pending' });
    expect(seeded.json).toMatchObject({ friendlyName: 'welcome', approval: { status: 'pending' } });
    const sid: string = seeded.json.sid;
    const rejected = await call('POST', `/content/${sid}/approval`, { status: 'rejected', rejectionReason: 'Too vague' });
    expect(rejected.json.approval).toMatchObject({ status: 'rejected', rejectionReason: 'Too vague' });
    expect((await call('POST', `/content/${sid}/approval`, { status: 'bogus' })).status).toBe(400);
    expect((await call('POST', `/content/HX${'0'.repeat(32)}/approval`, { status: 'approved' })).status).toBe(404);
    const [fromSdk] = await setup.h.client.content.v1.contentAndApprovals.list();
    expect(fromSdk?.approvalRequests).toMatchObject({ status: 'rejected', rejection_reason: 'Too vague' });
    expect((await call('GET', '/content')).json.contents).toHaveLength(1);
  });

  it('answers 404 on an unknown control route', async () => {
    expect((await call('GET', '/nothing')).status).toBe(404);
  });
});
