import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { documentIdParamsSchema } from '../validation/common';
import { parseInput } from '../validation/parse';

/** `GET /campaigns/:id/timeline`. */
export const campaignTimelineController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const { id } = parseInput(documentIdParamsSchema, ctx.params);
    ctx.body = { data: await getService(strapi, 'campaign-timeline').timeline.ofCampaign(id), meta: {} };
  },
});
