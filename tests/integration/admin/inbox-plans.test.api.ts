import type { Client } from 'pg';
import { EXTRA_INDEX } from '../../../plugins/whatsapp/server/src/schema/extra-indexes';
import {
  candidateMatchOf,
  conversationPageSql,
  matchingConversationsSql,
  threadPageSql,
  type SqlQuery,
} from '../../../plugins/whatsapp/server/src/inbox/reads-sql';
import { withDb } from '../helpers/db';

/**
 * The inbox's reads must be able to walk their indexes: an index whose expression differs from the
 * query's by a cast is silently never used, and each page then reads the whole table (100,000
 * conversations in bench/inbox). Checked on the app's own database with EXPLAIN, the planner
 * told to avoid what it would choose on this small shared database (full scans, sorts), so that
 * what is asserted is that an index path exists, not the planner's choice at this size.
 */

type PlanNode = { 'Node Type': string; 'Index Name'?: string; 'Index Cond'?: string; 'Relation Name'?: string; Plans?: PlanNode[] };
const nodesOf = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];

/** knex's `?` bindings as PostgreSQL's `$n`. */
const positional = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

const planOf = (query: SqlQuery, settings: string[]) =>
  withDb(async (client: Client) => {
    await client.query('BEGIN');
    try {
      for (const setting of settings) await client.query(`SET LOCAL ${setting} = off`);
      const result = await client.query(`EXPLAIN (FORMAT JSON) ${positional(query.sql)}`, query.bindings);
      return nodesOf((result.rows[0]['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0]!.Plan);
    } finally {
      await client.query('ROLLBACK');
    }
  });

const NO_SCAN_NO_SORT = ['enable_seqscan', 'enable_bitmapscan', 'enable_sort'];
const indexNames = (nodes: PlanNode[]) => nodes.map((node) => node['Index Name']).filter(Boolean);

describe('inbox reads walk their indexes', () => {
  it('the list, from the top and from a cursor, walks the order index', async () => {
    const top = await planOf(conversationPageSql({}, null, 26), NO_SCAN_NO_SORT);
    expect(indexNames(top)).toContain(EXTRA_INDEX.inboxOrder);
    const deep = await planOf(conversationPageSql({}, { at: '2030-01-01T00:00:00.000000Z', id: 5 }, 26), NO_SCAN_NO_SORT);
    const walk = deep.find((node) => node['Index Name'] === EXTRA_INDEX.inboxOrder);
    // The cursor is where the scan starts, not a filter on the rows before it.
    expect(walk?.['Index Cond']).toMatch(/ROW\(/i);
    const afterNull = await planOf(conversationPageSql({}, { at: null, id: 5 }, 26), NO_SCAN_NO_SORT);
    expect(afterNull.find((node) => node['Index Name'] === EXTRA_INDEX.inboxOrder)?.['Index Cond']).toMatch(/ROW\(/i);
  });

  it('the unread filter walks the partial index of unread conversations', async () => {
    const nodes = await planOf(conversationPageSql({ unread: true }, null, 26), NO_SCAN_NO_SORT);
    expect(indexNames(nodes)).toContain(EXTRA_INDEX.inboxUnread);
  });

  it('a search finds candidates through the trigram indexes, by name and by number', async () => {
    const byName = await planOf(matchingConversationsSql(candidateMatchOf('meera'), 1001), ['enable_seqscan']);
    expect(indexNames(byName)).toContain(EXTRA_INDEX.candidateNameTrigram);
    const byNumber = await planOf(matchingConversationsSql(candidateMatchOf('98765 43210'), 1001), ['enable_seqscan']);
    expect(indexNames(byNumber)).toEqual(expect.arrayContaining([EXTRA_INDEX.candidateNameTrigram, EXTRA_INDEX.candidatePhoneTrigram]));
  });

  it("a thread's page walks the thread index and looks its messages up by id", async () => {
    const nodes = await planOf(threadPageSql(1, { cursor: { id: 100 }, before: null, limit: 51 }), NO_SCAN_NO_SORT);
    const walk = nodes.find((node) => node['Index Name'] === EXTRA_INDEX.inboxThread);
    expect(walk?.['Index Cond']).toMatch(/message_id < /);
    expect(nodes.find((node) => node['Relation Name'] === 'plugin_whatsapp_messages')?.['Node Type']).toMatch(/^Index (Only )?Scan$/);
  });
});
