import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { LINK_TABLE, TABLE } from '../database/strapi-tables';
import type { ConversationCursor, MessageCursor } from '../domain/inbox-cursor';
import { ADMIN_TABLE, adminNameSql } from '../database/admin-users';

/**
 * Why SQL instead of the Document Service: the inbox lists 100,000 conversations and threads of
 * any length, and each page must cost what one page costs. The Document Service pages with
 * OFFSET (a deep page walks every row before it), sorts a thread after reading all of it
 * (its relation lives in a link table no index orders), and filters a search through joins the
 * planner cannot drive from a trigram index. Here every read walks an index in the order it
 * answers (inbox-indexes.ts) and stops after one page.
 */

/** The list's order: newest last message first, conversations that never had one last. */
export const CONVERSATION_ORDER_KEY = `COALESCE(cv.last_message_at, '-infinity'::timestamp)`;

export type ConversationFilters = {
  status?: string | undefined;
  unread?: boolean | undefined;
  /** One admin user's conversations (by id), or the unassigned ones ('none'). */
  assignee?: number | 'none' | undefined;
  /** Only these conversations (a search's matches), when given. */
  ids?: number[] | undefined;
  /** A search too broad to list its matches first: checked row by row while walking the list. */
  match?: CandidateMatch | undefined;
};

/** A search term as SQL patterns: on the name (any case), and on the phone's digits when it is a number. */
export type CandidateMatch = { name: string; phoneDigits: string | null };

export type SqlQuery = { sql: string; bindings: unknown[] };

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/** A term written only with what people type in a number (digits, spaces, `+`, `-`, `.`, brackets). */
const NUMBER_LIKE = /^[\d\s+\-.()]*\d[\d\s+\-.()]*$/;

export const candidateMatchOf = (term: string): CandidateMatch => ({
  name: `%${likeEscape(term)}%`,
  phoneDigits: NUMBER_LIKE.test(term) ? `%${term.replace(/\D/g, '')}%` : null,
});

const candidateCondition = (match: CandidateMatch, bindings: unknown[]) => {
  bindings.push(match.name);
  if (!match.phoneDigits) return `c.name ILIKE ?`;
  bindings.push(match.phoneDigits);
  return `(c.name ILIKE ? OR c.phone LIKE ?)`;
};

/**
 * Conversations of candidates whose name or phone matches, at most `limit` of them. The planner
 * cannot estimate how many names a pattern matches and may hash every link row to join a few;
 * `OFFSET 0` keeps the join a lookup per matching candidate.
 */
export const matchingConversationsSql = (match: CandidateMatch, limit: number): SqlQuery => {
  const bindings: unknown[] = [];
  const condition = candidateCondition(match, bindings);
  bindings.push(limit);
  return {
    sql: `SELECT l.conversation_id AS id
            FROM ${TABLE.candidate} c
            CROSS JOIN LATERAL (
              SELECT conversation_id FROM ${LINK_TABLE.conversationCandidate} WHERE candidate_id = c.id OFFSET 0
            ) l
           WHERE ${condition}
           LIMIT ?`,
    bindings,
  };
};

const whereOf = (filters: ConversationFilters, bindings: unknown[]) => {
  const conditions: string[] = [];
  if (filters.status) {
    conditions.push('cv.status = ?');
    bindings.push(filters.status);
  }
  // The partial index behind the unread filter has exactly this predicate.
  if (filters.unread) conditions.push('cv.unread_count > 0');
  // Each has its own index in list order (team inbox migration).
  if (filters.assignee === 'none') conditions.push('cv.assignee_id IS NULL');
  else if (filters.assignee !== undefined) {
    conditions.push('cv.assignee_id = ?');
    bindings.push(filters.assignee);
  }
  if (filters.ids) {
    conditions.push('cv.id = ANY(CAST(? AS integer[]))');
    bindings.push(filters.ids);
  }
  if (filters.match) {
    const condition = candidateCondition(filters.match, bindings);
    conditions.push(
      `EXISTS (SELECT 1 FROM ${LINK_TABLE.conversationCandidate} l JOIN ${TABLE.candidate} c ON c.id = l.candidate_id
                WHERE l.conversation_id = cv.id AND ${condition})`
    );
  }
  return conditions;
};

