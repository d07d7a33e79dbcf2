/**
 * The send-rate token bucket of one sender. Pure: sending/rate-limiter-sql.ts keeps the state in
 * PostgreSQL and applies these functions under a row lock, on the database's clock, so every app
 * instance draws from the same bucket.
 *
 * A reservation may take the bucket below zero. The tokens it is short of are granted in the
 * future, one every 1/rate seconds after those already promised, and the caller waits for each
 * one. Whoever reserves, the tokens granted over any interval of length L never exceed
 * capacity + rate × L.
 */

export type BucketState = {
  /** Tokens at `updatedAt`; negative when future tokens are already promised. */
  tokens: number;
  updatedAt: number;
  /** Share of the configured rate allowed right after the last slow-down (1 = full rate). */
  factor: number;
  /** When the last slow-down happened (63018/20429); null if never. */
  slowedAt: number | null;
};

export type BucketLimits = {
  /** WHATSAPP_MPS: the sender's sends per second. */
  mps: number;
  /** The burst a rested bucket allows, in seconds of sending (at least one token). */
  burstSeconds: number;
  /** After a slow-down, the rate climbs back to `mps` linearly over this long. */
  recoveryMs: number;
  /** The slowest a slow-down can make the sender, as a share of `mps`. */
  minFactor: number;
  /** Slow-downs this close to the previous one don't compound (one per burst of refusals). */
  slowdownCooldownMs: number;
};

export type Reservation = {
  state: BucketState;
  /** For each token, in order: how long after `now` it may be used. */
  delaysMs: number[];
  /** The rate the tokens were granted at. */
  rate: number;
};

export const capacityOf = (limits: Pick<BucketLimits, 'mps' | 'burstSeconds'>): number =>
  Math.max(1, limits.mps * limits.burstSeconds);

export const freshBucket = (limits: BucketLimits, now: number): BucketState => ({
  tokens: capacityOf(limits),
  updatedAt: now,
  factor: 1,
  slowedAt: null,
});

/** The share of `mps` allowed at `now`: back to 1 linearly over `recoveryMs` after a slow-down. */
export const factorAt = (state: BucketState, limits: BucketLimits, now: number): number => {
  if (state.slowedAt === null || state.factor >= 1) return 1;
  const elapsed = Math.max(0, now - state.slowedAt);
  if (limits.recoveryMs <= 0 || elapsed >= limits.recoveryMs) return 1;
  return state.factor + (1 - state.factor) * (elapsed / limits.recoveryMs);
};

export const rateAt = (state: BucketState, limits: BucketLimits, now: number): number => limits.mps * factorAt(state, limits, now);

/**
 * The bucket brought up to `now`. The refill uses the lower of the rates at both ends, so a rate
 * recovering after a slow-down is never credited ahead of time. A clock that went backwards
 * (another instance's transaction) refills nothing.
 */
export const refill = (state: BucketState, limits: BucketLimits, now: number): BucketState => {
  const elapsedMs = Math.max(0, now - state.updatedAt);
  const rate = Math.min(rateAt(state, limits, state.updatedAt), rateAt(state, limits, now));
  const tokens = Math.min(capacityOf(limits), state.tokens + (elapsedMs / 1000) * rate);
  return { ...state, tokens, updatedAt: Math.max(now, state.updatedAt) };
};

/** Takes `count` tokens; those the bucket does not hold yet come later, at the current rate. */
export const reserve = (state: BucketState, count: number, limits: BucketLimits, now: number): Reservation => {
  const current = refill(state, limits, now);
  const rate = rateAt(current, limits, now);
  const delaysMs: number[] = [];
  for (let k = 1; k <= count; k += 1) {
    // Token k exists once the bucket has refilled to k (it holds `tokens` now).
    delaysMs.push(Math.max(0, ((k - current.tokens) / rate) * 1000));
  }
  return { state: { ...current, tokens: current.tokens - count }, delaysMs, rate };
};

/**
 * Twilio said the sender goes too fast (63018 from WhatsApp, 20429/429 from Twilio): halve the
 * rate allowed now. Refusals that arrive together count once.
 */
export const slowDown = (state: BucketState, limits: BucketLimits, now: number): BucketState => {
  const current = refill(state, limits, now);
  if (current.slowedAt !== null && now - current.slowedAt < limits.slowdownCooldownMs) return current;
  const factor = Math.max(limits.minFactor, factorAt(current, limits, now) / 2);
  return { ...current, factor, slowedAt: now };
};
