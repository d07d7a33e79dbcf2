import type { IncomingRow } from './row-plan';

/**
 * A batch of the file's rows as the JSON text the statements read, one string per row: a batch
 * lives across database round trips, so what it holds is promoted to V8's old generation; one flat
 * string per row is the least that can be (objects and per-column arrays were many times more).
 * `rows`: the valid rows with distinct phones, `{ row_number, phone, name?, email?, tags?, attributes? }`
 * (the gateway's import input); `refused`: the rows already known invalid, `{ row_number, reason, phone }`.
 */
export type ImportBatch = { rowNumbers: number[]; rows: string[]; refused: string[]; textBytes: number };

export const emptyBatch = (): ImportBatch => ({ rowNumbers: [], rows: [], refused: [], textBytes: 0 });

/** Rows per batch at most: large enough to be set-based, small enough to keep memory flat. */
export const BATCH_ROWS = 1000;

/**
 * The batch's text stays under V8's large-object size (128 KB): a longer string is allocated
 * among the large objects, which only a full GC frees, and a batch a few hundred ms apart then
 * adds up to tens of MB before one runs.
 */
const BATCH_TEXT_BYTES = 120_000;

// A string with a character beyond Latin-1 takes two bytes per character.
const TWO_BYTE = /[\u0100-\uffff]/;

const addText = (batch: ImportBatch, text: string) => {
  batch.textBytes += (TWO_BYTE.test(text) ? text.length * 2 : text.length) + 1;
};

/** Whether the batch should go now. */
export const isFull = (batch: ImportBatch): boolean =>
  batch.rows.length + batch.refused.length >= BATCH_ROWS || batch.textBytes >= BATCH_TEXT_BYTES;

const hasKeys = (value: object): boolean => {
  for (const _key in value) return true;
  return false;
};

/** Adds a valid row; empty values are left out (a missing key is an empty cell). */
export const addRow = (batch: ImportBatch, rowNumber: number, row: IncomingRow): void => {
  const text = JSON.stringify({
    row_number: rowNumber,
    phone: row.phone,
    name: row.name ?? undefined,
    email: row.email ?? undefined,
    tags: row.tags.length > 0 ? row.tags : undefined,
    attributes: hasKeys(row.attributes) ? row.attributes : undefined,
  });
  batch.rowNumbers.push(rowNumber);
  batch.rows.push(text);
  addText(batch, text);
};

export const addRefused = (batch: ImportBatch, rowNumber: number, reason: string, phone: string | null): void => {
  const text = JSON.stringify({ row_number: rowNumber, reason, phone });
  batch.refused.push(text);
  addText(batch, text);
};

/** The valid rows of `batch` whose row numbers are in `keep`, as a batch of their own. */
export const rowsNumbered = (batch: ImportBatch, keep: ReadonlySet<number>): ImportBatch => {
  const subset = emptyBatch();
  batch.rowNumbers.forEach((rowNumber, index) => {
    if (!keep.has(rowNumber)) return;
    subset.rowNumbers.push(rowNumber);
    subset.rows.push(batch.rows[index]!);
    addText(subset, batch.rows[index]!);
  });
  return subset;
};

/**
 * Row texts as one JSON list without its brackets, which the statements add: one flat string;
 * adding them here made a rope that the driver flattens into a second copy of the batch.
 */
export const jsonList = (items: readonly string[]): string => items.join(',');
