import { errors } from '@strapi/utils';
import type { TwilioFailure } from '../domain/twilio-errors';
import { HttpStatusError, unprocessableError } from './http-error';

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/**
 * A failed Content API call in Strapi's error shape, never a 500: the request was fine, Twilio
 * was not. 429 stays 429 (try again later); Twilio down or unreachable is 502 (504 on a
 * timeout); Twilio refusing what we asked (a 4xx) is 422 with its message, since that is what
 * staff must fix. `details.code` says which; `twilioStatus`/`twilioCode` are Twilio's own.
 */
export const twilioFailureError = (failure: TwilioFailure, action: string): Error => {
  const details = {
    ...(failure.httpStatus !== undefined ? { twilioStatus: failure.httpStatus } : {}),
    ...(failure.twilioCode !== undefined ? { twilioCode: failure.twilioCode } : {}),
    ...(failure.networkCode !== undefined ? { networkCode: failure.networkCode } : {}),
  };
  const status = failure.httpStatus;
  if (status === 429 || failure.twilioCode === 20429) {
    return new errors.RateLimitError(`Twilio is limiting requests: ${action} again in a moment`, { code: 'TWILIO_RATE_LIMITED', ...details });
  }
  if (status === 401 || failure.twilioCode === 20003) {
    return new HttpStatusError(502, 'BadGatewayError', `Twilio refused the configured Account SID and auth token: could not ${action}`, {
      code: 'TWILIO_AUTH_FAILED',
      ...details,
    });
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return unprocessableError('TWILIO_REJECTED', `Twilio refused to ${action}: ${failure.message}`, details);
  }
  if (status === undefined && failure.networkCode && TIMEOUT_CODES.has(failure.networkCode)) {
    return new HttpStatusError(504, 'GatewayTimeoutError', `Twilio did not answer in time: could not ${action}`, { code: 'TWILIO_TIMEOUT', ...details });
  }
  const what = status !== undefined ? `HTTP ${status}` : (failure.networkCode ?? 'no answer');
  return new HttpStatusError(502, 'BadGatewayError', `Twilio is unavailable (${what}): could not ${action}`, { code: 'TWILIO_UNAVAILABLE', ...details });
};

/** One line for the server log: never the SDK error itself (it carries the request headers). */
export const describeFailureForLog = (failure: TwilioFailure) =>
  [failure.httpStatus ?? '-', failure.twilioCode ?? failure.networkCode ?? '-', failure.message].join(' ');
