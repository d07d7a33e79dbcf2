import type { Client } from 'pg';
import { decodeConversationCursor } from '../../plugins/whatsapp/server/src/domain/inbox-cursor';
import {
  candidateMatchOf,
  conversationCountSql,
  conversationPageSql,
  matchingConversationsSql,
  threadPageSql,
  type ConversationFilters,
  type SqlQuery,
} from '../../plugins/whatsapp/server/src/inbox/reads-sql';
import { SEARCH_LIST_LIMIT } from '../../plugins/whatsapp/server/src/inbox/reads';

export type TimedRead = { key: string; label: string; path: string };
type Context = { deepCursor: string; number: string; name: string; longThread: string; shortThread: string; pageSize: number; deepPage: number };

/** knex's `?` bindings as PostgreSQL's `$n`. */
const positional = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

const conversationId = async (client: Client, documentId: string) =>
  Number((await client.query(`SELECT id FROM plugin_whatsapp_conversations WHERE document_id = $1`, [documentId])).rows[0].id);

/** The filters the service would use for a search (its matches by id, or checked row by row). */
const searchFilters = async (client: Client, term: string): Promise<ConversationFilters> => {
  const match = candidateMatchOf(term);
  const matching = matchingConversationsSql(match, SEARCH_LIST_LIMIT + 1);
  const ids = (await client.query(positional(matching.sql), matching.bindings)).rows.map((row) => Number(row.id));
  return ids.length <= SEARCH_LIST_LIMIT ? { ids } : { match };
};

/**
 * The statements behind each read: the plugin's own (its SQL builders, with the values the app
 * would bind), or for the REST content API the ones Strapi's query builder writes for it.
 */
const statementsOf = async (client: Client, key: string, context: Context): Promise<SqlQuery[]> => {
  const size = context.pageSize + 1;
  switch (key) {
    case 'adminFirstPage':
      return [conversationPageSql({}, null, size)];
    case 'adminFirstPageTotal':
      return [conversationPageSql({}, null, size), conversationCountSql({})];
    case 'adminDeepPage':
    case 'restLatestDeep':
      return [conversationPageSql({}, decodeConversationCursor(context.deepCursor), size)];
    case 'adminSearchNumber':
    case 'adminSearchName': {
      const term = key === 'adminSearchNumber' ? context.number : context.name;
      const filters = await searchFilters(client, term);
      return [matchingConversationsSql(candidateMatchOf(term), SEARCH_LIST_LIMIT + 1), conversationPageSql(filters, null, size)];
    }
    case 'adminUnread':
      return [conversationPageSql({ unread: true }, null, size)];
    case 'adminThreadLong':
    case 'restThreadCursor':
      return [threadPageSql(await conversationId(client, context.longThread), { cursor: null, before: null, limit: 51 })];
    case 'adminThreadShort':
      return [threadPageSql(await conversationId(client, context.shortThread), { cursor: null, before: null, limit: 51 })];
    // As Strapi 5.54's query builder writes them (DEBUG=knex:query in the app's log).
    case 'restFirstPage':
    case 'restDeepPage': {
      const offset = key === 'restFirstPage' ? 0 : (context.deepPage - 1) * context.pageSize;
      return [
        {
          sql: `select "t0".* from "public"."plugin_whatsapp_conversations" as "t0" order by "t0"."last_message_at" desc, "t0"."id" asc limit ? offset ?`,
          bindings: [context.pageSize, offset],
        },
        { sql: `select count("t0"."id") as "count" from "public"."plugin_whatsapp_conversations" as "t0" limit ?`, bindings: [1] },
      ];
    }
    case 'restThreadLong': {
      const joins = `from "public"."plugin_whatsapp_messages" as "t0"
        left join "public"."plugin_whatsapp_messages_conversation_lnk" as "t1" on "t0"."id" = "t1"."message_id"
        left join "public"."plugin_whatsapp_conversations" as "t2" on "t1"."conversation_id" = "t2"."id"
        where ("t2"."document_id" = ?)`;
      return [
        { sql: `select distinct "t0"."created_at", "t0"."id", "t0".* ${joins} order by "t0"."created_at" desc, "t0"."id" desc limit ?`, bindings: [context.longThread, 50] },
        { sql: `select count(distinct "t0"."id") as "count" ${joins} limit ?`, bindings: [context.longThread, 1] },
      ];
    }
    default:
      return [];
  }
};

/** EXPLAIN (ANALYZE, BUFFERS) of each statement behind a read (none when they are not known here). */
export const explainRead = async (client: Client, key: string, context: Context): Promise<string | null> => {
  const statements = await statementsOf(client, key, context);
  if (statements.length === 0) return null;
  const plans: string[] = [];
  for (const statement of statements) {
    const text = positional(statement.sql);
    const rows = (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, statement.bindings)).rows as Array<Record<string, string>>;
    plans.push(`${text.replace(/\s+/g, ' ').trim()}\n  bindings ${JSON.stringify(statement.bindings).slice(0, 200)}\n${rows.map((row) => row['QUERY PLAN']).join('\n')}`);
  }
  return plans.join('\n\n');
};

/**
 * The database's own time for a read's statements (planning and execution, from EXPLAIN ANALYZE),
 * the median of `runs`: what the read costs PostgreSQL, apart from HTTP, Strapi and the machine's noise.
 */
export const databaseMs = async (client: Client, key: string, context: Context, runs = 5): Promise<number | null> => {
  const statements = await statementsOf(client, key, context);
  if (statements.length === 0) return null;
  const totals: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    let total = 0;
    for (const statement of statements) {
      const result = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${positional(statement.sql)}`, statement.bindings);
      const plan = (result.rows[0]['QUERY PLAN'] as Array<{ 'Planning Time': number; 'Execution Time': number }>)[0]!;
      total += plan['Planning Time'] + plan['Execution Time'];
    }
    totals.push(total);
  }
  return totals.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
};

/** The plans of the slowest read (by p95) whose statements are known here. */
export const explainSlowest = async (client: Client, results: Array<TimedRead & { p95: number }>, context: Context) => {
  for (const read of [...results].sort((a, b) => b.p95 - a.p95)) {
    const text = await explainRead(client, read.key, context);
    if (text) return { key: read.key, label: read.label, p95: read.p95, text };
  }
  return null;
};
