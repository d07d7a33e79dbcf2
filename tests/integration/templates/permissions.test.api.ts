import { api, adminApi, contentApi, expectStrapiError } from '../helpers/api';
import { createAdminWithActions } from '../helpers/admin-users';
import { uniqueIndianMobile, uniqueName } from '../helpers/data';
import { createCustomToken } from '../helpers/tokens';
import { listContent } from './emulator-content';

const createDraft = async () => {
  const response = await contentApi()
    .post('/api/whatsapp/templates')
    .send({ data: { name: uniqueName('rbac').toLowerCase(), body: 'Hi {{1}}', variables: { '1': 'Asha' } } })
    .expect(201);
  return response.body.data as { documentId: string; name: string };
};

describe('template actions are permissions (content API)', () => {
  it('refuses sync, submit and preview to a token that may only read templates', async () => {
    const draft = await createDraft();
    const token = await createCustomToken(['plugin::whatsapp.template.find', 'plugin::whatsapp.template.findOne']);
    await api(token).get('/api/whatsapp/templates').expect(200);

    const calls = [
      api(token).post('/api/whatsapp/templates/sync'),
      api(token).post(`/api/whatsapp/templates/${draft.documentId}/submit`),
      api(token).post(`/api/whatsapp/templates/${draft.documentId}/preview`).send({ data: {} }),
    ];
    for (const call of calls) {
      const response = await call;
      expect(response.status).toBe(403);
      expectStrapiError(response.body, 403, 'ForbiddenError');
    }
    expect((await listContent()).filter((content) => content.friendlyName === draft.name)).toEqual([]);
  });

  it('grants each action on its own', async () => {
    const draft = await createDraft();
    const previewOnly = await createCustomToken(['plugin::whatsapp.template-actions.preview']);
    await api(previewOnly).post(`/api/whatsapp/templates/${draft.documentId}/preview`).send({ data: {} }).expect(200);
    expect((await api(previewOnly).post('/api/whatsapp/templates/sync')).status).toBe(403);

    const syncOnly = await createCustomToken(['plugin::whatsapp.template-actions.sync']);
    const synced = await api(syncOnly).post('/api/whatsapp/templates/sync');
    expect(synced.status).toBe(200);
    expect(synced.body.data).toEqual(expect.objectContaining({ created: expect.any(Number), markedDeleted: expect.any(Number) }));
    expect((await api(syncOnly).post(`/api/whatsapp/templates/${draft.documentId}/submit`)).status).toBe(403);
  });

  it('previews for a candidate only for a caller who may read candidates', async () => {
    const draft = await createDraft();
    const candidate = await contentApi()
      .post('/api/whatsapp/candidates')
      .send({ data: { name: 'Private Person', phone: uniqueIndianMobile() } })
      .expect(201);
    const data = { candidate: candidate.body.data.documentId, variableMapping: { '1': { source: 'field', field: 'phone' } } };

    const previewOnly = await createCustomToken(['plugin::whatsapp.template-actions.preview']);
    const refused = await api(previewOnly).post(`/api/whatsapp/templates/${draft.documentId}/preview`).send({ data });
    expect(refused.status).toBe(403);
    expectStrapiError(refused.body, 403, 'ForbiddenError');
    expect(JSON.stringify(refused.body)).not.toContain(candidate.body.data.phone);

    const withCandidates = await createCustomToken(['plugin::whatsapp.template-actions.preview', 'plugin::whatsapp.candidate.findOne']);
    const allowed = await api(withCandidates).post(`/api/whatsapp/templates/${draft.documentId}/preview`).send({ data }).expect(200);
    expect(allowed.body.data.text).toBe(`Hi ${candidate.body.data.phone}`);

    const templatesOnlyAdmin = await createAdminWithActions(['plugin::whatsapp.templates.read']);
    expect((await api(templatesOnlyAdmin).post(`/whatsapp/templates/${draft.documentId}/preview`).send({ data })).status).toBe(403);
    const inboxAdmin = await createAdminWithActions(['plugin::whatsapp.templates.read', 'plugin::whatsapp.messages.read']);
    await api(inboxAdmin).post(`/whatsapp/templates/${draft.documentId}/preview`).send({ data }).expect(200);
  });

  it('has nothing open to the public', async () => {
    const draft = await createDraft();
    for (const path of ['/api/whatsapp/templates/sync', `/api/whatsapp/templates/${draft.documentId}/submit`, `/api/whatsapp/templates/${draft.documentId}/preview`]) {
      const response = await api().post(path);
      expect(response.status).toBe(403);
    }
  });
});

