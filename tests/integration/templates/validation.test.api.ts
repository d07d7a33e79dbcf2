import { contentApi, expectStrapiError } from '../helpers/api';
import { uniqueName } from '../helpers/data';
import { withDb } from '../helpers/db';

const createTemplate = async () => {
  const response = await contentApi()
    .post('/api/whatsapp/templates')
    .send({ data: { name: uniqueName('rules').toLowerCase(), body: 'Hi {{1}}, see you on {{2}}', variables: { '1': 'Asha', '2': 'Monday' } } })
    .expect(201);
  return response.body.data.documentId as string;
};

const storedRow = (documentId: string) =>
  withDb(async (client) =>
    (await client.query('SELECT body, variables, approval_status, content_sid, updated_at FROM plugin_whatsapp_templates WHERE document_id = $1', [documentId])).rows[0]
  );

describe('template rules on edit (placeholders, length, samples) and Twilio-owned fields', () => {
  it.each([
    ['a gap in the numbering', { body: 'Hi {{1}}, see you on {{3}}', variables: { '1': 'Asha', '3': 'x' } }, 'body', 'without gaps'],
    ['a body over 1,024 characters', { body: `{{1}} {{2}} ${'x'.repeat(1020)}` }, 'body', '1024'],
    ['a new placeholder without a sample', { body: 'Hi {{1}}, {{2}} at {{3}}' }, 'variables.3', 'sample'],
    ['samples that drop one still used', { variables: { '1': 'Asha' } }, 'variables.2', 'sample'],
    ['a blank sample', { variables: { '1': 'Asha', '2': ' ' } }, 'variables.2', 'sample'],
  ])('refuses %s with a 400 and keeps the template as it was', async (_label, data, field, words) => {
    const id = await createTemplate();
    const before = await storedRow(id);
    const response = await contentApi().put(`/api/whatsapp/templates/${id}`).send({ data });
    expect(response.status).toBe(400);
    expectStrapiError(response.body, 400, 'ValidationError');
    const issue = response.body.error.details.errors.find((error: { path: string[] }) => error.path.join('.') === field);
    expect(issue?.message).toContain(words);
    expect(await storedRow(id)).toEqual(before);
  });

  it.each([
    ['approvalStatus', 'approved'],
    ['contentSid', 'HX0123456789abcdef0123456789abcdef'],
    ['rejectionReason', 'none'],
    ['deletedAtTwilio', null],
    ['twilioTypes', { 'twilio/text': { body: 'x' } }],
    ['lastSyncedAt', '2024-01-01T00:00:00.000Z'],
  ])('refuses %s from a client: only Twilio sets it', async (field, value) => {
    const id = await createTemplate();
    const before = await storedRow(id);
    const response = await contentApi().put(`/api/whatsapp/templates/${id}`).send({ data: { [field]: value } });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].message).toContain(field);
    expect(await storedRow(id)).toEqual(before);
  });
});
