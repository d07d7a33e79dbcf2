import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { CsvColumn } from './columns';

type Row = Record<string, unknown>;

/**
 * A CSV document as a Node stream: a header line, then one line per row of `pages`. Each page is
 * turned into one chunk by csv-stringify, and the next page is read only once the response has
 * taken the last one (highWaterMark 1: Readable.from pulls on demand), so memory holds about one
 * page whatever the export's size, and a client that goes away stops the reads. One chunk per page
 * rather than one stream object per row: 100,000 rows would otherwise be 100,000 promises and
 * buffered objects of garbage.
 * A UTF-8 byte order mark comes first: without it Excel reads names in Indian scripts as mojibake.
 */
export const csvStream = (columns: CsvColumn[], pages: AsyncIterable<Row[]>, onError: (error: Error) => void): NodeJS.ReadableStream => {
  const header = columns.map((column) => column.header);
  async function* chunks() {
    let first = true;
    for await (const page of pages) {
      const records = page.map((row) => columns.map((column) => column.value(row)));
      yield stringify(records, { header: first, columns: header, bom: first });
      first = false;
    }
    if (first) yield stringify([], { header: true, columns: header, bom: true });
  }
  const stream = Readable.from(chunks(), { objectMode: false, highWaterMark: 1 });
  stream.on('error', onError);
  return stream;
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
