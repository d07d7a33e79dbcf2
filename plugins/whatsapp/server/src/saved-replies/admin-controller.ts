import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { parseBodyData, parseInput } from '../validation/parse';
import { documentIdParamsSchema } from '../validation/common';
import { savedReplyCreateSchema, savedReplyListQuerySchema, savedReplyUpdateSchema } from './validation';

/** The Saved replies page and the composer's `/` list. */
export const savedRepliesAdminController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'saved-replies');
  return {
    async find(ctx: Context) {
      const { search } = parseInput(savedReplyListQuerySchema, ctx.query);
      ctx.body = { data: await service().list(search) };
    },

    async create(ctx: Context) {
      ctx.status = 201;
      ctx.body = { data: await service().create(parseBodyData(savedReplyCreateSchema, ctx.request.body)) };
    },

    async update(ctx: Context) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      ctx.body = { data: await service().update(id, parseBodyData(savedReplyUpdateSchema, ctx.request.body)) };
    },

    async delete(ctx: Context) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      await service().remove(id);
      ctx.body = { data: null };
    },
  };
};
