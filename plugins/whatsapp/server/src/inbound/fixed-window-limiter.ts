export type FixedWindowLimiterOptions = {
  max: number;
  windowMs: number;
  /** Bound on the addresses remembered, so a flood of spoofed sources cannot grow memory. */
  maxKeys?: number;
};

export type FixedWindowLimiter = {
  /** Counts one event for `key` and returns how many it has in its current window. */
  hit(key: string, now?: number): number;
  /** Whether a count returned by hit() is over the limit. */
  isOver(count: number): boolean;
  size(): number;
};

/**
 * Per-key fixed window counter, in memory. Used only to slow down requests that fail the
 * webhook signature check: each app instance counting on its own is good enough for that,
 * and nothing correct depends on it (idempotency lives in the database).
 */
export const createFixedWindowLimiter = ({ max, windowMs, maxKeys = 10_000 }: FixedWindowLimiterOptions): FixedWindowLimiter => {
  const windows = new Map<string, { start: number; count: number }>();

  const makeRoom = (now: number) => {
    for (const [key, window] of windows) {
      if (now - window.start >= windowMs) windows.delete(key);
    }
    // Still full: forget the oldest windows (a Map iterates in insertion order).
    for (const key of windows.keys()) {
      if (windows.size < maxKeys) break;
      windows.delete(key);
    }
  };

  return {
    hit(key, now = Date.now()) {
      let window = windows.get(key);
      if (!window || now - window.start >= windowMs) {
        if (!window && windows.size >= maxKeys) makeRoom(now);
        window = { start: now, count: 0 };
        windows.delete(key);
        windows.set(key, window);
      }
      window.count += 1;
      return window.count;
    },
    isOver: (count) => count > max,
    size: () => windows.size,
  };
};
