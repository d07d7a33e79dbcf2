import { api, expectStrapiError } from '../helpers/api';
import { createAdminWithActions } from '../helpers/admin-users';
import { createCustomToken } from '../helpers/tokens';
import { adminApi, campaignAction, campaignFor, contentApi, createCampaign, createCandidates, isCompleted, uniqueTag, waitForCampaign } from './helpers';
import { uniqueName } from '../helpers/data';

describe('campaign actions: permissions and input', () => {
  it('the public role may do nothing; a token needs the action’s own permission', async () => {
    const campaign = await createCampaign({ name: uniqueName('perm') });
    const anonymous = await api().post(`/api/whatsapp/campaigns/${campaign.documentId}/launch`);
    expect(anonymous.status).toBe(403);

    const readOnly = await createCustomToken(['plugin::whatsapp.campaign.find', 'plugin::whatsapp.campaign-actions.recipients']);
    const denied = await api(readOnly).post(`/api/whatsapp/campaigns/${campaign.documentId}/launch`);
    expect(denied.status).toBe(403);
    expectStrapiError(denied.body, 403);
    await api(readOnly).get(`/api/whatsapp/campaigns/${campaign.documentId}/recipients`).expect(200);

    const launcher = await createCustomToken(['plugin::whatsapp.campaign-actions.launch']);
    // Allowed in: refused by the rules (no template), not by the permissions.
    const allowed = await api(launcher).post(`/api/whatsapp/campaigns/${campaign.documentId}/launch`);
    expect(allowed.status).toBe(422);
    const noRecipients = await api(launcher).get(`/api/whatsapp/campaigns/${campaign.documentId}/recipients`);
    expect(noRecipients.status).toBe(403);
  });

  it('admin routes check campaignsRead / campaignsManage on the server', async () => {
    const tag = uniqueTag();
    await createCandidates(1, tag);
    const { campaign } = await campaignFor(tag);
    const reader = await createAdminWithActions(['plugin::whatsapp.campaigns.read']);
    const refused = await api(reader).post(`/whatsapp/campaigns/${campaign.documentId}/launch`);
    expect(refused.status).toBe(403);
    await api(reader).get(`/whatsapp/campaigns/${campaign.documentId}/recipients`).expect(200);

    const manager = await createAdminWithActions(['plugin::whatsapp.campaigns.manage']);
    const launched = await api(manager).post(`/whatsapp/campaigns/${campaign.documentId}/launch`).expect(200);
    expect(launched.body.data).toMatchObject({ documentId: campaign.documentId, state: 'running' });
    expect((await api(manager).get(`/whatsapp/campaigns/${campaign.documentId}/recipients`)).status).toBe(403);
    await waitForCampaign(campaign.documentId, isCompleted);
    const list = await adminApi().get(`/whatsapp/campaigns/${campaign.documentId}/recipients`).expect(200);
    expect(list.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 1 });
  });

  it.each([
    [{ 'filters[status]': 'nope' }, 'filters.status'],
    [{ 'filters[status][$in][0]': 'sent', 'filters[status][$in][1]': 'nope' }, 'filters.status'],
    [{ 'filters[phone]': '+91' }, 'filters'],
    [{ 'pagination[pageSize]': '1000' }, 'pagination.pageSize'],
    [{ 'pagination[page]': '0' }, 'pagination.page'],
    [{ sort: 'id:desc' }, ''],
  ])('GET recipients refuses %j with a 400', async (query, path) => {
    const campaign = await createCampaign({ name: uniqueName('bad') });
    const response = await contentApi().get(`/api/whatsapp/campaigns/${campaign.documentId}/recipients`).query(query);
    expect(response.status).toBe(400);
    expectStrapiError(response.body, 400, 'ValidationError');
    const paths = response.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'));
    expect(paths.some((found: string) => found.startsWith(path))).toBe(true);
  });

  it('GET recipients answers 404 for an unknown campaign, and an empty page for one not launched', async () => {
    const missing = await contentApi().get('/api/whatsapp/campaigns/doesnotexist000000000000/recipients');
    expect(missing.status).toBe(404);
    expectStrapiError(missing.body, 404, 'NotFoundError');
    const campaign = await createCampaign({ name: uniqueName('empty') });
    const empty = await contentApi().get(`/api/whatsapp/campaigns/${campaign.documentId}/recipients`).expect(200);
    expect(empty.body).toEqual({ data: [], meta: { pagination: { page: 1, pageSize: 25, pageCount: 0, total: 0 } } });
  });
});
