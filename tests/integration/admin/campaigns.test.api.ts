import { actionUid } from '../../../plugins/whatsapp/shared/permissions';
import { api, expectStrapiError } from '../helpers/api';
import { createAdminWithActions } from '../helpers/admin-users';
import { uniqueName } from '../helpers/data';
import { adminApi, createCampaign } from '../campaigns/helpers';
import { completedCampaignWithOneSkipped } from '../campaigns/seed';

type Listed = { documentId: string; name: string; state: string; stats: Record<string, unknown>; progress: { handled: number; total: number } };

describe('admin campaigns: list and one campaign with stats', () => {
  let launchedId: string;
  let draftId: string;

  beforeAll(async () => {
    // One opted-out candidate is skipped at launch, so the stats show a reason.
    launchedId = (await completedCampaignWithOneSkipped()).campaign.documentId;
    draftId = (await createCampaign({ name: uniqueName('draft') })).documentId;
  });

  it('lists campaigns newest first, each with its stats and progress', async () => {
    const response = await adminApi().get('/whatsapp/campaigns?pageSize=100').expect(200);
    const list = response.body.data as Listed[];
    const ids = list.map((campaign) => campaign.documentId);
    // The draft was created after the launched one.
    expect(ids.indexOf(draftId)).toBeLessThan(ids.indexOf(launchedId));
    const launched = list.find((campaign) => campaign.documentId === launchedId)!;
    expect(launched).toMatchObject({
      state: 'completed',
      startedAt: expect.any(String),
      completedAt: expect.any(String),
      template: { documentId: expect.any(String), approvalStatus: 'approved' },
      stats: { total: 3, skipped: 1, pending: 0, skippedBy: { opted_out: 1 } },
      progress: { handled: 3, total: 3 },
    });
    const draft = list.find((campaign) => campaign.documentId === draftId)!;
    expect(draft).toMatchObject({ state: 'draft', startedAt: null, template: null, stats: { total: 0 }, progress: { handled: 0, total: 0 } });
    expect(draft).not.toHaveProperty('audience');
    expect(response.body.meta.pagination).toMatchObject({ page: 1, pageSize: 100, total: expect.any(Number), pageCount: expect.any(Number) });
  });

  it('filters by state and pages', async () => {
    const drafts = await adminApi().get('/whatsapp/campaigns?state=draft&pageSize=100').expect(200);
    expect((drafts.body.data as Listed[]).every((campaign) => campaign.state === 'draft')).toBe(true);
    expect((drafts.body.data as Listed[]).some((campaign) => campaign.documentId === draftId)).toBe(true);
    const first = await adminApi().get('/whatsapp/campaigns?pageSize=1').expect(200);
    expect(first.body.data).toHaveLength(1);
    expect(first.body.meta.pagination).toMatchObject({ page: 1, pageSize: 1 });
  });

  it('returns one campaign with its stats', async () => {
    const response = await adminApi().get(`/whatsapp/campaigns/${launchedId}`).expect(200);
    expect(response.body.data).toMatchObject({
      documentId: launchedId,
      state: 'completed',
      stats: { total: 3, skipped: 1, replied: 0, skippedBy: { opted_out: 1, invalid_phone: 0 } },
      progress: { handled: 3, total: 3 },
    });
    // Completed means both messages were handed to Twilio; how far their callbacks have moved
    // them on (queued → sent → delivered → read) is the emulator's timing, not this route's.
    const stats = response.body.data.stats as Record<string, number>;
    const handedOver = ['queued', 'sent', 'delivered', 'read'].reduce((sum, status) => sum + stats[status]!, 0);
    expect(handedOver).toBe(2);
    expect(stats).toMatchObject({ pending: 0, failed: 0, undelivered: 0 });
  });

  it('answers 404 for an unknown campaign', async () => {
    const missing = await adminApi().get('/whatsapp/campaigns/doesnotexist000000000000');
    expect(missing.status).toBe(404);
    expectStrapiError(missing.body, 404, 'NotFoundError');
  });

  it.each([['pageSize=5000'], ['page=0'], ['page=abc'], ['state=finished'], ['sort=name']])('refuses ?%s with a 400', async (query) => {
    const response = await adminApi().get(`/whatsapp/campaigns?${query}`);
    expect(response.status).toBe(400);
    expectStrapiError(response.body, 400, 'ValidationError');
  });
});

describe('admin campaigns: RBAC', () => {
  it('refuses a role without campaigns.read (403) and lets one with it in', async () => {
    const campaign = await createCampaign({ name: uniqueName('rbac') });
    const without = await createAdminWithActions([actionUid('campaignsManage'), actionUid('messagesRead')]);
    for (const path of ['/whatsapp/campaigns', `/whatsapp/campaigns/${campaign.documentId}`]) {
      const refused = await api(without).get(path);
      expect(refused.status).toBe(403);
      expectStrapiError(refused.body, 403);
    }
    const reader = await createAdminWithActions([actionUid('campaignsRead')]);
    await api(reader).get('/whatsapp/campaigns').expect(200);
    await api(reader).get(`/whatsapp/campaigns/${campaign.documentId}`).expect(200);
    expect((await api().get('/whatsapp/campaigns')).status).toBe(401);
  });
});
