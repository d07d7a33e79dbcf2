import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTwilioClient, rewriteTwilioUrl } from '../../plugins/whatsapp/server/src/twilio/client-factory';
import { rejectionOf, WA_CANDIDATE, WA_SENDER } from './helpers';

describe('createTwilioClient', () => {
  it('rewrites api, messaging and content hosts, keeping path and query', () => {
    const bases = { api: 'http://127.0.0.1:3999', content: 'https://proxy.example.com/twilio-content/' };
    expect(rewriteTwilioUrl('https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?PageSize=2', bases)).toBe(
      'http://127.0.0.1:3999/2010-04-01/Accounts/AC1/Messages.json?PageSize=2',
    );
    expect(rewriteTwilioUrl('https://api.sydney.au1.twilio.com/2010-04-01/x', bases)).toBe('http://127.0.0.1:3999/2010-04-01/x');
    expect(rewriteTwilioUrl('https://content.twilio.com/v1/Content', bases)).toBe(
      'https://proxy.example.com/twilio-content/v1/Content',
    );
    // The Messaging API (senders, services) has no override of its own: it goes to the API base.
    expect(rewriteTwilioUrl('https://messaging.twilio.com/v1/Services/MG1', bases)).toBe('http://127.0.0.1:3999/v1/Services/MG1');
    expect(rewriteTwilioUrl('https://messaging.twilio.com/v1/Services', { content: 'http://c' })).toBe('https://messaging.twilio.com/v1/Services');
    expect(rewriteTwilioUrl('https://verify.twilio.com/v2/Services', bases)).toBe('https://verify.twilio.com/v2/Services');
    expect(rewriteTwilioUrl('https://api.twilio.com/x', {})).toBe('https://api.twilio.com/x');
    expect(rewriteTwilioUrl('http://127.0.0.1:1/v1/Content?Page=1', bases)).toBe('http://127.0.0.1:1/v1/Content?Page=1');
  });

  describe('against a server that never answers', () => {
    let server: Server;
    let url: string;
    beforeAll(async () => {
      server = createServer(() => {
        /* never answers */
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('fails the request after timeoutMs', async () => {
      const client = createTwilioClient({
        accountSid: `AC${'1'.repeat(32)}`,
        authToken: 'secret',
        apiBaseUrl: url,
        timeoutMs: 200,
      });
      const started = Date.now();
      const error = await rejectionOf(client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, body: 'x' }));
      expect(error.code).toBe('ECONNABORTED');
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });
});
