import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { parseInput } from '../validation/parse';
import { auditListQuerySchema } from './validation';

/** The Audit page's one route: read only; nothing writes the audit log from outside. */
export const auditController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = await getService(strapi, 'audit').log.list(parseInput(auditListQuerySchema, ctx.query));
  },
});
