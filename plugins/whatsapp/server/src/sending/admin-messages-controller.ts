import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { UID } from '../constants';
import { getService } from '../utils/get-service';
import { requestActor as actorOf } from '../utils/request-actor';
import { withErrorDescription } from '../utils/message-view';
import { parseBodyData, parseInput } from '../validation/parse';
import { documentIdParamsSchema } from '../validation/common';
import { messageSendSchema } from './validation';

/** The inbox composer's routes (admin panel): the same sends as the content API, under admin RBAC. */
export const adminMessagesController = ({ strapi }: { strapi: Core.Strapi }) => {
  // Private attributes (outbox bookkeeping) stay out of what the panel gets.
  const view = async (message: unknown) =>
    withErrorDescription(
      (await strapi.contentAPI.sanitize.output(message as Record<string, unknown>, strapi.getModel(UID.message))) as {
        errorCode?: number | null;
        errorMessage?: string | null;
      }
    );

  return {
    async send(ctx: Context) {
      const input = parseBodyData(messageSendSchema, ctx.request.body);
      const message = await getService(strapi, 'sending').outbound.send(input, 'inbox', { actor: actorOf(ctx) });
      ctx.status = 201;
      ctx.body = { data: await view(message) };
    },

    async retry(ctx: Context) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      const message = await getService(strapi, 'sending').outbound.retry(id, 'inbox', actorOf(ctx));
      ctx.status = 201;
      ctx.body = { data: await view(message) };
    },
  };
};
