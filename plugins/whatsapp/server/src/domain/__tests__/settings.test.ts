import { resolveSettings, SANDBOX_SENDER, type SettingDefaults } from '../settings';

const defaults: SettingDefaults = {
  apiBaseUrl: 'https://api.twilio.com',
  contentBaseUrl: 'https://content.twilio.com',
  mps: 80,
  sandboxMps: 1 / 3,
  defaultCountry: 'IN',
};
const sid = `AC${'a'.repeat(32)}`;

describe('resolveSettings', () => {
  it('prefers the environment, then saved values, then defaults, and says which', () => {
    const resolved = resolveSettings(
      { TWILIO_ACCOUNT_SID: sid, TWILIO_WHATSAPP_NUMBER: 'whatsapp:+15005550006' },
      { accountSid: `AC${'b'.repeat(32)}`, authToken: 'saved-token', defaultCountry: 'gb' },
      defaults,
      false
    );
    expect(resolved).toMatchObject({
      accountSid: sid,
      authToken: 'saved-token',
      whatsappNumber: '+15005550006',
      defaultCountry: 'GB',
      mps: 80,
      apiBaseUrl: 'https://api.twilio.com',
      mode: 'production',
    });
    expect(resolved.sources).toMatchObject({ accountSid: 'env', authToken: 'saved', defaultCountry: 'saved', mps: 'default' });
  });

  it('treats blank environment values as unset', () => {
    const resolved = resolveSettings({ WHATSAPP_MPS: '  ' }, { mps: '20' }, defaults, false);
    expect(resolved.mps).toBe(20);
    expect(resolved.sources.mps).toBe('saved');
  });

  it('paces the shared sandbox sender at one message every 3 s unless told otherwise', () => {
    const sandbox = resolveSettings({ TWILIO_WHATSAPP_NUMBER: SANDBOX_SENDER, TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 't' }, {}, defaults, false);
    expect(sandbox.mps).toBeCloseTo(1 / 3);
    expect(sandbox.mode).toBe('sandbox');
    const told = resolveSettings({ TWILIO_WHATSAPP_NUMBER: SANDBOX_SENDER, WHATSAPP_MPS: '2' }, {}, defaults, false);
    expect(told.mps).toBe(2);
  });

  it('detects the emulator from a base URL override or the flag, and no credentials as unconfigured', () => {
    expect(resolveSettings({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 't', TWILIO_API_BASE_URL: 'http://127.0.0.1:3999/' }, {}, defaults, false)).toMatchObject({
      mode: 'emulator',
      apiBaseUrl: 'http://127.0.0.1:3999',
    });
    expect(resolveSettings({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 't' }, {}, defaults, true).mode).toBe('emulator');
    expect(resolveSettings({}, {}, defaults, false).mode).toBe('unconfigured');
  });

  it('ignores an invalid MPS and strips a trailing slash from the public URL', () => {
    const resolved = resolveSettings({ WHATSAPP_MPS: 'fast', WHATSAPP_PUBLIC_URL: 'https://cms.example.com/' }, {}, defaults, false);
    expect(resolved.mps).toBe(80);
    expect(resolved.publicUrl).toBe('https://cms.example.com');
  });
});
