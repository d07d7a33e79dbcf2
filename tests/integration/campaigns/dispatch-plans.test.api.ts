import crypto from 'node:crypto';
import type { Client } from 'pg';
import { CLAIM_CAMPAIGN_SQL, CLAIM_SQL, materializeSql } from '../../../plugins/whatsapp/server/src/campaigns/dispatch-sql';
import { boundValues, prepareStatement } from '../../../plugins/whatsapp/server/src/database/prepared-statement';
import { withDb } from './helpers';

/**
 * The dispatcher's two statements per batch must cost O(batch), not O(recipients): a claim once
 * walked the primary key past every recipient already dispatched, and a batch's recipient update
 * hashed the whole recipients table (bench/campaign: 22 ms and 15 ms per batch at 10,000, growing
 * with the campaign). Checked on the app's own database with EXPLAIN, against the state that
 * fooled the planner: statistics taken at launch, when every recipient was waiting.
 */

const RECIPIENTS = 'plugin_whatsapp_campaign_recipients';
const TOTAL = 12_000;
const DISPATCHED = 11_750;
const BATCH = 250;
/** Ids of no real campaign (recipients have no foreign key): 200 campaigns downwards from here. */
const OTHER_CAMPAIGNS_FROM = 2_000_000_000;

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
};
const nodesOf = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
const planOf = (rows: Array<Record<string, unknown>>) => (rows[0]!['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0]!.Plan;

/** knex's `?` bindings as Postgres' `$n`. */
const positional = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

describe('dispatch statements on a campaign mostly dispatched', () => {
  const sender = `+1555${crypto.randomInt(1_000_000, 9_999_999)}`;
  let campaignId = 0;
  let waitingIds: number[] = [];

  beforeAll(async () => {
    await withDb(async (client) => {
      // A draft campaign (no dispatcher of the app ever looks at it); it runs only inside the
      // transactions below, which are rolled back.
      const campaign = await client.query(
        `INSERT INTO plugin_whatsapp_campaigns (document_id, name, state, created_at, updated_at, published_at)
         VALUES ($1, 'dispatch plans', 'draft', now(), now(), now()) RETURNING id`,
        [`plans${crypto.randomBytes(8).toString('hex')}`]
      );
      campaignId = Number(campaign.rows[0].id);
      await client.query(
        `INSERT INTO ${RECIPIENTS} (campaign_id, candidate_id, sender, template_id, state, created_at, updated_at)
         SELECT $1, i, $2, 1, 'waiting', now(), now() FROM generate_series(1, $3::int) AS i`,
        [campaignId, sender, TOTAL]
      );
      // Many other (small, finished) campaigns, as a database in use has: the planner then takes a
      // campaign it does not know by value for an average one, a few rows.
      await client.query(
        `INSERT INTO ${RECIPIENTS} (campaign_id, candidate_id, sender, template_id, state, created_at, updated_at)
         SELECT $1 - (i / 10), i, $2, 1, 'dispatched', now(), now() FROM generate_series(0, 1999) AS i`,
        [OTHER_CAMPAIGNS_FROM, sender]
      );
      // Statistics as a launch leaves them (all waiting), then most recipients dispatched, and
      // VACUUM (no ANALYZE) clearing the dead row versions as time would, statistics untouched.
      await client.query(`ANALYZE ${RECIPIENTS}`);
      await client.query(`UPDATE ${RECIPIENTS} SET state = 'dispatched' WHERE campaign_id = $1 AND candidate_id <= $2`, [campaignId, DISPATCHED]);
      await client.query(`VACUUM ${RECIPIENTS}`);
      const waiting = await client.query(`SELECT id FROM ${RECIPIENTS} WHERE campaign_id = $1 AND state = 'waiting' ORDER BY id`, [campaignId]);
      waitingIds = waiting.rows.map((row) => Number(row.id));
    });
  }, 60_000);

  afterAll(async () => {
    await withDb(async (client) => {
      await client.query(`DELETE FROM ${RECIPIENTS} WHERE campaign_id = $1 OR (sender = $2 AND campaign_id > $3)`, [campaignId, sender, OTHER_CAMPAIGNS_FROM - 1_000]);
      await client.query(`DELETE FROM plugin_whatsapp_campaigns WHERE id = $1`, [campaignId]);
    });
  });

  /** `work` inside a transaction in which the campaign is running; everything is rolled back. */
  const whileRunning = <T>(work: (client: Client) => Promise<T>) =>
    withDb(async (client) => {
      await client.query('BEGIN');
      try {
        await client.query(`UPDATE plugin_whatsapp_campaigns SET state = 'running', started_at = now() WHERE id = $1`, [campaignId]);
        return await work(client);
      } finally {
        await client.query('ROLLBACK');
      }
    });

  /** Rows the plan's nodes on the recipients table returned or filtered out. */
  const recipientRowsRead = (plan: PlanNode) =>
    nodesOf(plan)
      .filter((node) => node['Relation Name'] === RECIPIENTS)
      .reduce((sum, node) => sum + ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0)) * (node['Actual Loops'] ?? 1), 0);

  it('a claim reads its batch of recipients, not the ones already dispatched', async () => {
    const result = await whileRunning(async (client) => {
      const campaignPlan = planOf((await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${positional(CLAIM_CAMPAIGN_SQL)}`, [sender])).rows);
      const found = await client.query(positional(CLAIM_CAMPAIGN_SQL), [sender]);
      const claimPlan = planOf((await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${positional(CLAIM_SQL)}`, [sender, campaignId, BATCH])).rows);
      const claimed = await client.query(positional(CLAIM_SQL), [sender, campaignId, BATCH]);
      return {
        campaign: found.rows.map((row) => Number(row.id)),
        claimed: claimed.rows.map((row) => Number(row.id)),
        rowsRead: { campaign: recipientRowsRead(campaignPlan), claim: recipientRowsRead(claimPlan) },
      };
    });
    expect(waitingIds).toHaveLength(TOTAL - DISPATCHED);
    // The campaign, then the batch: the first waiting recipients, in launch order, and no others read.
    expect(result.campaign).toEqual([campaignId]);
    expect(result.claimed).toEqual(waitingIds.slice(0, BATCH));
    expect(result.rowsRead.claim).toBe(BATCH);
    // Per running campaign, at most its first waiting recipient (EXPLAIN rounds per-loop averages).
    expect(result.rowsRead.campaign).toBeLessThanOrEqual(1);
  });

  it("a batch's recipients are updated by primary key, not found by scanning the table", async () => {
    const statement = prepareStatement('dispatch_plans_materialize', materializeSql({ columns: '', values: '', params: {} }, { columns: '', values: '', params: {} }));
    const ids = waitingIds.slice(0, BATCH);
    const params: Record<string, unknown> = {
      sender,
      from: `whatsapp:${sender}`,
      leaseSeconds: 60,
      now: new Date(),
      recipientIds: ids,
      campaignIds: ids.map(() => campaignId),
      candidateIds: ids.map((_, index) => DISPATCHED + 1 + index),
      candidateDocumentIds: ids.map((id) => `cand${id}`),
      templateIds: ids.map(() => 1),
      retryOfIds: ids.map(() => null),
      messageDocumentIds: ids.map((id) => `msg${id}`),
      conversationDocumentIds: ids.map((id) => `conv${id}`),
      tos: ids.map((id) => `whatsapp:+91970${String(id).padStart(7, '0')}`),
      variables: ids.map(() => null),
      previews: ids.map(() => 'Hi'),
    };
    const values = boundValues(statement, params);
    // The plan only: running it would write messages for candidates that do not exist.
    const plan = await whileRunning(async (client) => planOf((await client.query(`EXPLAIN (FORMAT JSON) ${statement.text}`, values)).rows));
    const recipientScans = nodesOf(plan)
      .filter((node) => node['Relation Name'] === RECIPIENTS)
      .map((node) => node['Node Type']);
    // The UPDATE node itself, and the lookup under it.
    expect(recipientScans).toContain('ModifyTable');
    expect(recipientScans.filter((type) => type !== 'ModifyTable')).toEqual([expect.stringMatching(/^(Index Scan|Bitmap Heap Scan)$/)]);
  });
});
