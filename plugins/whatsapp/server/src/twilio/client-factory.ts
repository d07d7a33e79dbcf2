import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';
import { DISPATCH_CONCURRENCY } from '../domain/dispatch-concurrency';

export type TwilioClient = ReturnType<typeof twilio>;

export interface TwilioClientOptions {
  accountSid: string;
  authToken: string;
  /** Replaces `https://api.twilio.com` (Messages) and `https://messaging.twilio.com`, e.g. the emulator's `http://127.0.0.1:3999`. */
  apiBaseUrl?: string;
  /** Replaces `https://content.twilio.com` (Content API). */
  contentBaseUrl?: string;
  /** Fails a request that gets no answer within this many ms (the SDK's default is 30 s). */
  timeoutMs?: number;
}

export interface TwilioBaseUrls {
  api?: string;
  content?: string;
}

// `api.twilio.com`, and the edge/region forms the SDK builds from TWILIO_EDGE / TWILIO_REGION
// (`api.sydney.au1.twilio.com`).
const TWILIO_HOST = /^(api|content|messaging)(?:\.[a-z0-9-]+)*\.twilio\.com$/i;

/**
 * Maps a Twilio URL onto an override base URL, keeping path and query. A base URL may carry a
 * path prefix (a proxy mounted under `/twilio`). URLs of other hosts pass through unchanged.
 */
export const rewriteTwilioUrl = (uri: string, bases: TwilioBaseUrls): string => {
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    return uri;
  }
  const product = TWILIO_HOST.exec(parsed.hostname)?.[1]?.toLowerCase();
  // The Messaging API (senders, Messaging Services) has no override of its own: a
  // Twilio-compatible endpoint such as the emulator serves it beside the core API.
  const base = product === 'api' || product === 'messaging' ? bases.api : product === 'content' ? bases.content : undefined;
  if (!base) return uri;
  return `${base.replace(/\/+$/, '')}${parsed.pathname}${parsed.search}`;
};

/**
 * Why a custom httpClient rather than setting each domain's `baseUrl`: every request the SDK makes
 * (resource calls, `nextPage()` URLs built from `next_page_uri`, raw `client.request()` calls)
 * goes through `httpClient.request()` after the SDK has built the final https URL, so rewriting
 * there covers them all. Domain objects are created lazily and their `baseUrl` is an internal
 * field, so patching it would miss domains created later and absolute page URLs. `httpClient`
 * is a documented client option, and subclassing the SDK's own RequestClient keeps its
 * behaviour (auth header, form/JSON encoding, `timeout`) unchanged.
 */
class BaseUrlRequestClient extends twilio.RequestClient {
  constructor(
    private readonly bases: TwilioBaseUrls,
    options: RequestClient.RequestClientOptions,
  ) {
    super(options);
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    return super.request({ ...opts, uri: rewriteTwilioUrl(opts.uri, this.bases) });
  }
}

/** The official SDK client, optionally aimed at a Twilio-compatible endpoint (the emulator, a proxy). */
export const createTwilioClient = (options: TwilioClientOptions): TwilioClient => {
  const bases: TwilioBaseUrls = {
    ...(options.apiBaseUrl ? { api: options.apiBaseUrl } : {}),
    ...(options.contentBaseUrl ? { content: options.contentBaseUrl } : {}),
  };
  // RequestClient's `timeout` is both the axios request timeout and the https agent's socket timeout.
  // The SDK opens at most 20 sockets per host by default; a campaign dispatcher keeps up to
  // DISPATCH_CONCURRENCY.max sends in flight, each needing its own.
  const httpClient = new BaseUrlRequestClient(bases, {
    maxSockets: DISPATCH_CONCURRENCY.max,
    ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
  });
  return twilio(options.accountSid, options.authToken, { httpClient });
};
