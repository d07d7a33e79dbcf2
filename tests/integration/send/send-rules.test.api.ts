import { expectStrapiError } from '../helpers/api';
import { uniqueIndianMobile } from '../helpers/data';
import { countRows } from '../helpers/db';
import {
  approvedTemplate,
  contentApi,
  countMessagesTo,
  createCandidate,
  emulatorMessagesTo,
  sendMessage,
  setLastInbound,
  setTemplateApproval,
} from './helpers';

/** A refused send must leave nothing behind: no message row, nothing at Twilio. */
const expectNothingSent = async (phone: string) => {
  expect(await countMessagesTo(phone)).toBe(0);
  expect(await emulatorMessagesTo(phone)).toHaveLength(0);
};

const expectRule = (response: { status: number; body: unknown }, code: string) => {
  expect(response.status).toBe(422);
  expectStrapiError(response.body, 422, 'UnprocessableEntityError');
  expect((response.body as { error: { details: { code: string } } }).error.details.code).toBe(code);
};

describe('POST /api/whatsapp/messages: rules checked before Twilio is called (422)', () => {
  it('WINDOW_CLOSED: free text to someone who never wrote, saying the window never opened', async () => {
    const phone = uniqueIndianMobile();
    const response = await sendMessage({ to: phone, body: 'Hello' });
    expectRule(response, 'WINDOW_CLOSED');
    expect(response.body.error.details).toMatchObject({ windowClosedAt: null, lastInboundAt: null });
    expect(response.body.error.message).toMatch(/template/i);
    await expectNothingSent(phone);
    // Refused before anything was written: not even the candidate.
    expect(await countRows('plugin_whatsapp_candidates', 'phone = $1', [phone])).toBe(0);
  });

  it('WINDOW_CLOSED: free text 25 hours after the last inbound, with the time it closed', async () => {
    const candidate = await createCandidate({ phone: uniqueIndianMobile() });
    const lastInbound = new Date(Date.now() - 25 * 3_600_000);
    await setLastInbound(candidate.documentId, lastInbound);
    const response = await sendMessage({ candidate: candidate.documentId, body: 'Are you there?' });
    expectRule(response, 'WINDOW_CLOSED');
    const closedAt = new Date(lastInbound.getTime() + 24 * 3_600_000).toISOString();
    expect(response.body.error.details).toMatchObject({ windowClosedAt: closedAt, lastInboundAt: lastInbound.toISOString() });
    expect(response.body.error.message).toContain(closedAt);
    await expectNothingSent(candidate.phone);
  });

  it('WINDOW_CLOSED applies to media too, and not to an approved template', async () => {
    const candidate = await createCandidate({ phone: uniqueIndianMobile() });
    await setLastInbound(candidate.documentId, new Date(Date.now() - 30 * 3_600_000));
    expectRule(await sendMessage({ candidate: candidate.documentId, mediaUrls: ['https://example.com/a.png'] }), 'WINDOW_CLOSED');
    const template = await approvedTemplate();
    const ok = await sendMessage({ candidate: candidate.documentId, template: template.documentId, variables: { '1': 'A', '2': 'B' } });
    expect(ok.status).toBe(201);
  });

  it('lets free text through 23 hours after the last inbound', async () => {
    const candidate = await createCandidate({ phone: uniqueIndianMobile() });
    await setLastInbound(candidate.documentId, new Date(Date.now() - 23 * 3_600_000));
    expect((await sendMessage({ candidate: candidate.documentId, body: 'Still open' })).status).toBe(201);
  });

  it('OPTED_OUT: nothing goes to an opted-out candidate, not even a template', async () => {
    const candidate = await createCandidate({ phone: uniqueIndianMobile(), optIn: 'opted_out' });
    await setLastInbound(candidate.documentId);
    const template = await approvedTemplate();
    expectRule(await sendMessage({ candidate: candidate.documentId, body: 'Hi' }), 'OPTED_OUT');
    expectRule(
      await sendMessage({ candidate: candidate.documentId, template: template.documentId, variables: { '1': 'A', '2': 'B' } }),
      'OPTED_OUT'
    );
    // Addressed by number, the same candidate is found.
    expectRule(await sendMessage({ to: candidate.phone, template: template.documentId, variables: { '1': 'A', '2': 'B' } }), 'OPTED_OUT');
    await expectNothingSent(candidate.phone);
  });

  it('TEMPLATE_NOT_APPROVED: a draft, a pending and a rejected template are refused', async () => {
    const candidate = await createCandidate({ phone: uniqueIndianMobile() });
    const draft = await contentApi()
      .post('/api/whatsapp/templates')
      .send({ data: { name: `draft_${Date.now()}`, body: 'Hi {{1}}', variables: { '1': 'A' } } })
      .expect(201);
    const response = await sendMessage({ candidate: candidate.documentId, template: draft.body.data.documentId, variables: { '1': 'x' } });
    expectRule(response, 'TEMPLATE_NOT_APPROVED');
    expect(response.body.error.details).toMatchObject({ template: draft.body.data.documentId, approvalStatus: 'draft' });

    const template = await approvedTemplate();
    for (const status of ['pending', 'rejected', 'paused']) {
      await setTemplateApproval(template.documentId, status, template.contentSid);
      const refused = await sendMessage({ candidate: candidate.documentId, template: template.documentId, variables: { '1': 'A', '2': 'B' } });
      expectRule(refused, 'TEMPLATE_NOT_APPROVED');
      expect(refused.body.error.details.approvalStatus).toBe(status);
    }
    await expectNothingSent(candidate.phone);
  });

  it('TEMPLATE_VARIABLES_MISSING: names the placeholders without a value', async () => {
    const candidate = await createCandidate({ phone: uniqueIndianMobile() });
    const template = await approvedTemplate('Hi {{1}}, report at {{2}} to {{3}}.', { '1': 'A', '2': 'B', '3': 'C' });
    const response = await sendMessage({ candidate: candidate.documentId, template: template.documentId, variables: { '1': 'Ravi', '3': '  ' } });
    expectRule(response, 'TEMPLATE_VARIABLES_MISSING');
    expect(response.body.error.details.missing).toEqual([2, 3]);
    expect(response.body.error.message).toContain('{{2}}');
    expectRule(await sendMessage({ candidate: candidate.documentId, template: template.documentId }), 'TEMPLATE_VARIABLES_MISSING');
    await expectNothingSent(candidate.phone);
  });

  it.each([
    ['too short to be a number', '12345'],
    ['letters', 'not-a-phone'],
    ['an Indian landline', '+911123456789'],
    ['a number of no country', '+999123456789'],
  ])('INVALID_PHONE: %s', async (_label, to) => {
    const template = await approvedTemplate();
    const response = await sendMessage({ to, template: template.documentId, variables: { '1': 'A', '2': 'B' } });
    expectRule(response, 'INVALID_PHONE');
    expect(response.body.error.message.length).toBeGreaterThan(10);
  });
});

