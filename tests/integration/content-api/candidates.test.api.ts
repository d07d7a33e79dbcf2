import { api, contentApi, expectStrapiError } from '../helpers/api';
import { uniqueIndianMobile, uniqueName } from '../helpers/data';
import { countRows } from '../helpers/db';
import { createCustomToken } from '../helpers/tokens';

const createCandidate = (data: Record<string, unknown>) => contentApi().post('/api/whatsapp/candidates').send({ data });

describe('candidates REST API', () => {
  it('creates, reads, updates and deletes a candidate with Strapi conventions', async () => {
    const phone = uniqueIndianMobile();
    const created = await createCandidate({
      name: 'Asha Rao',
      phone,
      email: 'asha@example.com',
      tags: ['batch-2026', 'java'],
      attributes: { course: 'B.Tech', year: 2026 },
    }).expect(201);
    const candidate = created.body.data;
    expect(candidate).toMatchObject({
      documentId: expect.any(String),
      name: 'Asha Rao',
      phone,
      optIn: 'unknown',
      tags: ['batch-2026', 'java'],
      attributes: { course: 'B.Tech', year: 2026 },
    });

    const read = await contentApi().get(`/api/whatsapp/candidates/${candidate.documentId}`).expect(200);
    expect(read.body.data.phone).toBe(phone);

    const updated = await contentApi()
      .put(`/api/whatsapp/candidates/${candidate.documentId}`)
      .send({ data: { name: 'Asha R.', optIn: 'opted_in' } })
      .expect(200);
    expect(updated.body.data).toMatchObject({ name: 'Asha R.', optIn: 'opted_in', optInAt: expect.any(String) });

    await contentApi().delete(`/api/whatsapp/candidates/${candidate.documentId}`).expect(204);
    const gone = await contentApi().get(`/api/whatsapp/candidates/${candidate.documentId}`);
    expect(gone.status).toBe(404);
    expectStrapiError(gone.body, 404, 'NotFoundError');
  });

  it.each([
    ['digits only, read in the default country (IN)', (n: string) => n.slice(3)],
    ['with spaces and a leading 0', (n: string) => `0${n.slice(3, 8)} ${n.slice(8)}`],
    ['with the whatsapp: prefix', (n: string) => `whatsapp:${n}`],
    ['international format with dashes', (n: string) => `+91-${n.slice(3, 8)}-${n.slice(8)}`],
  ])('normalises a phone written %s to E.164', async (_label, write) => {
    const phone = uniqueIndianMobile();
    const response = await createCandidate({ phone: write(phone) }).expect(201);
    expect(response.body.data.phone).toBe(phone);
  });

  it.each([
    [{ phone: '12345' }, 'phone'],
    [{ phone: 'not a number' }, 'phone'],
    [{ phone: '' }, 'phone'],
    [{}, 'phone'],
    [{ phone: uniqueIndianMobile(), email: 'not-an-email' }, 'email'],
    [{ phone: uniqueIndianMobile(), optIn: 'maybe' }, 'optIn'],
    [{ phone: uniqueIndianMobile(), tags: 'java' }, 'tags'],
    [{ phone: uniqueIndianMobile(), attributes: ['a'] }, 'attributes'],
  ])('refuses %j with a 400 naming the field', async (data, field) => {
    // A name of its own tells this attempt's row apart from every other suite's candidates.
    const name = uniqueName('refused');
    const response = await createCandidate({ name, ...data });
    expect(response.status).toBe(400);
    expectStrapiError(response.body, 400, 'ValidationError');
    const paths = response.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'));
    expect(paths).toContain(field);
    expect(await countRows('plugin_whatsapp_candidates', 'name = $1', [name])).toBe(0);
  });

  it('refuses an unknown field and names it', async () => {
    const response = await createCandidate({ phone: uniqueIndianMobile(), unknownField: 1 });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].message).toContain('unknownField');
  });

  it.each([
    ['no body', undefined],
    ['a body without data', { phone: '+919876543210' }],
    ['data that is a string', { data: 'x' }],
    ['data that is an array', { data: [] }],
  ])('answers %s with a 400, not a 500', async (_label, body) => {
    const response = await contentApi().post('/api/whatsapp/candidates').send(body as object);
    expect(response.status).toBe(400);
    expectStrapiError(response.body, 400);
  });

  it('answers malformed JSON with a 400', async () => {
    const response = await contentApi()
      .post('/api/whatsapp/candidates')
      .set('content-type', 'application/json')
      .send('{"data": {"phone": ');
    expect(response.status).toBe(400);
  });

  it('refuses a duplicate phone, however it is written, with a clear 4xx', async () => {
    const phone = uniqueIndianMobile();
    await createCandidate({ phone }).expect(201);
    const duplicate = await createCandidate({ phone: `whatsapp:${phone}` });
    expect([400, 409]).toContain(duplicate.status);
    expect(duplicate.body.error.details.errors[0].path).toEqual(['phone']);
    expect(await countRows('plugin_whatsapp_candidates', 'phone = $1', [phone])).toBe(1);
  });

  it('keeps one row when the same phone is created 10 times at once (the database enforces it)', async () => {
    const phone = uniqueIndianMobile();
    const responses = await Promise.all(Array.from({ length: 10 }, () => createCandidate({ phone })));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    for (const status of statuses.filter((s) => s !== 201)) expect([400, 409]).toContain(status);
    expect(await countRows('plugin_whatsapp_candidates', 'phone = $1', [phone])).toBe(1);
  });

  it('refuses an update that would duplicate another candidate’s phone', async () => {
    const first = uniqueIndianMobile();
    await createCandidate({ phone: first }).expect(201);
    const second = await createCandidate({ phone: uniqueIndianMobile() }).expect(201);
    const response = await contentApi()
      .put(`/api/whatsapp/candidates/${second.body.data.documentId}`)
      .send({ data: { phone: first } });
    expect([400, 409]).toContain(response.status);
  });

  it('supports filters, sort and pagination', async () => {
    const tag = `filter-${Date.now()}`;
    const names = ['Charu', 'Anil', 'Bela'];
    for (const name of names) await createCandidate({ name: `${tag} ${name}`, phone: uniqueIndianMobile(), tags: [tag] }).expect(201);

    const sorted = await contentApi()
      .get('/api/whatsapp/candidates')
      .query({ 'filters[name][$startsWith]': tag, sort: 'name:asc', 'pagination[page]': 1, 'pagination[pageSize]': 2 })
      .expect(200);
    expect(sorted.body.data.map((c: { name: string }) => c.name)).toEqual([`${tag} Anil`, `${tag} Bela`]);
    expect(sorted.body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 3 });

    const page2 = await contentApi()
      .get('/api/whatsapp/candidates')
      .query({ 'filters[name][$startsWith]': tag, sort: 'name:asc', 'pagination[page]': 2, 'pagination[pageSize]': 2 })
      .expect(200);
    expect(page2.body.data.map((c: { name: string }) => c.name)).toEqual([`${tag} Charu`]);
  });

  it('answers an invalid filter or sort with a 400', async () => {
    const badSort = await contentApi().get('/api/whatsapp/candidates').query({ sort: 'nope:asc' });
    expect(badSort.status).toBe(400);
    const badFilter = await contentApi().get('/api/whatsapp/candidates').query({ 'filters[nope][$eq]': 1 });
    expect(badFilter.status).toBe(400);
  });

  it('populates relations on request', async () => {
    const created = await createCandidate({ phone: uniqueIndianMobile() }).expect(201);
    const response = await contentApi()
      .get(`/api/whatsapp/candidates/${created.body.data.documentId}`)
      .query({ populate: 'conversations' })
      .expect(200);
    expect(response.body.data.conversations).toEqual([]);
  });

  it('makes every route a permission: a token granted only find can list but not create', async () => {
    const token = await createCustomToken(['plugin::whatsapp.candidate.find']);
    await api(token).get('/api/whatsapp/candidates').expect(200);
    const refused = await api(token).post('/api/whatsapp/candidates').send({ data: { phone: uniqueIndianMobile() } });
    expect(refused.status).toBe(403);
    expectStrapiError(refused.body, 403, 'ForbiddenError');
  });
});
