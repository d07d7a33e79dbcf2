import {
  bodyFromTypes,
  buildContentTypes,
  changedFields,
  describeRejectionReason,
  fromTwilioContent,
  mapApprovalStatus,
  toApprovalRequest,
  toContentCreateRequest,
  toStoredFields,
  type RemoteContent,
} from '../content-api';

const remote = (overrides: Partial<RemoteContent> = {}): RemoteContent => ({
  sid: 'HX0123456789abcdef0123456789abcdef',
  friendlyName: 'interview_reminder',
  language: 'en',
  variables: { '1': 'Asha', '2': '12 March' },
  types: { 'twilio/text': { body: 'Hi {{1}}, your interview is on {{2}}.' } },
  approvalRequests: {
    type: 'whatsapp',
    name: 'interview_reminder',
    category: 'UTILITY',
    content_type: 'twilio/text',
    status: 'approved',
    rejection_reason: '',
    allow_category_change: true,
  },
  ...overrides,
});

describe('Twilio approval states', () => {
  it.each(['unsubmitted', 'received', 'pending', 'approved', 'rejected', 'paused', 'disabled'])('maps %s to itself', (status) => {
    expect(mapApprovalStatus(status)).toEqual({ status, known: true });
    expect(mapApprovalStatus(status.toUpperCase())).toEqual({ status, known: true });
  });

  it('reads no approval request as unsubmitted', () => {
    expect(mapApprovalStatus(undefined).status).toBe('unsubmitted');
    expect(mapApprovalStatus('').status).toBe('unsubmitted');
    expect(fromTwilioContent(remote({ approvalRequests: null })).approvalStatus).toBe('unsubmitted');
  });

  it('reads a state it does not know as pending, never as approved', () => {
    expect(mapApprovalStatus('in_appeal')).toEqual({ status: 'pending', known: false });
  });
});

describe('Twilio content → template fields', () => {
  it('maps an approved text template', () => {
    expect(fromTwilioContent(remote())).toEqual({
      contentSid: 'HX0123456789abcdef0123456789abcdef',
      name: 'interview_reminder',
      language: 'en',
      category: 'UTILITY',
      body: 'Hi {{1}}, your interview is on {{2}}.',
      variables: { '1': 'Asha', '2': '12 March' },
      approvalStatus: 'approved',
      rejectionReason: null,
      twilioTypes: { 'twilio/text': { body: 'Hi {{1}}, your interview is on {{2}}.' } },
    });
  });

  it('keeps the rejection reason of a rejected template, and drops a stale one once approved', () => {
    const rejected = remote({ approvalRequests: { status: 'rejected', rejection_reason: 'INVALID_FORMAT', category: 'marketing' } });
    expect(fromTwilioContent(rejected)).toMatchObject({ approvalStatus: 'rejected', rejectionReason: 'INVALID_FORMAT', category: 'MARKETING' });
    const approved = remote({ approvalRequests: { status: 'approved', rejection_reason: 'INVALID_FORMAT' } });
    expect(fromTwilioContent(approved).rejectionReason).toBeNull();
  });

  it('names a template after its approval request, else its friendly name, else its SID', () => {
    expect(fromTwilioContent(remote({ approvalRequests: { name: 'meta_name', status: 'approved' } })).name).toBe('meta_name');
    expect(fromTwilioContent(remote({ approvalRequests: {} })).name).toBe('interview_reminder');
    expect(fromTwilioContent(remote({ approvalRequests: {}, friendlyName: '' })).name).toBe('hx0123456789abcdef0123456789abcdef');
  });

  it('has no category until Twilio knows one, and then keeps ours', () => {
    const unsubmitted = fromTwilioContent(remote({ approvalRequests: { status: 'unsubmitted', category: '' } }));
    expect(unsubmitted.category).toBeNull();
    expect(toStoredFields(unsubmitted, { category: 'MARKETING' }).category).toBe('MARKETING');
    expect(toStoredFields(unsubmitted).category).toBe('UTILITY');
  });

  it('finds the text in media and quick-reply content, and keeps variables as strings', () => {
    expect(bodyFromTypes({ 'twilio/media': { body: 'See {{1}}', media: ['https://x/y.png'] } })).toBe('See {{1}}');
    expect(bodyFromTypes({ 'twilio/quick-reply': { body: 'Coming?', actions: [] }, 'twilio/text': { body: 'Coming? (text)' } })).toBe('Coming? (text)');
    expect(bodyFromTypes({ 'twilio/card': { title: 'Card title' } })).toBe('Card title');
    expect(bodyFromTypes({})).toBe('');
    expect(fromTwilioContent(remote({ variables: { '1': 5, '2': null } as never })).variables).toEqual({ '1': '5' });
  });

  it('describes Meta rejection codes and passes free text through', () => {
    expect(describeRejectionReason('INVALID_FORMAT')).toMatch(/^INVALID_FORMAT: .*format/);
    expect(describeRejectionReason('Variables at the start of the body')).toBe('Variables at the start of the body');
    expect(describeRejectionReason('')).toBeUndefined();
    expect(describeRejectionReason('NONE')).toBeUndefined();
  });
});

