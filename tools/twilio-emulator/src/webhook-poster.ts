import { randomUUID } from 'node:crypto';
import twilio from 'twilio';
import type { CallbackAttempt } from './types';

export interface SignedPost {
  kind: CallbackAttempt['kind'];
  url: string;
  params: Record<string, string>;
  messageSid: string;
}

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
    const response = await fetch(post.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
        'X-Twilio-Signature': signature,
        'I-Twilio-Idempotency-Token': randomUUID(),
        'User-Agent': 'TwilioProxy/1.1',
        Accept: '*/*',
      },
      body: new URLSearchParams(post.params).toString(),
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
      redirect: 'manual',
    });
    attempt.responseStatus = response.status;
    attempt.responseBody = await response.text();
  } catch (error) {
    attempt.error = error instanceof Error ? error.message : String(error);
  }
  return attempt;
};
