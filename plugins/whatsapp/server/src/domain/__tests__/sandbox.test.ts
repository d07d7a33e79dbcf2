import { describe, expect, it } from '@jest/globals';
import { resolveSettings, SANDBOX_SENDER, sandboxJoinInstructions, senderKind } from '../settings';

const defaults = { apiBaseUrl: 'https://api.twilio.com', contentBaseUrl: 'https://content.twilio.com', mps: 80, sandboxMps: 1 / 3, defaultCountry: 'IN' };
const credentials = { TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'token' };

describe('sandbox or production, told by the sender', () => {
  it('recognises Twilio’s shared sandbox number, with or without the whatsapp: prefix', () => {
    for (const number of [SANDBOX_SENDER, `whatsapp:${SANDBOX_SENDER}`]) {
      const resolved = resolveSettings({ ...credentials, TWILIO_WHATSAPP_NUMBER: number }, {}, defaults, false);
      expect(senderKind(resolved)).toBe('sandbox');
      expect(resolved.mode).toBe('sandbox');
      // One message every 3 seconds.
      expect(resolved.mps).toBeCloseTo(1 / 3);
    }
  });

  it('treats any other sender, or a Messaging Service, as production; nothing set as none', () => {
    expect(senderKind({ whatsappNumber: '+15005550006' })).toBe('production');
    expect(senderKind({ messagingServiceSid: `MG${'a'.repeat(32)}` })).toBe('production');
    expect(senderKind({})).toBe('none');
    expect(resolveSettings({ ...credentials, TWILIO_WHATSAPP_NUMBER: '+15005550006' }, {}, defaults, false).mps).toBe(80);
  });

  it('tells candidates how to join the sandbox, and its pace', () => {
    const text = sandboxJoinInstructions();
    expect(text).toContain(SANDBOX_SENDER);
    expect(text).toMatch(/join/);
    expect(text).toMatch(/63015/);
    expect(text).toMatch(/1 message every 3 seconds/);
  });
});
