import { createBatcher } from '../batcher';

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe('createBatcher', () => {
  it('runs a lone item at once, alone', async () => {
    const runs: number[][] = [];
    const batcher = createBatcher<number, number>({ maxBatch: 10, maxInFlight: 1, run: async (items) => (runs.push(items), items.map((i) => i * 2)) });
    await expect(batcher.submit(21)).resolves.toBe(42);
    expect(runs).toEqual([[21]]);
  });

  it('groups what arrives while runs are busy, and answers each item its own result', async () => {
    const gates: Array<ReturnType<typeof deferred<void>>> = [];
    const runs: number[][] = [];
    const batcher = createBatcher<number, string>({
      maxBatch: 3,
      maxInFlight: 1,
      run: async (items) => {
        runs.push(items);
        const gate = deferred<void>();
        gates.push(gate);
        await gate.promise;
        return items.map((item) => `r${item}`);
      },
    });
    const answers = [1, 2, 3, 4, 5, 6].map((item) => batcher.submit(item));
    await Promise.resolve();
    expect(runs).toEqual([[1]]);
    gates[0]!.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toEqual([[1], [2, 3, 4]]);
    gates[1]!.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    gates[2]!.resolve();
    expect(await Promise.all(answers)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    expect(runs).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it('rejects the items of a failed run only, and keeps going', async () => {
    const batcher = createBatcher<number, number>({
      maxBatch: 10,
      maxInFlight: 1,
      run: async (items) => {
        if (items.includes(13)) throw new Error('unlucky');
        return items;
      },
    });
    await expect(batcher.submit(13)).rejects.toThrow('unlucky');
    await expect(batcher.submit(7)).resolves.toBe(7);
  });

  it('rejects when a run answers the wrong number of results', async () => {
    const batcher = createBatcher<number, number>({ maxBatch: 10, maxInFlight: 1, run: async () => [] });
    await expect(batcher.submit(1)).rejects.toThrow(/0 results for 1 items/);
  });

  it('never runs more than maxInFlight at once', async () => {
    let running = 0;
    let most = 0;
    const batcher = createBatcher<number, number>({
      maxBatch: 2,
      maxInFlight: 3,
      run: async (items) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return items;
      },
    });
    await Promise.all(Array.from({ length: 40 }, (_, i) => batcher.submit(i)));
    expect(most).toBe(3);
  });
});
