import { describe, expect, it } from '@jest/globals';
import { classifySendFailure, describeConnectionFailure, describeTwilioError, retryDelayMs } from '../twilio-errors';

describe('describeTwilioError', () => {
  it.each([
    [21211, /not valid/],
    [21408, /country/],
    [21610, /unsubscribed/],
    [21614, /not a mobile number/],
    [63015, /sandbox/],
    [63016, /24-hour window/],
    [63018, /rate limit/i],
    [63024, /cannot receive/],
    [63032, /WhatsApp/],
    [20429, /too many requests/i],
    [20003, /Account SID and auth token/],
  ])('explains %i in words', (code, pattern) => {
    expect(describeTwilioError(code)).toMatch(pattern);
  });

  it('falls back to Twilio’s own message, then to the error page, and is null without a code', () => {
    expect(describeTwilioError(12345, 'Something odd')).toBe('Twilio error 12345: Something odd');
    expect(describeTwilioError(12345)).toContain('https://www.twilio.com/docs/errors/12345');
    expect(describeTwilioError(null)).toBeNull();
    expect(describeTwilioError(undefined, 'text')).toBeNull();
  });
});

describe('classifySendFailure', () => {
  it('retries a rate limit, by status or by code', () => {
    expect(classifySendFailure({ httpStatus: 429, twilioCode: 20429, message: '' })).toBe('retry');
    expect(classifySendFailure({ httpStatus: 400, twilioCode: 20429, message: '' })).toBe('retry');
  });

  it('treats a 4xx as final', () => {
    for (const [httpStatus, twilioCode] of [[400, 21211], [400, 21610], [401, 20003], [404, 20404]]) {
      expect(classifySendFailure({ httpStatus, twilioCode, message: '' })).toBe('final');
    }
  });

  it('does not know whether a 5xx, a timeout or a reset was accepted', () => {
    expect(classifySendFailure({ httpStatus: 500, message: '' })).toBe('unknown');
    expect(classifySendFailure({ httpStatus: 503, twilioCode: 20503, message: '' })).toBe('unknown');
    expect(classifySendFailure({ networkCode: 'ECONNABORTED', message: 'timeout of 10000ms exceeded' })).toBe('unknown');
    expect(classifySendFailure({ networkCode: 'ECONNRESET', message: 'socket hang up' })).toBe('unknown');
    expect(classifySendFailure({ message: 'no code at all' })).toBe('unknown');
  });

  it('retries a request that never left (refused connection, DNS)', () => {
    expect(classifySendFailure({ networkCode: 'ECONNREFUSED', message: '' })).toBe('retry');
    expect(classifySendFailure({ networkCode: 'ENOTFOUND', message: '' })).toBe('retry');
  });
});

describe('retryDelayMs', () => {
  const options = { baseMs: 1_000, maxMs: 60_000 };

  it('doubles per attempt, with half of it random', () => {
    expect(retryDelayMs(1, options, () => 0)).toBe(500);
    expect(retryDelayMs(1, options, () => 1)).toBe(1_000);
    expect(retryDelayMs(2, options, () => 0)).toBe(1_000);
    expect(retryDelayMs(3, options, () => 0.5)).toBe(3_000);
  });

  it('is capped', () => {
    expect(retryDelayMs(30, options, () => 1)).toBe(60_000);
    expect(retryDelayMs(1_000, options, () => 0)).toBe(30_000);
  });

  it('spreads retries that happen together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(4, options)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(4_000);
      expect(delay).toBeLessThanOrEqual(8_000);
    }
  });
});

describe('describeConnectionFailure', () => {
  const endpoint = 'https://api.twilio.com';

  it('says the credentials were refused', () => {
    expect(describeConnectionFailure({ httpStatus: 401, twilioCode: 20003, message: 'Authenticate' }, endpoint)).toMatchObject({
      code: 'AUTHENTICATION_FAILED',
      twilioCode: 20003,
    });
  });

  it('tells a timeout from an unreachable host', () => {
    expect(describeConnectionFailure({ networkCode: 'ECONNABORTED', message: '' }, endpoint).code).toBe('TIMEOUT');
    const unreachable = describeConnectionFailure({ networkCode: 'ENOTFOUND', message: '' }, endpoint);
    expect(unreachable).toMatchObject({ code: 'UNREACHABLE' });
    expect(unreachable.message).toContain(endpoint);
    expect(unreachable.message).toContain('ENOTFOUND');
  });

  it('passes on any other Twilio error in words', () => {
    expect(describeConnectionFailure({ httpStatus: 500, twilioCode: 20500, message: 'Internal' }, endpoint)).toMatchObject({
      code: 'TWILIO_ERROR',
      httpStatus: 500,
      message: expect.stringMatching(/internal error/),
    });
  });
});
