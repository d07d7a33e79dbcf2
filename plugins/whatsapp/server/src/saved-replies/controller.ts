import { factories } from '@strapi/strapi';
import { UID } from '../constants';
import { parseBodyData } from '../validation/parse';
import { savedReplyCreateSchema, savedReplyUpdateSchema } from './validation';

/** REST: Strapi's collection routes, with the body checked first (unknown fields, placeholders). */
export const savedReplyController = factories.createCoreController(UID.savedReply as never, () => ({
  async create(ctx) {
    ctx.request.body = { data: parseBodyData(savedReplyCreateSchema, ctx.request.body) };
    return super.create(ctx);
  },

  async update(ctx) {
    ctx.request.body = { data: parseBodyData(savedReplyUpdateSchema, ctx.request.body) };
    return super.update(ctx);
  },
}));
