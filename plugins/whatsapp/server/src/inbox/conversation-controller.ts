import { factories } from '@strapi/strapi';
import { UID } from '../constants';
import { getService } from '../utils/get-service';
import { parseInput } from '../validation/parse';
import { documentIdParamsSchema } from '../validation/common';
import { inboxMessagesQuerySchema, latestConversationsQuerySchema } from './admin-validation';
import { withErrorDescription } from '../utils/message-view';

export const conversationController = factories.createCoreController(UID.conversation, ({ strapi }) => ({
  async markRead(ctx) {
    const { id } = parseInput(documentIdParamsSchema, ctx.params);
    const conversation = await getService(strapi, 'conversation').markRead(id);
    const schema = strapi.getModel(UID.conversation);
    const data = await strapi.contentAPI.sanitize.output(conversation, schema, { auth: ctx.state.auth });
    return { data, meta: {} };
  },

  /**
   * `GET /conversations/latest`: conversations newest first, paged by `cursor` (the previous
   * page's `meta.pagination.nextCursor`), at one page's cost however deep; `GET /conversations`
   * with `pagination[page]` walks every row before the page and counts them all.
   */
  async latest(ctx) {
    const query = parseInput(latestConversationsQuerySchema, ctx.query);
    const page = await getService(strapi, 'inbox').reads.conversationDocuments(query);
    const data = await strapi.contentAPI.sanitize.output(page.data, strapi.getModel(UID.conversation), { auth: ctx.state.auth });
    return { data, meta: { pagination: { pageSize: query.pageSize, nextCursor: page.nextCursor } } };
  },

  /**
   * `GET /conversations/:id/messages`: the thread's latest `limit` messages, newest first, and
   * `meta.olderCursor` for the page before them. Costs one page however long the thread is,
   * where `GET /messages` filtered by conversation sorts and counts the whole thread.
   */
  async messages(ctx) {
    const { id } = parseInput(documentIdParamsSchema, ctx.params);
    const query = parseInput(inboxMessagesQuerySchema, ctx.query);
    const page = await getService(strapi, 'inbox').reads.threadDocuments(id, query);
    const schema = strapi.getModel(UID.message);
    const data = (await strapi.contentAPI.sanitize.output(page.data, schema, { auth: ctx.state.auth })) as Array<{ errorCode?: number | null; errorMessage?: string | null }>;
    return { data: data.map(withErrorDescription), meta: { hasOlder: page.hasOlder, olderCursor: page.olderCursor } };
  },
}));
