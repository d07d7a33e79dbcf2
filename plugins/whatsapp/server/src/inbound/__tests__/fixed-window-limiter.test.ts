import { createFixedWindowLimiter } from '../fixed-window-limiter';

describe('createFixedWindowLimiter', () => {
  it('counts per key and goes over the limit after max hits in a window', () => {
    const limiter = createFixedWindowLimiter({ max: 3, windowMs: 1000 });
    const counts = [1, 2, 3, 4].map(() => limiter.hit('a', 0));
    expect(counts).toEqual([1, 2, 3, 4]);
    expect(counts.map((count) => limiter.isOver(count))).toEqual([false, false, false, true]);
    expect(limiter.hit('b', 0)).toBe(1);
  });

  it('starts a new window once the old one is over', () => {
    const limiter = createFixedWindowLimiter({ max: 1, windowMs: 1000 });
    limiter.hit('a', 0);
    expect(limiter.isOver(limiter.hit('a', 999))).toBe(true);
    expect(limiter.hit('a', 1000)).toBe(1);
  });

  it('remembers a bounded number of keys', () => {
    const limiter = createFixedWindowLimiter({ max: 1, windowMs: 60_000, maxKeys: 100 });
    for (let i = 0; i < 1000; i += 1) limiter.hit(`10.0.${Math.floor(i / 256)}.${i % 256}`, i);
    expect(limiter.size()).toBeLessThanOrEqual(100);
  });
});
