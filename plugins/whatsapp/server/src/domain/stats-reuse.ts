/** Counts are reused for at least this long (a campaign page polls every 2 s)… */
export const STATS_REUSE_MIN_MS = 1_000;
/** …or this many times as long as they took to compute… */
export const STATS_REUSE_COST_FACTOR = 10;
/** …but never longer than this. */
export const STATS_REUSE_MAX_MS = 10_000;

/**
 * How long one instance reuses a campaign's counts, given how long computing them took. The
 * counts join every recipient to its message: some 5 ms for 1,000 recipients, 450 ms for 50,000
 * (bench/campaign). Recomputed every second, a big campaign's page would cost the database close
 * to half a core while the campaign is sending; reused ten times as long as they took, the
 * counts never take more than a tenth of one connection's time, however big the campaign.
 */
export const statsReuseMs = (computeMs: number): number =>
  Math.min(STATS_REUSE_MAX_MS, Math.max(STATS_REUSE_MIN_MS, Math.ceil(computeMs * STATS_REUSE_COST_FACTOR)));
