/**
 * At most `capacity` holders at once; a waiter of higher priority gets the next free slot before
 * any of lower priority (equal priorities in arrival order). The capacity is given on each
 * acquire, so it follows a setting that changes at run time (the last one given counts).
 */
export type PrioritySlots = {
  /** Resolves with the function that gives the slot back (a second call does nothing). */
  acquire(capacity: number, priority: number): Promise<() => void>;
  /** Holders now, and waiters. */
  size(): { held: number; waiting: number };
};

type Waiter = { priority: number; grant: () => void };

export const createPrioritySlots = (): PrioritySlots => {
  let held = 0;
  let capacity = 1;
  // Kept sorted: higher priority first, then first come.
  const waiting: Waiter[] = [];

  const wake = () => {
    while (held < capacity && waiting.length > 0) {
      held += 1;
      waiting.shift()!.grant();
    }
  };

  const releaser = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      held -= 1;
      wake();
    };
  };

  return {
    acquire(newCapacity, priority) {
      capacity = Math.max(1, Math.floor(newCapacity));
      return new Promise((resolve) => {
        const waiter: Waiter = { priority, grant: () => resolve(releaser()) };
        const at = waiting.findIndex((other) => other.priority < priority);
        if (at === -1) waiting.push(waiter);
        else waiting.splice(at, 0, waiter);
        wake();
      });
    },

    size: () => ({ held, waiting: waiting.length }),
  };
};
