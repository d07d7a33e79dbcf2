import { dispatchPhone, emptyStats, planRecipient, senderKeyOf, toStats } from '../campaign-recipient';
import type { VariableMapping } from '../../../../shared/variable-mapping';

const body = 'Hi {{1}}, your interview in {{2}} is at {{3}}.';
const mapping: VariableMapping = {
  '1': { source: 'field', field: 'name' },
  '2': { source: 'attribute', key: 'city' },
  '3': { source: 'text', value: '10:00' },
};
const candidate = { name: 'Asha', phone: '+919876543210', email: null, attributes: { city: 'Pune' }, optIn: 'opted_in' };

describe('planRecipient (at launch)', () => {
  it('sends to a candidate whose placeholders all resolve, with the values the preview would use', () => {
    expect(planRecipient(candidate, body, mapping)).toEqual({
      state: 'waiting',
      variables: { '1': 'Asha', '2': 'Pune', '3': '10:00' },
    });
  });

  it('skips an opted-out candidate first, whatever else is wrong', () => {
    expect(planRecipient({ ...candidate, optIn: 'opted_out', phone: null }, body, mapping)).toMatchObject({
      state: 'skipped',
      reason: 'opted_out',
    });
  });

  it.each([null, '', '9876543210', 'whatsapp:+919876543210', '+0123'])('skips a candidate without a valid number (%p)', (phone) => {
    expect(planRecipient({ ...candidate, phone }, body, mapping)).toMatchObject({ state: 'skipped', reason: 'invalid_phone' });
  });

  it('skips a candidate a placeholder has no value for, naming it', () => {
    const plan = planRecipient({ ...candidate, attributes: { city: '  ' } }, body, mapping);
    expect(plan).toEqual({ state: 'skipped', reason: 'missing_variable', detail: 'No value for {{2}} for this candidate.' });
  });

  it('keeps only the placeholders the body uses', () => {
    expect(planRecipient(candidate, 'Hello {{1}}', mapping)).toEqual({ state: 'waiting', variables: { '1': 'Asha' } });
  });
});

describe('dispatchPhone (just before sending)', () => {
  it('accepts a mobile number', () => {
    expect(dispatchPhone('+919876543210', 'IN')).toEqual({ ok: true, e164: '+919876543210' });
  });

  it('refuses a landline and an invalid number', () => {
    expect(dispatchPhone('+912024567890', 'IN')).toMatchObject({ ok: false, detail: expect.stringContaining('not a mobile number') });
    expect(dispatchPhone('+91123', 'IN')).toMatchObject({ ok: false });
    expect(dispatchPhone(null, 'IN')).toMatchObject({ ok: false });
  });
});

describe('senderKeyOf', () => {
  it('is our WhatsApp number, else the Messaging Service', () => {
    expect(senderKeyOf({ whatsappNumber: '+15005550006', messagingServiceSid: 'MG1' })).toBe('+15005550006');
    expect(senderKeyOf({ messagingServiceSid: 'MG1' })).toBe('MG1');
    expect(senderKeyOf({})).toBeNull();
  });
});

describe('campaign stats', () => {
  it('counts every status, zero included, with skip reasons and replies', () => {
    const stats = toStats(
      [
        { status: 'delivered', skipReason: null, count: 5 },
        { status: 'read', skipReason: null, count: 2 },
        { status: 'skipped', skipReason: 'opted_out', count: 3 },
        { status: 'skipped', skipReason: 'missing_variable', count: 1 },
        { status: 'pending', skipReason: null, count: 4 },
      ],
      2
    );
    expect(stats).toEqual({
      ...emptyStats(),
      total: 15,
      delivered: 5,
      read: 2,
      skipped: 4,
      pending: 4,
      replied: 2,
      skippedBy: { opted_out: 3, invalid_phone: 0, duplicate_phone: 0, missing_variable: 1, candidate_deleted: 0 },
    });
    expect(stats).not.toHaveProperty('received');
  });
});
