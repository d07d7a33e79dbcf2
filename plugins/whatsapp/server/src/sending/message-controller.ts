import { factories } from '@strapi/strapi';
import { UID } from '../constants';
import { getService } from '../utils/get-service';
import { requestActor as actorOf } from '../utils/request-actor';
import { withErrorDescription } from '../utils/message-view';
import { parseBodyData, parseInput } from '../validation/parse';
import { documentIdParamsSchema } from '../validation/common';
import { messageSendSchema } from './validation';

type MessageData = { errorCode?: number | null; errorMessage?: string | null };
type Response = { data?: MessageData | MessageData[] | null; meta?: unknown } | null | undefined;

/** Every message answered carries `errorDescription` (see utils/message-view.ts). */
const describeErrors = (response: Response) => {
  if (!response?.data) return response;
  const data = Array.isArray(response.data) ? response.data.map(withErrorDescription) : withErrorDescription(response.data);
  return { ...response, data };
};

export const messageController = factories.createCoreController(UID.message, ({ strapi }) => {
  const respond = async (message: unknown, auth: unknown) => {
    const data = await strapi.contentAPI.sanitize.output(message as Record<string, unknown>, strapi.getModel(UID.message), {
      auth,
    } as never);
    return { data: withErrorDescription(data as MessageData), meta: {} };
  };

  return {
    async find(ctx) {
      return describeErrors((await super.find(ctx)) as Response);
    },

    async findOne(ctx) {
      return describeErrors((await super.findOne(ctx)) as Response);
    },

    /** `POST /messages`: 201 with the pending message; Twilio gets it from the send job. */
    async send(ctx) {
      const input = parseBodyData(messageSendSchema, ctx.request.body);
      const message = await getService(strapi, 'sending').outbound.send(input, 'api', { actor: actorOf(ctx) });
      ctx.status = 201;
      return respond(message, ctx.state.auth);
    },

    /** `POST /messages/:id/retry`: 201 with the new message (its `retryOf` is the original). */
    async retry(ctx) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      const message = await getService(strapi, 'sending').outbound.retry(id, 'api', actorOf(ctx));
      ctx.status = 201;
      return respond(message, ctx.state.auth);
    },
  };
});
