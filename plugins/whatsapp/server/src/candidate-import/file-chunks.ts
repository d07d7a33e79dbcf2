import { Readable } from 'node:stream';
import type { ImportStore } from './store-sql';

/** Bytes per stored chunk: big enough that a 100 MB file is ~100 rows, small enough to hold one at a time. */
export const CHUNK_BYTES = 1024 * 1024;

export class FileTooLargeError extends Error {}

/**
 * Copies `source` into the import's chunk rows as it arrives, holding at most one chunk in
 * memory, so any app instance can read the file later. Answers the bytes stored.
 */
export const storeChunks = async (store: ImportStore, internalId: number, source: AsyncIterable<Buffer | string>, maxBytes: number): Promise<number> => {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let seq = 0;
  let total = 0;
  const flush = async (all: boolean) => {
    while (pendingBytes >= CHUNK_BYTES || (all && pendingBytes > 0)) {
      const joined = Buffer.concat(pending);
      const take = Math.min(CHUNK_BYTES, joined.length);
      await store.writeChunk(internalId, seq, joined.subarray(0, take));
      seq += 1;
      pending = take < joined.length ? [joined.subarray(take)] : [];
      pendingBytes = joined.length - take;
    }
  };
  for await (const piece of source) {
    const buffer = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    total += buffer.length;
    if (total > maxBytes) throw new FileTooLargeError(`The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
    pending.push(buffer);
    pendingBytes += buffer.length;
    if (pendingBytes >= CHUNK_BYTES) await flush(false);
  }
  await flush(true);
  return total;
};

/** The stored file as a stream, one chunk read from the database at a time; `onBytes` counts what was read. */
export const chunkStream = (store: ImportStore, internalId: number, onBytes: (bytes: number) => void = () => {}): Readable =>
  Readable.from(
    (async function* () {
      for (let seq = 0; ; seq += 1) {
        const data = await store.readChunk(internalId, seq);
        if (!data) return;
        onBytes(data.length);
        yield data;
      }
    })(),
    { objectMode: false }
  );
