import {
  capacityOf,
  factorAt,
  freshBucket,
  rateAt,
  refill,
  reserve,
  slowDown,
  type BucketLimits,
  type BucketState,
} from '../token-bucket';

const limits = (overrides: Partial<BucketLimits> = {}): BucketLimits => ({
  mps: 20,
  burstSeconds: 0.05,
  recoveryMs: 30_000,
  minFactor: 0.05,
  slowdownCooldownMs: 1_000,
  ...overrides,
});

/** The most grants that fall in any window [t, t + windowMs) (grants sorted). */
const maxInWindow = (grants: number[], windowMs: number) => {
  const sorted = [...grants].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while (sorted[end]! - sorted[start]! >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
};

describe('token bucket', () => {
  it('holds at least one token, and 5 % of a second of sends at high rates', () => {
    expect(capacityOf(limits({ mps: 1 / 3 }))).toBe(1);
    expect(capacityOf(limits({ mps: 20 }))).toBe(1);
    expect(capacityOf(limits({ mps: 200 }))).toBe(10);
  });

  it('grants a rested bucket its capacity at once, then one token every 1/rate', () => {
    const state = freshBucket(limits({ mps: 200 }), 0);
    const { delaysMs, rate } = reserve(state, 13, limits({ mps: 200 }), 0);
    expect(rate).toBe(200);
    expect(delaysMs.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(delaysMs.slice(10)).toEqual([5, 10, 15]);
  });

  it('promises future tokens after those already promised (the bucket goes into debt)', () => {
    const first = reserve(freshBucket(limits(), 0), 10, limits(), 0);
    expect(first.state.tokens).toBe(-9);
    expect(first.delaysMs.at(-1)).toBeCloseTo(450);
    // 100 ms later, another reservation queues behind the first.
    const second = reserve(first.state, 2, limits(), 100);
    expect(second.delaysMs[0]).toBeCloseTo(400); // absolute 500 ms = 10th token after the first
    expect(second.delaysMs[1]).toBeCloseTo(450);
  });

  it('refills at the rate but never beyond capacity', () => {
    const drained: BucketState = { tokens: -5, updatedAt: 0, factor: 1, slowedAt: null };
    expect(refill(drained, limits(), 100).tokens).toBeCloseTo(-3);
    expect(refill(drained, limits(), 60_000).tokens).toBe(1);
  });

  it('never refills when the clock goes backwards', () => {
    const state: BucketState = { tokens: -2, updatedAt: 1_000, factor: 1, slowedAt: null };
    const later = refill(state, limits(), 900);
    expect(later.tokens).toBe(-2);
    expect(later.updatedAt).toBe(1_000);
  });

  it('keeps any number of reservers within capacity + rate × window', () => {
    const config = limits({ mps: 50 });
    let state = freshBucket(config, 0);
    const grants: number[] = [];
    let now = 0;
    // Three "instances" reserving batches of random sizes at random moments for 20 s.
    let seed = 7;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    while (now < 20_000) {
      now += Math.floor(random() * 120);
      const count = 1 + Math.floor(random() * 15);
      const reservation = reserve(state, count, config, now);
      state = reservation.state;
      for (const delay of reservation.delaysMs) grants.push(now + delay);
    }
    for (const windowMs of [100, 1_000, 5_000]) {
      const bound = capacityOf(config) + (config.mps * windowMs) / 1000;
      expect(maxInWindow(grants, windowMs)).toBeLessThanOrEqual(Math.ceil(bound) + 1e-9);
    }
  });

  describe('slowing down (63018 / 20429)', () => {
    it('halves the rate, then climbs back to full over the recovery time', () => {
      const config = limits();
      const slowed = slowDown(freshBucket(config, 0), config, 1_000);
      expect(slowed.factor).toBe(0.5);
      expect(rateAt(slowed, config, 1_000)).toBe(10);
      expect(factorAt(slowed, config, 16_000)).toBeCloseTo(0.75);
      expect(rateAt(slowed, config, 31_000)).toBe(20);
    });

    it('counts refusals that arrive together once', () => {
      const config = limits();
      const once = slowDown(freshBucket(config, 0), config, 1_000);
      const again = slowDown(once, config, 1_500);
      expect(again.factor).toBe(0.5);
      const later = slowDown(once, config, 2_100);
      expect(later.factor).toBeCloseTo(factorAt(once, config, 2_100) / 2);
    });

    it('never goes below the minimum share', () => {
      const config = limits({ slowdownCooldownMs: 0 });
      let state = freshBucket(config, 0);
      for (let i = 0; i < 20; i += 1) state = slowDown(state, config, i);
      expect(state.factor).toBe(config.minFactor);
    });

    it('spaces the tokens it grants by the slower rate', () => {
      const config = limits();
      const slowed = slowDown({ tokens: 0, updatedAt: 0, factor: 1, slowedAt: null }, config, 0);
      const { delaysMs } = reserve(slowed, 2, config, 0);
      expect(delaysMs[0]).toBeCloseTo(100); // 1 token at 10/s
      expect(delaysMs[1]).toBeCloseTo(200);
    });

    it('does not credit the recovering rate ahead of time', () => {
      const config = limits();
      const slowed: BucketState = { tokens: -10, updatedAt: 0, factor: 0.5, slowedAt: 0 };
      // After 1 s the rate has climbed to ~10.3/s; the refill uses the slower end (10/s).
      expect(refill(slowed, config, 1_000).tokens).toBeCloseTo(0);
    });
  });
});
