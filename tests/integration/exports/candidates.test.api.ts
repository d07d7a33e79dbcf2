import { api, contentApi, expectStrapiError } from '../helpers/api';
import { createAdminWithActions } from '../helpers/admin-users';
import { uniqueIndianMobile, uniqueName } from '../helpers/data';
import { withDb } from '../helpers/db';
import { createCustomToken } from '../helpers/tokens';
import { csvRows, getCsv, removeSeededCampaigns, seededCampaign } from './helpers';

const PATH = '/api/whatsapp/exports/candidates';

const createCandidate = async (data: Record<string, unknown>) => {
  const response = await contentApi().post('/api/whatsapp/candidates').send({ data });
  if (response.status !== 201) throw new Error(`candidate create: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data as { documentId: string; phone: string; createdAt: string; optInAt: string | null };
};

afterAll(removeSeededCampaigns, 120_000);

describe('CSV export of candidates', () => {
  const tag = uniqueName('exptag');
  let people: Array<Awaited<ReturnType<typeof createCandidate>>>;

  beforeAll(async () => {
    people = [
      await createCandidate({ name: 'Asha Verma', phone: uniqueIndianMobile(), email: 'asha@example.com', optIn: 'opted_in', tags: [tag, 'pune'], attributes: { role: 'Analyst', year: 2026 } }),
      await createCandidate({ name: '=HYPERLINK("http://evil")', phone: uniqueIndianMobile(), optIn: 'opted_out', tags: [tag] }),
      await createCandidate({ name: 'Ravi Kumar', phone: uniqueIndianMobile(), tags: [tag, 'delhi'] }),
    ];
    // Enough candidates besides that an unfiltered export runs over several pages of 5,000.
    await seededCampaign(6_000);
  }, 120_000);

  it('exports the candidates of a tag, each with its fields; a formula-like name is neutralised', async () => {
    const response = await getCsv(PATH, { tag }).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="candidates-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = csvRows(response);
    expect(rows.map((row) => row.candidate_id)).toEqual(people.map((person) => person.documentId));
    expect(rows[0]).toEqual({
      name: 'Asha Verma',
      phone: people[0]!.phone,
      email: 'asha@example.com',
      opt_in: 'opted_in',
      opt_in_at: people[0]!.optInAt,
      opt_in_source: expect.any(String),
      opt_out_at: '',
      tags: `${tag}; pune`,
      attributes: JSON.stringify({ role: 'Analyst', year: 2026 }),
      last_inbound_at: '',
      created_at: people[0]!.createdAt,
      candidate_id: people[0]!.documentId,
    });
    expect(rows[1]).toMatchObject({ name: `'=HYPERLINK("http://evil")`, opt_in: 'opted_out' });
    expect(rows[1]!.opt_out_at).not.toBe('');
  });

  it('keeps the Candidates page\'s filters: opt-in state and search', async () => {
    const optedOut = csvRows(await getCsv(PATH, { tag, optIn: 'opted_out' }).expect(200));
    expect(optedOut.map((row) => row.candidate_id)).toEqual([people[1]!.documentId]);
    const searched = csvRows(await getCsv(PATH, { tag, search: 'ravi' }).expect(200));
    expect(searched.map((row) => row.candidate_id)).toEqual([people[2]!.documentId]);
  });

  it('exports every candidate once over several pages, as many as the table holds', async () => {
    // Another test's late inbound message may add a candidate meanwhile: those held before the
    // export must all be in it, and it holds nothing that was never in the table.
    const idsNow = () =>
      withDb(async (client) => (await client.query('SELECT document_id FROM plugin_whatsapp_candidates')).rows.map((row) => row.document_id as string));
    const before = await idsNow();
    const rows = csvRows(await getCsv(PATH).expect(200));
    const after = new Set(await idsNow());
    const exported = rows.map((row) => row.candidate_id!);
    expect(before.length).toBeGreaterThan(6_000);
    expect(new Set(exported).size).toBe(exported.length);
    expect(exported).toEqual(expect.arrayContaining(before));
    expect(exported.filter((id) => !after.has(id))).toEqual([]);
  }, 60_000);

  it.each([
    ['an unknown opt-in state', { optIn: 'maybe' }, 'optIn'],
    ['a non-numeric wroteWithinDays', { wroteWithinDays: 'week' }, 'wroteWithinDays'],
    ['a page (an export has none)', { page: '2' }, ''],
  ])('answers %s with a 400 in Strapi\'s error shape', async (_label, query, path) => {
    const response = await contentApi().get(PATH).query(query);
    expect(response.status).toBe(400);
    expectStrapiError(response.body, 400, 'ValidationError');
    if (path) expect(response.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'))).toContain(path);
  });

  it('needs candidates.read in the admin panel, and its own permission on the content API', async () => {
    const reader = await createAdminWithActions(['plugin::whatsapp.candidates.read']);
    const notReader = await createAdminWithActions(['plugin::whatsapp.messages.read', 'plugin::whatsapp.campaigns.read']);
    expect((await api(notReader).get('/whatsapp/exports/candidates').query({ tag })).status).toBe(403);
    expect(csvRows(await getCsv('/whatsapp/exports/candidates', { tag }, api(reader)).expect(200))).toHaveLength(3);
    const candidateReader = await createCustomToken(['plugin::whatsapp.candidate.find']);
    expect((await api(candidateReader).get(PATH).query({ tag })).status).toBe(403);
    const granted = await createCustomToken(['plugin::whatsapp.exports.candidates']);
    expect(csvRows(await getCsv(PATH, { tag }, api(granted)).expect(200))).toHaveLength(3);
  });
});
