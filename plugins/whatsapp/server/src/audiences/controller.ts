import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { parseBodyData } from '../validation/parse';
import { previewInputSchema } from './validation';

/** `POST /campaigns/preview` on the content API and the admin API alike. */
export const audiencesController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async preview(ctx: Context) {
    const input = parseBodyData(previewInputSchema, ctx.request.body);
    ctx.body = { data: await getService(strapi, 'audiences').preview(input), meta: {} };
  },
});
