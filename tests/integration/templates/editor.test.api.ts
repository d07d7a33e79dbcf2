import { actionUid } from '../../../plugins/whatsapp/shared/permissions';
import { adminApi, api, contentApi, expectStrapiError } from '../helpers/api';
import { createAdminWithActions } from '../helpers/admin-users';
import { uniqueName } from '../helpers/data';
import { withDb } from '../helpers/db';
import { failNextContentRequest, listContent, pendingContentFailures } from './emulator-content';

const templateName = () => uniqueName('editor').toLowerCase();

const draftInput = (data: Record<string, unknown> = {}) => ({
  name: templateName(),
  language: 'en',
  category: 'UTILITY',
  body: 'Hi {{1}}, your interview is on {{2}}.',
  variables: { '1': 'Asha', '2': '12 March' },
  ...data,
});

const create = (data: Record<string, unknown>) => adminApi().post('/whatsapp/templates').send({ data });

const createDraft = async (data: Record<string, unknown> = {}) => {
  const response = await create(draftInput(data));
  expect(response.status).toBe(201);
  return response.body.data as { documentId: string; name: string; approvalStatus: string };
};

const submit = (documentId: string) => adminApi().post(`/whatsapp/templates/${documentId}/submit`);

describe('the template editor (admin): drafts, the Twilio rule, submit', () => {
  it('saves a draft with two placeholders and their samples, unseen by Twilio', async () => {
    const draft = await createDraft();
    expect(draft).toMatchObject({ approvalStatus: 'draft', editable: true, variables: { '1': 'Asha', '2': '12 March' } });
    expect((await listContent()).some((content) => content.friendlyName === draft.name)).toBe(false);

    const edited = await adminApi()
      .put(`/whatsapp/templates/${draft.documentId}`)
      .send({ data: draftInput({ name: draft.name, body: 'Hello {{1}}, see you on {{2}} at {{3}}.', variables: { '1': 'Asha', '2': 'Monday', '3': '10:00' } }) });
    expect(edited.status).toBe(200);
    expect(edited.body.data).toMatchObject({ body: 'Hello {{1}}, see you on {{2}} at {{3}}.', approvalStatus: 'draft' });
  });

  it('keeps header media or quick replies with the draft and creates them at Twilio on submit', async () => {
    const draft = await createDraft({ quickReplies: [{ title: 'Yes' }, { title: 'No' }] });
    const read = await adminApi().get(`/whatsapp/templates/${draft.documentId}`).expect(200);
    expect(read.body.data).toMatchObject({ quickReplies: [{ title: 'Yes' }, { title: 'No' }], editable: true });

    const submitted = await submit(draft.documentId);
    expect(submitted.status).toBe(200);
    expect(submitted.body.data).toMatchObject({ approvalStatus: 'received', contentSid: expect.stringMatching(/^HX/) });
    const [content] = (await listContent()).filter((item) => item.friendlyName === draft.name);
    expect(content?.types['twilio/quick-reply']).toMatchObject({ actions: [{ title: 'Yes' }, { title: 'No' }] });
    expect(content?.approval.status).toBe('received');

    const media = await createDraft({ media: ['https://example.com/poster.png'] });
    expect((await submit(media.documentId)).status).toBe(200);
    const [withMedia] = (await listContent()).filter((item) => item.friendlyName === media.name);
    expect(withMedia?.types['twilio/media']).toMatchObject({ media: ['https://example.com/poster.png'] });
  });

  it('refuses to edit a template Twilio holds, and makes a new draft version of it instead', async () => {
    const draft = await createDraft();
    expect((await submit(draft.documentId)).status).toBe(200);

    const edit = await adminApi().put(`/whatsapp/templates/${draft.documentId}`).send({ data: draftInput({ name: draft.name, body: 'Changed {{1}} {{2}}' }) });
    expect(edit.status).toBe(409);
    expect(edit.body.error.details).toMatchObject({ code: 'TEMPLATE_AT_TWILIO', approvalStatus: 'received' });
    // The same rule for every writer: the REST API (and the Content Manager) cannot change it either.
    const viaRest = await contentApi().put(`/api/whatsapp/templates/${draft.documentId}`).send({ data: { body: 'Changed {{1}} {{2}}' } });
    expect(viaRest.status).toBe(409);
    expect(viaRest.body.error.details).toMatchObject({ code: 'TEMPLATE_AT_TWILIO', fields: ['body'] });
    // Saving what it already holds (as the Content Manager does with every field) is no change.
    await contentApi()
      .put(`/api/whatsapp/templates/${draft.documentId}`)
      .send({ data: { name: draft.name, body: 'Hi {{1}}, your interview is on {{2}}.', variables: { '2': '12 March', '1': 'Asha' } } })
      .expect(200);
    const unchanged = await adminApi().get(`/whatsapp/templates/${draft.documentId}`).expect(200);
    expect(unchanged.body.data).toMatchObject({ body: 'Hi {{1}}, your interview is on {{2}}.', editable: false });

    const version = await adminApi().post(`/whatsapp/templates/${draft.documentId}/new-version`).expect(201);
    expect(version.body.data).toMatchObject({ name: `${draft.name}_v2`, approvalStatus: 'draft', contentSid: null, editable: true, body: 'Hi {{1}}, your interview is on {{2}}.' });
    const again = await adminApi().post(`/whatsapp/templates/${draft.documentId}/new-version`).expect(201);
    expect(again.body.data.name).toBe(`${draft.name}_v3`);
  });

  it('deletes a submitted template at Twilio first, and changes nothing when Twilio refuses', async () => {
    const draft = await createDraft();
    const submitted = (await submit(draft.documentId).expect(200)).body.data as { contentSid: string };

    await failNextContentRequest({ kind: 'http500', status: 503 });
    const refused = await adminApi().delete(`/whatsapp/templates/${draft.documentId}`);
    expect(refused.status).toBeGreaterThanOrEqual(500);
    expect(refused.status).toBeLessThan(600);
    expect(refused.body.error.details.code).toBeDefined();
    expect(await pendingContentFailures()).toBe(0);
    await adminApi().get(`/whatsapp/templates/${draft.documentId}`).expect(200);
    expect((await listContent()).some((content) => content.sid === submitted.contentSid)).toBe(true);

    const deleted = await adminApi().delete(`/whatsapp/templates/${draft.documentId}`).expect(200);
    expect(deleted.body.data).toEqual({ documentId: draft.documentId, outcome: 'removed' });
    expect((await listContent()).some((content) => content.sid === submitted.contentSid)).toBe(false);
    await adminApi().get(`/whatsapp/templates/${draft.documentId}`).expect(404);
  });

  it('deletes at Twilio first through the REST API too', async () => {
    const draft = await createDraft();
    const submitted = (await submit(draft.documentId).expect(200)).body.data as { contentSid: string };

    await failNextContentRequest({ kind: 'http500', status: 503 });
    const refused = await contentApi().delete(`/api/whatsapp/templates/${draft.documentId}`);
    expect(refused.status).toBeGreaterThanOrEqual(500);
    await adminApi().get(`/whatsapp/templates/${draft.documentId}`).expect(200);
    expect((await listContent()).some((content) => content.sid === submitted.contentSid)).toBe(true);

    await contentApi().delete(`/api/whatsapp/templates/${draft.documentId}`).expect(204);
    expect((await listContent()).some((content) => content.sid === submitted.contentSid)).toBe(false);
    await adminApi().get(`/whatsapp/templates/${draft.documentId}`).expect(404);
  });

  it('keeps a deleted template that messages used, marked deleted at Twilio', async () => {
    const draft = await createDraft();
    const submitted = (await submit(draft.documentId).expect(200)).body.data as { id?: number; contentSid: string };
    await withDb(async (client) => {
      const template = await client.query('SELECT id FROM plugin_whatsapp_templates WHERE document_id = $1', [draft.documentId]);
      // A campaign draft that uses it, as the Content Manager would write it.
      const campaign = await client.query(
        `INSERT INTO plugin_whatsapp_campaigns (document_id, name, state, created_at, updated_at) VALUES ($1, $2, 'draft', now(), now()) RETURNING id`,
        [uniqueName('cmp'), uniqueName('campaign')]
      );
      await client.query('INSERT INTO plugin_whatsapp_campaigns_template_lnk (campaign_id, template_id) VALUES ($1, $2)', [
        campaign.rows[0].id,
        template.rows[0].id,
      ]);
    });
    const deleted = await adminApi().delete(`/whatsapp/templates/${draft.documentId}`).expect(200);
    expect(deleted.body.data.outcome).toBe('kept');
    const kept = await adminApi().get(`/whatsapp/templates/${draft.documentId}`).expect(200);
    expect(kept.body.data.deletedAtTwilio).toEqual(expect.any(String));
    expect((await listContent()).some((content) => content.sid === submitted.contentSid)).toBe(false);
  });

  it('answers 400 for names WhatsApp refuses, missing samples and bad extras; 409 for a taken name', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [draftInput({ name: 'Interview Reminder' }), 'name'],
      [draftInput({ body: 'Hi {{1}} and {{3}}', variables: { '1': 'a', '3': 'c' } }), 'body'],
      [draftInput({ variables: { '1': 'Asha' } }), 'variables'],
      [draftInput({ language: 'english' }), 'language'],
      [draftInput({ media: ['http://insecure.example.com/a.png'] }), 'media'],
      [draftInput({ quickReplies: [{ title: 'A title far longer than twenty' }] }), 'quickReplies'],
      [draftInput({ media: ['https://example.com/a.png'], quickReplies: [{ title: 'Yes' }] }), 'quickReplies'],
      [draftInput({ approvalStatus: 'approved' }), ''],
    ];
    for (const [data, field] of cases) {
      const response = await create(data);
      expect(response.status).toBe(400);
      expectStrapiError(response.body, 400, 'ValidationError');
      if (field) expect(JSON.stringify(response.body.error.details)).toContain(field);
    }
    const taken = await createDraft();
    const clash = await create(draftInput({ name: taken.name }));
    expect(clash.status).toBe(409);
    expect(clash.body.error.details.code).toBe('NAME_TAKEN');
  });

  it('guards writes with templates.manage', async () => {
    const reader = await createAdminWithActions([actionUid('templatesRead')]);
    const draft = await createDraft();
    expect((await api(reader).post('/whatsapp/templates').send({ data: draftInput() })).status).toBe(403);
    expect((await api(reader).put(`/whatsapp/templates/${draft.documentId}`).send({ data: draftInput() })).status).toBe(403);
    expect((await api(reader).delete(`/whatsapp/templates/${draft.documentId}`)).status).toBe(403);
    expect((await api(reader).post(`/whatsapp/templates/${draft.documentId}/new-version`)).status).toBe(403);
    await api(reader).get(`/whatsapp/templates/${draft.documentId}`).expect(200);
  });
});
