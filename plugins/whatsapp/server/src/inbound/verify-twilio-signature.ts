import { timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import twilio from 'twilio';
import { TWILIO_SIGNATURE_HEADER, WEBHOOK_FAILED_SIGNATURE_LIMIT } from '../constants';
import { createFixedWindowLimiter } from './fixed-window-limiter';
import type { FormParams } from './form-urlencoded';
import { getService } from '../utils/get-service';
import { readTwilioForm, TWILIO_PARAMS_STATE } from './twilio-form';

// One per app instance: a limit on bad requests, not a correctness rule (see the limiter).
const failedSignatures = createFixedWindowLimiter(WEBHOOK_FAILED_SIGNATURE_LIMIT);

// A misconfigured public URL refuses every Twilio request: say so, but not once per request.
const WARN_EVERY_MS = 60_000;
let lastWarnedAt = 0;

/** Strapi hands policies a copy of the Koa context: its own properties only (no `ip`, `set`, `is`). */
export type PolicyContext = Pick<Context, 'request' | 'response' | 'state' | 'originalUrl'>;

const isAbsoluteUrl = (value: unknown): value is string => typeof value === 'string' && /^https?:\/\/[^/]/i.test(value);

/**
 * The URL Twilio requested, as it signed it: WHATSAPP_PUBLIC_URL (else the app's `server.url`,
 * else the request's own origin, which is right only without a proxy in front) followed by the
 * path and query string exactly as received.
 */
export const signedUrl = (ctx: Pick<PolicyContext, 'request' | 'originalUrl'>, publicUrl: string | undefined, serverUrl: unknown): string => {
  const base = publicUrl ?? (isAbsoluteUrl(serverUrl) ? serverUrl : ctx.request.origin);
  return `${base.replace(/\/+$/, '')}${ctx.originalUrl}`;
};

const sameSignature = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export const isValidSignature = (authToken: string, signature: string, url: string, params: FormParams): boolean => {
  try {
    // The URL as built is the one Twilio signs in the usual case: one HMAC. validateRequest then
    // tries the variants (with or without the default port, a re-encoded query string).
    return (
      sameSignature(twilio.getExpectedTwilioSignature(authToken, url, params), signature) ||
      twilio.validateRequest(authToken, signature, url, params)
    );
  } catch {
    // validateRequest normalises the URL with `new URL()`, which throws on a malformed one.
    return false;
  }
};

/**
 * `plugin::whatsapp.verify-twilio-signature`: the request must carry a valid X-Twilio-Signature
 * over the URL and every posted parameter (never a whitelist: Twilio adds parameters). Refused:
 * 403, or 429 for an address that keeps failing. Correctly signed requests are never throttled:
 * Twilio sends bursts from a few addresses, and refusing one can lose a message.
 */
export const verifyTwilioSignature = async (ctx: PolicyContext, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const params = readTwilioForm(ctx, strapi.log);
  const { authToken, publicUrl } = await getService(strapi, 'settings').getResolved();
  const signature = ctx.request.get(TWILIO_SIGNATURE_HEADER);
  const url = signedUrl(ctx, publicUrl, strapi.config.get('server.url'));

  if (authToken && signature && isValidSignature(authToken, signature, url, params)) {
    ctx.state[TWILIO_PARAMS_STATE] = params;
    return true;
  }

  const failures = failedSignatures.hit(ctx.request.ip);
  if (Date.now() - lastWarnedAt >= WARN_EVERY_MS) {
    lastWarnedAt = Date.now();
    const reason = !authToken ? 'no Twilio auth token is configured' : signature ? 'invalid X-Twilio-Signature' : 'no X-Twilio-Signature';
    strapi.log.warn(
      `[whatsapp] webhook refused from ${ctx.request.ip}: ${reason} (checked against ${url}). If Twilio's own requests are refused, check WHATSAPP_PUBLIC_URL and the proxy settings.`
    );
  }
  if (failedSignatures.isOver(failures)) {
    ctx.response.set('Retry-After', String(Math.ceil(WEBHOOK_FAILED_SIGNATURE_LIMIT.windowMs / 1000)));
    throw new errors.RateLimitError('Too many requests with an invalid Twilio signature');
  }
  // A PolicyError: Strapi's authorize step turns any other ForbiddenError into a bare "Forbidden".
  throw new errors.PolicyError(signature ? 'Invalid Twilio signature' : 'Missing X-Twilio-Signature header');
};
