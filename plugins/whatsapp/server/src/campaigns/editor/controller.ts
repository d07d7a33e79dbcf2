import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../utils/get-service';
import { documentIdParamsSchema } from '../../validation/common';
import { parseBodyData, parseInput } from '../../validation/parse';
import { duplicateSchema, editorCreateSchema, editorUpdateSchema } from './validation';

/** The New campaign wizard's routes. */
export const campaignEditorController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'campaigns').editor;
  return {
    async templates(ctx: Context) {
      ctx.body = await service().templates();
    },
    async findOne(ctx: Context) {
      ctx.body = await service().findOne(parseInput(documentIdParamsSchema, ctx.params).id);
    },
    async create(ctx: Context) {
      ctx.status = 201;
      ctx.body = await service().create(parseBodyData(editorCreateSchema, ctx.request.body));
    },
    async update(ctx: Context) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      ctx.body = await service().update(id, parseBodyData(editorUpdateSchema, ctx.request.body));
    },
    async duplicate(ctx: Context) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      const body = ctx.request.body as { data?: unknown } | undefined;
      const { name } = body?.data ? parseBodyData(duplicateSchema, body) : { name: undefined };
      ctx.status = 201;
      ctx.body = await service().duplicate(id, name);
    },
  };
};
