/**
 * Twilio errors in words a staff member understands, and how a failed call is handled.
 * Pure rules, no Strapi imports. Codes: https://www.twilio.com/docs/api/errors
 */

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  20003: 'Twilio refused the Account SID and auth token. Check both in the WhatsApp settings.',
  20404: 'Twilio could not find what was asked for (a wrong SID, or a resource of another account).',
  20429: 'Twilio is receiving too many requests from this account right now; the message is retried shortly.',
  20500: 'Twilio had an internal error.',
  20503: 'Twilio is temporarily unavailable.',
  21211: 'The phone number is not valid. Check the number saved for this candidate.',
  21408: 'This Twilio account is not allowed to send to the country of this number (Geo permissions in the Twilio Console).',
  21606: 'The WhatsApp sender is not a number this Twilio account can send from.',
  21608: 'A Twilio trial account can only send to numbers verified in the Twilio Console.',
  21609: 'The status callback URL is not valid. Check the public URL in the WhatsApp settings.',
  21610: 'The candidate has unsubscribed (replied STOP) and cannot be messaged until they send START.',
  21612: 'Twilio cannot route a message from this sender to this number.',
  21614: 'The number is not a mobile number, so it cannot receive WhatsApp messages.',
  21617: 'The message is too long (at most 1,600 characters).',
  21619: 'The message is empty: write some text, attach media or choose a template.',
  21620: 'A media URL is not valid or cannot be reached by Twilio.',
  21655: 'Twilio does not know this template (ContentSid). Sync the templates and try again.',
  21656: 'The template variables were refused by Twilio.',
  21701: 'The Messaging Service SID in the settings is not valid.',
  21910: 'The sender and the recipient are on different channels (WhatsApp and SMS).',
  30003: 'The phone is switched off or out of coverage.',
  30005: 'The number does not exist or is no longer in service.',
  30006: 'The number is a landline or its carrier cannot be reached.',
  30007: 'The carrier filtered the message as spam.',
  30008: 'Delivery failed for an unknown reason reported by the carrier.',
  63003: 'WhatsApp could not find this number: it may not have a WhatsApp account.',
  63007: 'The WhatsApp sender is not set up for this Twilio account.',
  63015: 'The candidate has not joined the Twilio WhatsApp sandbox yet: they must send the join code to the sandbox number first.',
  63016: 'The 24-hour window is closed: the candidate has not written in the last 24 hours, so only an approved template can be sent.',
  63018: 'WhatsApp rate limit reached for this sender; send more slowly.',
  63019: 'WhatsApp could not download the attached media.',
  63021: 'WhatsApp refused the content of the message.',
  63024: 'The recipient cannot receive this message (not a valid WhatsApp user, or WhatsApp blocked the delivery).',
  63030: 'A template parameter is not valid for WhatsApp.',
  63032: "WhatsApp did not deliver the message because of one of its limits (for example the user's marketing message limit).",
  63049: 'WhatsApp chose not to deliver this marketing message to keep the user experience healthy.',
  63051: 'The WhatsApp Business account is locked.',
  63112: 'Meta disabled the WhatsApp Business account.',
};

/** A sentence for staff, or null when there is no error code. */
export const describeTwilioError = (code: number | null | undefined, twilioMessage?: string | null): string | null => {
  if (code === null || code === undefined) return null;
  const known = DESCRIPTIONS[code];
  if (known) return known;
  const detail = twilioMessage?.trim();
  return detail ? `Twilio error ${code}: ${detail}` : `Twilio error ${code} (see https://www.twilio.com/docs/errors/${code}).`;
};

/** What a failed call to Twilio was, without the SDK's objects (which carry request headers). */
export type TwilioFailure = {
  /** HTTP status of Twilio's answer; absent when no answer arrived. */
  httpStatus?: number;
  /** Twilio's error code from the answer body. */
  twilioCode?: number;
  /** Twilio's own message, or a network error text that names no secret. */
  message: string;
  /** Node/axios network error code (ECONNRESET, ECONNABORTED, ETIMEDOUT, …). */
  networkCode?: string;
};

