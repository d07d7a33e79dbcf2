import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { SEND } from '../constants';
import type { ResolvedSettings } from '../domain/settings';
import { checkCredentials } from '../domain/send-rules';
import type { TwilioCreateParams } from '../domain/outbound-request';
import type { RemoteMessage } from '../domain/reconcile';
import type { TwilioFailure } from '../domain/twilio-errors';
import { createTwilioClient, type TwilioClient } from './client-factory';
import { unprocessableError } from '../utils/http-error';
import { getService } from '../utils/get-service';
import { hostHints } from '../utils/host-hints';

export type Credentials = { accountSid: string; authToken: string };

export type AcceptedMessage = { sid: string; status: string; dateSent: Date | null; from: string | null };

export type TwilioAccount = { sid: string; friendlyName: string; status: string; type: string };

type SdkError = { status?: unknown; code?: unknown; message?: unknown };

/**
 * The SDK's errors hold the request (with its Authorization header); only these plain
 * fields ever leave this file, and any trace of the token in a message is blanked.
 */
export const toTwilioFailure = (error: unknown, authToken?: string): TwilioFailure => {
  const raw = (typeof error === 'object' && error !== null ? error : {}) as SdkError;
  const redact = (text: string) => (authToken && authToken.length > 0 ? text.split(authToken).join('[redacted]') : text);
  const message = redact(typeof raw.message === 'string' && raw.message ? raw.message : 'Unknown error');
  // RestException: { status: HTTP status, code: Twilio error code }. Axios/Node errors: code is a string.
  if (typeof raw.status === 'number') {
    return { httpStatus: raw.status, ...(typeof raw.code === 'number' ? { twilioCode: raw.code } : {}), message };
  }
  return { message, ...(typeof raw.code === 'string' ? { networkCode: raw.code } : {}) };
};

const toRemoteMessage = (message: {
  sid: string;
  direction: string;
  to: string;
  from: string | null;
  body: string | null;
  numMedia: string | null;
  messagingServiceSid: string | null;
  status: string;
  errorCode: number | null;
  errorMessage: string | null;
  dateCreated: Date;
}): RemoteMessage => ({
  sid: message.sid,
  direction: message.direction,
  to: message.to,
  from: message.from ?? null,
  body: message.body ?? '',
  numMedia: Number(message.numMedia ?? 0) || 0,
  messagingServiceSid: message.messagingServiceSid ?? null,
  status: message.status,
  errorCode: message.errorCode ?? null,
  errorMessage: message.errorMessage ?? null,
  dateCreated: message.dateCreated,
});

/**
 * The only place that builds the Twilio SDK client: from the resolved settings (environment,
 * then saved values), aimed at the emulator or a proxy when a base URL override is set, and
 * reused until the credentials or URLs change.
 */