describe('POST /api/whatsapp/messages: malformed input (400)', () => {
  it.each([
    ['neither candidate nor to', { body: 'x' }, 'to'],
    ['both candidate and to', { candidate: 'abc', to: '+919876543210', body: 'x' }, 'to'],
    ['no body, media or template', { to: '+919876543210' }, 'body'],
    ['an empty body', { to: '+919876543210', body: '   ' }, 'body'],
    ['a body with a template', { to: '+919876543210', template: 'abc', body: 'x' }, 'body'],
    ['media with a template', { to: '+919876543210', template: 'abc', mediaUrls: ['https://example.com/a.png'] }, 'mediaUrls'],
    ['variables without a template', { to: '+919876543210', body: 'x', variables: { '1': 'a' } }, 'variables'],
    ['a body over 1,600 characters', { to: '+919876543210', body: 'x'.repeat(1601) }, 'body'],
    ['a media URL that is not http(s)', { to: '+919876543210', mediaUrls: ['ftp://example.com/a.png'] }, 'mediaUrls.0'],
    ['eleven media URLs', { to: '+919876543210', mediaUrls: Array.from({ length: 11 }, (_, i) => `https://example.com/${i}.png`) }, 'mediaUrls'],
    ['a variable key that is not a placeholder number', { to: '+919876543210', template: 'abc', variables: { name: 'a' } }, 'variables.name'],
    ['to that is not a string', { to: 919876543210, body: 'x' }, 'to'],
    ['an unknown field', { to: '+919876543210', body: 'x', priority: 'high' }, ''],
  ])('refuses %s', async (_label, data, path) => {
    const response = await sendMessage(data);
    expect(response.status).toBe(400);
    expectStrapiError(response.body, 400, 'ValidationError');
    const paths = response.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'));
    expect(paths).toContain(path);
  });

  it.each([
    ['no body', undefined],
    ['data that is not an object', { data: 'hello' }],
  ])('answers %s with a 400', async (_label, body) => {
    const response = await contentApi().post('/api/whatsapp/messages').send(body as object);
    expect(response.status).toBe(400);
    expectStrapiError(response.body, 400);
  });

  it('refuses an unknown candidate or template id with a 400 naming the field', async () => {
    const unknownCandidate = await sendMessage({ candidate: 'doesnotexist123', body: 'x' });
    expect(unknownCandidate.status).toBe(400);
    expect(unknownCandidate.body.error.details.errors[0].path).toEqual(['candidate']);
    const unknownTemplate = await sendMessage({ to: uniqueIndianMobile(), template: 'doesnotexist123' });
    expect(unknownTemplate.status).toBe(400);
    expect(unknownTemplate.body.error.details.errors[0].path).toEqual(['template']);
  });

  it('needs the send permission: the public role and a token without it get 403', async () => {
    const { api } = await import('../helpers/api');
    const { createCustomToken } = await import('../helpers/tokens');
    expect((await api().post('/api/whatsapp/messages').send({ data: { to: '+919876543210', body: 'x' } })).status).toBe(403);
    const readOnly = await createCustomToken(['plugin::whatsapp.message.find', 'plugin::whatsapp.message.findOne']);
    expect((await api(readOnly).post('/api/whatsapp/messages').send({ data: { to: '+919876543210', body: 'x' } })).status).toBe(403);
    const sender = await createCustomToken(['plugin::whatsapp.message.send']);
    const phone = uniqueIndianMobile();
    const allowed = await api(sender).post('/api/whatsapp/messages').send({ data: { to: phone, body: 'x' } });
    // Past the permission check: the rules answer (the window is closed for a new number).
    expect(allowed.status).toBe(422);
  });
});
