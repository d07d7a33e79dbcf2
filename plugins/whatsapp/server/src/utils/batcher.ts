export type BatcherOptions<I, O> = {
  /** Most items handed to one run. */
  maxBatch: number;
  /** Runs going on at once; further items wait and go together in the next run. */
  maxInFlight: number;
  /** Answers one result per item, in order. */
  run(items: I[]): Promise<O[]>;
};

export type Batcher<I, O> = { submit(item: I): Promise<O> };

/**
 * Group commit: an item is run at once while fewer than `maxInFlight` runs are going on, and
 * items that arrive meanwhile are run together as soon as one finishes. Nothing waits on a
 * timer, so a lone request is never slowed down, and a burst costs a few runs instead of one
 * per item. A run that fails rejects every item it carried.
 */
export const createBatcher = <I, O>({ maxBatch, maxInFlight, run }: BatcherOptions<I, O>): Batcher<I, O> => {
  const waiting: Array<{ item: I; resolve(value: O): void; reject(error: unknown): void }> = [];
  let inFlight = 0;

  const pump = () => {
    while (inFlight < maxInFlight && waiting.length > 0) {
      const batch = waiting.splice(0, maxBatch);
      inFlight += 1;
      // Promise.resolve().then: a `run` that throws synchronously still settles its items.
      Promise.resolve()
        .then(() => run(batch.map((entry) => entry.item)))
        .then(
          (results) => {
            if (results.length !== batch.length) throw new Error(`batch run answered ${results.length} results for ${batch.length} items`);
            batch.forEach((entry, index) => entry.resolve(results[index] as O));
          }
        )
        .catch((error: unknown) => batch.forEach((entry) => entry.reject(error)))
        .finally(() => {
          inFlight -= 1;
          pump();
        });
    }
  };

  return {
    submit: (item) =>
      new Promise<O>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        pump();
      }),
  };
};