/** A failure the Twilio service reported (an SDK error turned into plain fields), as opposed to a bug or a database error. */
export const isTwilioFailure = (value: unknown): value is TwilioFailure =>
  typeof value === 'object' && value !== null && 'message' in value && !(value instanceof Error);

/** What an attempt's failure was, in words kept with the message (`lastSendError`). */
export const describeSendFailure = (failure: TwilioFailure): string =>
  failure.httpStatus !== undefined
    ? `Twilio answered HTTP ${failure.httpStatus}${failure.twilioCode ? ` (${failure.twilioCode})` : ''}: ${failure.message}`
    : `No answer from Twilio${failure.networkCode ? ` (${failure.networkCode})` : ''}: ${failure.message}`;

/**
 * - `final`: Twilio refused the message (4xx); sending it again would be refused again.
 * - `retry`: certainly not accepted (429, or the request never left): send again after a pause.
 * - `unknown`: the answer was lost (timeout, reset) or Twilio failed (5xx) — it may have been
 *   accepted, so Twilio must be asked before anything is sent again.
 */
export type SendFailureKind = 'final' | 'retry' | 'unknown';

/** Network errors raised before a single byte reached Twilio. */
const NOT_SENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL', 'CERT_HAS_EXPIRED']);

export const classifySendFailure = (failure: TwilioFailure): SendFailureKind => {
  const { httpStatus, twilioCode } = failure;
  if (httpStatus === 429 || twilioCode === 20429) return 'retry';
  if (httpStatus !== undefined && httpStatus >= 500) return 'unknown';
  if (httpStatus !== undefined && httpStatus >= 400) return 'final';
  if (failure.networkCode && NOT_SENT_NETWORK_CODES.has(failure.networkCode)) return 'retry';
  return 'unknown';
};

/**
 * Delay before attempt `attempt + 1` (attempt counts from 1): exponential, capped, with "equal
 * jitter" (half fixed, half random) so many messages refused together do not come back together.
 */
export const retryDelayMs = (attempt: number, options: { baseMs: number; maxMs: number }, random: () => number = Math.random) => {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
};

/** What a test-connection call found, in plain words. */
export type ConnectionProblem = {
  code: 'NOT_CONFIGURED' | 'AUTHENTICATION_FAILED' | 'UNREACHABLE' | 'TIMEOUT' | 'ACCOUNT_NOT_ACTIVE' | 'TWILIO_ERROR';
  message: string;
  twilioCode?: number;
  httpStatus?: number;
};

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

export const describeConnectionFailure = (failure: TwilioFailure, endpoint: string): ConnectionProblem => {
  if (failure.httpStatus === 401 || failure.twilioCode === 20003) {
    return {
      code: 'AUTHENTICATION_FAILED',
      message: 'Twilio refused the Account SID and auth token. Copy both again from the Twilio Console (Account Info).',
      twilioCode: failure.twilioCode ?? 20003,
      httpStatus: failure.httpStatus ?? 401,
    };
  }
  if (failure.httpStatus === 404 || failure.twilioCode === 20404) {
    return {
      code: 'AUTHENTICATION_FAILED',
      message: 'Twilio does not know this Account SID. Check it in the Twilio Console (it starts with AC).',
      twilioCode: failure.twilioCode ?? 20404,
      httpStatus: failure.httpStatus ?? 404,
    };
  }
  if (failure.httpStatus === undefined) {
    if (failure.networkCode && TIMEOUT_CODES.has(failure.networkCode)) {
      return { code: 'TIMEOUT', message: `Twilio did not answer in time at ${endpoint}. Check the network or try again.` };
    }
    return {
      code: 'UNREACHABLE',
      message: `Twilio could not be reached at ${endpoint}${failure.networkCode ? ` (${failure.networkCode})` : ''}. Check the network, a proxy or firewall, and the API base URL.`,
    };
  }
  return {
    code: 'TWILIO_ERROR',
    message: describeTwilioError(failure.twilioCode, failure.message) ?? `Twilio answered HTTP ${failure.httpStatus}: ${failure.message}`,
    ...(failure.twilioCode !== undefined ? { twilioCode: failure.twilioCode } : {}),
    httpStatus: failure.httpStatus,
  };
};
