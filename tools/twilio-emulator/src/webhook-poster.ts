import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import twilio from 'twilio';
import type { CallbackAttempt } from './types';

export interface SignedPost {
  kind: CallbackAttempt['kind'];
  url: string;
  params: Record<string, string>;
  messageSid: string;
}

// Kept-alive connections, as Twilio's callers keep them: a benchmark's hundreds of callbacks a
// second then cost the emulator little (fetch() with an abort signal and a timer per post cost
// as much CPU as the app receiving them).
const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

/** One POST; answers the status and body, or throws on a network error, timeout or abort. */
const send = (url: string, body: string, headers: Record<string, string>, timeoutMs: number, signal: AbortSignal) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const request = (secure ? https : http).request(
      target,
      {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        signal,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      }
    );
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });

/**
 * Posts form-encoded parameters the way Twilio calls webhooks, signed with X-Twilio-Signature.
 * The signature comes from the twilio package itself so it matches what `validateRequest` expects.
 */
export const postSigned = async (
  post: SignedPost,
  authToken: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<CallbackAttempt> => {
  const signature = twilio.getExpectedTwilioSignature(authToken, post.url, post.params);
  const attempt: CallbackAttempt = {
    kind: post.kind,
    url: post.url,
    params: post.params,
    signature,
    messageSid: post.messageSid,
    responseStatus: null,
    responseBody: null,
    error: null,
    at: new Date().toISOString(),
  };
  try {
    const answer = await send(post.url, new URLSearchParams(post.params).toString(), {
      'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
      'X-Twilio-Signature': signature,
      'I-Twilio-Idempotency-Token': randomUUID(),
      'User-Agent': 'TwilioProxy/1.1',
      Accept: '*/*',
    }, timeoutMs, signal);
    attempt.responseStatus = answer.status;
    attempt.responseBody = answer.body;
  } catch (error) {
    attempt.error = error instanceof Error ? error.message : String(error);
  }
  return attempt;
};
