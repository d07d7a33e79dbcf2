import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { encodeConversationCursor, encodeMessageCursor, type ConversationCursor, type MessageCursor } from '../domain/inbox-cursor';
import { UID } from '../constants';
import { renderTemplate } from '../domain/placeholders';
import { withErrorDescription } from '../utils/message-view';
import { candidateMatchOf, createInboxReadsRepository, type ConversationFilters } from './reads-sql';
import { deliveryFields, isoOrNull, jsonColumn } from '../database/sql-row';
import { getService } from '../utils/get-service';
import type { ConversationNote } from '../../../shared/team-inbox';
import { pageMeta } from '../utils/page-meta';

/**
 * A search whose candidates match at most this many conversations lists them by id and sorts
 * them; a broader one is checked row by row while walking the list, which then finds a page
 * quickly because matches are common.
 */
export const SEARCH_LIST_LIMIT = 1_000;

type Row = Record<string, unknown>;

export type ConversationListQuery = {
  page: number;
  pageSize: number;
  status?: string | undefined;
  unread: boolean;
  /** One admin user's conversations (by id), or the unassigned ones ('none'); every one when absent. */
  assignee?: number | 'none' | undefined;
  withCount: boolean;
  search?: string | undefined;
  cursor?: ConversationCursor | undefined;
};

export type ThreadQuery = { limit: number; before?: string | undefined; cursor?: MessageCursor | undefined };


/** What the inbox list shows of a conversation; explicit, so private columns never leave. */
const conversationItem = (row: Row) => ({
  documentId: String(row.document_id),
  status: row.status,
  sender: row.sender,
  lastMessageAt: isoOrNull(row.last_message_at),
  lastMessagePreview: row.last_message_preview ?? null,
  lastInboundAt: isoOrNull(row.last_inbound_at),
  windowExpiresAt: isoOrNull(row.window_expires_at),
  unreadCount: Number(row.unread_count ?? 0),
  assignee: row.assignee_id ? { id: Number(row.assignee_id), name: (row.assignee_name as string | null) ?? null } : null,
  candidate: row.candidate_document_id
    ? { documentId: row.candidate_document_id, name: row.candidate_name ?? null, phone: row.candidate_phone, optIn: row.candidate_opt_in }
    : null,
});

const messageItem = (row: Row) =>
  withErrorDescription({
    documentId: String(row.document_id),
    direction: row.direction,
    from: row.from ?? null,
    to: row.to ?? null,
    body: row.body ?? (row.template_body ? renderTemplate(String(row.template_body), jsonColumn<Record<string, string>>(row.variables) ?? {}).text : null),
    template: row.template_name ? { name: String(row.template_name) } : null,
    media: jsonColumn(row.media),
    location: jsonColumn(row.location),
    status: row.status,
    ...deliveryFields(row),
    messageType: row.message_type ?? null,
    profileName: row.profile_name ?? null,
    // Who caused an outbound message (audit); null for inbound ones.
    actor: row.actor_type ? { type: row.actor_type, name: row.actor_name ?? null } : null,
    createdAt: isoOrNull(row.created_at),
  });

/** Messages and notes (each oldest first) as one thread by time; a note written with a message comes after it. */
const mergeByTime = <M extends { createdAt: string | null }>(messages: M[], notes: ConversationNote[]): Array<M | ConversationNote> => {
  const merged: Array<M | ConversationNote> = [];
  let next = 0;
  for (const message of messages) {
    while (next < notes.length && message.createdAt !== null && notes[next]!.createdAt < message.createdAt) merged.push(notes[next++]!);
    merged.push(message);
  }
  return [...merged, ...notes.slice(next)];
};

