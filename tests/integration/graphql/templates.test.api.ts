import { contentApi } from '../helpers/api';
import { uniqueIndianMobile, uniqueName } from '../helpers/data';
import { createCustomToken } from '../helpers/tokens';
import { listContent, seedContent } from '../templates/emulator-content';
import { expectBadInput, expectGqlError, expectRefusal, gql, gqlOk } from './helpers';

const createDraft = async () => {
  const response = await contentApi()
    .post('/api/whatsapp/templates')
    .send({ data: { name: uniqueName('gql').toLowerCase(), body: 'Hi {{1}}, your interview is on {{2}}.', variables: { '1': 'Asha', '2': '12 March' } } })
    .expect(201);
  return response.body.data as { documentId: string; name: string };
};

const SYNC = 'mutation { syncWhatsappTemplates { created updated unchanged markedDeleted skipped total pages syncedAt } }';
const SUBMIT = `mutation ($id: ID!, $data: WhatsappTemplateSubmitInput) {
  submitWhatsappTemplate(id: $id, data: $data) { documentId name approvalStatus contentSid rejectionReason lastSyncedAt twilioTypes }
}`;
const PREVIEW = `mutation ($id: ID!, $data: WhatsappTemplatePreviewInput) {
  previewWhatsappTemplate(id: $id, data: $data) { text missing variables }
}`;

describe('GraphQL syncWhatsappTemplates (POST /templates/sync)', () => {
  it('imports what Twilio holds and answers the counts', async () => {
    const name = uniqueName('gqlsync').toLowerCase();
    const content = await seedContent({ friendlyName: name, body: 'Your offer letter is ready, {{1}}.', variables: { '1': 'Asha' }, approval: 'approved' });

    const { syncWhatsappTemplates: result } = await gqlOk(SYNC);
    expect(result).toEqual({
      created: expect.any(Number),
      updated: expect.any(Number),
      unchanged: expect.any(Number),
      markedDeleted: expect.any(Number),
      skipped: expect.any(Number),
      total: expect.any(Number),
      pages: expect.any(Number),
      syncedAt: expect.any(String),
    });
    expect(result.total).toBeGreaterThanOrEqual(1);
    expect(result.created + result.updated + result.unchanged + result.skipped).toBe(result.total);

    const { whatsappTemplates } = await gqlOk('query ($sid: String) { whatsappTemplates(filters: { contentSid: { eq: $sid } }) { name approvalStatus body } }', {
      sid: content.sid,
    });
    expect(whatsappTemplates).toEqual([{ name, approvalStatus: 'approved', body: 'Your offer letter is ready, {{1}}.' }]);
  });
});

describe('GraphQL submitWhatsappTemplate (POST /templates/:id/submit)', () => {
  it('creates the template at Twilio and requests approval, once', async () => {
    const draft = await createDraft();
    const { submitWhatsappTemplate: submitted } = await gqlOk(SUBMIT, { id: draft.documentId });
    expect(submitted).toEqual({
      documentId: draft.documentId,
      name: draft.name,
      approvalStatus: 'received',
      contentSid: expect.stringMatching(/^HX[0-9a-f]{32}$/),
      rejectionReason: null,
      lastSyncedAt: expect.any(String),
      twilioTypes: { 'twilio/text': { body: 'Hi {{1}}, your interview is on {{2}}.' } },
    });
    expect((await listContent()).filter((content) => content.friendlyName === draft.name)).toEqual([
      expect.objectContaining({ sid: submitted.contentSid, approval: expect.objectContaining({ status: 'received' }) }),
    ]);

    const again = await gql(SUBMIT, { id: draft.documentId });
    const error = expectRefusal(again, 'submitWhatsappTemplate', 409, 'ALREADY_SUBMITTED');
    expect(error.extensions.error?.details.approvalStatus).toBe('received');
    expect((await listContent()).filter((content) => content.friendlyName === draft.name)).toHaveLength(1);
  });

  it('submits with quick replies (a null id counts as not given)', async () => {
    const draft = await createDraft();
    const { submitWhatsappTemplate: submitted } = await gqlOk(SUBMIT, {
      id: draft.documentId,
      data: { media: null, quickReplies: [{ title: 'Yes', id: null }, { title: 'No', id: 'no' }] },
    });
    expect(submitted.twilioTypes['twilio/quick-reply']).toEqual({
      body: 'Hi {{1}}, your interview is on {{2}}.',
      actions: [
        { title: 'Yes', id: 'Yes' },
        { title: 'No', id: 'no' },
      ],
    });
    expect(submitted.approvalStatus).toBe('received');
  });

  it.each([
    ['media that is not https', { media: ['http://example.com/a.png'] }, 'media.0'],
    ['media and quick replies together', { media: ['https://example.com/a.png'], quickReplies: [{ title: 'Yes' }] }, 'quickReplies'],
    ['an empty quick reply title', { quickReplies: [{ title: ' ' }] }, 'quickReplies.0.title'],
  ])('refuses %s with BAD_USER_INPUT and creates nothing at Twilio', async (_label, data, path) => {
    const draft = await createDraft();
    expect(expectBadInput(await gql(SUBMIT, { id: draft.documentId, data }), 'submitWhatsappTemplate')).toContain(path);
    expect((await listContent()).filter((content) => content.friendlyName === draft.name)).toHaveLength(0);
  });

  it('answers NOT_FOUND for an unknown template', async () => {
    expectGqlError(await gql(SUBMIT, { id: 'nosuchtemplate00000000000' }), 'STRAPI_NOT_FOUND_ERROR', 'submitWhatsappTemplate');
  });
});

