import { z } from 'zod';
import { CONVERSATION_STATUSES } from '../../../shared/statuses';
import { ASSIGNEE_FILTERS } from '../../../shared/team-inbox';
import { decodeConversationCursor, decodeMessageCursor } from '../domain/inbox-cursor';
import { isoDateTime } from '../validation/common';

const intFromQuery = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).optional().default(fallback);

/** A cursor this API handed out (`field` names where), decoded; anything else is a 400. */
const cursorParam = <T>(decode: (value: string) => T | null, field: string) =>
  z
    .string()
    .transform((value, context) => {
      const cursor = decode(value);
      if (!cursor) context.addIssue({ code: 'custom', message: `cursor is not one this API returned (use ${field} as it is)` });
      return cursor ?? z.NEVER;
    })
    .optional();

const booleanFromQuery = z
  .enum(['true', 'false'])
  .optional()
  .transform((value) => value === 'true');

/**
 * `GET /inbox/conversations`: newest first, optionally one status, only unread ones, a search.
 * Paged by `page` (with a total), or by `cursor` (the previous page's `nextCursor`; no total),
 * which costs the same however deep it goes.
 */
export const inboxConversationsQuerySchema = z
  .object({
    page: intFromQuery(1, 10_000, 1),
    pageSize: intFromQuery(1, 100, 25),
    status: z.enum(CONVERSATION_STATUSES).optional(),
    unread: booleanFromQuery,
    // The viewer's own conversations, the unassigned ones, or all (the default).
    assignee: z.enum(ASSIGNEE_FILTERS).optional(),
    // false: no total (it costs a count of every matching conversation); true by default.
    withCount: z
      .enum(['true', 'false'])
      .optional()
      .transform((value) => value !== 'false'),
    search: z.string().trim().max(100).optional(),
    cursor: cursorParam(decodeConversationCursor, 'meta.pagination.nextCursor'),
  })
  .refine((query) => !(query.cursor && query.page !== 1), { message: 'Use either page or cursor, not both', path: ['cursor'] });

/**
 * `GET /inbox/conversations/:id/messages`: the latest `limit` messages, or those stored before
 * `cursor` (the previous answer's `meta.olderCursor`), or created before `before` (an ISO time).
 */
export const inboxMessagesQuerySchema = z.object({
  before: isoDateTime.optional(),
  cursor: cursorParam(decodeMessageCursor, 'meta.olderCursor'),
  limit: intFromQuery(1, 200, 50),
});

export type InboxConversationsQuery = z.infer<typeof inboxConversationsQuerySchema>;
export type InboxMessagesQuery = z.infer<typeof inboxMessagesQuerySchema>;

/**
 * `GET /api/whatsapp/conversations/latest` (content API): the list by cursor only, with the same
 * filters as the Inbox page's.
 */
export const latestConversationsQuerySchema = z.object({
  pageSize: intFromQuery(1, 100, 25),
  status: z.enum(CONVERSATION_STATUSES).optional(),
  unread: booleanFromQuery,
  search: z.string().trim().max(100).optional(),
  cursor: cursorParam(decodeConversationCursor, 'meta.nextCursor'),
});
