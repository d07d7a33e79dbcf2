import { STATS_REUSE_MAX_MS, STATS_REUSE_MIN_MS, statsReuseMs } from '../stats-reuse';

describe('statsReuseMs', () => {
  it('reuses cheap counts for the minimum (a small campaign stays live)', () => {
    expect(statsReuseMs(0)).toBe(STATS_REUSE_MIN_MS);
    expect(statsReuseMs(5)).toBe(STATS_REUSE_MIN_MS);
    expect(statsReuseMs(99)).toBe(STATS_REUSE_MIN_MS);
  });

  it('reuses costly counts ten times as long as they took', () => {
    expect(statsReuseMs(150)).toBe(1_500);
    expect(statsReuseMs(450.2)).toBe(4_502);
  });

  it('never reuses counts for longer than the maximum', () => {
    expect(statsReuseMs(2_000)).toBe(STATS_REUSE_MAX_MS);
    expect(statsReuseMs(Number.POSITIVE_INFINITY)).toBe(STATS_REUSE_MAX_MS);
  });
});
