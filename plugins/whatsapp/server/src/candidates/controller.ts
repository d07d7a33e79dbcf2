import { factories } from '@strapi/strapi';
import { UID } from '../constants';
import { parseBodyData } from '../validation/parse';
import { candidateCreateSchema, candidateUpdateSchema } from './validation';

export const candidateController = factories.createCoreController(UID.candidate, () => ({
  async create(ctx) {
    ctx.request.body = { data: parseBodyData(candidateCreateSchema, ctx.request.body) };
    return super.create(ctx);
  },

  async update(ctx) {
    ctx.request.body = { data: parseBodyData(candidateUpdateSchema, ctx.request.body) };
    return super.update(ctx);
  },
}));
