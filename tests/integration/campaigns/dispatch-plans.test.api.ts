import crypto from 'node:crypto';
import type { Client } from 'pg';
import { CLAIM_SQL, materializeSql } from '../../../plugins/whatsapp/server/src/repositories/campaign-dispatch';
import { prepareStatement } from '../../../plugins/whatsapp/server/src/repositories/prepared-statement';
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
  let firstWaitingId = 0;

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
      // Statistics as a launch leaves them (all waiting), then most recipients dispatched, and
      // VACUUM (no ANALYZE) clearing the dead row versions as time would, statistics untouched.
      await client.query(`ANALYZE ${RECIPIENTS}`);
      await client.query(`UPDATE ${RECIPIENTS} SET state = 'dispatched' WHERE campaign_id = $1 AND candidate_id <= $2`, [campaignId, DISPATCHED]);
      await client.query(`VACUUM ${RECIPIENTS}`);
      const first = await client.query(`SELECT min(id) AS id FROM ${RECIPIENTS} WHERE campaign_id = $1 AND state = 'waiting'`, [campaignId]);
      firstWaitingId = Number(first.rows[0].id);
    });
  }, 60_000);

  afterAll(async () => {
    await withDb(async (client) => {
      await client.query(`DELETE FROM ${RECIPIENTS} WHERE campaign_id = $1`, [campaignId]);
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

  it('a claim reads its batch of recipients, not the ones already dispatched', async () => {
    const { plan, claimed } = await whileRunning(async (client) => {
      const explained = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${positional(CLAIM_SQL)}`, [sender, sender, BATCH]);
      const claimedRows = await client.query(positional(CLAIM_SQL), [sender, sender, BATCH]);
      return { plan: planOf(explained.rows), claimed: claimedRows.rows.map((row) => Number(row.id)) };
    });
    // The batch: the first waiting recipients, in launch order.
    expect(claimed).toEqual(Array.from({ length: BATCH }, (_, index) => firstWaitingId + index));
    const recipientScans = nodesOf(plan).filter((node) => node['Relation Name'] === RECIPIENTS);
    const rowsRead = recipientScans.reduce(
      (sum, node) => sum + ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0)) * (node['Actual Loops'] ?? 1),
      0
    );
    expect({ rowsRead, withinBatch: rowsRead <= BATCH + 10 }).toEqual({ rowsRead, withinBatch: true });
  });

  it("a batch's recipients are updated by primary key, not found by scanning the table", async () => {
    const statement = prepareStatement('dispatch_plans_materialize', materializeSql({ columns: '', values: '', params: {} }, { columns: '', values: '', params: {} }));
    const ids = Array.from({ length: BATCH }, (_, index) => firstWaitingId + index);
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
    const values = statement.order.map((binding) => {
      if (!(binding in params)) throw new Error(`no value for :${binding}`);
      return params[binding];
    });
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
