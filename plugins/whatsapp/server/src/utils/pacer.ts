/**
 * Runs tasks at given times, at most `concurrency` at once; a task whose time has come waits for a
 * free slot (it then starts late, never early). The campaign dispatcher schedules each send at
 * the time its token from the rate bucket becomes valid.
 *
 * Tasks that start late (a busy event loop, slots all taken) catch up, but never faster than the
 * pace the times were given at over any second: with `spacingMs` (1000 / rate), at most
 * 1000 / spacingMs tasks start in any 1,000 ms (for a rate under one a second, one per
 * `spacingMs`). So a moment's delay is made good within the second instead of pushing every later
 * send back, and Twilio still never sees more than the rate in any second.
 */

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

export type Pacer = {
  /**
   * Runs `task` at `atMs` (epoch ms) or as soon after as a slot is free and the last second's
   * starts leave room (see above). Errors are the task's own business.
   */
  schedule(atMs: number, task: () => Promise<void>, spacingMs?: number): void;
  /**
   * Resolves once it is worth preparing more work: the last scheduled task is due within
   * `lookaheadMs`, and at most `maxWaiting` tasks wait to start.
   */
  waitForRoom(lookaheadMs: number, maxWaiting: number): Promise<void>;
  /** Tasks scheduled and not finished. */
  size(): number;
  /** Resolves when every scheduled task has finished. */
  drain(): Promise<void>;
};

/** The starts of one or several pacers, counted together (see createPacer). */
export type StartWindow = {
  /** Waits until fewer than 1000 / spacingMs starts happened in the last 1,000 ms, then counts this start. */
  take(spacingMs: number): Promise<void>;
};

export const createStartWindow = (now: () => number = Date.now): StartWindow => {
  /** Start times from `head` on are within the longest window asked for so far, oldest first. */
  let starts: number[] = [];
  let head = 0;
  let horizonMs = 1000;
  /** The index of the first start after `time` (a binary search: unpaced, a second holds thousands). */
  const firstAfter = (time: number) => {
    let low = head;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (starts[middle]! > time) high = middle;
      else low = middle + 1;
    }
    return low;
  };
  return {
    async take(spacingMs) {
      const windowMs = Math.max(1000, spacingMs);
      const limit = Math.max(1, Math.floor(windowMs / spacingMs));
      horizonMs = Math.max(horizonMs, windowMs);
      for (;;) {
        const at = now();
        head = firstAfter(at - horizonMs);
        // Dropped starts are cut off now and then, not one by one (shift() copies the array).
        if (head > 1024 && head * 2 > starts.length) {
          starts = starts.slice(head);
          head = 0;
        }
        const inWindow = starts.length - firstAfter(at - windowMs);
        // The check and the count happen together (no await between): two waiters never both take the last room.
        if (inWindow < limit) {
          // Kept in order (the searches need it) should the clock step back.
          starts.push(Math.max(at, starts.at(-1) ?? at));
          return;
        }
        const oldestInWindow = starts[starts.length - limit]!;
        await sleep(oldestInWindow + windowMs - at + 1);
      }
    },
  };
};

/**
 * `window`: shared with other pacers whose starts count together (a dispatcher run and the next
 * one, which overlap while the first one's last sends go out); by default the pacer's own.
 */
export const createPacer = (concurrency: number, now: () => number = Date.now, window: StartWindow = createStartWindow(now)): Pacer => {
  let running = 0;
  let notStarted = 0;
  let lastDueAt = 0;
  const queue: Array<() => void> = [];
  const tasks = new Set<Promise<void>>();

  const acquire = async () => {
    if (running < concurrency) {
      running += 1;
      return;
    }
    await new Promise<void>((resolve) => queue.push(resolve));
  };

  const release = () => {
    const next = queue.shift();
    // The slot passes straight to the next waiting task.
    if (next) next();
    else running -= 1;
  };

  return {
    schedule(atMs, task, spacingMs = 0) {
      notStarted += 1;
      lastDueAt = Math.max(lastDueAt, atMs);
      const run = (async () => {
        // Timers may fire a millisecond early by the wall clock.
        while (now() < atMs) await sleep(atMs - now());
        await acquire();
        if (spacingMs > 0) await window.take(spacingMs);
        notStarted -= 1;
        try {
          await task();
        } finally {
          release();
        }
      })();
      tasks.add(run);
      // Settled either way: a task that throws reports its own error; the pacer goes on.
      const forget = () => void tasks.delete(run);
      run.then(forget, forget);
    },

    async waitForRoom(lookaheadMs, maxWaiting) {
      for (;;) {
        const untilDue = lastDueAt - lookaheadMs - now();
        if (untilDue <= 0 && notStarted <= maxWaiting) return;
        await sleep(untilDue > 0 ? untilDue : 5);
      }
    },

    size: () => tasks.size,

    async drain() {
      while (tasks.size > 0) await Promise.allSettled([...tasks]);
    },
  };
};
