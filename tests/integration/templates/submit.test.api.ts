import { contentApi, expectStrapiError } from '../helpers/api';
import { uniqueName } from '../helpers/data';
import { withDb } from '../helpers/db';
import {
  deleteContentAtTwilio,
  failNextContentRequest,
  listContent,
  pendingContentFailures,
  seedContent,
  setApproval,
} from './emulator-content';

const templateName = () => uniqueName('submit').toLowerCase();

const createDraft = async (data: Record<string, unknown> = {}) => {
  const response = await contentApi()
    .post('/api/whatsapp/templates')
    .send({ data: { name: templateName(), category: 'UTILITY', language: 'en', body: 'Hi {{1}}, your interview is on {{2}}.', variables: { '1': 'Asha', '2': '12 March' }, ...data } })
    .expect(201);
  return response.body.data as { documentId: string; name: string };
};

const submit = (documentId: string, data?: Record<string, unknown>) => {
  const call = contentApi().post(`/api/whatsapp/templates/${documentId}/submit`);
  return data === undefined ? call : call.send({ data });
};

const contentsNamed = async (name: string) => (await listContent()).filter((content) => content.friendlyName === name);

const findBySid = async (contentSid: string) => {
  const response = await contentApi().get('/api/whatsapp/templates').query({ filters: { contentSid: { $eq: contentSid } } }).expect(200);
  return response.body.data as Array<Record<string, unknown>>;
};

