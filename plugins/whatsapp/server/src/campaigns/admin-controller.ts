import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { adminCampaignListQuerySchema } from './admin-validation';
import { documentIdParamsSchema } from '../validation/common';
import { parseInput } from '../validation/parse';

/** The admin Campaigns page: the list and one campaign, each with live stats. */
export const adminCampaignsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const query = parseInput(adminCampaignListQuerySchema, ctx.query);
    ctx.body = await getService(strapi, 'campaigns').admin.list(query);
  },

  async findOne(ctx: Context) {
    const { id } = parseInput(documentIdParamsSchema, ctx.params);
    ctx.body = await getService(strapi, 'campaigns').admin.findOne(id);
  },
});
