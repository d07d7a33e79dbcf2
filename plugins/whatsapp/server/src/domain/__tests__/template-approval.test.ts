import { checkTemplateUsable } from '../template-approval';

const approved = { name: 'interview_reminder', approvalStatus: 'approved', contentSid: 'HX0123456789abcdef0123456789abcdef' };

describe('is a template usable for sending', () => {
  it('accepts an approved template that Twilio still holds', () => {
    expect(checkTemplateUsable(approved)).toEqual({ usable: true, contentSid: approved.contentSid });
  });

  it.each([
    ['a local draft', { approvalStatus: 'draft', contentSid: null }, 'not_submitted'],
    ['created at Twilio but never submitted', { approvalStatus: 'unsubmitted' }, 'not_submitted'],
    ['approved but without a contentSid', { contentSid: null }, 'not_submitted'],
    ['received by Twilio', { approvalStatus: 'received' }, 'awaiting_approval'],
    ['pending at Meta', { approvalStatus: 'pending' }, 'awaiting_approval'],
    ['rejected', { approvalStatus: 'rejected', rejectionReason: 'INVALID_FORMAT' }, 'rejected'],
    ['paused', { approvalStatus: 'paused' }, 'paused'],
    ['disabled', { approvalStatus: 'disabled' }, 'disabled'],
    ['approved but deleted at Twilio', { deletedAtTwilio: '2024-05-01T10:00:00.000Z' }, 'deleted_at_twilio'],
    ['in a state nobody knows', { approvalStatus: 'in_appeal' }, 'awaiting_approval'],
  ])('refuses a template %s', (_label, overrides, reason) => {
    const verdict = checkTemplateUsable({ ...approved, ...overrides });
    expect(verdict).toEqual({ usable: false, reason, message: expect.stringContaining('interview_reminder') });
  });

  it('says why a rejected template was rejected', () => {
    const verdict = checkTemplateUsable({ ...approved, approvalStatus: 'rejected', rejectionReason: 'INCORRECT_CATEGORY' });
    expect(verdict.usable).toBe(false);
    expect(!verdict.usable && verdict.message).toMatch(/rejected by WhatsApp: INCORRECT_CATEGORY: .*category/);
  });
});
