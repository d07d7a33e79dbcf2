import { z } from 'zod';
import { CONVERSATION_STATUSES } from '../domain/statuses';
import { isoDateTime } from './common';

const intFromQuery = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).optional().default(fallback);

/** `GET /inbox/conversations`: newest first, optionally one status, optionally a search. */
export const inboxConversationsQuerySchema = z.object({
  page: intFromQuery(1, 10_000, 1),
  pageSize: intFromQuery(1, 100, 25),
  status: z.enum(CONVERSATION_STATUSES).optional(),
  search: z.string().trim().max(100).optional(),
});

/** `GET /inbox/conversations/:id/messages`: the `limit` messages created before `before` (an ISO time). */
export const inboxMessagesQuerySchema = z.object({
  before: isoDateTime.optional(),
  limit: intFromQuery(1, 200, 50),
});

export type InboxConversationsQuery = z.infer<typeof inboxConversationsQuerySchema>;
export type InboxMessagesQuery = z.infer<typeof inboxMessagesQuerySchema>;
