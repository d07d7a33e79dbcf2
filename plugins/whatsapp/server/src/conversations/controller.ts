import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { UID } from '../constants';
import { getService } from '../utils/get-service';
import { withErrorDescription } from '../utils/message-view';
import { documentIdParamsSchema } from '../validation/common';
import { messageSendSchema } from '../sending/validation';
import { parseBodyData, parseInput } from '../validation/parse';
import { candidateSearchSchema, replyKeysSchema, simulatedInboundSchema, startKeysSchema } from './validation';

/** Admin routes of the inbox's sending side: zod in, the conversations service, out. */
export const conversationsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'conversations');

  // Private attributes (outbox bookkeeping) stay out of what the panel gets.
  const view = async (message: unknown) =>
    withErrorDescription(
      (await strapi.contentAPI.sanitize.output(message as Record<string, unknown>, strapi.getModel(UID.message))) as {
        errorCode?: number | null;
        errorMessage?: string | null;
      },
    );

  const sent = async (ctx: Context, result: { message: unknown; conversation: string | null }) => {
    ctx.status = 201;
    ctx.body = { data: await view(result.message), meta: { conversation: result.conversation } };
  };

  return {
    async replyPlan(ctx: Context) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      ctx.body = { data: await service().replyPlan(id) };
    },

    async reply(ctx: Context) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      const keys = parseBodyData(replyKeysSchema, ctx.request.body);
      // The conversation gives the candidate; the send rules of POST /messages apply to the rest.
      const { candidate: _candidate, ...input } = parseInput(messageSendSchema, { ...keys, candidate: 'conversation' });
      await sent(ctx, await service().reply(id, input));
    },

    async start(ctx: Context) {
      const input = parseInput(messageSendSchema, parseBodyData(startKeysSchema, ctx.request.body));
      await sent(ctx, await service().start(input));
    },

    async candidates(ctx: Context) {
      const { search } = parseInput(candidateSearchSchema, ctx.query);
      ctx.body = { data: await service().searchCandidates(search) };
    },

    async candidate(ctx: Context) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      ctx.body = { data: await service().candidate(id) };
    },

    async templates(ctx: Context) {
      ctx.body = { data: await service().sendableTemplates(), meta: await service().sendOptions() };
    },

    async emulator(ctx: Context) {
      ctx.body = { data: await service().emulator().status() };
    },

    async simulateInbound(ctx: Context) {
      const input = parseBodyData(simulatedInboundSchema, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await service().emulator().simulateInbound(input) };
    },

    async closeWindow(ctx: Context) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      ctx.body = { data: await service().emulator().closeWindow(id) };
    },
  };
};
