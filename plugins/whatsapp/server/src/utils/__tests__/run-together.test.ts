import { runTogether } from '../run-together';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

describe('runTogether', () => {
  it('runs the items in one go when that works', async () => {
    const run = jest.fn(async (items: number[]) => items.map((item) => item * 2));
    expect(await runTogether([1, 2, 3], run, jest.fn())).toEqual([2, 4, 6]);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs them once more after a deadlock', async () => {
    const run = jest.fn().mockRejectedValueOnce(pgError('40P01')).mockImplementation(async (items: number[]) => items);
    const onSplit = jest.fn();
    expect(await runTogether([1, 2], run, onSplit)).toEqual([1, 2]);
    expect(run).toHaveBeenCalledTimes(2);
    expect(onSplit).not.toHaveBeenCalled();
  });

  it('splits the group on any other error, so only the refused item fails', async () => {
    const refused = pgError('23514');
    const run = jest.fn(async (items: number[]) => {
      if (items.includes(2)) throw refused;
      return items.map((item) => item * 10);
    });
    const onSplit = jest.fn();
    expect(await runTogether([1, 2, 3], run, onSplit)).toEqual([10, { failed: refused }, 30]);
    expect(onSplit).toHaveBeenCalledWith(3);
  });

  it('fails every item at once when the database is unreachable: none would fare better alone', async () => {
    const down = pgError('ECONNREFUSED');
    const run = jest.fn().mockRejectedValue(down);
    const onSplit = jest.fn();
    expect(await runTogether([1, 2, 3], run, onSplit)).toEqual([{ failed: down }, { failed: down }, { failed: down }]);
    expect(run).toHaveBeenCalledTimes(1);
    expect(onSplit).not.toHaveBeenCalled();
  });
});
