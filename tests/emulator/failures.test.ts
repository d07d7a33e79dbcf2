import twilio from 'twilio';
import { useEmulatorAndReceiver, rejectionOf, WA_CANDIDATE, WA_SENDER } from './helpers';

describe('failure injection', () => {
  const setup = useEmulatorAndReceiver({ stepMs: 20 });

  const send = (to = WA_CANDIDATE, client = setup.h.client) =>
    client.messages.create({ to, from: WA_SENDER, body: 'Your interview is confirmed', statusCallback: `${setup.receiver.url}/status` });

  it('http429: fails with 20429, then the retry succeeds', async () => {
    setup.h.emulator.injectFailure({ kind: 'http429' });
    const error = await rejectionOf(send());
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({ status: 429, code: 20429, message: 'Too Many Requests' });
    expect(setup.h.emulator.listMessages()).toHaveLength(0);

    const message = await send();
    expect(message.status).toBe('queued');
    expect(setup.h.emulator.listMessages()).toHaveLength(1);
    expect(setup.h.emulator.listFailures()).toHaveLength(0);
  });

  it('honours times and consumes rules in order', async () => {
    setup.h.emulator.injectFailure({ kind: 'http429', times: 2 }, { kind: 'http500' });
    expect((await rejectionOf(send())).status).toBe(429);
    expect((await rejectionOf(send())).status).toBe(429);
    expect(await rejectionOf(send())).toMatchObject({ status: 500, code: 20500 });
    await expect(send()).resolves.toHaveProperty('sid');
  });

  it('http500: fails with 20500 and stores nothing', async () => {
    setup.h.emulator.injectFailure({ kind: 'http500' });
    expect(await rejectionOf(send())).toMatchObject({ status: 500, code: 20500, message: 'Internal Server Error' });
    expect(setup.h.emulator.listMessages()).toHaveLength(0);
  });

  it('matches a rule on To only', async () => {
    setup.h.emulator.injectFailure({ kind: 'error', code: 21211, to: '+447700900123' });
    await expect(send()).resolves.toHaveProperty('status', 'queued');
    const error = await rejectionOf(send('whatsapp:+447700900123'));
    expect(error).toMatchObject({ status: 400, code: 21211 });
  });

  it('21211 and 21610 are synchronous 400s', async () => {
    setup.h.emulator.injectFailure({ kind: 'error', code: 21211 }, { kind: 'error', code: 21610 });
    expect(await rejectionOf(send())).toMatchObject({ status: 400, code: 21211, message: "Invalid 'To' Phone Number" });
    expect(await rejectionOf(send())).toMatchObject({
      status: 400,
      code: 21610,
      message: 'Attempt to send to unsubscribed recipient',
    });
    expect(setup.h.emulator.listMessages()).toHaveLength(0);
  });

  it.each([
    [63016, /outside the allowed window/],
    [63015, /Sandbox/],
  ])('%i: accepted, then a failed callback with ErrorCode', async (code, text) => {
    setup.h.emulator.injectFailure({ kind: 'error', code });
    const message = await send();
    expect(message.status).toBe('queued');
    expect(message.errorCode).toBeNull();

    const [callback] = await setup.receiver.waitFor(1);
    expect(callback?.params).toMatchObject({
      MessageSid: message.sid,
      MessageStatus: 'failed',
      SmsStatus: 'failed',
      ErrorCode: String(code),
    });
    expect(callback?.params.ErrorMessage).toMatch(text);

    const fetched = await setup.h.client.messages(message.sid).fetch();
    expect(fetched).toMatchObject({ status: 'failed', errorCode: code });
    expect(fetched.errorMessage).toMatch(text);
    // A failed message goes no further.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(setup.receiver.requests).toHaveLength(1);
  });

  it('can fail later as undelivered instead', async () => {
    setup.h.emulator.injectFailure({ kind: 'error', code: 63016, failStatus: 'undelivered' });
    const message = await send();
    const [callback] = await setup.receiver.waitFor(1);
    expect(callback?.params).toMatchObject({ MessageSid: message.sid, MessageStatus: 'undelivered', ErrorCode: '63016' });
  });

  it('timeoutAfterAccept: the SDK call times out while the emulator holds exactly one message', async () => {
    setup.h.emulator.injectFailure({ kind: 'timeoutAfterAccept', holdMs: 3000 });
    const started = Date.now();
    const error = await rejectionOf(send(WA_CANDIDATE, setup.h.clientWith({ timeoutMs: 300 })));
    expect(Date.now() - started).toBeLessThan(2500);
    expect(error).not.toBeInstanceOf(twilio.RestException);
    expect(error.code).toBe('ECONNABORTED');
    expect(String(error.message)).toMatch(/timeout/i);

    const held = setup.h.emulator.listMessages();
    expect(held).toHaveLength(1);
    // The message was really accepted: it shows up for a reconciling list and keeps progressing.
    const listed = await setup.h.client.messages.list({ to: WA_CANDIDATE });
    expect(listed.map((m) => m.sid)).toEqual([held[0]?.sid]);
    await setup.receiver.waitFor(3);
    expect(setup.receiver.requests.map((r) => r.params.MessageStatus)).toEqual(['sent', 'delivered', 'read']);
  });

  it('timeoutAfterAccept drops the connection after holdMs when the client waits longer', async () => {
    setup.h.emulator.injectFailure({ kind: 'timeoutAfterAccept', holdMs: 100 });
    const error = await rejectionOf(send(WA_CANDIDATE, setup.h.clientWith({ timeoutMs: 5000 })));
    expect(String(error.message)).toMatch(/socket hang up|ECONNRESET/i);
    expect(setup.h.emulator.listMessages()).toHaveLength(1);
  });

  it('does not consume an accept-then-fail rule on an invalid request', async () => {
    setup.h.emulator.injectFailure({ kind: 'error', code: 63016 });
    expect(await rejectionOf(send('whatsapp:123'))).toMatchObject({ code: 21211 });
    expect(setup.h.emulator.listFailures()).toHaveLength(1);
  });

  it('can fail fetch and list calls too', async () => {
    const message = await send();
    setup.h.emulator.injectFailure({ kind: 'http500', on: 'fetch' }, { kind: 'http429', on: 'list' });
    expect(await rejectionOf(setup.h.client.messages(message.sid).fetch())).toMatchObject({ status: 500 });
    expect(await rejectionOf(setup.h.client.messages.list())).toMatchObject({ status: 429 });
    await expect(setup.h.client.messages(message.sid).fetch()).resolves.toHaveProperty('sid', message.sid);
  });
});