describe('admin Templates page routes check RBAC on the server', () => {
  it('lets a reader list and preview, but not sync or submit', async () => {
    const draft = await createDraft();
    const reader = await createAdminWithActions(['plugin::whatsapp.templates.read']);

    const list = await api(reader).get('/whatsapp/templates').query({ search: draft.name }).expect(200);
    expect(list.body.data).toEqual([expect.objectContaining({ documentId: draft.documentId, name: draft.name, approvalStatus: 'draft' })]);
    expect(list.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 1 });
    const previewed = await api(reader).post(`/whatsapp/templates/${draft.documentId}/preview`).send({ data: { variables: { '1': 'Ravi' } } }).expect(200);
    expect(previewed.body.data).toEqual({ text: 'Hi Ravi', missing: [], variables: { '1': 'Ravi' } });

    for (const path of ['/whatsapp/templates/sync', `/whatsapp/templates/${draft.documentId}/submit`]) {
      const response = await api(reader).post(path);
      expect(response.status).toBe(403);
      expectStrapiError(response.body, 403);
    }
  });

  it('lets a manager sync and submit, and refuses everything to a role without template actions', async () => {
    const draft = await createDraft();
    const manager = await createAdminWithActions(['plugin::whatsapp.templates.read', 'plugin::whatsapp.templates.manage']);
    await api(manager).post('/whatsapp/templates/sync').expect(200);
    const submitted = await api(manager).post(`/whatsapp/templates/${draft.documentId}/submit`).expect(200);
    expect(submitted.body.data).toMatchObject({ documentId: draft.documentId, approvalStatus: 'received', contentSid: expect.stringMatching(/^HX/) });

    const outsider = await createAdminWithActions(['plugin::whatsapp.messages.read']);
    expect((await api(outsider).get('/whatsapp/templates')).status).toBe(403);
    expect((await api(outsider).post(`/whatsapp/templates/${draft.documentId}/preview`).send({ data: {} })).status).toBe(403);
  });

  it('filters the list by name and approval state, and pages it', async () => {
    const prefix = uniqueName('listed').toLowerCase();
    const ids: string[] = [];
    for (const n of [1, 2, 3, 4]) {
      const created = await contentApi()
        .post('/api/whatsapp/templates')
        .send({ data: { name: `${prefix}_${n}`, body: 'Hello' } })
        .expect(201);
      ids.push(created.body.data.documentId);
    }
    await adminApi().post(`/whatsapp/templates/${ids[0]}/submit`).expect(200);

    const page1 = await adminApi().get('/whatsapp/templates').query({ search: prefix, approvalStatus: 'draft', pageSize: 2, page: 1 }).expect(200);
    const page2 = await adminApi().get('/whatsapp/templates').query({ search: prefix, approvalStatus: 'draft', pageSize: 2, page: 2 }).expect(200);
    expect(page1.body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 3 });
    expect(page2.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
    const drafts = [...page1.body.data, ...page2.body.data].map((template: { documentId: string }) => template.documentId);
    expect(drafts.sort()).toEqual(ids.slice(1).sort());

    const received = await adminApi().get('/whatsapp/templates').query({ search: prefix, approvalStatus: 'received' }).expect(200);
    expect(received.body.data.map((template: { documentId: string }) => template.documentId)).toEqual([ids[0]]);

    const bad = await adminApi().get('/whatsapp/templates').query({ approvalStatus: 'maybe' });
    expect(bad.status).toBe(400);
    expectStrapiError(bad.body, 400, 'ValidationError');
  });
});
