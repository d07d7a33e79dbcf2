import { contentApi, expectStrapiError } from '../helpers/api';
import { uniqueName } from '../helpers/data';
import { countRows } from '../helpers/db';

const templateName = () => uniqueName('tpl').toLowerCase();
const createTemplate = (data: Record<string, unknown>) => contentApi().post('/api/whatsapp/templates').send({ data });

describe('templates REST API', () => {
  it('creates a draft template with placeholders and samples, then edits and deletes it', async () => {
    const created = await createTemplate({
      name: templateName(),
      language: 'en',
      category: 'UTILITY',
      body: 'Hello {{1}}, your interview is on {{2}}.',
      variables: { '1': 'Asha', '2': '12 March' },
    }).expect(201);
    expect(created.body.data).toMatchObject({ approvalStatus: 'draft', language: 'en', category: 'UTILITY', contentSid: null });

    const id = created.body.data.documentId;
    const updated = await contentApi()
      .put(`/api/whatsapp/templates/${id}`)
      .send({ data: { body: 'Hi {{1}}', variables: { '1': 'Ravi' } } })
      .expect(200);
    expect(updated.body.data.body).toBe('Hi {{1}}');
    await contentApi().delete(`/api/whatsapp/templates/${id}`).expect(204);
  });

  it('ignores an approval state sent by a client: approval only comes from Twilio', async () => {
    const response = await createTemplate({ name: templateName(), body: 'Plain text', approvalStatus: 'approved' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].message).toContain('approvalStatus');
  });

  it.each([
    ['a gap in the numbering', { body: 'Hi {{1}} and {{3}}', variables: { '1': 'a', '3': 'c' } }, 'body', 'without gaps'],
    ['numbering that does not start at 1', { body: 'Hi {{2}}', variables: { '2': 'b' } }, 'body', 'without gaps'],
    ['a named placeholder', { body: 'Hi {{name}}' }, 'body', 'numbered placeholders'],
    ['a body over 1,024 characters', { body: 'x'.repeat(1025) }, 'body', '1024'],
    ['a missing sample', { body: 'Hi {{1}} {{2}}', variables: { '1': 'a' } }, 'variables.2', 'sample'],
    ['an empty sample', { body: 'Hi {{1}}', variables: { '1': '  ' } }, 'variables.1', 'sample'],
    ['an invalid name', { name: 'Interview Reminder!', body: 'Hi' }, 'name', 'lowercase'],
    ['an unknown category', { body: 'Hi', category: 'PROMO' }, 'category', ''],
    ['an invalid language', { body: 'Hi', language: 'english' }, 'language', 'language code'],
  ])('refuses %s with a 400 on the right field', async (_label, data, field, words) => {
    const attempt: Record<string, unknown> = { name: templateName(), ...data };
    const response = await createTemplate(attempt);
    expect(response.status).toBe(400);
    expectStrapiError(response.body, 400, 'ValidationError');
    const issue = response.body.error.details.errors.find((error: { path: string[] }) => error.path.join('.') === field);
    expect(issue).toBeDefined();
    expect(issue.message).toContain(words);
    expect(await countRows('plugin_whatsapp_templates', 'name = $1', [attempt.name])).toBe(0);
  });

  it('accepts exactly 1,024 characters', async () => {
    await createTemplate({ name: templateName(), body: 'y'.repeat(1024) }).expect(201);
  });
});

describe('template placeholder rules on update', () => {
  it('checks an edited body against the samples already stored', async () => {
    const created = await createTemplate({ name: templateName(), body: 'Hi {{1}}', variables: { '1': 'Asha' } }).expect(201);
    const id = created.body.data.documentId;
    await contentApi().put(`/api/whatsapp/templates/${id}`).send({ data: { body: 'Hello {{1}}!' } }).expect(200);
    const refused = await contentApi().put(`/api/whatsapp/templates/${id}`).send({ data: { body: 'Hello {{1}} {{2}}' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors[0].path).toEqual(['variables', '2']);
  });
});
