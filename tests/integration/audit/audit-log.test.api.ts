import request from 'supertest';
import { createAdminUserWithActions, createAdminWithActions } from '../helpers/admin-users';
import { expectStrapiError } from '../helpers/api';
import {
  allRecipients,
  campaignFor,
  createCandidates,
  injectFailure,
  isCompleted,
  sleep,
  uniqueTag,
  useExtraApp,
  waitForCampaign,
} from '../campaigns/helpers';
import { setTemplateApproval } from '../send/helpers';
import { adminApi, api, auditEntries, ctx, namedFullAccessToken, superAdmin, withDb } from './helpers';

const adminAction = (documentId: string, action: string, token = ctx.adminJwt, baseUrl = ctx.url) =>
  request(baseUrl).post(`/whatsapp/campaigns/${documentId}/${action}`).set('Authorization', `Bearer ${token}`);

const campaignMessageActors = (campaignDocumentId: string) =>
  withDb(async (client) => {
    const result = await client.query(
      `SELECT m.actor_type, m.actor_id, m.actor_name, count(*)::int AS n
         FROM plugin_whatsapp_messages m
         JOIN plugin_whatsapp_messages_campaign_lnk l ON l.message_id = m.id
         JOIN plugin_whatsapp_campaigns c ON c.id = l.campaign_id
        WHERE c.document_id = $1
        GROUP BY 1, 2, 3`,
      [campaignDocumentId]
    );
    return result.rows as Array<{ actor_type: string; actor_id: string; actor_name: string; n: number }>;
  });

const campaignName = (documentId: string) =>
  withDb(async (client) => String((await client.query('SELECT name FROM plugin_whatsapp_campaigns WHERE document_id = $1', [documentId])).rows[0].name));

