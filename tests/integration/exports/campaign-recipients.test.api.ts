import { describeTwilioError } from '../../../plugins/whatsapp/server/src/domain/twilio-errors';
import { allRecipients } from '../campaigns/helpers';
import { adminApi, api, contentApi, expectStrapiError } from '../helpers/api';
import { createAdminWithActions } from '../helpers/admin-users';
import { withDb } from '../helpers/db';
import { createCustomToken } from '../helpers/tokens';
import { type CsvRow, csvRows, getCsv, removeSeededCampaigns, seededCampaign } from './helpers';

const PATH = '/api/whatsapp/exports/campaign-recipients';
const HEADER = [
  'candidate_name', 'phone', 'status', 'error_code', 'error', 'sent_at', 'delivered_at', 'read_at', 'failed_at',
  'replied_at', 'skip_reason', 'skip_detail', 'dispatched_at', 'twilio_sid', 'candidate_id',
];

type ApiRecipient = Awaited<ReturnType<typeof allRecipients>>[number] & {
  candidate: { documentId: string; name: string | null; phone: string | null } | null;
  skipReason: string | null;
  skipDetail: string | null;
  dispatchedAt: string | null;
  repliedAt: string | null;
  message: null | { twilioSid: string | null; errorCode: number | null; errorMessage: string | null; sentAt: string | null; deliveredAt: string | null; readAt: string | null; failedAt: string | null };
};

/** What the CSV must say for one recipient of the recipients API. */
const expectedRow = (item: ApiRecipient): CsvRow => ({
  candidate_name: item.candidate?.name ?? '',
  phone: item.candidate?.phone ?? '',
  status: item.status,
  error_code: item.message?.errorCode === null || item.message?.errorCode === undefined ? '' : String(item.message.errorCode),
  error: describeTwilioError(item.message?.errorCode, item.message?.errorMessage) ?? item.message?.errorMessage ?? '',
  sent_at: item.message?.sentAt ?? '',
  delivered_at: item.message?.deliveredAt ?? '',
  read_at: item.message?.readAt ?? '',
  failed_at: item.message?.failedAt ?? '',
  replied_at: item.repliedAt ?? '',
  skip_reason: item.skipReason ?? '',
  skip_detail: item.skipDetail ?? '',
  dispatched_at: item.dispatchedAt ?? '',
  twilio_sid: item.message?.twilioSid ?? '',
  candidate_id: item.candidate?.documentId ?? '',
});

afterAll(removeSeededCampaigns, 120_000);

