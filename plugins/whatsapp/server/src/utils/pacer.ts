/**
 * Runs tasks at given times, at most `concurrency` at once; a task whose time has come waits for a
 * free slot (it then starts late, never early). The campaign dispatcher schedules each send at
 * the time its token from the rate bucket becomes valid.
 *
 * Tasks that start late (a busy event loop, slots all taken) do not catch up in a burst: each
 * starts at least `spacingMs` after the previous one, so the pace at the far end never exceeds the
 * pace the times were given at.
 */

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

export type Pacer = {
  /**
   * Runs `task` at `atMs` (epoch ms) or as soon after as a slot is free, and not sooner than
   * `spacingMs` after the previous task started. Errors are the task's own business.
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

export const createPacer = (concurrency: number, now: () => number = Date.now): Pacer => {
  let running = 0;
  let notStarted = 0;
  let lastDueAt = 0;
  let nextStartAt = 0;
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
        // Takes its turn synchronously, then waits for it: starts stay `spacingMs` apart.
        const turn = Math.max(now(), nextStartAt);
        nextStartAt = turn + spacingMs;
        // (The clock counts whole milliseconds: a turn less than one away has come.)
        while (turn - now() >= 1) await sleep(turn - now());
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