describe('changes between our copy and Twilio', () => {
  const stored = { ...toStoredFields(fromTwilioContent(remote())), deletedAtTwilio: null };

  it('finds nothing to write when only key order differs', () => {
    const reordered = { ...stored, variables: { '2': '12 March', '1': 'Asha' } };
    expect(changedFields(reordered, fromTwilioContent(remote()))).toEqual([]);
  });

  it('lists the fields Twilio changed', () => {
    const rejected = fromTwilioContent(remote({ approvalRequests: { status: 'rejected', rejection_reason: 'SCAM', category: 'UTILITY' } }));
    expect(changedFields(stored, rejected)).toEqual(['approvalStatus', 'rejectionReason']);
    const edited = fromTwilioContent(remote({ types: { 'twilio/text': { body: 'New text' } } }));
    expect(changedFields(stored, edited)).toEqual(['body', 'twilioTypes']);
  });

  it('clears a deletion mark when the template is listed again', () => {
    expect(changedFields({ ...stored, deletedAtTwilio: '2024-01-01T00:00:00.000Z' }, fromTwilioContent(remote()))).toEqual(['deletedAtTwilio']);
  });
});

describe('template fields → Twilio requests', () => {
  const template = { name: 'interview_reminder', language: 'en', category: 'utility', body: 'Hi {{1}}', variables: { '1': 'Asha' } };

  it('creates a twilio/text Content in snake_case, as Twilio reads it', () => {
    expect(toContentCreateRequest(template)).toEqual({
      friendly_name: 'interview_reminder',
      language: 'en',
      variables: { '1': 'Asha' },
      types: { 'twilio/text': { body: 'Hi {{1}}' } },
    });
  });

  it('puts media or quick replies first, with twilio/text as the fallback', () => {
    expect(Object.keys(buildContentTypes('Hi', { media: ['https://cdn.example.com/a.png'] }))).toEqual(['twilio/media', 'twilio/text']);
    expect(buildContentTypes('Hi', { media: ['https://cdn.example.com/a.png'] })['twilio/media']).toEqual({ body: 'Hi', media: ['https://cdn.example.com/a.png'] });
    expect(buildContentTypes('Coming?', { quickReplies: [{ title: 'Yes' }, { title: 'No', id: 'no_thanks' }] })).toEqual({
      'twilio/quick-reply': { body: 'Coming?', actions: [{ title: 'Yes', id: 'Yes' }, { title: 'No', id: 'no_thanks' }] },
      'twilio/text': { body: 'Coming?' },
    });
  });

  it('requests approval with the name and an upper-case category', () => {
    expect(toApprovalRequest(template)).toEqual({ name: 'interview_reminder', category: 'UTILITY' });
  });
});