describe('CSV export of a campaign\'s recipients', () => {
  let campaign: Awaited<ReturnType<typeof seededCampaign>>;

  beforeAll(async () => {
    campaign = await seededCampaign(10_000);
    expect(campaign.seeded).toMatchObject({ candidates: 10_000, messages: 8_000, replies: 50 });
  }, 120_000);

  it('streams all 10,000 recipients, which parse back to the rows of the recipients API, in launch order', async () => {
    const response = await getCsv(PATH, { campaign: campaign.documentId }).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="export-campaign-[a-z0-9-]+-recipients-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.text.startsWith('\ufeffcandidate_name,phone,status,')).toBe(true);

    const rows = csvRows(response);
    expect(Object.keys(rows[0]!)).toEqual(HEADER);
    const fromApi = (await allRecipients(campaign.documentId)) as ApiRecipient[];
    expect(fromApi).toHaveLength(10_000);
    expect(rows).toHaveLength(10_000);
    // Row by row (a failing row is named, not 10,000 rows dumped).
    const mismatches = rows.map((row, index) => ({ index, row, expected: expectedRow(fromApi[index]!) })).filter(({ row, expected }) => JSON.stringify(row) !== JSON.stringify(expected));
    expect(mismatches.slice(0, 3)).toEqual([]);

    // And what the seed wrote: by status, the error words, replies, skips.
    const byStatus = rows.reduce<Record<string, number>>((counts, row) => ({ ...counts, [row.status!]: (counts[row.status!] ?? 0) + 1 }), {});
    expect(byStatus).toEqual({ delivered: 2_000, read: 1_000, failed: 2_000, undelivered: 1_000, sent: 1_000, queued: 1_000, skipped: 1_000, pending: 1_000 });
    expect(rows.find((row) => row.error_code === '63016')!.error).toMatch(/24-hour window/);
    expect(rows.find((row) => row.error_code === '12345')!.error).toBe('Twilio error 12345: Something odd');
    expect(rows.filter((row) => row.replied_at !== '')).toHaveLength(50);
    expect(rows.filter((row) => row.skip_reason === 'opted_out').every((row) => row.skip_detail !== '' && row.sent_at === '')).toBe(true);
    const names = new Set(rows.map((row) => row.candidate_name));
    expect(names.size).toBe(10_000);
  }, 180_000);

  it('keeps the recipients of the statuses asked for', async () => {
    const rows = csvRows(await getCsv(PATH, { campaign: campaign.documentId, status: 'failed,undelivered' }).expect(200));
    expect(rows).toHaveLength(3_000);
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(['failed', 'undelivered']));
    const skipped = csvRows(await getCsv(PATH, { campaign: campaign.documentId, status: 'skipped' }).expect(200));
    expect(skipped).toHaveLength(1_000);
  });

  it('counts the same rows as the database holds for the campaign', async () => {
    const inDb = await withDb(async (client) =>
      Number(
        (
          await client.query(
            `SELECT count(*)::int AS n FROM plugin_whatsapp_campaign_recipients r JOIN plugin_whatsapp_campaigns c ON c.id = r.campaign_id WHERE c.document_id = $1`,
            [campaign.documentId]
          )
        ).rows[0].n
      )
    );
    const rows = csvRows(await getCsv(PATH, { campaign: campaign.documentId }).expect(200));
    expect(rows).toHaveLength(inDb);
  });

  it.each([
    ['no campaign', {}, 'campaign'],
    ['an unknown status', { campaign: 'x', status: 'lost' }, 'status.0'],
    ['an unknown parameter', { campaign: 'x', sort: 'name' }, ''],
  ])('answers %s with a 400 in Strapi\'s error shape', async (_label, query, path) => {
    const response = await contentApi().get(PATH).query(query);
    expect(response.status).toBe(400);
    expectStrapiError(response.body, 400, 'ValidationError');
    if (path) expect(response.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'))).toContain(path);
  });

  it('answers an unknown campaign with a 404', async () => {
    const response = await contentApi().get(PATH).query({ campaign: 'nosuchcampaign0000000000' });
    expect(response.status).toBe(404);
    expectStrapiError(response.body, 404, 'NotFoundError');
  });

  it('is a permission of its own on the content API: refused without it, allowed with it', async () => {
    const without = await createCustomToken(['plugin::whatsapp.campaign.find']);
    expect((await api(without).get(PATH).query({ campaign: campaign.documentId })).status).toBe(403);
    expect((await api().get(PATH).query({ campaign: campaign.documentId })).status).toBe(403);
    const granted = await createCustomToken(['plugin::whatsapp.exports.campaignRecipients']);
    const rows = csvRows(await getCsv(PATH, { campaign: campaign.documentId, status: 'read' }, api(granted)).expect(200));
    expect(rows).toHaveLength(1_000);
  });

  it('needs campaigns.read in the admin panel', async () => {
    const reader = await createAdminWithActions(['plugin::whatsapp.campaigns.read']);
    const other = await createAdminWithActions(['plugin::whatsapp.messages.read', 'plugin::whatsapp.candidates.read']);
    const adminPath = '/whatsapp/exports/campaign-recipients';
    expect((await api(other).get(adminPath).query({ campaign: campaign.documentId })).status).toBe(403);
    const rows = csvRows(await getCsv(adminPath, { campaign: campaign.documentId, status: 'queued' }, api(reader)).expect(200));
    expect(rows).toHaveLength(1_000);
    const bad = await adminApi().get(adminPath).query({ campaign: campaign.documentId, status: 'nope' });
    expectStrapiError(bad.body, 400, 'ValidationError');
  });
});
