import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The public-URL probe's own authentication, separate from the Twilio signature it carries:
 * only a caller holding the auth token gets the probe's diagnostics (the URLs this app sees),
 * and only this app (same token) can answer with the proof. HMAC-SHA256 with a fixed label,
 * never HMAC-SHA1 over caller-chosen text, so the endpoint cannot be used to forge Twilio signatures.
 */

/** Form parameter carrying the nonce, and the headers of the request and the answer. */
export const PROBE_PARAM = 'GoLiveProbe';
export const PROBE_AUTH_HEADER = 'x-whatsapp-probe-auth';

/** A probe older than this is refused (a replayed probe learns nothing new, but needs no answer). */
export const PROBE_MAX_AGE_MS = 5 * 60_000;

const mac = (authToken: string, label: 'request' | 'response', nonce: string) =>
  createHmac('sha256', authToken).update(`whatsapp-go-live-probe:${label}:${nonce}`).digest('hex');

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** `<ms since epoch>.<random hex>`. */
export const newProbeNonce = (now = Date.now()) => `${now}.${randomBytes(16).toString('hex')}`;

export const probeRequestAuth = (authToken: string, nonce: string) => mac(authToken, 'request', nonce);

export const probeProof = (authToken: string, nonce: string) => mac(authToken, 'response', nonce);

export const isProbeProof = (authToken: string, nonce: string, proof: unknown) =>
  typeof proof === 'string' && same(proof, probeProof(authToken, nonce));

/** Whether a probe request is ours: authenticated with the token and fresh. */
export const isValidProbeRequest = (authToken: string, nonce: unknown, auth: unknown, now = Date.now()): nonce is string => {
  if (typeof nonce !== 'string' || typeof auth !== 'string') return false;
  const issuedAt = Number(nonce.split('.')[0]);
  if (!Number.isFinite(issuedAt) || Math.abs(now - issuedAt) > PROBE_MAX_AGE_MS) return false;
  return same(auth, probeRequestAuth(authToken, nonce));
};
