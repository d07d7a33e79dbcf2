import { describe, expect, it } from '@jest/globals';
import { buildCreateParams, buildStatusCallbackUrl, guessContentType, statusCallbackUrlMaker } from '../outbound-request';

const sender = { whatsappNumber: '+15005550006' };

describe('buildCreateParams', () => {
  it('sends free text from our WhatsApp number with the whatsapp: prefix', () => {
    expect(
      buildCreateParams({ toE164: '+919876543210', sender, content: { body: 'Hi', mediaUrls: [] }, statusCallback: 'https://x/cb' })
    ).toEqual({ to: 'whatsapp:+919876543210', from: 'whatsapp:+15005550006', body: 'Hi', statusCallback: 'https://x/cb' });
  });

  it('sends a template as ContentSid + ContentVariables and never as Body', () => {
    const params = buildCreateParams({
      toE164: '+919876543210',
      sender,
      content: { body: 'ignored', mediaUrls: ['https://x/a.png'], contentSid: 'HX1', contentVariables: { '1': 'Asha' } },
    });
    expect(params).toEqual({ to: 'whatsapp:+919876543210', from: 'whatsapp:+15005550006', contentSid: 'HX1', contentVariables: '{"1":"Asha"}' });
    expect(params).not.toHaveProperty('body');
    expect(params).not.toHaveProperty('mediaUrl');
  });

  it('uses the Messaging Service instead of From when one is configured', () => {
    const params = buildCreateParams({
      toE164: '+919876543210',
      sender: { ...sender, messagingServiceSid: 'MG1' },
      content: { mediaUrls: ['https://x/a.png'] },
    });
    expect(params).toEqual({ to: 'whatsapp:+919876543210', messagingServiceSid: 'MG1', mediaUrl: ['https://x/a.png'] });
  });
});

describe('buildStatusCallbackUrl', () => {
  it('carries our message id under the public URL', () => {
    expect(buildStatusCallbackUrl('https://cms.example.com/', '/api/whatsapp/webhook/status', 'messageId', 'abc123')).toBe(
      'https://cms.example.com/api/whatsapp/webhook/status?messageId=abc123'
    );
    expect(buildStatusCallbackUrl(undefined, '/x', 'messageId', 'abc')).toBeUndefined();
  });

  it('builds many from one public URL, each id encoded and read back whole', () => {
    const make = statusCallbackUrlMaker('https://cms.example.com/base/', '/api/whatsapp/webhook/status', 'messageId')!;
    expect(make('abc123')).toBe('https://cms.example.com/base/api/whatsapp/webhook/status?messageId=abc123');
    expect(new URL(make('a b&c=d')).searchParams.get('messageId')).toBe('a b&c=d');
    expect(statusCallbackUrlMaker(undefined, '/x', 'messageId')).toBeUndefined();
  });
});

describe('guessContentType', () => {
  it('reads the extension, ignoring the query string', () => {
    expect(guessContentType('https://x/offer.PDF?sig=1')).toBe('application/pdf');
    expect(guessContentType('https://x/photo.jpeg')).toBe('image/jpeg');
    expect(guessContentType('https://x/download')).toBeNull();
  });
});
