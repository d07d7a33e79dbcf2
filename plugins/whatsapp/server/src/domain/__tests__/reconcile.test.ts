import { describe, expect, it } from '@jest/globals';
import { findAcceptedMessage, type ExpectedMessage, type RemoteMessage } from '../reconcile';

const to = 'whatsapp:+919876543210';
const from = 'whatsapp:+15005550006';
const attempt = new Date('2026-03-10T12:00:00Z');
const remote = (overrides: Partial<RemoteMessage>): RemoteMessage => ({
  sid: `SM${Math.random().toString(16).slice(2).padEnd(32, '0')}`,
  direction: 'outbound-api',
  to,
  from,
  body: 'Hello Asha',
  numMedia: 0,
  messagingServiceSid: null,
  status: 'queued',
  errorCode: null,
  errorMessage: null,
  dateCreated: new Date(attempt.getTime() + 1_000),
  ...overrides,
});
const expected: ExpectedMessage = { to, from, body: 'Hello Asha', isTemplate: false, mediaCount: 0, notBefore: attempt };

describe('findAcceptedMessage', () => {
  it('finds our message among others to the same person', () => {
    const ours = remote({});
    const list = [remote({ body: 'Another text' }), ours, remote({ dateCreated: new Date(attempt.getTime() - 60_000) })];
    expect(findAcceptedMessage(list, expected, new Set())).toBe(ours);
  });

  it('finds nothing when Twilio never got it', () => {
    expect(findAcceptedMessage([remote({ body: 'Different' })], expected, new Set())).toBeNull();
    expect(findAcceptedMessage([], expected, new Set())).toBeNull();
  });

  it('never adopts a message older than the attempt, from another sender, or inbound', () => {
    expect(findAcceptedMessage([remote({ dateCreated: new Date(attempt.getTime() - 1) })], expected, new Set())).toBeNull();
    expect(findAcceptedMessage([remote({ from: 'whatsapp:+14155238886' })], expected, new Set())).toBeNull();
    expect(findAcceptedMessage([remote({ direction: 'inbound' })], expected, new Set())).toBeNull();
  });

  it('never adopts a SID another of our messages already has: two identical texts get two messages', () => {
    const first = remote({ dateCreated: new Date(attempt.getTime() + 1_000) });
    const second = remote({ dateCreated: new Date(attempt.getTime() + 2_000) });
    expect(findAcceptedMessage([second, first], expected, new Set())).toBe(first);
    expect(findAcceptedMessage([second, first], expected, new Set([first.sid]))).toBe(second);
    expect(findAcceptedMessage([second, first], expected, new Set([first.sid, second.sid]))).toBeNull();
  });

  it('matches media by count', () => {
    const withMedia = { ...expected, body: '', mediaCount: 1 };
    expect(findAcceptedMessage([remote({ body: '', numMedia: 0 })], withMedia, new Set())).toBeNull();
    const ours = remote({ body: '', numMedia: 1 });
    expect(findAcceptedMessage([ours], withMedia, new Set())).toBe(ours);
  });

  it('matches a Messaging Service send by the service, whatever number it picked', () => {
    const viaService = { to, messagingServiceSid: `MG${'b'.repeat(32)}`, body: 'Hello Asha', isTemplate: false, mediaCount: 0, notBefore: attempt };
    const ours = remote({ from: 'whatsapp:+14155238886', messagingServiceSid: `MG${'b'.repeat(32)}` });
    expect(findAcceptedMessage([remote({}), ours], viaService, new Set())).toBe(ours);
  });

  it('for a template, prefers the rendered text, else takes the only candidate in the window', () => {
    const template = { ...expected, body: 'Hi Ravi, see you Monday.', isTemplate: true };
    const rendered = remote({ body: 'Hi Ravi, see you Monday.' });
    const other = remote({ body: 'Hi Ravi, see you Monday!' });
    expect(findAcceptedMessage([other, rendered], template, new Set())).toBe(rendered);
    expect(findAcceptedMessage([other], template, new Set())).toBe(other);
    // Two candidates and no exact text: too ambiguous to adopt either.
    expect(findAcceptedMessage([other, remote({ body: 'something else' })], template, new Set())).toBeNull();
  });

  it('settles it by the StatusCallback URL when the API returns it', () => {
    const callback = 'https://cms.example.com/api/whatsapp/webhook/status?messageId=abc';
    const withCallback = { ...expected, statusCallback: callback };
    const ours = remote({ statusCallback: callback, body: 'edited since' });
    const notOurs = remote({ statusCallback: 'https://cms.example.com/api/whatsapp/webhook/status?messageId=xyz' });
    expect(findAcceptedMessage([notOurs, ours], withCallback, new Set())).toBe(ours);
    expect(findAcceptedMessage([notOurs], withCallback, new Set())).toBeNull();
  });
});