/** The list's columns of the conversations `conversations` selects, with their candidate's. */
const withCandidate = (conversations: string) => `
  SELECT cv.id, cv.document_id, cv.status, cv.sender, cv.last_message_at, cv.last_message_preview, cv.last_inbound_at,
         cv.window_expires_at, cv.unread_count, cv.assignee_id, ${adminNameSql('au')} AS assignee_name,
         to_char(cv.last_message_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
         c.document_id AS candidate_document_id, c.name AS candidate_name, c.phone AS candidate_phone, c.opt_in AS candidate_opt_in
    FROM (${conversations}) cv
    LEFT JOIN LATERAL (
      SELECT candidate_id FROM ${LINK_TABLE.conversationCandidate} WHERE conversation_id = cv.id ORDER BY id LIMIT 1
    ) l ON true
    LEFT JOIN ${TABLE.candidate} c ON c.id = l.candidate_id
    LEFT JOIN ${ADMIN_TABLE.users} au ON au.id = cv.assignee_id`;

/** `limit` conversations after `cursor` (or after the first `offset`, from the top). */
export const conversationPageSql = (filters: ConversationFilters, cursor: ConversationCursor | null, limit: number, offset = 0): SqlQuery => {
  const bindings: unknown[] = [];
  const conditions = whereOf(filters, bindings);
  if (cursor) {
    // A row comparison on the index's own columns: the scan starts right after the cursor.
    conditions.push(`(${CONVERSATION_ORDER_KEY}, cv.id) < (COALESCE(CAST(? AS timestamp), '-infinity'::timestamp), ?)`);
    bindings.push(cursor.at, cursor.id);
  }
  bindings.push(limit, offset);
  return {
    sql: `${withCandidate(`SELECT cv.* FROM ${TABLE.conversation} cv
               ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
               ORDER BY ${CONVERSATION_ORDER_KEY} DESC, cv.id DESC
               LIMIT ? OFFSET ?`)}
           ORDER BY ${CONVERSATION_ORDER_KEY} DESC, cv.id DESC`,
    bindings,
  };
};

/** One conversation, as a list row. */
export const conversationByDocumentIdSql = (documentId: string): SqlQuery => ({
  sql: withCandidate(`SELECT cv.* FROM ${TABLE.conversation} cv WHERE cv.document_id = ? LIMIT 1`),
  bindings: [documentId],
});

export const conversationCountSql = (filters: ConversationFilters): SqlQuery => {
  const bindings: unknown[] = [];
  const conditions = whereOf(filters, bindings);
  return {
    sql: `SELECT count(*)::int AS total FROM ${TABLE.conversation} cv ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}`,
    bindings,
  };
};

/** The Inbox's tabs: the viewer's conversations, the unassigned ones and all, each counted from its own index. */
export const assigneeCountsSql = (userId: number): SqlQuery => ({
  sql: `SELECT (SELECT count(*)::int FROM ${TABLE.conversation} WHERE assignee_id = ?) AS mine,
               (SELECT count(*)::int FROM ${TABLE.conversation} WHERE assignee_id IS NULL) AS unassigned,
               (SELECT count(*)::int FROM ${TABLE.conversation}) AS "all"`,
  bindings: [userId],
});

/** When a message was stored: where the page of a thread before it ends. */
export const messageCreatedAtSql = (id: number): SqlQuery => ({ sql: `SELECT created_at FROM ${TABLE.message} WHERE id = ?`, bindings: [id] });

