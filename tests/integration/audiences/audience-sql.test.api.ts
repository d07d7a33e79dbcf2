import { expectStrapiError } from '../helpers/api';
import { uniqueName } from '../helpers/data';
import { adminApi, approvedTemplate, campaignAction, contentApi, createCampaign, createCandidates, uniqueTag, withDb } from '../campaigns/helpers';

type Preview = {
  total: number;
  send: number;
  skipped: number;
  skippedBy: Record<string, number>;
  samples: Array<{ candidate: { documentId: string; name: string | null }; send: boolean; skipReason: string | null; text: string; missing: number[] }>;
};

const BODY = 'Hi {{1}}, your interview in {{2}} is on {{3}}.';
const MAPPING = {
  '1': { source: 'field', field: 'name' },
  '2': { source: 'attribute', key: 'city' },
  '3': { source: 'text', value: 'Friday' },
};

describe('audiences as SQL: tag rules, filters, one recipient per candidate', () => {
  let template: { documentId: string };
  const [a, b, c] = [uniqueTag(), uniqueTag(), uniqueTag()];
  const ids: Record<string, string> = {};

  const preview = async (audience: Record<string, unknown>, variableMapping: Record<string, unknown> = MAPPING) => {
    const response = await contentApi().post('/api/whatsapp/campaigns/preview').send({ data: { template: template.documentId, variableMapping, audience } });
    if (response.status !== 200) throw new Error(`preview: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.data as Preview;
  };

  beforeAll(async () => {
    template = await approvedTemplate(BODY, { '1': 'Asha', '2': 'Pune', '3': 'Monday' });
    const make = async (key: string, tags: string[], extra: Record<string, unknown> = {}) => {
      const [created] = await createCandidates(1, 'x', () => ({ name: `Cand ${key}`, tags, attributes: { city: 'Pune' }, ...extra }));
      ids[key] = created!.documentId;
    };
    await make('onlyA', [a]);
    await make('ab', [a, b], { attributes: { city: 'Delhi', year: 2026 } });
    await make('onlyB', [b], { attributes: { city: 'Pune', year: 2025 } });
    await make('ac', [a, c], { optIn: 'opted_out' });
    await make('acNoCity', [a, c], { attributes: { course: 'BSc' } });
    await make('none', []);
    // Wrote to us recently.
    await withDb((client) =>
      client.query(`UPDATE plugin_whatsapp_candidates SET last_inbound_at = now() - interval '2 days' WHERE document_id = $1`, [ids.ab])
    );
  });

  it('any of: every candidate with at least one of the tags (the original `tags: [..]` shape too)', async () => {
    expect((await preview({ tags: { anyOf: [a, b] } })).total).toBe(5);
    expect((await preview({ tags: [a, b] })).total).toBe(5);
    expect((await preview({ tags: [b] })).total).toBe(2);
  });

  it('all of: only candidates with every tag', async () => {
    const result = await preview({ tags: { allOf: [a, b] } });
    expect(result.total).toBe(1);
    expect(result.samples[0]!.candidate.documentId).toBe(ids.ab);
  });

  it('none of: excludes candidates with any of the tags', async () => {
    expect((await preview({ tags: { anyOf: [a], noneOf: [c] } })).total).toBe(2);
    expect((await preview({ tags: { anyOf: [a, b], noneOf: [c, b] } })).total).toBe(1);
  });

  it('a candidate chosen by id and matched by tag is one recipient', async () => {
    const result = await preview({ candidates: [ids.onlyA, ids.onlyA, ids.none], tags: [a] });
    expect(result.total).toBe(5);
    expect(result.samples.filter((sample) => sample.candidate.documentId === ids.onlyA)).toHaveLength(1);
  });

  it('filters on fields and attributes in Strapi filter syntax narrow the tag rules', async () => {
    expect((await preview({ tags: [a, b], filters: { optIn: { $eq: 'opted_out' } } })).total).toBe(1);
    expect((await preview({ tags: [a, b], filters: { attributes: { city: { $eqi: 'PUNE' } } } })).total).toBe(3);
    expect((await preview({ tags: [a, b], filters: { attributes: { year: { $gte: 2026 } } } })).total).toBe(1);
    expect((await preview({ tags: [a, b], filters: { lastInboundAt: { $gt: new Date(Date.now() - 7 * 86_400_000).toISOString() } } })).total).toBe(1);
    expect((await preview({ tags: [a, b], filters: { $or: [{ name: { $containsi: 'cand onlyb' } }, { attributes: { course: 'BSc' } }] } })).total).toBe(2);
    expect((await preview({ tags: [a, b], filters: { $not: { attributes: { city: { $in: ['Pune', 'Delhi'] } } } } })).total).toBe(1);
    // Filters alone: everyone matching them (here the tag keeps the test to its own rows).
    expect((await preview({ filters: { $and: [{ optIn: 'opted_out' }, { name: { $eq: 'Cand ac' } }] }, tags: { allOf: [a, c] } })).total).toBe(1);
  });

  it('counts who is sent and who is skipped and why, and renders samples', async () => {
    const result = await preview({ tags: [a, b] });
    expect(result).toMatchObject({
      total: 5,
      send: 3,
      skipped: 2,
      skippedBy: { opted_out: 1, missing_variable: 1, invalid_phone: 0, duplicate_phone: 0 },
    });
    const sent = result.samples.filter((sample) => sample.send);
    expect(sent).toHaveLength(3);
    expect(sent.map((sample) => sample.text)).toContain('Hi Cand ab, your interview in Delhi is on Friday.');
    const missing = result.samples.find((sample) => sample.skipReason === 'missing_variable')!;
    expect(missing).toMatchObject({ send: false, missing: [2] });
    expect(missing.candidate.documentId).toBe(ids.acNoCity);
  });

  it('a number another candidate of the audience already has (written another way) is skipped once as a duplicate', async () => {
    const tag = uniqueTag();
    const [first] = await createCandidates(1, tag, () => ({ attributes: { city: 'Pune' } }));
    const spaced = `${first!.phone.slice(0, 3)} ${first!.phone.slice(3, 8)} ${first!.phone.slice(8)}`;
    // Only a writer that skips the phone rules (an old import, raw SQL) can store such a twin.
    await withDb((client) =>
      client.query(
        `INSERT INTO plugin_whatsapp_candidates (document_id, name, phone, opt_in, tags, attributes, created_at, updated_at, published_at)
         VALUES ($1, 'Twin', $2, 'opted_in', $3, '{"city":"Pune"}', now(), now(), now())`,
        [uniqueName('twin').slice(0, 24), spaced, JSON.stringify([tag])]
      )
    );
    const result = await preview({ tags: [tag] });
    expect(result).toMatchObject({ total: 2, send: 1, skipped: 1, skippedBy: { duplicate_phone: 1, invalid_phone: 0 } });
    expect(result.samples.find((sample) => sample.send)!.candidate.documentId).toBe(first!.documentId);
  });

  it('the launch writes what the preview counted, each candidate once', async () => {
    const audience = { candidates: [ids.onlyA, ids.none], tags: { anyOf: [a, b], noneOf: [c] } };
    const expected = await preview(audience);
    expect(expected).toMatchObject({ total: 4, send: 4, skipped: 0 });
    const campaign = await createCampaign({ name: uniqueName('audience'), template: template.documentId, variableMapping: MAPPING, audience });
    const launched = await campaignAction(campaign.documentId, 'launch').expect(200);
    expect(launched.body.data.stats).toMatchObject({ total: expected.total, skipped: expected.skipped });
    const rows = await withDb(async (client) =>
      (
        await client.query(
          `SELECT r.candidate_id, r.state, r.variables FROM plugin_whatsapp_campaign_recipients r
             JOIN plugin_whatsapp_campaigns c ON c.id = r.campaign_id WHERE c.document_id = $1 ORDER BY r.id`,
          [campaign.documentId]
        )
      ).rows
    );
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((row) => row.candidate_id)).size).toBe(4);
    expect(rows.every((row) => row.state !== 'skipped' && row.variables['3'] === 'Friday')).toBe(true);
  });

  it('the admin twin answers the same, and needs campaigns.manage', async () => {
    const response = await adminApi()
      .post('/whatsapp/campaigns/preview')
      .send({ data: { template: template.documentId, variableMapping: MAPPING, audience: { tags: [a, b] } } })
      .expect(200);
    expect(response.body.data).toMatchObject({ total: 5, send: 3 });
  });

  it.each([
    ['an unknown field', { tags: [a], filters: { salary: { $gt: 5 } } }, 'salary'],
    ['an unknown operator', { tags: [a], filters: { name: { $regex: '.*' } } }, '$regex'],
    ['a date that is not one', { tags: [a], filters: { lastInboundAt: { $gt: 'yesterday' } } }, 'lastInboundAt'],
    ['an opt-in state that does not exist', { tags: [a], filters: { optIn: 'maybe' } }, 'optIn'],
    ['an attribute name with SQL in it', { tags: [a], filters: { attributes: { "x'; drop table x; --": 'y' } } }, 'attributes'],
    ['tag rules with an unknown key', { tags: { someOf: [a] } }, 'tags'],
  ])('refuses %s with a 400 in Strapi error shape', async (_label, audience, mentioned) => {
    const response = await contentApi()
      .post('/api/whatsapp/campaigns/preview')
      .send({ data: { template: template.documentId, variableMapping: MAPPING, audience } });
    expectStrapiError(response.body, 400, 'ValidationError');
    expect(JSON.stringify(response.body.error)).toContain(mentioned);
  });

  it('refuses a missing template, a bad mapping and a body without data with 400s', async () => {
    const noTemplate = await contentApi().post('/api/whatsapp/campaigns/preview').send({ data: { template: 'nope', audience: { tags: [a] } } });
    expectStrapiError(noTemplate.body, 400, 'ValidationError');
    const badMapping = await contentApi()
      .post('/api/whatsapp/campaigns/preview')
      .send({ data: { template: template.documentId, variableMapping: { '1': { source: 'field', field: 'password' } }, audience: {} } });
    expectStrapiError(badMapping.body, 400, 'ValidationError');
    const noData = await contentApi().post('/api/whatsapp/campaigns/preview').send({ template: template.documentId });
    expectStrapiError(noData.body, 400, 'ValidationError');
  });

  it('refuses a campaign saved with a filter it cannot use (400), so a launch never meets one', async () => {
    const response = await contentApi()
      .post('/api/whatsapp/campaigns')
      .send({ data: { name: uniqueName('bad'), template: template.documentId, audience: { filters: { phone: { $like: '%1' } } } } });
    expectStrapiError(response.body, 400, 'ValidationError');
  });
});
