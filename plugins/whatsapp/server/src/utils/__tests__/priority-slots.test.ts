import { createPrioritySlots } from '../priority-slots';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createPrioritySlots', () => {
  it('grants up to the capacity at once, then one slot per release', async () => {
    const slots = createPrioritySlots();
    const first = await slots.acquire(2, 0);
    await slots.acquire(2, 0);
    let third = false;
    void slots.acquire(2, 0).then(() => (third = true));
    await tick();
    expect(third).toBe(false);
    expect(slots.size()).toEqual({ held: 2, waiting: 1 });
    first();
    await tick();
    expect(third).toBe(true);
    expect(slots.size()).toEqual({ held: 2, waiting: 0 });
  });

  it('gives a freed slot to the highest priority waiting, equal priorities first come first served', async () => {
    const slots = createPrioritySlots();
    const holder = await slots.acquire(1, 0);
    const order: string[] = [];
    const waiter = (name: string, priority: number) =>
      void slots.acquire(1, priority).then((release) => {
        order.push(name);
        release();
      });
    waiter('api 1', 0);
    waiter('api 2', 0);
    waiter('inbox 1', 10);
    waiter('inbox 2', 10);
    holder();
    for (let i = 0; i < 10; i += 1) await tick();
    expect(order).toEqual(['inbox 1', 'inbox 2', 'api 1', 'api 2']);
  });

  it('follows the capacity given last, and a second release gives back nothing more', async () => {
    const slots = createPrioritySlots();
    const a = await slots.acquire(1, 0);
    let b = false;
    void slots.acquire(3, 0).then(() => (b = true));
    await tick();
    expect(b).toBe(true);
    a();
    a();
    expect(slots.size()).toEqual({ held: 1, waiting: 0 });
  });
});