export const createInboxReadsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = () => createInboxReadsRepository(strapi);

  /** Rows of a thread's page, newest first (one more is read to know whether older ones exist). */
  const latestMessages = async (documentId: string, query: ThreadQuery) => {
    const conversation = await repository().conversation(documentId);
    if (!conversation) throw new errors.NotFoundError('Conversation not found');
    const rows = await repository().threadPage(Number(conversation.id), { cursor: query.cursor ?? null, before: query.before ?? null, limit: query.limit + 1 });
    const hasOlder = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    const oldest = page.at(-1);
    return { conversation, page, hasOlder, olderCursor: hasOlder && oldest ? encodeMessageCursor({ id: Number(oldest.id) }) : null };
  };

  /**
   * The staff notes a thread page spans: from its oldest message (from the start when it is the
   * first page) to the message after it (the cursor's, the `before` time, or now), so the pages
   * of a thread hold each note once.
   */
  const notesOfPage = async (conversationId: number, page: Row[], hasOlder: boolean, query: ThreadQuery) => {
    const oldest = page.at(-1);
    const from = hasOlder && oldest ? (oldest.created_at as Date) : null;
    const to = query.cursor ? await repository().messageCreatedAt(query.cursor.id) : (query.before ?? null);
    return getService(strapi, 'team-inbox').notes.between(conversationId, from, to);
  };

  /** The cursor to the page after `rows` (one more than a page was read), null on the last page. */
  const nextCursorOf = (rows: Row[], pageSize: number) => {
    const last = rows[pageSize - 1];
    return rows.length > pageSize && last ? encodeConversationCursor({ at: (last.cursor_at as string | null) ?? null, id: Number(last.id) }) : null;
  };

  /** The filters a query stands for; null when a search matches nothing. */
  const filtersOf = async (query: ConversationListQuery): Promise<ConversationFilters | null> => {
    const filters: ConversationFilters = { status: query.status, unread: query.unread, assignee: query.assignee };
    if (!query.search) return filters;
    const match = candidateMatchOf(query.search);
    const ids = await repository().matchingConversationIds(match, SEARCH_LIST_LIMIT + 1);
    if (ids.length === 0) return null;
    return ids.length <= SEARCH_LIST_LIMIT ? { ...filters, ids } : { ...filters, match };
  };

  return {
    /**
     * One page of the inbox list, newest first. With a cursor: the page after it, and no total
     * (counting would cost as much as reading every page). Without: page `page`, with a total
     * unless `withCount` is false.
     */
    async listConversations(query: ConversationListQuery) {
      const filters = await filtersOf(query);
      const offsetPage = !query.cursor;
      let rows: Row[] = [];
      let total: number | null = 0;
      if (filters && query.cursor) {
        rows = await repository().conversationPage(filters, query.cursor, query.pageSize + 1);
      } else if (filters) {
        // Page n without a cursor walks the rows before it (OFFSET): what `nextCursor` avoids.
        [rows, total] = await Promise.all([
          repository().conversationPage(filters, null, query.pageSize + 1, (query.page - 1) * query.pageSize),
          query.withCount ? repository().conversationCount(filters) : null,
        ]);
      }
      const nextCursor = nextCursorOf(rows, query.pageSize);
      return {
        data: rows.slice(0, query.pageSize).map(conversationItem),
        meta: {
          pagination:
            offsetPage && total !== null
              ? { ...pageMeta(query, total), nextCursor }
              : { ...(offsetPage ? { page: query.page } : {}), pageSize: query.pageSize, nextCursor },
        },
      };
    },

    /**
     * The content API's list by cursor: a page of conversations after `cursor` (from the top
     * without one), newest first, as Document Service entries with their candidate.
     */
    async conversationDocuments(query: Omit<ConversationListQuery, 'page' | 'withCount'>) {
      const filters = await filtersOf({ ...query, page: 1, withCount: false });
      const rows = filters ? await repository().conversationPage(filters, query.cursor ?? null, query.pageSize + 1) : [];
      const ids = rows.slice(0, query.pageSize).map((row) => Number(row.id));
      return {
        data: await repository().documentsByIds(UID.conversation, ids, { candidate: true }),
        nextCursor: nextCursorOf(rows, query.pageSize),
      };
    },

    /**
     * A thread's latest `limit` messages stored before the cursor, oldest first, whether older
     * ones exist, and its conversation as the list shows it.
     */
    async threadPage(documentId: string, query: ThreadQuery) {
      const { conversation, page, hasOlder, olderCursor } = await latestMessages(documentId, query);
      const notes = await notesOfPage(Number(conversation.id), page, hasOlder, query);
      return {
        data: mergeByTime([...page].reverse().map((row) => ({ kind: 'message' as const, ...messageItem(row) })), notes),
        conversation: conversationItem(conversation),
        hasOlder,
        olderCursor,
      };
    },

    /** The Inbox's tab counts for one admin user: theirs, nobody's, every conversation. */
    assigneeCounts: (userId: number) => repository().assigneeCounts(userId),

    /**
     * The same page as Document Service entries (every public field, as `GET /messages` has
     * them), newest first: the content API's thread.
     */
    async threadDocuments(documentId: string, query: ThreadQuery) {
      const { page, hasOlder, olderCursor } = await latestMessages(documentId, query);
      const ids = page.map((row) => Number(row.id));
      return { data: await repository().documentsByIds(UID.message, ids), hasOlder, olderCursor };
    },
  };
};

export type InboxReadsService = ReturnType<typeof createInboxReadsService>;
