import { actionUid } from '../../../plugins/whatsapp/shared/permissions';
import { adminApi, api, expectStrapiError } from '../helpers/api';
import { createAdminWithActions } from '../helpers/admin-users';
import { uniqueName } from '../helpers/data';
import { approvedTemplate, contentApi, createCandidates, uniqueTag } from '../campaigns/helpers';

const MAPPING = { '1': { source: 'field', field: 'name' }, '2': { source: 'attribute', key: 'slot' } };

describe('admin campaign editor (the New campaign wizard)', () => {
  it('lists approved templates with their placeholders, creates a draft, edits it, schedules it, duplicates it, and refuses to edit a launched one', async () => {
    const template = await approvedTemplate('Hi {{1}}, your slot is {{2}}.', { '1': 'Asha', '2': '10:00' });
    const tag = uniqueTag();
    await createCandidates(2, tag, () => ({ attributes: { slot: '11:30' } }));

    const templates = await adminApi().get('/whatsapp/campaigns/templates').expect(200);
    expect(templates.body.data).toContainEqual(expect.objectContaining({ documentId: template.documentId, body: template.body, placeholders: [1, 2] }));

    const created = await adminApi()
      .post('/whatsapp/campaigns')
      .send({ data: { name: uniqueName('wizard'), template: template.documentId, variableMapping: MAPPING, audience: { tags: { anyOf: [tag] } } } })
      .expect(201);
    const draft = created.body.data;
    expect(draft).toMatchObject({ state: 'draft', template: template.documentId, variableMapping: MAPPING, audience: { tags: { anyOf: [tag] } }, editable: true });

    const at = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await adminApi().put(`/whatsapp/campaigns/${draft.documentId}`).send({ data: { scheduledAt: at } }).expect(200);
    expect(scheduled.body.data).toMatchObject({ state: 'scheduled', scheduledAt: at });
    const past = await adminApi().put(`/whatsapp/campaigns/${draft.documentId}`).send({ data: { scheduledAt: new Date(Date.now() - 60_000).toISOString() } });
    expectStrapiError(past.body, 400, 'ValidationError');
    const unscheduled = await adminApi().put(`/whatsapp/campaigns/${draft.documentId}`).send({ data: { scheduledAt: null } }).expect(200);
    expect(unscheduled.body.data.state).toBe('draft');

    const read = await adminApi().get(`/whatsapp/campaigns/${draft.documentId}/edit`).expect(200);
    expect(read.body.data).toMatchObject({ documentId: draft.documentId, editable: true });

    await adminApi().post(`/whatsapp/campaigns/${draft.documentId}/launch`).expect(200);
    const locked = await adminApi().put(`/whatsapp/campaigns/${draft.documentId}`).send({ data: { name: 'changed' } });
    expectStrapiError(locked.body, 409);
    expect((await adminApi().get(`/whatsapp/campaigns/${draft.documentId}/edit`)).body.data.editable).toBe(false);

    const copy = await adminApi().post(`/whatsapp/campaigns/${draft.documentId}/duplicate`).expect(201);
    expect(copy.body.data).toMatchObject({ name: `Copy of ${draft.name}`, state: 'draft', template: template.documentId, variableMapping: MAPPING, editable: true });
    expect(copy.body.data.documentId).not.toBe(draft.documentId);
  });

  it('names the candidates a draft chose by hand (never their documentIds), in the audience order, leaving out one deleted since', async () => {
    const template = await approvedTemplate('Hi {{1}}, your slot is {{2}}.', { '1': 'Asha', '2': '10:00' });
    const [first, second, gone] = await createCandidates(3, uniqueTag());
    const created = await adminApi()
      .post('/whatsapp/campaigns')
      .send({ data: { name: uniqueName('chosen'), template: template.documentId, audience: { candidates: [second!.documentId, first!.documentId, gone!.documentId] } } })
      .expect(201);
    expect(created.body.data.chosen).toEqual([
      { documentId: second!.documentId, name: second!.name, phone: second!.phone },
      { documentId: first!.documentId, name: first!.name, phone: first!.phone },
      { documentId: gone!.documentId, name: gone!.name, phone: gone!.phone },
    ]);
    await contentApi().delete(`/api/whatsapp/candidates/${gone!.documentId}`).expect(204);
    const read = await adminApi().get(`/whatsapp/campaigns/${created.body.data.documentId}/edit`).expect(200);
    expect(read.body.data.chosen.map((candidate: { documentId: string }) => candidate.documentId)).toEqual([second!.documentId, first!.documentId]);
  });

  it('refuses bad input with 400s and guards the routes with campaigns.manage', async () => {
    expectStrapiError((await adminApi().post('/whatsapp/campaigns').send({ data: { name: '' } })).body, 400, 'ValidationError');
    expectStrapiError((await adminApi().post('/whatsapp/campaigns').send({ data: { name: 'x', audience: { tags: 'a' } } })).body, 400, 'ValidationError');
    expectStrapiError((await adminApi().get('/whatsapp/campaigns/nope/edit')).body, 404);
    const reader = await createAdminWithActions([actionUid('campaignsRead')]);
    expectStrapiError((await api(reader).post('/whatsapp/campaigns').send({ data: { name: 'x' } })).body, 403);
    expectStrapiError((await api(reader).get('/whatsapp/campaigns/templates')).body, 403);
    expectStrapiError((await api(reader).post('/whatsapp/campaigns/preview').send({ data: {} })).body, 403);
  });
});
