import { contentApi, expectStrapiError } from '../helpers/api';
import { uniqueName } from '../helpers/data';

const createCampaign = (data: Record<string, unknown>) => contentApi().post('/api/whatsapp/campaigns').send({ data });

describe('campaigns REST API', () => {
  it('creates a draft campaign with a template, a variable mapping and an audience', async () => {
    const template = await contentApi()
      .post('/api/whatsapp/templates')
      .send({ data: { name: uniqueName('camp_tpl').toLowerCase(), body: 'Hi {{1}}, {{2}}', variables: { '1': 'a', '2': 'b' } } })
      .expect(201);
    const created = await createCampaign({
      name: 'Placement drive',
      template: template.body.data.documentId,
      variableMapping: { '1': { source: 'field', field: 'name' }, '2': { source: 'text', value: 'see you soon' } },
      audience: { tags: ['batch-2026'] },
    }).expect(201);
    expect(created.body.data).toMatchObject({
      name: 'Placement drive',
      state: 'draft',
      audience: { tags: ['batch-2026'], candidates: [] },
    });

    const read = await contentApi()
      .get(`/api/whatsapp/campaigns/${created.body.data.documentId}`)
      .query({ populate: 'template' })
      .expect(200);
    expect(read.body.data.template.documentId).toBe(template.body.data.documentId);
  });

  it('starts as scheduled when given scheduledAt', async () => {
    const scheduledAt = new Date(Date.now() + 3_600_000).toISOString();
    const created = await createCampaign({ name: 'Later', scheduledAt }).expect(201);
    expect(created.body.data).toMatchObject({ state: 'scheduled', scheduledAt });
  });

  it.each([
    ['no name', {}, 'name'],
    ['an unknown variable source', { name: 'x', variableMapping: { '1': { source: 'sql', value: 'x' } } }, 'variableMapping.1.source'],
    ['a mapping key that is not a placeholder number', { name: 'x', variableMapping: { first: { source: 'text', value: 'x' } } }, 'variableMapping.first'],
    ['an audience that is not an object', { name: 'x', audience: 'everyone' }, 'audience'],
    ['a malformed scheduledAt', { name: 'x', scheduledAt: 'tomorrow' }, 'scheduledAt'],
  ])('refuses %s with a 400', async (_label, data, field) => {
    const response = await createCampaign(data);
    expect(response.status).toBe(400);
    expectStrapiError(response.body, 400, 'ValidationError');
    const paths = response.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'));
    expect(paths).toContain(field);
  });

  it('refuses a state set by hand: state moves only through campaign actions', async () => {
    const response = await createCampaign({ name: 'x', state: 'running' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].message).toContain('state');
  });

  it('refuses a template that does not exist with a 400', async () => {
    const response = await createCampaign({ name: 'x', template: 'doesnotexist000000000000' });
    expect(response.status).toBe(400);
    expectStrapiError(response.body, 400);
  });
});
