import { diagnoseMessage, unreachableCallbackUrl, type DiagnosisFacts } from '../sync-diagnosis';

const NOW = new Date('2025-03-10T12:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() - n * 60_000);
const hours = (n: number) => minutes(n * 60);
const CALLBACK = 'https://cms.example.com/api/whatsapp/webhook/status?messageId=abc123';

const facts = (overrides: Partial<DiagnosisFacts> = {}): DiagnosisFacts => ({
  now: NOW,
  createdAt: minutes(30),
  statusBefore: 'queued',
  remote: { found: true, status: 'queued', errorCode: null },
  callbacksReceived: 1,
  sandbox: false,
  lastInboundAt: hours(2),
  isTemplate: false,
  statusCallbackUrl: CALLBACK,
  emulator: false,
  ...overrides,
});

describe('diagnoseMessage', () => {
  it('says a message Twilio no longer has cannot be checked', () => {
    expect(diagnoseMessage(facts({ remote: { found: false } }))).toEqual({
      code: 'NOT_FOUND_AT_TWILIO',
      reason: expect.stringContaining('Twilio no longer has this message'),
    });
  });

  describe('63015: sandbox participant', () => {
    it('explains a candidate who never joined', () => {
      const diagnosis = diagnoseMessage(facts({ remote: { found: true, status: 'failed', errorCode: 63015 }, lastInboundAt: null, sandbox: true }));
      expect(diagnosis?.code).toBe('SANDBOX_NOT_JOINED');
      expect(diagnosis?.reason).toMatch(/^Twilio reports error 63015: the candidate has not joined the Twilio WhatsApp sandbox/);
    });

    it('explains a candidate who joined more than 3 days ago', () => {
      const diagnosis = diagnoseMessage(facts({ remote: { found: true, status: 'failed', errorCode: 63015 }, lastInboundAt: hours(80), sandbox: true }));
      expect(diagnosis?.code).toBe('SANDBOX_NOT_JOINED');
      expect(diagnosis?.reason).toContain('joined the sandbox more than 3 days ago');
      expect(diagnosis?.reason).toContain('80 h ago');
    });

    it('suspects the sandbox for a sandbox message still waiting when the candidate has been silent for 3 days', () => {
      const diagnosis = diagnoseMessage(facts({ sandbox: true, lastInboundAt: hours(73), isTemplate: true }));
      expect(diagnosis).toEqual({ code: 'SANDBOX_NOT_JOINED', reason: expect.stringMatching(/^Likely cause: the candidate joined the sandbox more than 3 days ago/) });
    });

    it('does not suspect the sandbox for a participant who wrote recently', () => {
      expect(diagnoseMessage(facts({ sandbox: true, lastInboundAt: hours(5), isTemplate: true }))?.code).toBe('QUEUED_AT_TWILIO');
    });
  });

  describe('63016: 24-hour window', () => {
    it('explains Twilio’s 63016 with the age of the last inbound message', () => {
      const diagnosis = diagnoseMessage(
        facts({ remote: { found: true, status: 'failed', errorCode: 63016 }, createdAt: minutes(30), lastInboundAt: hours(26) })
      );
      expect(diagnosis?.code).toBe('WINDOW_CLOSED');
      expect(diagnosis?.reason).toMatch(/^Twilio reports error 63016: the 24-hour window was closed \(the candidate's last message was 26 h before/);
      expect(diagnosis?.reason).toContain('send a template');
    });

    it('suspects the window for free text still waiting when the candidate never wrote', () => {
      expect(diagnoseMessage(facts({ lastInboundAt: null }))).toEqual({
        code: 'WINDOW_CLOSED',
        reason: expect.stringContaining('the candidate has never written to us'),
      });
    });

    it('does not suspect the window for a template', () => {
      expect(diagnoseMessage(facts({ lastInboundAt: null, isTemplate: true }))?.code).toBe('QUEUED_AT_TWILIO');
    });
  });

  describe('callbacks not reaching the server', () => {
    const ahead = { found: true as const, status: 'delivered', errorCode: null };

    it('shows the StatusCallback URL Twilio is calling when Twilio is ahead and no callback ever came', () => {
      const diagnosis = diagnoseMessage(facts({ remote: ahead, statusBefore: 'queued', callbacksReceived: 0 }));
      expect(diagnosis?.code).toBe('CALLBACKS_NOT_ARRIVING');
      expect(diagnosis?.reason).toContain('Twilio reports "delivered" but this server only knew "queued"');
      expect(diagnosis?.reason).toContain(`Twilio is calling ${CALLBACK}.`);
      expect(diagnosis?.reason).toContain('WHATSAPP_PUBLIC_URL');
    });

    it('says why a local or plain-http URL cannot be reached from Twilio', () => {
      const local = 'http://localhost:1337/api/whatsapp/webhook/status?messageId=x';
      const diagnosis = diagnoseMessage(facts({ remote: ahead, callbacksReceived: 0, statusCallbackUrl: local }));
      expect(diagnosis?.reason).toContain(`Twilio is calling ${local}, and localhost is an address of this machine`);
    });

    it('does not call a local URL unreachable when talking to the bundled emulator', () => {
      const local = 'http://127.0.0.1:1337/api/whatsapp/webhook/status?messageId=x';
      const diagnosis = diagnoseMessage(facts({ remote: ahead, callbacksReceived: 0, statusCallbackUrl: local, emulator: true }));
      expect(diagnosis?.reason).toContain(`Twilio is calling ${local}.`);
    });

    it('says when no StatusCallback URL is given at all', () => {
      const diagnosis = diagnoseMessage(facts({ remote: ahead, callbacksReceived: 0, statusCallbackUrl: null }));
      expect(diagnosis?.reason).toContain('No public URL is configured');
    });

    it('gives callbacks time to arrive, and blames nothing once some did', () => {
      expect(diagnoseMessage(facts({ remote: ahead, callbacksReceived: 0, createdAt: minutes(1) }))).toBeNull();
      expect(diagnoseMessage(facts({ remote: ahead, callbacksReceived: 2 }))).toBeNull();
    });

    it('does not blame callbacks when Twilio is not ahead of us', () => {
      expect(diagnoseMessage(facts({ remote: { found: true, status: 'sent', errorCode: null }, statusBefore: 'sent', callbacksReceived: 0 }))).toBeNull();
    });
  });

  describe('waiting longer than expected', () => {
    it('flags a message Twilio still holds after 10 minutes', () => {
      expect(diagnoseMessage(facts({ createdAt: minutes(9) }))).toBeNull();
      expect(diagnoseMessage(facts({ createdAt: minutes(11) }))).toEqual({
        code: 'QUEUED_AT_TWILIO',
        reason: expect.stringContaining('(still "queued")'),
      });
    });

    it('flags a message at sent (not delivered) after an hour', () => {
      const sent = { found: true as const, status: 'sent', errorCode: null };
      expect(diagnoseMessage(facts({ remote: sent, statusBefore: 'sent', createdAt: minutes(50) }))).toBeNull();
      expect(diagnoseMessage(facts({ remote: sent, statusBefore: 'sent', createdAt: minutes(90) }))).toEqual({
        code: 'NOT_DELIVERED_YET',
        reason: expect.stringContaining('90 min ago but has not delivered it to the phone'),
      });
    });

    it('has nothing to say about a delivered or failed message whose callbacks worked', () => {
      expect(diagnoseMessage(facts({ remote: { found: true, status: 'delivered', errorCode: null }, createdAt: hours(5) }))).toBeNull();
      expect(diagnoseMessage(facts({ remote: { found: true, status: 'undelivered', errorCode: 30003 }, createdAt: hours(5) }))).toBeNull();
    });

    it('does not flag a message scheduled for later', () => {
      expect(diagnoseMessage(facts({ remote: { found: true, status: 'scheduled', errorCode: null }, statusBefore: 'scheduled', createdAt: hours(5) }))).toBeNull();
    });
  });
});

describe('unreachableCallbackUrl', () => {
  it.each([
    ['http://localhost:1337/x', 'localhost'],
    ['https://127.0.0.1/x', '127.0.0.1'],
    ['https://192.168.1.20/x', '192.168.1.20'],
    ['https://10.0.0.5/x', '10.0.0.5'],
    ['https://intranet/x', 'intranet'],
  ])('calls %s unreachable', (url, host) => {
    expect(unreachableCallbackUrl(url)).toContain(host);
  });

  it('wants https on a public host', () => {
    expect(unreachableCallbackUrl('http://cms.example.com/x')).toContain('not https');
    expect(unreachableCallbackUrl('https://cms.example.com/x')).toBeNull();
    expect(unreachableCallbackUrl('not a url')).toBe('it is not a valid URL');
  });
});
