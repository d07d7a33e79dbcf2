import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { parseBodyData } from '../validation/parse';
import { requestActor } from '../utils/request-actor';
import { settingsUpdateSchema } from './validation';
import { testConnectionSchema } from './test-connection-validation';

export const settingsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'settings').getPublicView() };
  },

  async update(ctx: Context) {
    const data = parseBodyData(settingsUpdateSchema, ctx.request.body);
    ctx.body = { data: await getService(strapi, 'settings').save(data, requestActor(ctx)) };
  },

  /** 200 either way: `ok` says whether Twilio answered, `problem` what is wrong if not. */
  async testConnection(ctx: Context) {
    const body = (ctx.request.body ?? {}) as { data?: unknown };
    const input = body.data === undefined ? {} : parseBodyData(testConnectionSchema, body);
    ctx.body = { data: await getService(strapi, 'settings').testConnection(input) };
  },
});
