import { describe, expect, it } from '@jest/globals';
import { parsePhone } from '../phone';
import {
  checkConfigured,
  checkCredentials,
  checkRecipientPhone,
  checkSendRules,
  missingTemplateVariables,
  windowState,
  WINDOW_MS,
  type TemplateForSend,
} from '../send-rules';

const now = new Date('2026-03-10T12:00:00.000Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const approved: TemplateForSend = {
  documentId: 't1',
  name: 'interview_reminder',
  body: 'Hi {{1}}, your interview is on {{2}}.',
  contentSid: `HX${'a'.repeat(32)}`,
  approvalStatus: 'approved',
};

describe('windowState', () => {
  it('is open for 24 hours after the last inbound message, to the millisecond', () => {
    const last = hoursAgo(1);
    expect(windowState(last, now)).toEqual({ open: true, expiresAt: new Date(last.getTime() + WINDOW_MS) });
    expect(windowState(new Date(now.getTime() - WINDOW_MS + 1), now).open).toBe(true);
    expect(windowState(new Date(now.getTime() - WINDOW_MS), now).open).toBe(false);
  });

  it('was never open without an inbound message', () => {
    expect(windowState(null, now)).toEqual({ open: false, expiresAt: null });
  });
});

describe('checkSendRules', () => {
  it('lets free text through inside the window', () => {
    expect(checkSendRules({ optIn: 'unknown', lastInboundAt: hoursAgo(23), now })).toBeNull();
  });

  it('refuses free text outside the window, with when it closed', () => {
    const violation = checkSendRules({ optIn: 'opted_in', lastInboundAt: hoursAgo(30), now });
    expect(violation).toMatchObject({
      code: 'WINDOW_CLOSED',
      details: { windowClosedAt: hoursAgo(6).toISOString(), lastInboundAt: hoursAgo(30).toISOString() },
    });
    expect(violation?.message).toContain(hoursAgo(6).toISOString());
  });

  it('refuses free text to someone who never wrote, saying the window never opened', () => {
    expect(checkSendRules({ optIn: null, lastInboundAt: null, now })).toMatchObject({
      code: 'WINDOW_CLOSED',
      details: { windowClosedAt: null, lastInboundAt: null },
    });
  });

  it('sends an approved template with every value, window or not', () => {
    expect(checkSendRules({ optIn: null, lastInboundAt: null, template: approved, variables: { '1': 'A', '2': 'B' }, now })).toBeNull();
  });

  it('refuses an opted-out candidate first, even for a template and inside the window', () => {
    expect(
      checkSendRules({ optIn: 'opted_out', lastInboundAt: hoursAgo(1), template: approved, variables: { '1': 'A', '2': 'B' }, now })?.code
    ).toBe('OPTED_OUT');
    expect(checkSendRules({ optIn: 'opted_out', lastInboundAt: hoursAgo(1), now })?.code).toBe('OPTED_OUT');
  });

  it.each(['draft', 'unsubmitted', 'received', 'pending', 'rejected', 'paused', 'disabled'])(
    'refuses a template that is %s',
    (approvalStatus) => {
      expect(
        checkSendRules({ optIn: null, lastInboundAt: null, template: { ...approved, approvalStatus }, variables: { '1': 'A', '2': 'B' }, now })
      ).toMatchObject({ code: 'TEMPLATE_NOT_APPROVED', details: { template: 't1', approvalStatus } });
    }
  );

  it('refuses an "approved" template Twilio does not know (no ContentSid)', () => {
    expect(checkSendRules({ optIn: null, lastInboundAt: null, template: { ...approved, contentSid: null }, now })?.code).toBe(
      'TEMPLATE_NOT_APPROVED'
    );
  });

  it('refuses an approved template Twilio no longer holds', () => {
    expect(
      checkSendRules({
        optIn: null,
        lastInboundAt: null,
        template: { ...approved, deletedAtTwilio: '2026-03-01T00:00:00Z' },
        variables: { '1': 'A', '2': 'B' },
        now,
      })
    ).toMatchObject({ code: 'TEMPLATE_NOT_APPROVED', details: { reason: 'deleted_at_twilio' } });
  });

  it('names the placeholders with no value', () => {
    expect(checkSendRules({ optIn: null, lastInboundAt: null, template: approved, variables: { '2': 'B' }, now })).toMatchObject({
      code: 'TEMPLATE_VARIABLES_MISSING',
      details: { missing: [1] },
    });
  });
});

describe('missingTemplateVariables', () => {
  it('counts empty and blank values as missing and ignores extras', () => {
    expect(missingTemplateVariables('{{1}} {{2}} {{3}} {{1}}', { '1': '', '2': '  ', '3': 'x', '9': 'extra' })).toEqual([1, 2]);
    expect(missingTemplateVariables('No placeholders', undefined)).toEqual([]);
  });
});

describe('checkRecipientPhone', () => {
  it('accepts a mobile number', () => {
    expect(checkRecipientPhone(parsePhone('+919876543210', 'IN'), '+919876543210')).toBeNull();
  });

  it.each([['12345'], ['hello'], ['+911123456789']])('refuses %s as INVALID_PHONE', (input) => {
    expect(checkRecipientPhone(parsePhone(input, 'IN'), input)?.code).toBe('INVALID_PHONE');
  });
});

describe('checkCredentials', () => {
  it('tells a project what to set, and mentions no emulator it does not have', () => {
    const message = checkCredentials({ mode: 'unconfigured' })?.message ?? '';
    for (const name of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_WHATSAPP_NUMBER', 'Settings → WhatsApp']) expect(message).toContain(name);
    expect(message).not.toMatch(/emulator/i);
  });

  it('points the development app at its bundled emulator', () => {
    expect(checkCredentials({ mode: 'unconfigured' }, { bundledEmulator: true })?.message).toMatch(/npm run develop.*bundled Twilio emulator/);
    expect(checkConfigured({ mode: 'unconfigured' }, { bundledEmulator: true })?.message).toMatch(/bundled Twilio emulator/);
    expect(checkCredentials({ mode: 'production' }, { bundledEmulator: true })).toBeNull();
  });
});

describe('checkConfigured', () => {
  it('needs credentials (or the emulator) and a sender', () => {
    expect(checkConfigured({ mode: 'unconfigured', whatsappNumber: '+15005550006' })?.code).toBe('NOT_CONFIGURED');
    expect(checkConfigured({ mode: 'production' })?.code).toBe('NOT_CONFIGURED');
    expect(checkConfigured({ mode: 'production', whatsappNumber: '+15005550006' })).toBeNull();
    expect(checkConfigured({ mode: 'emulator', messagingServiceSid: `MG${'a'.repeat(32)}` })).toBeNull();
  });
});