describe('GraphQL previewWhatsappTemplate (POST /templates/:id/preview)', () => {
  let templateId: string;
  let candidateId: string;

  beforeAll(async () => {
    templateId = (await createDraft()).documentId;
    const candidate = await contentApi()
      .post('/api/whatsapp/candidates')
      .send({ data: { name: 'Ravi Kumar', phone: uniqueIndianMobile() } })
      .expect(201);
    candidateId = candidate.body.data.documentId;
  });

  it('renders the template’s samples, given values, or a candidate’s fields through a mapping', async () => {
    expect((await gqlOk(PREVIEW, { id: templateId })).previewWhatsappTemplate).toEqual({
      text: 'Hi Asha, your interview is on 12 March.',
      missing: [],
      variables: { '1': 'Asha', '2': '12 March' },
    });
    expect((await gqlOk(PREVIEW, { id: templateId, data: { variables: { '1': 'Meera' } } })).previewWhatsappTemplate).toEqual({
      text: 'Hi Meera, your interview is on .',
      missing: [2],
      variables: { '1': 'Meera' },
    });
    const forCandidate = await gqlOk(PREVIEW, {
      id: templateId,
      data: { candidate: candidateId, variableMapping: { '1': { source: 'field', field: 'name' }, '2': { source: 'text', value: 'Friday' } } },
    });
    expect(forCandidate.previewWhatsappTemplate).toEqual({
      text: 'Hi Ravi Kumar, your interview is on Friday.',
      missing: [],
      variables: { '1': 'Ravi Kumar', '2': 'Friday' },
    });
  });

  it.each([
    ['a candidate without a mapping', () => ({ candidate: candidateId }), 'variableMapping'],
    ['an unknown candidate', () => ({ candidate: 'nosuchcandidate0000000000', variableMapping: { '1': { source: 'field', field: 'name' } } }), 'candidate'],
    ['an unknown mapping source', () => ({ candidate: candidateId, variableMapping: { '1': { source: 'sql', value: 'x' } } }), 'variableMapping.1.source'],
  ])('refuses %s with BAD_USER_INPUT', async (_label, data, path) => {
    expect(expectBadInput(await gql(PREVIEW, { id: templateId, data: data() }), 'previewWhatsappTemplate')).toContain(path);
  });

  it('previews for a candidate only for a caller who may also read candidates, as on REST', async () => {
    const data = { candidate: candidateId, variableMapping: { '1': { source: 'field', field: 'name' } } };
    const previewOnly = await createCustomToken(['plugin::whatsapp.template-actions.preview']);
    expect((await gqlOk(PREVIEW, { id: templateId, data: { variables: { '1': 'A' } } }, previewOnly)).previewWhatsappTemplate.text).toBe(
      'Hi A, your interview is on .'
    );
    expectGqlError(await gql(PREVIEW, { id: templateId, data }, previewOnly), 'FORBIDDEN', 'previewWhatsappTemplate');

    const withCandidates = await createCustomToken(['plugin::whatsapp.template-actions.preview', 'plugin::whatsapp.candidate.findOne']);
    expect((await gqlOk(PREVIEW, { id: templateId, data }, withCandidates)).previewWhatsappTemplate.text).toBe(
      'Hi Ravi Kumar, your interview is on .'
    );
  });
});
