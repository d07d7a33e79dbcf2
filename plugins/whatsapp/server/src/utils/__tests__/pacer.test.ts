import { createPacer } from '../pacer';

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

  it('spaces tasks that start late instead of letting them catch up in a burst', async () => {
    const pacer = createPacer(8);
    const base = Date.now();
    const started: number[] = [];
    // All due at once (as if the event loop had been busy): they start 25 ms apart.
    for (let i = 0; i < 5; i += 1) {
      pacer.schedule(base, async () => {
        started.push(Date.now());
      }, 25);
    }
    await pacer.drain();
    for (let i = 1; i < started.length; i += 1) expect(started[i]! - started[i - 1]!).toBeGreaterThanOrEqual(24);
    expect(started.at(-1)! - started[0]!).toBeGreaterThanOrEqual(99);
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