/** The latest `limit` messages of a conversation stored before `cursor` (and created before `before`), plus one. */
export const threadPageSql = (conversationId: number, options: { cursor: MessageCursor | null; before: string | null; limit: number }): SqlQuery => {
  const bindings: unknown[] = [];
  const messageConditions = ['m.id = l.message_id'];
  if (options.before) {
    messageConditions.push(`m.created_at < CAST(? AS timestamptz) AT TIME ZONE 'UTC'`);
    bindings.push(options.before);
  }
  const conditions = ['l.conversation_id = ?'];
  bindings.push(conversationId);
  if (options.cursor) {
    conditions.push('l.message_id < ?');
    bindings.push(options.cursor.id);
  }
  bindings.push(options.limit);
  // `OFFSET 0` keeps the lateral lookup a lookup: flattened into a join, the planner may merge it
  // with a walk of every message stored after the thread's.
  return {
    sql: `SELECT m.*
            FROM ${LINK_TABLE.messageConversation} l
            CROSS JOIN LATERAL (
              SELECT m.id, m.document_id, m.direction, m."from", m."to", m.body, m.media, m.location, m.status, m.error_code,
                     m.error_message, m.sent_at, m.delivered_at, m.read_at, m.failed_at, m.message_type, m.profile_name, m.created_at,
                     m.variables, m.actor_type, m.actor_name, t.name AS template_name, t.body AS template_body
                FROM ${TABLE.message} m
                -- A template message has no body of its own: the thread shows the template's text.
                LEFT JOIN ${LINK_TABLE.messageTemplate} tl ON tl.message_id = m.id
                LEFT JOIN ${TABLE.template} t ON t.id = tl.template_id
               WHERE ${messageConditions.join(' AND ')}
              OFFSET 0
            ) m
           WHERE ${conditions.join(' AND ')}
           ORDER BY l.message_id DESC
           LIMIT ?`,
    bindings,
  };
};

type Row = Record<string, unknown>;

export const createInboxReadsRepository = (strapi: Core.Strapi) => {
  const db = () => strapi.db.connection as Knex;
  const rows = async (query: SqlQuery): Promise<Row[]> => (await db().raw(query.sql, query.bindings as Knex.RawBinding[])).rows as Row[];

  return {
    /** Up to `limit` ids of conversations whose candidate matches the search. */
    async matchingConversationIds(match: CandidateMatch, limit: number): Promise<number[]> {
      return (await rows(matchingConversationsSql(match, limit))).map((row) => Number(row.id));
    },
    conversationPage: (filters: ConversationFilters, cursor: ConversationCursor | null, limit: number, offset = 0) =>
      rows(conversationPageSql(filters, cursor, limit, offset)),
    async conversationCount(filters: ConversationFilters): Promise<number> {
      return Number((await rows(conversationCountSql(filters)))[0]?.total ?? 0);
    },
    async conversation(documentId: string): Promise<Row | null> {
      return (await rows(conversationByDocumentIdSql(documentId)))[0] ?? null;
    },
    /** Document Service entries (every public field, relations as `populate` asks) in the order of `ids`. */
    async documentsByIds(uid: string, ids: number[], populate?: Record<string, unknown>): Promise<Row[]> {
      if (ids.length === 0) return [];
      // `as never`: plugin content types are not in the host app's generated type registry.
      const documents = strapi.documents(uid as never) as unknown as { findMany(params: unknown): Promise<Row[]> };
      const found = await documents.findMany({ filters: { id: { $in: ids } }, ...(populate ? { populate } : {}), limit: ids.length });
      const byId = new Map(found.map((row) => [Number(row.id), row]));
      return ids.map((id) => byId.get(id)).filter((row): row is Row => Boolean(row));
    },
    async assigneeCounts(userId: number): Promise<{ mine: number; unassigned: number; all: number }> {
      const row = (await rows(assigneeCountsSql(userId)))[0] ?? {};
      return { mine: Number(row.mine ?? 0), unassigned: Number(row.unassigned ?? 0), all: Number(row.all ?? 0) };
    },
    async messageCreatedAt(id: number): Promise<Date | null> {
      return ((await rows(messageCreatedAtSql(id)))[0]?.created_at as Date | undefined) ?? null;
    },
    threadPage: (conversationId: number, options: { cursor: MessageCursor | null; before: string | null; limit: number }) =>
      rows(threadPageSql(conversationId, options)),
  };
};
