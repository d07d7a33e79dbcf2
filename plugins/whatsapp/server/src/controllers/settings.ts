import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { parseBodyData } from '../validation/parse';
import { settingsUpdateSchema } from '../validation/settings';

export const settingsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'settings').getPublicView() };
  },

  async update(ctx: Context) {
    const data = parseBodyData(settingsUpdateSchema, ctx.request.body);
    ctx.body = { data: await getService(strapi, 'settings').save(data) };
  },
});
