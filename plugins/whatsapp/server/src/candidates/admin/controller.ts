import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../utils/get-service';
import { documentIdParamsSchema } from '../../validation/common';
import { parseBodyData, parseInput } from '../../validation/parse';
import { adminCandidateCreateSchema, adminCandidateUpdateSchema, candidateListQuerySchema, tagsQuerySchema } from './validation';

/** Who staff are in a recorded reason: the admin's e-mail (or id). */
const staffOf = (ctx: Context) => {
  const user = ctx.state.user as { email?: string; id?: number } | undefined;
  return user?.email ?? `admin #${user?.id ?? '?'}`;
};

/** The admin Candidates page. */
export const candidatesAdminController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'candidates').admin;
  return {
    async find(ctx: Context) {
      ctx.body = await service().list(parseInput(candidateListQuerySchema, ctx.query));
    },
    async findOne(ctx: Context) {
      ctx.body = await service().findOne(parseInput(documentIdParamsSchema, ctx.params).id);
    },
    async tags(ctx: Context) {
      ctx.body = await service().tags(parseInput(tagsQuerySchema, ctx.query).search);
    },
    async formSettings(ctx: Context) {
      ctx.body = await service().formSettings();
    },
    async create(ctx: Context) {
      ctx.status = 201;
      ctx.body = await service().create(parseBodyData(adminCandidateCreateSchema, ctx.request.body));
    },
    async update(ctx: Context) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      ctx.body = await service().update(id, parseBodyData(adminCandidateUpdateSchema, ctx.request.body), staffOf(ctx));
    },
  };
};
