import { PassThrough } from 'node:stream';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { REALTIME_STREAM, UID } from '../constants';
import { getService } from '../utils/get-service';
import { parseInput } from '../validation/parse';
import { documentIdParamsSchema } from '../validation/common';
import { inboxConversationsQuerySchema, inboxMessagesQuerySchema } from './admin-validation';
import { inboxStreamCursorSchema } from './stream-validation';

type Row = Record<string, unknown>;

/** What the inbox list shows of a conversation; explicit, so private columns never leave. */
const conversationView = (row: Row) => {
  const candidate = (row.candidate ?? null) as Row | null;
  return {
    documentId: row.documentId,
    status: row.status,
    sender: row.sender,
    lastMessageAt: row.lastMessageAt ?? null,
    lastMessagePreview: row.lastMessagePreview ?? null,
    lastInboundAt: row.lastInboundAt ?? null,
    windowExpiresAt: row.windowExpiresAt ?? null,
    unreadCount: row.unreadCount ?? 0,
    candidate: candidate
      ? { documentId: candidate.documentId, name: candidate.name ?? null, phone: candidate.phone, optIn: candidate.optIn }
      : null,
  };
};

/** The admin Inbox page: conversation list, one thread, mark read, and the live event stream. */
export const adminInboxController = ({ strapi }: { strapi: Core.Strapi }) => {
  // `as never`: plugin content types are not in the host app's generated type registry.
  const conversations = () => strapi.documents(UID.conversation as never) as unknown as {
    findOne(params: unknown): Promise<Row | null>;
  };

  return {
    async conversations(ctx: Context) {
      const { assignee, ...query } = parseInput(inboxConversationsQuerySchema, ctx.query);
      const userId = Number((ctx.state.user as { id: number }).id);
      ctx.body = await getService(strapi, 'inbox').reads.listConversations({
        ...query,
        assignee: assignee === 'mine' ? userId : assignee === 'unassigned' ? 'none' : undefined,
      });
    },

    /** The Mine / Unassigned / All tabs' counts for the signed-in admin. */
    async counts(ctx: Context) {
      const userId = Number((ctx.state.user as { id: number }).id);
      ctx.body = { data: await getService(strapi, 'inbox').reads.assigneeCounts(userId) };
    },

    async messages(ctx: Context) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      const query = parseInput(inboxMessagesQuerySchema, ctx.query);
      const thread = await getService(strapi, 'inbox').reads.threadPage(id, query);
      ctx.body = { data: thread.data, meta: { conversation: thread.conversation, hasOlder: thread.hasOlder, olderCursor: thread.olderCursor } };
    },

    async markRead(ctx: Context) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      await getService(strapi, 'conversation').markRead(id);
      const conversation = await conversations().findOne({
        documentId: id,
        populate: { candidate: { fields: ['name', 'phone', 'optIn'] } },
      });
      ctx.body = { data: conversationView(conversation as Row) };
    },

    /**
     * Server-sent events: each `whatsapp_events` notification (ids only) as an event named by
     * its type, after a first `ready` event once this instance is listening. A message event's
     * `id:` is its message id; a stream opened with `Last-Event-ID` (or `?since=`) first gets the
     * messages after it, and after a lost LISTEN each stream gets what it missed, then `resync`.
     */
    async stream(ctx: Context) {
      const cursor = parseInput(inboxStreamCursorSchema, { lastEventId: ctx.get('Last-Event-ID') || undefined, since: ctx.query.since });
      const stream = new PassThrough();
      const subscriber = { write: (chunk: string) => void stream.write(chunk), close: () => stream.end() };
      // First, so it precedes whatever the subscription writes.
      stream.write(`retry: ${REALTIME_STREAM.clientRetryMs}\n\n`);
      let unsubscribe: (() => void) | null = null;
      try {
        unsubscribe = await getService(strapi, 'inbox').stream.subscribe(subscriber, cursor.lastEventId ?? cursor.since);
      } catch {
        ctx.status = 503;
        ctx.set('Retry-After', '1');
        ctx.body = { data: null, error: { status: 503, name: 'ServiceUnavailableError', message: 'Live updates are unavailable right now', details: {} } };
        return;
      }
      const cleanup = () => {
        unsubscribe?.();
        unsubscribe = null;
        stream.end();
      };
      ctx.req.on('close', cleanup);
      stream.on('close', cleanup);
      if (ctx.req.destroyed) return cleanup();

      // A stream lives for as long as the page is open.
      ctx.req.socket.setTimeout(0);
      ctx.req.socket.setNoDelay(true);
      ctx.req.socket.setKeepAlive(true);
      ctx.set({
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        // Tells nginx-style proxies not to buffer the stream.
        'X-Accel-Buffering': 'no',
      });
      ctx.status = 200;
      ctx.body = stream;
    },
  };
};
