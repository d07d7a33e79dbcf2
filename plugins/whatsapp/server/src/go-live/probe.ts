import twilio from 'twilio';
import { TWILIO_SIGNATURE_HEADER } from '../constants';
import { PROBE_PATH, PROBE_TIMEOUT_MS } from './constants';
import { isProbeProof, newProbeNonce, PROBE_AUTH_HEADER, PROBE_PARAM, probeRequestAuth } from './probe-token';
import { urlDifferences, type UrlDifference } from './url-mismatch';

/** What came back from a signed probe posted to `<base>/api/whatsapp/webhook/probe`. */
export type ProbeOutcome =
  | { kind: 'unreachable'; url: string; error: string }
  | { kind: 'redirect'; url: string; status: number; location: string | null }
  | { kind: 'not-this-app'; url: string; status: number }
  | { kind: 'signature-mismatch'; url: string; checkedUrl: string; receivedUrl: string; differences: UrlDifference[] }
  | { kind: 'ok'; url: string; checkedUrl: string; receivedUrl: string; rewrites: UrlDifference[] };

type ProbeAnswer = { data?: { proof?: unknown; signatureValid?: unknown; checkedUrl?: unknown; receivedUrl?: unknown } };

const networkError = (error: unknown): string => {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if ((error as { name?: unknown }).name === 'TimeoutError') return `no answer within ${PROBE_TIMEOUT_MS / 1000} s`;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
};

/**
 * Posts a probe the way Twilio posts a webhook (form-encoded, X-Twilio-Signature over the URL and
 * parameters) to the public URL, and reads the answer: whether it came back to this app (the proof
 * only a holder of the auth token can make), and whether the signature validated there, against
 * which URL. Redirects are not followed: Twilio signs the URL it was given, not where it ends up.
 */
export const sendProbe = async (base: string, authToken: string): Promise<ProbeOutcome> => {
  const url = `${base.replace(/\/+$/, '')}${PROBE_PATH}`;
  const nonce = newProbeNonce();
  const params = { [PROBE_PARAM]: nonce };
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        [TWILIO_SIGNATURE_HEADER]: twilio.getExpectedTwilioSignature(authToken, url, params),
        [PROBE_AUTH_HEADER]: probeRequestAuth(authToken, nonce),
      },
      body: new URLSearchParams(params).toString(),
    });
  } catch (error) {
    return { kind: 'unreachable', url, error: networkError(error) };
  }
  if (response.status >= 300 && response.status < 400) {
    return { kind: 'redirect', url, status: response.status, location: response.headers.get('location') };
  }
  let answer: ProbeAnswer = {};
  try {
    answer = (await response.json()) as ProbeAnswer;
  } catch {
    // Not JSON: not this app's probe route.
  }
  const data = answer.data;
  if (response.status !== 200 || !data || !isProbeProof(authToken, nonce, data.proof)) {
    return { kind: 'not-this-app', url, status: response.status };
  }
  const checkedUrl = String(data.checkedUrl);
  const receivedUrl = String(data.receivedUrl);
  if (data.signatureValid !== true) {
    return { kind: 'signature-mismatch', url, checkedUrl, receivedUrl, differences: urlDifferences(url, checkedUrl) };
  }
  return { kind: 'ok', url, checkedUrl, receivedUrl, rewrites: urlDifferences(url, receivedUrl) };
};
