import { api, contentApi, expectStrapiError } from '../helpers/api';
import { createAdminWithActions } from '../helpers/admin-users';
import { withDb } from '../helpers/db';
import { csvRows, getCsv, removeSeededCampaigns, seededCampaign } from './helpers';

const PATH = '/api/whatsapp/exports/messages';

/** A minute-aligned day in 2021 of this run's own, so no other test's messages fall in its range. */
const baseDay = () => new Date(Date.UTC(2021, 0, 1 + Math.floor(Math.random() * 300), 10, 0, 0));
const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1_000).toISOString();

afterAll(removeSeededCampaigns, 120_000);

describe('CSV export of messages by filter', () => {
  let base: Date;
  let campaign: Awaited<ReturnType<typeof seededCampaign>>;
  let other: Awaited<ReturnType<typeof seededCampaign>>;

  beforeAll(async () => {
    base = baseDay();
    // Recipients 1…40 of each: 32 messages (8, 9 of every ten have none) and the reply of recipient 1.
    campaign = await seededCampaign(40, { base });
    other = await seededCampaign(40, { base });
  }, 60_000);

  it('exports one campaign\'s messages in time order, both directions, with their candidate and campaign', async () => {
    const response = await getCsv(PATH, { campaign: campaign.documentId }).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="export-campaign-[a-z0-9-]+-messages-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = csvRows(response);
    // The reply is not a campaign message: only the 32 outbound ones.
    expect(rows).toHaveLength(32);
    expect(rows.every((row) => row.direction === 'outbound' && row.campaign_id === campaign.documentId)).toBe(true);
    expect(rows.map((row) => row.created_at)).toEqual([...rows.map((row) => row.created_at)].sort());
    expect(rows[0]).toMatchObject({
      created_at: at(base, 1),
      direction: 'outbound',
      status: 'read',
      candidate_name: 'Export 1',
      phone: `${campaign.phonePrefix}0000001`,
      body: 'Hi Export 1',
      error_code: '',
      read_at: at(base, 66),
    });
    expect(rows.find((row) => row.candidate_name === 'Export 2')).toMatchObject({ status: 'failed', error_code: '63016', error: expect.stringMatching(/24-hour window/) });
  });

  it('keeps a date range: from inclusive, to exclusive', async () => {
    const rows = csvRows(await getCsv(PATH, { campaign: campaign.documentId, from: at(base, 10), to: at(base, 20) }).expect(200));
    // Recipients 10…19 without 18 and 19 (skipped and waiting).
    expect(rows.map((row) => row.candidate_name)).toEqual(['Export 10', 'Export 11', 'Export 12', 'Export 13', 'Export 14', 'Export 15', 'Export 16', 'Export 17']);
  });

  it('reads a day as the whole day, and keeps both campaigns of that day without a campaign filter', async () => {
    const day = base.toISOString().slice(0, 10);
    const rows = csvRows(await getCsv(PATH, { from: day, to: day }).expect(200));
    // 32 + 32 outbound and the two replies, nothing from other days.
    expect(rows).toHaveLength(66);
    expect(new Set(rows.map((row) => row.campaign_id))).toEqual(new Set([campaign.documentId, other.documentId, '']));
  });

  it('keeps one candidate\'s history, and one direction', async () => {
    const candidate = `${campaign.key}c1`;
    const both = csvRows(await getCsv(PATH, { candidate }).expect(200));
    expect(both.map((row) => [row.direction, row.body])).toEqual([
      ['outbound', 'Hi Export 1'],
      ['inbound', 'Yes, I will come'],
    ]);
    expect(both[1]).toMatchObject({ candidate_id: candidate, campaign_id: '', status: 'received', created_at: at(base, 1 + 1_800) });
    const inbound = csvRows(await getCsv(PATH, { candidate, direction: 'inbound' }).expect(200));
    expect(inbound.map((row) => row.body)).toEqual(['Yes, I will come']);
    const outboundOfDay = csvRows(await getCsv(PATH, { from: base.toISOString().slice(0, 10), to: base.toISOString().slice(0, 10), direction: 'outbound' }).expect(200));
    expect(outboundOfDay).toHaveLength(64);
  });

  it('exports a header only when nothing matches', async () => {
    const response = await getCsv(PATH, { campaign: campaign.documentId, from: '2001-01-01', to: '2001-01-02' }).expect(200);
    expect(csvRows(response)).toEqual([]);
    expect(response.text.trimEnd()).toBe('\ufeffcreated_at,direction,status,candidate_name,phone,from,to,body,campaign,sent_by,error_code,error,sent_at,delivered_at,read_at,failed_at,twilio_sid,message_id,candidate_id,campaign_id');
  });

  it('orders by created_at to the microsecond (the page key keeps what a JS Date would drop)', async () => {
    const stamp = `${base.toISOString().slice(0, 10)} 23:59:59`;
    await withDb((client) =>
      client.query(
        `INSERT INTO plugin_whatsapp_messages (document_id, direction, status, body, created_at, updated_at, published_at)
         VALUES ($1 || 'u1', 'inbound', 'received', 'micro 1', CAST($2 || '.000002' AS timestamp), now(), now()),
                ($1 || 'u2', 'inbound', 'received', 'micro 2', CAST($2 || '.000001' AS timestamp), now(), now())`,
        [campaign.key, stamp]
      )
    );
    const rows = csvRows(await getCsv(PATH, { from: `${base.toISOString().slice(0, 10)}T23:59:59Z`, to: base.toISOString().slice(0, 10), direction: 'inbound' }).expect(200));
    expect(rows.map((row) => row.body)).toEqual(['micro 2', 'micro 1']);
  });

  it.each([
    ['a malformed date', { from: 'yesterday' }, 'from'],
    ['from after to', { from: '2021-02-01', to: '2021-01-01' }, 'from'],
    ['an unknown direction', { direction: 'sideways' }, 'direction'],
    ['an unknown parameter', { status: 'read' }, ''],
  ])('answers %s with a 400 in Strapi\'s error shape', async (_label, query, path) => {
    const response = await contentApi().get(PATH).query(query);
    expect(response.status).toBe(400);
    expectStrapiError(response.body, 400, 'ValidationError');
    if (path) expect(response.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'))).toContain(path);
  });

  it('answers an unknown candidate or campaign with a 404', async () => {
    expectStrapiError((await contentApi().get(PATH).query({ candidate: 'nosuchcandidate000000000' }).expect(404)).body, 404, 'NotFoundError');
    expectStrapiError((await contentApi().get(PATH).query({ campaign: 'nosuchcampaign0000000000' }).expect(404)).body, 404, 'NotFoundError');
  });

  it('needs messages.read in the admin panel, and its own permission on the content API', async () => {
    const reader = await createAdminWithActions(['plugin::whatsapp.messages.read']);
    const notReader = await createAdminWithActions(['plugin::whatsapp.campaigns.read']);
    const query = { campaign: campaign.documentId };
    expect((await api(notReader).get('/whatsapp/exports/messages').query(query)).status).toBe(403);
    expect(csvRows(await getCsv('/whatsapp/exports/messages', query, api(reader)).expect(200))).toHaveLength(32);
    expect((await api().get(PATH).query(query)).status).toBe(403);
  });
});
