import { isDatabaseUnreachable, isTransientDbError } from '../database/db-errors';

/** What an item run together with others came to: its own result, or the error it failed with alone. */
export type TogetherOutcome<O> = O | { failed: unknown };

/**
 * Runs items that arrived together in one go (one statement, one commit). A deadlock or
 * serialization failure runs them once more; any other error runs them one by one, so one item
 * the database refuses does not fail the others. An item that fails on its own is answered
 * `{ failed }`. An unreachable database fails them all at once: none would fare better alone.
 * `onSplit` is told when a group is split (to log it).
 */
export const runTogether = async <I, O>(
  items: I[],
  run: (items: I[]) => Promise<O[]>,
  onSplit: (count: number) => void
): Promise<Array<TogetherOutcome<O>>> => {
  try {
    return await run(items);
  } catch (error) {
    if (isTransientDbError(error)) return run(items);
    if (isDatabaseUnreachable(error)) return items.map(() => ({ failed: error }));
    if (items.length === 1) return [{ failed: error }];
    onSplit(items.length);
    const outcomes: Array<TogetherOutcome<O>> = [];
    for (const item of items) outcomes.push(...(await runTogether([item], run, onSplit)));
    return outcomes;
  }
};