describe('campaign actions in the audit log', () => {
  it('a launch by an admin is recorded with the admin; its messages (and retried failures) carry the campaign', async () => {
    const tag = uniqueTag();
    const people = await createCandidates(3, tag);
    await injectFailure({ kind: 'error', code: 21612, status: 400, mode: 'sync', to: `whatsapp:${people[0]!.phone}` });
    const { campaign } = await campaignFor(tag);
    const name = await campaignName(campaign.documentId);
    const admin = await superAdmin();

    await adminAction(campaign.documentId, 'launch').expect(200);
    await waitForCampaign(campaign.documentId, isCompleted);
    expect(await campaignMessageActors(campaign.documentId)).toEqual([
      { actor_type: 'campaign', actor_id: campaign.documentId, actor_name: name, n: 3 },
    ]);

    const launched = await auditEntries({ action: 'campaign.launch', subjectId: campaign.documentId });
    expect(launched.data).toEqual([
      {
        id: expect.any(Number),
        at: expect.any(String),
        action: 'campaign.launch',
        subject: { type: 'campaign', id: campaign.documentId, label: name },
        actor: { type: 'admin', id: admin.id, name: admin.name },
        details: { fromState: 'draft', trigger: 'manual', recipients: 3, skipped: 0 },
      },
    ]);
    expect(Math.abs(Date.parse(launched.data[0]!.at) - Date.now())).toBeLessThan(60_000);

    // Retry-failed asked by another app (an API token): the action is the token's, the new message the campaign's.
    const token = await namedFullAccessToken();
    await request(ctx.url).post(`/api/whatsapp/campaigns/${campaign.documentId}/retry-failed`).set('Authorization', `Bearer ${token.accessKey}`).expect(200);
    await waitForCampaign(campaign.documentId, isCompleted);
    const actors = await campaignMessageActors(campaign.documentId);
    expect(actors).toEqual([{ actor_type: 'campaign', actor_id: campaign.documentId, actor_name: name, n: 4 }]);
    const recipient = (await allRecipients(campaign.documentId)).find((item) => item.candidate?.phone === people[0]!.phone)!;
    expect(recipient.message).toBeTruthy();

    const retried = await auditEntries({ action: 'campaign.retry-failed', subjectId: campaign.documentId });
    expect(retried.data).toHaveLength(1);
    expect(retried.data[0]).toMatchObject({
      actor: { type: 'api-token', id: token.id, name: token.name },
      details: { fromState: 'completed', requeued: 1 },
    });
  });

  describe('on a slow sender (5 messages per second)', () => {
    const sender = '+15005550031';
    const slowApp = useExtraApp({ sender, mps: 5 });

    it('pause, resume and cancel are recorded with their actor and time, in order', async () => {
      const tag = uniqueTag();
      await createCandidates(20, tag);
      const { campaign } = await campaignFor(tag);
      const staff = await createAdminUserWithActions(['plugin::whatsapp.campaigns.manage', 'plugin::whatsapp.campaigns.read']);
      const staffId = String((await api(staff.token).get('/admin/users/me').expect(200)).body.data.id);

      await adminAction(campaign.documentId, 'launch', ctx.adminJwt, slowApp.current.url).expect(200);
      await sleep(300);
      await adminAction(campaign.documentId, 'pause', staff.token).expect(200);
      await adminAction(campaign.documentId, 'resume', staff.token).expect(200);
      await adminAction(campaign.documentId, 'cancel', staff.token).expect(200);

      const log = await auditEntries({ subjectType: 'campaign', subjectId: campaign.documentId });
      // Newest first.
      expect(log.data.map((entry) => entry.action)).toEqual(['campaign.cancel', 'campaign.resume', 'campaign.pause', 'campaign.launch']);
      expect(log.data.map((entry) => entry.details?.fromState)).toEqual(['running', 'paused', 'running', 'draft']);
      for (const entry of log.data.slice(0, 3)) expect(entry.actor).toEqual({ type: 'admin', id: staffId, name: 'Staff Member' });
      const times = log.data.map((entry) => Date.parse(entry.at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);

      // The actor filter finds this admin's entries only.
      const byStaff = await auditEntries({ actorType: 'admin', actorId: staffId });
      expect(byStaff.data.map((entry) => entry.action)).toEqual(['campaign.cancel', 'campaign.resume', 'campaign.pause']);
    }, 90_000);

    it('a pause the plugin makes by itself (template no longer sendable) is recorded as the system, with the reason', async () => {
      const tag = uniqueTag();
      await createCandidates(12, tag);
      const { campaign, template } = await campaignFor(tag);
      await adminAction(campaign.documentId, 'launch', ctx.adminJwt, slowApp.current.url).expect(200);
      await sleep(300);
      await setTemplateApproval(template.documentId, 'paused', template.contentSid);
      await waitForCampaign(campaign.documentId, (view) => view.state === 'paused', 10_000);

      const [paused] = (await auditEntries({ action: 'campaign.pause', subjectId: campaign.documentId })).data;
      expect(paused).toMatchObject({ actor: { type: 'system', id: null, name: 'System' }, details: { fromState: 'running' } });
      expect(String(paused!.details?.reason)).toContain('paused by WhatsApp');
      await setTemplateApproval(template.documentId, 'approved', template.contentSid);
      await adminAction(campaign.documentId, 'cancel').expect(200);
    }, 60_000);
  });
});

describe('settings changes in the audit log', () => {
  it('records which fields changed and who changed them, never the auth token', async () => {
    const secret = `tok_${Date.now()}_secret_value`;
    const admin = await superAdmin();
    const before = Date.now();
    await adminApi().put('/whatsapp/settings').send({ data: { authToken: secret, defaultCountry: 'IN' } }).expect(200);

    const log = await auditEntries({ action: 'settings.update', from: new Date(before - 1_000).toISOString() });
    expect(log.data).toHaveLength(1);
    expect(log.data[0]).toMatchObject({
      subject: { type: 'settings', id: null, label: 'Twilio settings' },
      actor: { type: 'admin', id: admin.id, name: admin.name },
    });
    expect(log.data[0]!.details?.changed).toEqual(expect.arrayContaining(['authToken', 'defaultCountry']));
    const stored = await withDb(async (client) => JSON.stringify((await client.query('SELECT * FROM plugin_whatsapp_audit_log')).rows));
    expect(stored).not.toContain(secret);
    expect(JSON.stringify(log)).not.toContain(secret);
  });
});

describe('GET /whatsapp/audit', () => {
  it('answers 403 without audit.read, 200 with it', async () => {
    const without = await createAdminWithActions(['plugin::whatsapp.campaigns.read', 'plugin::whatsapp.settings.read']);
    const denied = await api(without).get('/whatsapp/audit');
    expect(denied.status).toBe(403);
    expectStrapiError(denied.body, 403);

    const reader = await createAdminWithActions(['plugin::whatsapp.audit.read']);
    const allowed = await api(reader).get('/whatsapp/audit').expect(200);
    expect(allowed.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: expect.any(Number), total: expect.any(Number) });
  });

  it('pages newest first in Strapi pagination meta', async () => {
    for (const country of ['IN', 'US', 'IN']) await adminApi().put('/whatsapp/settings').send({ data: { defaultCountry: country } }).expect(200);
    const first = await auditEntries({ action: 'settings.update', pageSize: '2', page: '1' });
    const second = await auditEntries({ action: 'settings.update', pageSize: '2', page: '2' });
    expect(first.data).toHaveLength(2);
    expect(first.meta.pagination).toMatchObject({ page: 1, pageSize: 2, total: expect.any(Number) });
    expect(first.meta.pagination.total).toBeGreaterThanOrEqual(3);
    expect(first.meta.pagination.pageCount).toBe(Math.ceil(first.meta.pagination.total / 2));
    expect(first.data[0]!.id).toBeGreaterThan(first.data[1]!.id);
    expect(second.data[0]!.id).toBeLessThan(first.data[1]!.id);
  });

  it('refuses a filter it cannot use with 400', async () => {
    for (const query of ['actorType=robot', 'action=campaign.delete', 'from=yesterday', 'pageSize=1000', 'sort=at']) {
      const response = await adminApi().get(`/whatsapp/audit?${query}`);
      expect(response.status).toBe(400);
      expectStrapiError(response.body, 400, 'ValidationError');
    }
  });

  it('has no write route: the audit log cannot be changed through the APIs', async () => {
    const [entry] = (await auditEntries({ pageSize: '1' })).data;
    for (const method of ['post', 'put', 'delete'] as const) {
      for (const path of ['/whatsapp/audit', `/whatsapp/audit/${entry?.id ?? 1}`]) {
        const response = await adminApi()[method](path).send({ data: { actorName: 'Mallory' } });
        expect([404, 405]).toContain(response.status);
      }
      for (const path of ['/api/whatsapp/audit', `/api/whatsapp/audit/${entry?.id ?? 1}`]) {
        const response = await request(ctx.url)[method](path).set('Authorization', `Bearer ${ctx.fullAccessToken}`).send({ data: { actorName: 'Mallory' } });
        expect([404, 405]).toContain(response.status);
      }
    }
    const after = (await auditEntries({ pageSize: '1' })).data[0];
    expect(after).toEqual(entry);
  });
});
