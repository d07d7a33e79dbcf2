import { createPacer, createStartWindow } from '../pacer';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('pacer', () => {
  it('starts each task at its time, never before', async () => {
    const pacer = createPacer(4);
    const base = Date.now();
    const started: Array<{ at: number; due: number }> = [];
    for (const offset of [0, 40, 80, 120]) {
      pacer.schedule(base + offset, async () => {
        started.push({ at: Date.now(), due: base + offset });
      });
    }
    await pacer.drain();
    expect(started).toHaveLength(4);
    for (const task of started) expect(task.at).toBeGreaterThanOrEqual(task.due);
  });

  describe('on a fake clock (start times exact, whatever else the machine does)', () => {
    beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
    afterEach(() => jest.useRealTimers());

    /** Runs the fake clock until every pacer has drained. */
    const drainAll = async (pacers: Array<ReturnType<typeof createPacer>>) => {
      let done = false;
      const drained = Promise.all(pacers.map((pacer) => pacer.drain())).then(() => (done = true));
      while (!done) await jest.advanceTimersByTimeAsync(50);
      await drained;
    };

    it('lets late tasks catch up, but never more than the rate in any second', async () => {
      const pacer = createPacer(50);
      const base = Date.now();
      const started: number[] = [];
      // 30 tasks at 20 a second (spacing 50 ms), all already due (as if the event loop had been
      // busy): 20 start at once, the other 10 one second after the first.
      for (let i = 0; i < 30; i += 1) {
        pacer.schedule(base, async () => {
          started.push(Date.now());
        }, 50);
      }
      await drainAll([pacer]);
      expect(started).toHaveLength(30);
      started.sort((a, b) => a - b);
      expect(started[19]! - started[0]!).toBe(0);
      expect(started[20]! - started[0]!).toBeGreaterThanOrEqual(1000);
      // In any 1,000 ms, at most 20 starts.
      for (let i = 0; i + 20 < started.length; i += 1) expect(started[i + 20]! - started[i]!).toBeGreaterThanOrEqual(1000);
    });

    it('holds thousands of starts a second to the rate, second after second', async () => {
      // Unpaced campaigns start thousands of sends a second through one window.
      const pacer = createPacer(5_000);
      const base = Date.now();
      const started: number[] = [];
      for (let i = 0; i < 5_000; i += 1) pacer.schedule(base, async () => void started.push(Date.now()), 0.5);
      await drainAll([pacer]);
      started.sort((a, b) => a - b);
      expect(started).toHaveLength(5_000);
      // 2,000 a second: the first 2,000 at once, then 2,000 a second later, then the last 1,000.
      expect(started[1_999]! - started[0]!).toBe(0);
      for (let i = 0; i + 2_000 < started.length; i += 1) expect(started[i + 2_000]! - started[i]!).toBeGreaterThanOrEqual(1000);
      expect(started.at(-1)! - started[0]!).toBeLessThan(2_100);
    });

    it('counts the starts of pacers that share a window together', async () => {
      const window = createStartWindow();
      const pacers = [createPacer(50, Date.now, window), createPacer(50, Date.now, window)];
      const base = Date.now();
      const started: number[] = [];
      // 15 tasks each at 20 a second, all due now: 20 start at once between them, the rest a second later.
      for (const pacer of pacers) for (let i = 0; i < 15; i += 1) pacer.schedule(base, async () => void started.push(Date.now()), 50);
      await drainAll(pacers);
      started.sort((a, b) => a - b);
      expect(started).toHaveLength(30);
      expect(started[19]! - started[0]!).toBe(0);
      expect(started[20]! - started[0]!).toBeGreaterThanOrEqual(1000);
    });
  });

  it('keeps a rate under one a second to one start per spacing', async () => {
    let clock = 0;
    const pacer = createPacer(4, () => clock);
    const started: number[] = [];
    for (let i = 0; i < 2; i += 1) pacer.schedule(0, async () => void started.push(clock), 3000);
    // The fake clock moves on its own while the pacer sleeps on real timers.
    const ticking = setInterval(() => (clock += 250), 1);
    await pacer.drain();
    clearInterval(ticking);
    expect(started).toHaveLength(2);
    expect(started[1]! - started[0]!).toBeGreaterThanOrEqual(3000);
  });

  it('runs at most `concurrency` tasks at once', async () => {
    const pacer = createPacer(2);
    let running = 0;
    let most = 0;
    for (let i = 0; i < 6; i += 1) {
      pacer.schedule(Date.now(), async () => {
        running += 1;
        most = Math.max(most, running);
        await sleep(20);
        running -= 1;
      });
    }
    expect(pacer.size()).toBe(6);
    await pacer.drain();
    expect(most).toBe(2);
    expect(pacer.size()).toBe(0);
  });

  it('makes room only when the last task is close and few wait to start', async () => {
    const pacer = createPacer(1);
    const base = Date.now();
    pacer.schedule(base + 150, async () => undefined);
    await pacer.waitForRoom(50, 1);
    expect(Date.now()).toBeGreaterThanOrEqual(base + 100);
    await pacer.drain();
  });

  it('keeps going when a task throws', async () => {
    const pacer = createPacer(1);
    const done: number[] = [];
    pacer.schedule(Date.now(), async () => {
      throw new Error('boom');
    });
    pacer.schedule(Date.now(), async () => {
      done.push(1);
    });
    await pacer.drain();
    expect(done).toEqual([1]);
  });
});
