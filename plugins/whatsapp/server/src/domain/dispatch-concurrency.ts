/**
 * How many campaign sends one dispatcher keeps in flight with Twilio. A Messages create takes
 * Twilio about 0.1–0.3 s to answer, so holding WHATSAPP_MPS needs about MPS × that many requests
 * open at once (50 at 200 MPS); too few and the requests, not the rate limit, set the pace.
 */
export const DISPATCH_CONCURRENCY = {
  /** The answer time planned for, in seconds. */
  answerSeconds: 0.25,
  min: 8,
  /** Also the SDK's connection limit per host (twilio/client-factory.ts), so every send gets a socket. */
  max: 64,
} as const;

/** `override`: WHATSAPP_CAMPAIGN_CONCURRENCY, when set to a positive number. */
export const dispatchConcurrency = (mps: number, override?: number): number => {
  if (override !== undefined && Number.isFinite(override) && override > 0) return Math.floor(override);
  const wanted = Math.ceil(mps * DISPATCH_CONCURRENCY.answerSeconds);
  return Math.min(DISPATCH_CONCURRENCY.max, Math.max(DISPATCH_CONCURRENCY.min, wanted));
};
