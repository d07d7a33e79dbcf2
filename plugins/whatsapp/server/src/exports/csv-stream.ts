import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { CsvColumn } from './columns';

type Row = Record<string, unknown>;

/**
 * A CSV document as a Node stream: a header line, then one line per row of `pages`. Rows are
 * pulled page by page only as fast as the client reads (Readable.from respects backpressure), so
 * memory holds one page whatever the export's size; a client that goes away stops the reads.
 * A UTF-8 byte order mark comes first: without it Excel reads names in Indian scripts as mojibake.
 */
export const csvStream = (columns: CsvColumn[], pages: AsyncIterable<Row[]>, onError: (error: Error) => void): NodeJS.ReadableStream => {
  async function* records() {
    for await (const page of pages) {
      for (const row of page) yield columns.map((column) => column.value(row));
    }
  }
  const csv = stringify({ header: true, columns: columns.map((column) => column.header), bom: true });
  return pipeline(Readable.from(records()), csv, (error) => {
    if (error && (error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') onError(error);
  });
};

/**
 * Keyset pages: `read(after)` gives the page after a key, `keyOf` a row's key; stops at a short page.
 */
export async function* keysetPages<K>(read: (after: K | null) => Promise<Row[]>, keyOf: (row: Row) => K, pageSize: number): AsyncIterable<Row[]> {
  let after: K | null = null;
  for (;;) {
    const page = await read(after);
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    after = keyOf(page[page.length - 1]!);
  }
}
