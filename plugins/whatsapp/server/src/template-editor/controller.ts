import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { documentIdParamsSchema } from '../validation/common';
import { parseBodyData, parseInput } from '../validation/parse';
import { templateEditorSchema } from './validation';

/** The Templates page's editor (admin): zod in, the template editor service, out. */
export const templateEditorController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'template-editor');
  return {
    async findOne(ctx: Context) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      ctx.body = { data: await service().findOne(id) };
    },
    async create(ctx: Context) {
      const input = parseBodyData(templateEditorSchema, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await service().create(input) };
    },
    async update(ctx: Context) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      const input = parseBodyData(templateEditorSchema, ctx.request.body);
      ctx.body = { data: await service().update(id, input) };
    },
    async newVersion(ctx: Context) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      ctx.status = 201;
      ctx.body = { data: await service().newVersion(id) };
    },
    async remove(ctx: Context) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      ctx.body = { data: await service().remove(id) };
    },
  };
};