describe('POST /templates/:id/submit: create at Twilio, then request WhatsApp approval', () => {
  it('round trip: creates the Content, submits it, and a sync brings the approval back', async () => {
    const draft = await createDraft({ category: 'MARKETING', language: 'en_US' });
    const response = await submit(draft.documentId);
    expect(response.status).toBe(200);
    const submitted = response.body.data;
    expect(submitted).toMatchObject({
      documentId: draft.documentId,
      name: draft.name,
      approvalStatus: 'received',
      contentSid: expect.stringMatching(/^HX[0-9a-f]{32}$/),
      rejectionReason: null,
      deletedAtTwilio: null,
      lastSyncedAt: expect.any(String),
      twilioTypes: { 'twilio/text': { body: 'Hi {{1}}, your interview is on {{2}}.' } },
    });

    // What Twilio now holds, as its Content API stores it.
    const [content, ...others] = await contentsNamed(draft.name);
    expect(others).toEqual([]);
    expect(content).toMatchObject({
      sid: submitted.contentSid,
      language: 'en_US',
      variables: { '1': 'Asha', '2': '12 March' },
      types: { 'twilio/text': { body: 'Hi {{1}}, your interview is on {{2}}.' } },
      approval: { name: draft.name, category: 'MARKETING', status: 'received', rejectionReason: '' },
    });

    // Meta decides; the next sync shows it on the same template.
    await setApproval(submitted.contentSid, { status: 'approved' });
    await contentApi().post('/api/whatsapp/templates/sync').expect(200);
    const synced = await contentApi().get(`/api/whatsapp/templates/${draft.documentId}`).expect(200);
    expect(synced.body.data).toMatchObject({ approvalStatus: 'approved', contentSid: submitted.contentSid, category: 'MARKETING', name: draft.name });
    expect(await findBySid(submitted.contentSid)).toHaveLength(1);
  });

  it('refuses a second submit with a 409 and creates nothing more at Twilio', async () => {
    const draft = await createDraft();
    await submit(draft.documentId).expect(200);
    const again = await submit(draft.documentId);
    expect(again.status).toBe(409);
    expectStrapiError(again.body, 409, 'ConflictError');
    expect(again.body.error.details).toMatchObject({ code: 'ALREADY_SUBMITTED', approvalStatus: 'received' });
    expect(await contentsNamed(draft.name)).toHaveLength(1);
  });

  it('resubmits a rejected template as the same Content', async () => {
    const draft = await createDraft();
    const first = (await submit(draft.documentId).expect(200)).body.data;
    await setApproval(first.contentSid, { status: 'rejected', rejectionReason: 'INVALID_FORMAT' });
    await contentApi().post('/api/whatsapp/templates/sync').expect(200);
    const rejected = await contentApi().get(`/api/whatsapp/templates/${draft.documentId}`).expect(200);
    expect(rejected.body.data).toMatchObject({ approvalStatus: 'rejected', rejectionReason: 'INVALID_FORMAT' });

    const second = await submit(draft.documentId).expect(200);
    expect(second.body.data).toMatchObject({ contentSid: first.contentSid, approvalStatus: 'received', rejectionReason: null });
    expect(await contentsNamed(draft.name)).toHaveLength(1);
  });

  it('creates quick-reply and media templates, with twilio/text as the fallback', async () => {
    const quick = await createDraft({ body: 'Will you attend on {{1}}?', variables: { '1': 'Monday' } });
    const quickReplies = [{ title: 'Yes, I will' }, { title: 'No', id: 'decline' }];
    const quickResponse = await submit(quick.documentId, { quickReplies }).expect(200);
    expect(quickResponse.body.data.twilioTypes).toEqual({
      'twilio/quick-reply': { body: 'Will you attend on {{1}}?', actions: [{ title: 'Yes, I will', id: 'Yes, I will' }, { title: 'No', id: 'decline' }] },
      'twilio/text': { body: 'Will you attend on {{1}}?' },
    });
    const [quickContent] = await contentsNamed(quick.name);
    expect(Object.keys(quickContent!.types)).toEqual(['twilio/quick-reply', 'twilio/text']);
    expect(quickContent!.types['twilio/quick-reply']).toEqual(quickResponse.body.data.twilioTypes['twilio/quick-reply']);

    const media = await createDraft({ body: 'Your offer letter', variables: null });
    await submit(media.documentId, { media: ['https://cdn.example.com/offer.pdf'] }).expect(200);
    const [mediaContent] = await contentsNamed(media.name);
    expect(mediaContent!.types).toEqual({
      'twilio/media': { body: 'Your offer letter', media: ['https://cdn.example.com/offer.pdf'] },
      'twilio/text': { body: 'Your offer letter' },
    });
  });

  it.each([
    ['media and quick replies together', { media: ['https://cdn.example.com/a.png'], quickReplies: [{ title: 'Ok' }] }, 'quickReplies'],
    ['media over plain http', { media: ['http://cdn.example.com/a.png'] }, 'media.0'],
    ['more than one media file', { media: ['https://a.example.com/1.png', 'https://a.example.com/2.png'] }, 'media'],
    ['a quick reply title over 20 characters', { quickReplies: [{ title: 'x'.repeat(21) }] }, 'quickReplies.0.title'],
    ['eleven quick replies', { quickReplies: Array.from({ length: 11 }, (_v, i) => ({ title: `r${i}` })) }, 'quickReplies'],
    ['an unknown field', { buttons: [] }, ''],
  ])('refuses %s with a 400 and leaves Twilio alone', async (_label, data, path) => {
    const draft = await createDraft();
    const response = await submit(draft.documentId, data);
    expect(response.status).toBe(400);
    expectStrapiError(response.body, 400, 'ValidationError');
    expect(response.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'))).toContain(path);
    expect(await contentsNamed(draft.name)).toEqual([]);
  });

  it('refuses media or quick replies for a template already at Twilio (its content cannot change)', async () => {
    const draft = await createDraft();
    const first = (await submit(draft.documentId).expect(200)).body.data;
    await setApproval(first.contentSid, { status: 'rejected' });
    await contentApi().post('/api/whatsapp/templates/sync').expect(200);
    const response = await submit(draft.documentId, { quickReplies: [{ title: 'Yes' }] });
    expect(response.status).toBe(409);
    expect(response.body.error.details.code).toBe('CONTENT_IMMUTABLE');
  });

  it('checks an imported template against the placeholder rules before submitting it', async () => {
    const content = await seedContent({ friendlyName: templateName(), body: 'Hi {{2}}', approval: 'unsubmitted' });
    await contentApi().post('/api/whatsapp/templates/sync').expect(200);
    const [imported] = await findBySid(content.sid);
    const response = await submit(imported!.documentId as string);
    expect(response.status).toBe(400);
    expectStrapiError(response.body, 400, 'ValidationError');
    const paths = response.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['body', 'variables.2']));
    expect((await listContent()).find((c) => c.sid === content.sid)!.approval.status).toBe('unsubmitted');
  });

  it('answers Twilio refusing the approval request with a 422 and Twilio’s reason', async () => {
    // Submitted from the Twilio Console meanwhile: our copy still says unsubmitted.
    const content = await seedContent({ friendlyName: templateName(), body: 'Hello', approval: 'unsubmitted' });
    await contentApi().post('/api/whatsapp/templates/sync').expect(200);
    const [imported] = await findBySid(content.sid);
    await setApproval(content.sid, { status: 'pending' });

    const response = await submit(imported!.documentId as string);
    expect(response.status).toBe(422);
    expectStrapiError(response.body, 422, 'UnprocessableEntityError');
    expect(response.body.error.details).toMatchObject({ code: 'TWILIO_REJECTED', twilioStatus: 400, twilioCode: 20001 });
    expect(response.body.error.message).toContain('already has a WhatsApp approval request');
    const after = await contentApi().get(`/api/whatsapp/templates/${imported!.documentId}`).expect(200);
    expect(after.body.data.approvalStatus).toBe('unsubmitted');
  });

  it('keeps the template a draft when Twilio fails to create it, and succeeds once Twilio is back', async () => {
    const draft = await createDraft();
    await failNextContentRequest({ kind: 'http500' });
    const failed = await submit(draft.documentId);
    expect(failed.status).toBe(502);
    expectStrapiError(failed.body, 502, 'BadGatewayError');
    expect(failed.body.error.details).toEqual({ code: 'TWILIO_UNAVAILABLE', twilioStatus: 500, twilioCode: 20500 });
    expect(await pendingContentFailures()).toBe(0);
    const row = await withDb(async (client) =>
      (await client.query('SELECT content_sid, approval_status FROM plugin_whatsapp_templates WHERE document_id = $1', [draft.documentId])).rows[0]
    );
    expect(row).toEqual({ content_sid: null, approval_status: 'draft' });
    expect(await contentsNamed(draft.name)).toEqual([]);

    const retried = await submit(draft.documentId).expect(200);
    expect(retried.body.data.approvalStatus).toBe('received');
    expect(await contentsNamed(draft.name)).toHaveLength(1);
  });

  it('refuses a template deleted at Twilio (409) and an unknown one (404)', async () => {
    const draft = await createDraft();
    const submitted = (await submit(draft.documentId).expect(200)).body.data;
    await deleteContentAtTwilio(submitted.contentSid);
    await contentApi().post('/api/whatsapp/templates/sync').expect(200);
    const response = await submit(draft.documentId);
    expect(response.status).toBe(409);
    expect(response.body.error.details.code).toBe('TEMPLATE_DELETED_AT_TWILIO');

    const missing = await submit('doesnotexist000000000000');
    expect(missing.status).toBe(404);
    expectStrapiError(missing.body, 404, 'NotFoundError');
  });
});
