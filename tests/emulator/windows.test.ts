import { startHarness, startReceiver, WA_CANDIDATE, WA_SENDER, type Harness, type Receiver } from './helpers';

const APP_SENDER = 'whatsapp:+15005550006';

/** Statuses a message does not leave; with 10 ms steps a poll can miss `delivered` on the way to `read`. */
const SETTLED = ['delivered', 'read', 'failed', 'undelivered'];
const settled = (status: string) => SETTLED.includes(status);

const statusOf = async (h: Harness, sid: string, until: (status: string) => boolean) => {
  const deadline = Date.now() + 5000;
  for (;;) {
    const message = await h.client.messages(sid).fetch();
    if (until(message.status)) return message;
    if (Date.now() > deadline) throw new Error(`message stayed ${message.status}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('emulator: inbound default sender and the 24-hour window', () => {
  let h: Harness;
  let receiver: Receiver;

  beforeEach(async () => {
    receiver = await startReceiver();
  });

  afterEach(async () => {
    await h.emulator.stop();
    await receiver.close();
  });

  it('posts inbound messages to the configured default sender, the sandbox number without one', async () => {
    h = await startHarness({ inboundWebhookUrl: `${receiver.url}/in`, stepMs: 10 });
    expect((await h.emulator.sendInbound({ from: WA_CANDIDATE, body: 'hi' })).params.To).toBe(WA_SENDER);

    h.emulator.configure({ defaultInboundTo: '+15005550006' });
    expect(h.emulator.getConfig().defaultInboundTo).toBe(APP_SENDER);
    expect((await h.emulator.sendInbound({ from: WA_CANDIDATE, body: 'hi' })).params.To).toBe(APP_SENDER);
    // An explicit `to` still wins.
    expect((await h.emulator.sendInbound({ from: WA_CANDIDATE, to: WA_SENDER, body: 'hi' })).params.To).toBe(WA_SENDER);
    expect(() => h.emulator.configure({ defaultInboundTo: 'nope' })).toThrow(/E\.164/);

    const control = await fetch(`${h.emulator.url}/__emulator/config`, { method: 'POST', body: JSON.stringify({ defaultInboundTo: '12' }) });
    expect(control.status).toBe(400);
  });

  it('fails free text with 63016 once the window is closed, still sends templates, and reopens on an inbound', async () => {
    h = await startHarness({ inboundWebhookUrl: `${receiver.url}/in`, stepMs: 10 });
    const closed = await fetch(`${h.emulator.url}/__emulator/windows/close`, {
      method: 'POST',
      body: JSON.stringify({ sender: APP_SENDER, candidate: WA_CANDIDATE }),
    });
    expect(closed.status).toBe(200);
    expect(await closed.json()).toEqual({ sender: APP_SENDER, candidate: WA_CANDIDATE, closed: true });

    const text = await h.client.messages.create({ to: WA_CANDIDATE, from: APP_SENDER, body: 'Free text' });
    expect(text.status).toBe('queued');
    const failed = await statusOf(h, text.sid, settled);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 63016 });

    // Another sender's window with this candidate is not affected.
    const other = await h.client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, body: 'From the other number' });
    expect(['delivered', 'read']).toContain((await statusOf(h, other.sid, settled)).status);

    const content = h.emulator.seedContent({ friendlyName: 'hello', body: 'Hello {{1}}', approval: 'approved' });
    const template = await h.client.messages.create({ to: WA_CANDIDATE, from: APP_SENDER, contentSid: content.sid, contentVariables: '{"1":"Asha"}' });
    expect(['delivered', 'read']).toContain((await statusOf(h, template.sid, settled)).status);

    await h.emulator.sendInbound({ from: WA_CANDIDATE, to: APP_SENDER, body: 'I am back' });
    const again = await h.client.messages.create({ to: WA_CANDIDATE, from: APP_SENDER, body: 'Welcome back' });
    expect(['delivered', 'read']).toContain((await statusOf(h, again.sid, settled)).status);
  });

  it('answers 400 for a window close without numbers', async () => {
    h = await startHarness();
    const response = await fetch(`${h.emulator.url}/__emulator/windows/close`, { method: 'POST', body: JSON.stringify({ sender: APP_SENDER }) });
    expect(response.status).toBe(400);
    expect(h.emulator.closeWindow.bind(h.emulator, { sender: 'x', candidate: WA_CANDIDATE })).toThrow(/sender must be/);
  });
});
