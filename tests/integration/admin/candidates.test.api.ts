import { actionUid } from '../../../plugins/whatsapp/shared/permissions';
import { adminApi, api, contentApi, expectStrapiError } from '../helpers/api';
import { createAdminWithActions } from '../helpers/admin-users';
import { uniqueIndianMobile, uniqueName } from '../helpers/data';
import { withDb } from '../helpers/db';

type View = { documentId: string; name: string | null; phone: string; optIn: string; optInSource: string | null; tags: string[]; attributes: Record<string, unknown> };

const list = async (query: Record<string, string>) => {
  const response = await adminApi().get('/whatsapp/candidates').query(query);
  if (response.status !== 200) throw new Error(`list: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { data: View[]; meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } } };
};

const create = async (data: Record<string, unknown>) => {
  const response = await adminApi().post('/whatsapp/candidates').send({ data });
  if (response.status !== 201) throw new Error(`create: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data as View;
};

describe('admin candidates', () => {
  const tag = uniqueName('cohort');
  const surname = uniqueName('Surname');
  let created: View[] = [];

  beforeAll(async () => {
    created = [];
    for (let index = 0; index < 7; index += 1) {
      created.push(
        await create({
          name: `${index % 2 === 0 ? 'Asha' : 'Ravi'} ${surname}`,
          phone: uniqueIndianMobile(),
          email: `${surname.toLowerCase()}.${index}@example.com`,
          tags: [tag, ...(index < 3 ? ['early'] : [])],
          optIn: index === 6 ? 'opted_out' : 'opted_in',
          attributes: { year: 2026, city: 'Pune' },
        })
      );
    }
    await withDb((client) =>
      client.query(`UPDATE plugin_whatsapp_candidates SET last_inbound_at = now() - interval '1 day' WHERE document_id = ANY($1)`, [
        [created[0]!.documentId, created[1]!.documentId],
      ])
    );
  });

  it('adds a candidate: the number typed any way is stored in E.164, tags and attributes as given', async () => {
    const national = uniqueIndianMobile().slice(3);
    const candidate = await create({ name: 'Meera', phone: `${national.slice(0, 5)} ${national.slice(5)}`, tags: [uniqueName('t')], attributes: { course: 'BSc', year: 3 } });
    expect(candidate.phone).toBe(`+91${national}`);
    expect(candidate.attributes).toEqual({ course: 'BSc', year: 3 });
    const again = await adminApi().post('/whatsapp/candidates').send({ data: { phone: `0${national}` } });
    expectStrapiError(again.body, 400, 'ValidationError');
    expect(again.body.error.details.errors[0]).toMatchObject({ path: ['phone'], message: 'This attribute must be unique' });
    const bad = await adminApi().post('/whatsapp/candidates').send({ data: { phone: '12345' } });
    expectStrapiError(bad.body, 400, 'ValidationError');
    expect(bad.body.error.details.errors[0].path).toEqual(['phone']);
  });

  it('lists by tag, searches name, number and e-mail, filters by opt-in and recent writing, sorts and pages', async () => {
    const byTag = await list({ tag, pageSize: '3', sort: 'name:asc' });
    expect(byTag.meta.pagination).toEqual({ page: 1, pageSize: 3, pageCount: 3, total: 7 });
    expect(byTag.data.map((row) => row.name)).toEqual([`Asha ${surname}`, `Asha ${surname}`, `Asha ${surname}`]);
    const last = await list({ tag, pageSize: '3', page: '3', sort: 'name:asc' });
    expect(last.data.map((row) => row.name)).toEqual([`Ravi ${surname}`]);
    const everyone = new Set([...byTag.data, ...(await list({ tag, pageSize: '3', page: '2', sort: 'name:asc' })).data, ...last.data].map((row) => row.documentId));
    expect(everyone.size).toBe(7);

    expect((await list({ search: `ravi ${surname}` })).meta.pagination.total).toBe(3);
    expect((await list({ search: created[4]!.phone.slice(-9) })).data.map((row) => row.documentId)).toEqual([created[4]!.documentId]);
    expect((await list({ search: `${surname.toLowerCase()}.5@` })).data.map((row) => row.documentId)).toEqual([created[5]!.documentId]);
    expect((await list({ tag, optIn: 'opted_out' })).data.map((row) => row.documentId)).toEqual([created[6]!.documentId]);
    expect((await list({ tag, wroteWithinDays: '3' })).meta.pagination.total).toBe(2);
    const recent = await list({ tag, sort: 'lastInboundAt:desc', pageSize: '2' });
    expect(recent.data.map((row) => row.documentId).sort()).toEqual([created[0]!.documentId, created[1]!.documentId].sort());
    expect((await list({ tag: 'early', search: surname })).meta.pagination.total).toBe(3);
  });

  it('suggests the tags in use, most used first', async () => {
    const response = await adminApi().get('/whatsapp/candidates/tags').query({ search: tag }).expect(200);
    expect(response.body.data).toEqual([{ tag, count: 7 }]);
    const settings = await adminApi().get('/whatsapp/candidates/form-settings').expect(200);
    expect(settings.body.data.defaultCountry).toMatch(/^[A-Z]{2}$/);
  });

  it('edits a candidate, and opts an opted-out one back in only with a reason, which is recorded', async () => {
    const optedOut = created[6]!;
    const renamed = await adminApi().put(`/whatsapp/candidates/${optedOut.documentId}`).send({ data: { name: 'Renamed', tags: ['x', 'y'] } }).expect(200);
    expect(renamed.body.data).toMatchObject({ name: 'Renamed', tags: ['x', 'y'], optIn: 'opted_out' });

    const refused = await adminApi().put(`/whatsapp/candidates/${optedOut.documentId}`).send({ data: { optIn: 'opted_in' } });
    expectStrapiError(refused.body, 400, 'ValidationError');
    expect(refused.body.error.details.errors[0].path).toEqual(['optInReason']);
    expect((await adminApi().get(`/whatsapp/candidates/${optedOut.documentId}`)).body.data.optIn).toBe('opted_out');

    const back = await adminApi()
      .put(`/whatsapp/candidates/${optedOut.documentId}`)
      .send({ data: { optIn: 'opted_in', optInReason: 'Asked by phone on 5 Dec to receive interview updates' } })
      .expect(200);
    expect(back.body.data.optIn).toBe('opted_in');
    expect(back.body.data.optInSource).toMatch(/^Opted back in by .+: Asked by phone on 5 Dec/);
  });

  it('refuses a query it cannot use with a 400, an unknown candidate with a 404', async () => {
    for (const query of [{ sort: 'salary:asc' }, { pageSize: '500' }, { optIn: 'maybe' }, { wroteWithinDays: 'soon' }, { nope: '1' }]) {
      const response = await adminApi().get('/whatsapp/candidates').query(query);
      expectStrapiError(response.body, 400, 'ValidationError');
    }
    expectStrapiError((await adminApi().get('/whatsapp/candidates/nope')).body, 404);
    expectStrapiError((await adminApi().put('/whatsapp/candidates/nope').send({ data: { name: 'x' } })).body, 404);
    expectStrapiError((await adminApi().put(`/whatsapp/candidates/${created[0]!.documentId}`).send({ name: 'x' })).body, 400, 'ValidationError');
  });

  it('guards every route with candidates.read / candidates.manage', async () => {
    const reader = await createAdminWithActions([actionUid('candidatesRead')]);
    const nobody = await createAdminWithActions([actionUid('messagesRead')]);
    await api(reader).get('/whatsapp/candidates').expect(200);
    await api(reader).get('/whatsapp/candidates/tags').expect(200);
    expectStrapiError((await api(reader).post('/whatsapp/candidates').send({ data: { phone: uniqueIndianMobile() } })).body, 403);
    expectStrapiError((await api(reader).put(`/whatsapp/candidates/${created[0]!.documentId}`).send({ data: { name: 'x' } })).body, 403);
    for (const path of ['/whatsapp/candidates', '/whatsapp/candidates/tags', `/whatsapp/candidates/${created[0]!.documentId}`, '/whatsapp/candidates/form-settings']) {
      expectStrapiError((await api(nobody).get(path)).body, 403);
    }
  });

  it('keeps the content API candidates as they were', async () => {
    const response = await contentApi().get('/api/whatsapp/candidates').query({ 'filters[documentId][$eq]': created[0]!.documentId }).expect(200);
    expect(response.body.data[0].phone).toBe(created[0]!.phone);
  });
});
