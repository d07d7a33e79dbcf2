import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { twiml } from 'twilio';
import { STATUS_CALLBACK_MESSAGE_PARAM } from '../constants';
import { TWILIO_PARAMS_STATE } from './twilio-form';
import { getService } from '../utils/get-service';
import { HttpStatusError } from '../utils/http-error';
import { parseInput } from '../validation/parse';
import { inboundParamsSchema, statusParamsSchema, statusQuerySchema } from './validation';

/** `<Response/>`: we answer in our own time, never in the webhook's reply. */
const EMPTY_TWIML = new twiml.MessagingResponse().toString();

/**
 * Twilio webhooks. The signature policy has already checked the request and left the
 * posted parameters in ctx.state; what reaches here is signed by Twilio.
 */
export const webhookController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async inbound(ctx: Context) {
    const params = parseInput(inboundParamsSchema, ctx.state[TWILIO_PARAMS_STATE], 'The webhook lacks what an incoming message needs');
    await getService(strapi, 'inbound').receive(params);
    ctx.type = 'text/xml';
    ctx.body = EMPTY_TWIML;
  },

  async status(ctx: Context) {
    const raw = ctx.state[TWILIO_PARAMS_STATE];
    const params = parseInput(statusParamsSchema, raw, 'The callback lacks what a status update needs');
    const query = parseInput(statusQuerySchema, ctx.query);
    await getService(strapi, 'status-sync').statuses.record({
      messageSid: params.MessageSid,
      status: params.MessageStatus,
      errorCode: params.ErrorCode ?? null,
      errorMessage: params.ErrorMessage?.trim() || null,
      messageDocumentId: query[STATUS_CALLBACK_MESSAGE_PARAM] ?? null,
      payload: raw,
      source: 'callback',
    });
    ctx.status = 204;
  },

  /** Anything but POST on a webhook path: 405 in Strapi's error shape. */
  methodNotAllowed(ctx: Context) {
    ctx.set('Allow', 'POST');
    throw new HttpStatusError(405, 'MethodNotAllowedError', 'Twilio webhooks only accept POST');
  },
});
