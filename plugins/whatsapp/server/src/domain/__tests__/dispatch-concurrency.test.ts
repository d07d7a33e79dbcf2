import { DISPATCH_CONCURRENCY, dispatchConcurrency } from '../dispatch-concurrency';

describe('dispatchConcurrency', () => {
  it('keeps about a quarter second of sends in flight', () => {
    expect(dispatchConcurrency(200)).toBe(50);
    expect(dispatchConcurrency(80)).toBe(20);
  });

  it('never goes below the minimum nor above the maximum', () => {
    expect(dispatchConcurrency(1)).toBe(DISPATCH_CONCURRENCY.min);
    expect(dispatchConcurrency(100_000)).toBe(DISPATCH_CONCURRENCY.max);
  });

  it('takes a positive override as is, and ignores anything else', () => {
    expect(dispatchConcurrency(200, 8)).toBe(8);
    expect(dispatchConcurrency(200, 12.7)).toBe(12);
    expect(dispatchConcurrency(200, 0)).toBe(50);
    expect(dispatchConcurrency(200, Number.NaN)).toBe(50);
  });
});
