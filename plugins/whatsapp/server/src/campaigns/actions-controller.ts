import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { UID } from '../constants';
import { getService } from '../utils/get-service';
import { recipientsQuerySchema } from './actions-validation';
import { documentIdParamsSchema } from '../validation/common';
import { parseInput } from '../validation/parse';
import { requestActor } from '../utils/request-actor';

type RouteState = { route?: { info?: { type?: string } }; auth?: unknown };

/** Campaign actions and per-recipient status (REST content API and admin). */
export const campaignActionsController = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The content API shows what the caller's permissions allow; admins see the whole campaign. */
  const present = async (ctx: Context, campaign: unknown) => {
    const state = ctx.state as RouteState;
    if (state.route?.info?.type === 'admin') return campaign;
    return strapi.contentAPI.sanitize.output(campaign as Record<string, unknown>, strapi.getModel(UID.campaign), { auth: state.auth });
  };

  const respond = async (ctx: Context, campaign: unknown) => {
    ctx.body = { data: await present(ctx, campaign), meta: {} };
  };

  const idOf = (ctx: Context) => parseInput(documentIdParamsSchema, ctx.params).id;

  return {
    async launch(ctx: Context) {
      await respond(ctx, await getService(strapi, 'campaigns').launch.launchNow(idOf(ctx), requestActor(ctx)));
    },

    async pause(ctx: Context) {
      await respond(ctx, await getService(strapi, 'campaigns').actions.pause(idOf(ctx), requestActor(ctx)));
    },

    async resume(ctx: Context) {
      await respond(ctx, await getService(strapi, 'campaigns').actions.resume(idOf(ctx), requestActor(ctx)));
    },

    async cancel(ctx: Context) {
      await respond(ctx, await getService(strapi, 'campaigns').actions.cancel(idOf(ctx), requestActor(ctx)));
    },

    async retryFailed(ctx: Context) {
      await respond(ctx, await getService(strapi, 'campaigns').actions.retryFailed(idOf(ctx), requestActor(ctx)));
    },

    async recipients(ctx: Context) {
      const id = idOf(ctx);
      const query = parseInput(recipientsQuerySchema, ctx.query);
      ctx.body = await getService(strapi, 'campaigns').stats.recipients(id, query);
    },
  };
};
