import { adminApi, api, contentApi, expectStrapiError } from '../helpers/api';
import { createAdminWithActions } from '../helpers/admin-users';
import { uniqueName } from '../helpers/data';
import { withDb } from '../helpers/db';
import { removeSeededCampaigns, seededCampaign } from '../exports/helpers';

const timeline = (documentId: string, agent = adminApi()) => agent.get(`/whatsapp/campaigns/${documentId}/timeline`);

type Bucket = { at: string; sent: number; delivered: number; read: number; failed: number; replied: number };
const zero = { sent: 0, delivered: 0, read: 0, failed: 0, replied: 0 };

afterAll(removeSeededCampaigns, 120_000);

describe('a campaign\'s timeline (GET /whatsapp/campaigns/:id/timeline)', () => {
  // Minute-aligned, a day of its own in 2022.
  const base = new Date(Date.UTC(2022, 0, 1 + Math.floor(Math.random() * 300), 9, 0, 0));

  it('counts sent, delivered, read, failed and replies per minute over a half-hour campaign, empty minutes included', async () => {
    // Recipients 1…40, message i created at base + i s: sent 1 s later, delivered 5 s, read 65 s,
    // failed (and undelivered) 3 s later; recipient 1 replied at base + 1 s + 30 min.
    const campaign = await seededCampaign(40, { base });
    const response = await timeline(campaign.documentId).expect(200);
    const data = response.body.data as { bucketSize: string; buckets: Bucket[]; totals: typeof zero };
    // sent: delivered, read, undelivered and sent outcomes (i % 10 in 0, 1, 3, 4, 7); failed: 2, 3, 6.
    expect(data.totals).toEqual({ sent: 20, delivered: 12, read: 4, failed: 12, replied: 1 });
    expect(data.bucketSize).toBe('minute');
    expect(data.buckets).toHaveLength(31);
    expect(data.buckets.map((bucket) => bucket.at)).toEqual(Array.from({ length: 31 }, (_, minute) => new Date(base.getTime() + minute * 60_000).toISOString()));
    // Everything of the first 45 seconds in minute 0; the reads (66…96 s) in minute 1; the reply in minute 30.
    expect(data.buckets[0]).toEqual({ at: base.toISOString(), sent: 20, delivered: 12, read: 0, failed: 12, replied: 0 });
    expect(data.buckets[1]).toMatchObject({ ...zero, read: 4 });
    expect(data.buckets.slice(2, 30).every((bucket) => bucket.sent + bucket.delivered + bucket.read + bucket.failed + bucket.replied === 0)).toBe(true);
    expect(data.buckets[30]).toMatchObject({ ...zero, replied: 1 });
  });

  it('uses hours for a campaign spanning days, and days beyond a week', async () => {
    const campaign = await seededCampaign(10, { base: new Date(base.getTime() + 3_600_000) });
    const moveRead = (days: number) =>
      withDb((client) =>
        client.query(
          `UPDATE plugin_whatsapp_messages SET read_at = sent_at + make_interval(days => $2::int)
            WHERE document_id = $1`,
          [`${campaign.key}m1`, days]
        )
      );
    await moveRead(2);
    const hours = (await timeline(campaign.documentId).expect(200)).body.data as { bucketSize: string; buckets: Bucket[]; totals: typeof zero };
    expect(hours.bucketSize).toBe('hour');
    // From the first hour to the read 48 hours later (the reply, 30 minutes in, stays in the first hour).
    expect(hours.buckets).toHaveLength(49);
    expect(hours.buckets[48]).toMatchObject({ ...zero, read: 1 });
    expect(hours.totals).toEqual({ sent: 5, delivered: 3, read: 1, failed: 3, replied: 1 });

    await moveRead(20);
    const days = (await timeline(campaign.documentId).expect(200)).body.data as { bucketSize: string; buckets: Bucket[] };
    expect(days.bucketSize).toBe('day');
    expect(days.buckets).toHaveLength(21);
    expect(days.buckets[0]!.at).toBe(`${base.toISOString().slice(0, 10)}T00:00:00.000Z`);
  });

  it('has no buckets before anything was sent', async () => {
    const created = await adminApi().post('/whatsapp/campaigns').send({ data: { name: uniqueName('Empty timeline') } });
    const documentId = (created.body.data ?? created.body).documentId as string;
    const response = await timeline(documentId).expect(200);
    expect(response.body.data).toEqual({ bucketSize: null, buckets: [], totals: zero });
  });

  it('answers 404 for an unknown campaign, 403 without campaigns.read, and is a permission on the content API', async () => {
    expectStrapiError((await timeline('nosuchcampaign0000000000').expect(404)).body, 404, 'NotFoundError');
    const campaign = await seededCampaign(10, { base: new Date(base.getTime() + 7_200_000) });
    const noRead = await createAdminWithActions(['plugin::whatsapp.messages.read']);
    expect((await timeline(campaign.documentId, api(noRead))).status).toBe(403);
    const reader = await createAdminWithActions(['plugin::whatsapp.campaigns.read']);
    expect((await timeline(campaign.documentId, api(reader)).expect(200)).body.data.totals.sent).toBe(5);
    const rest = await contentApi().get(`/api/whatsapp/campaigns/${campaign.documentId}/timeline`).expect(200);
    expect(rest.body.data.totals).toEqual({ sent: 5, delivered: 3, read: 1, failed: 3, replied: 1 });
    expect((await api().get(`/api/whatsapp/campaigns/${campaign.documentId}/timeline`)).status).toBe(403);
  });
});
