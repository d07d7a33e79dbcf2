import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { fromParsedForm, parseFormBody, type FormParams } from './form-urlencoded';
import { HttpStatusError } from '../utils/http-error';
import { BODY_CONFIG_SNIPPET } from '../domain/body-parser-config';

/** Where koa-body keeps the body as received when `strapi::body` has `includeUnparsed: true`. */
const UNPARSED_BODY = Symbol.for('unparsedBody');

const FORM_TYPE = 'application/x-www-form-urlencoded';

/** Key of ctx.state under which the verified webhook parameters reach the controller. */
export const TWILIO_PARAMS_STATE = 'whatsappTwilioParams';

let warnedAboutParsedBody = false;

/**
 * The parameters Twilio posted, exactly: 415 for anything but a form, 400 for a body that is
 * not valid UTF-8. Read from the raw body when the host keeps it (config/middlewares.ts), else
 * from koa-body's parsed object, which cannot tell every malformed body apart.
 */
export const readTwilioForm = (ctx: Pick<Context, 'request'>, log: { warn(message: string): void }): FormParams => {
  const mediaType = (ctx.request.get('content-type').split(';')[0] ?? '').trim().toLowerCase();
  if (mediaType !== FORM_TYPE) {
    throw new HttpStatusError(415, 'UnsupportedMediaTypeError', `Twilio webhooks are posted as ${FORM_TYPE}`);
  }
  const body = (ctx.request as { body?: unknown }).body;
  const raw = typeof body === 'object' && body !== null ? (body as Record<symbol, unknown>)[UNPARSED_BODY] : undefined;
  if (typeof raw !== 'string' && !warnedAboutParsedBody) {
    warnedAboutParsedBody = true;
    log.warn(
      `[whatsapp] strapi::body does not keep the raw request body; webhook signatures are checked on the parsed form. Set ${BODY_CONFIG_SNIPPET} in config/middlewares`
    );
  }
  const parsed = typeof raw === 'string' ? parseFormBody(raw) : fromParsedForm(body);
  if (!parsed.ok) throw new errors.ValidationError(parsed.reason);
  return parsed.params;
};