export const createTwilioService = ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { key: string; client: TwilioClient } | undefined;
  // The token's digest, worked out again only when the token changes (every send asks for the client).
  let digested: { token: string; digest: string } | undefined;
  const digestOf = (token: string) => {
    if (digested?.token !== token) digested = { token, digest: createHash('sha256').update(token).digest('hex') };
    return digested.digest;
  };

  const clientFor = (settings: Pick<ResolvedSettings, 'apiBaseUrl' | 'contentBaseUrl'>, credentials: Credentials) => {
    // The key holds a digest, not the token, so nothing secret sits in a comparison string.
    const key = [credentials.accountSid, digestOf(credentials.authToken), settings.apiBaseUrl, settings.contentBaseUrl].join('|');
    if (cached?.key === key) return cached.client;
    const client = createTwilioClient({
      ...credentials,
      apiBaseUrl: settings.apiBaseUrl,
      contentBaseUrl: settings.contentBaseUrl,
      timeoutMs: SEND.twilioTimeoutMs,
    });
    cached = { key, client };
    return client;
  };

  /** The configured client, or a 422 NOT_CONFIGURED. */
  const configured = async () => {
    const settings = await getService(strapi, 'settings').getResolved();
    const violation = checkCredentials(settings, hostHints());
    if (violation || !settings.accountSid || !settings.authToken) {
      throw unprocessableError('NOT_CONFIGURED', violation?.message ?? 'Twilio is not configured.');
    }
    const credentials = { accountSid: settings.accountSid, authToken: settings.authToken };
    return { settings, credentials, client: clientFor(settings, credentials) };
  };

  return {
    /**
     * The configured SDK client (422 NOT_CONFIGURED without credentials), for callers that
     * need another Twilio API, e.g. `(await twilio.sdk()).content.v1`. Errors it throws are the
     * SDK's: read them with toTwilioFailure() before logging or returning anything.
     */
    async sdk(): Promise<TwilioClient> {
      return (await configured()).client;
    },

    /** The Content API (templates), and how to read its errors without ever showing the token. */
    async contentApi() {
      const { client, credentials } = await configured();
      return {
        content: client.content.v1,
        failure: (error: unknown): TwilioFailure => toTwilioFailure(error, credentials.authToken),
      };
    },

    async createMessage(params: TwilioCreateParams): Promise<AcceptedMessage> {
      const { client, credentials } = await configured();
      try {
        const created = await client.messages.create(params as Parameters<TwilioClient['messages']['create']>[0]);
        return {
          sid: created.sid,
          status: created.status,
          dateSent: created.dateSent ?? null,
          from: created.from ?? null,
        };
      } catch (error) {
        throw toTwilioFailure(error, credentials.authToken);
      }
    },

    /** Newest first, as Twilio lists them: outbound messages to `to` (and from `from`, when given). */
    async listMessagesTo(to: string, options: { from?: string; limit: number }): Promise<RemoteMessage[]> {
      const { client, credentials } = await configured();
      try {
        const messages = await client.messages.list({
          to,
          ...(options.from ? { from: options.from } : {}),
          limit: options.limit,
          pageSize: Math.min(options.limit, 100),
        });
        return messages.map(toRemoteMessage);
      } catch (error) {
        throw toTwilioFailure(error, credentials.authToken);
      }
    },

    /**
     * Fetches the account (Accounts/{sid}.json): proves the URL is reachable and the
     * credentials valid, and tells a suspended or trial account. Credentials given here are
     * tried without being saved (the settings page tests them before saving).
     */
    async fetchAccount(override?: Partial<Credentials>): Promise<TwilioAccount> {
      const settings = await getService(strapi, 'settings').getResolved();
      const accountSid = override?.accountSid || settings.accountSid;
      const authToken = override?.authToken || settings.authToken;
      if (!accountSid || !authToken) {
        throw unprocessableError('NOT_CONFIGURED', 'Enter an Account SID and an auth token first.');
      }
      // A one-off client for untested credentials, so a wrong token never replaces the cached client.
      const client = override?.accountSid || override?.authToken
        ? createTwilioClient({
            accountSid,
            authToken,
            apiBaseUrl: settings.apiBaseUrl,
            contentBaseUrl: settings.contentBaseUrl,
            timeoutMs: SEND.twilioTimeoutMs,
          })
        : clientFor(settings, { accountSid, authToken });
      try {
        const account = await client.api.v2010.accounts(accountSid).fetch();
        return { sid: account.sid, friendlyName: account.friendlyName, status: account.status, type: account.type };
      } catch (error) {
        throw toTwilioFailure(error, authToken);
      }
    },

    /** Forgets the cached client (e.g. after credentials were saved). */
    reset() {
      cached = undefined;
    },
  };
};

export type TwilioService = ReturnType<typeof createTwilioService>;

export type ContentApi = Awaited<ReturnType<TwilioService['contentApi']>>['content'];

declare module '../utils/get-service' {
  interface PluginServices {
    twilio: TwilioService;
  }
}
