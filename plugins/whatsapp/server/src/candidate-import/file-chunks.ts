import { Readable } from 'node:stream';
import type { ImportStore } from './store-sql';

/** Bytes per stored chunk: big enough that a 100 MB file is ~100 rows, small enough to hold one at a time. */
export const CHUNK_BYTES = 1024 * 1024;

/** Bytes kept from the start of the file: enough for a format's magic number. */
const HEAD_BYTES = 8;

export class FileTooLargeError extends Error {}

/**
 * Copies `source` into the import's chunk rows as it arrives, holding one chunk in memory, so any
 * app instance can read the file later. Answers the bytes stored. The chunk buffer is filled
 * again after each write (the driver has sent it by then): the upload's Buffers live outside the
 * JS heap and wait for a GC, so a fresh one per chunk only added to the app's peak memory.
 * Answers the bytes stored and a copy of the first few (to tell the file's format by).
 */
export const storeChunks = async (
  store: ImportStore,
  internalId: number,
  source: AsyncIterable<Buffer | string>,
  maxBytes: number
): Promise<{ byteSize: number; head: Buffer }> => {
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let filled = 0;
  let seq = 0;
  let total = 0;
  let head = Buffer.alloc(0);
  for await (const piece of source) {
    const buffer = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    if (head.length < HEAD_BYTES) head = Buffer.concat([head, buffer.subarray(0, HEAD_BYTES - head.length)]);
    total += buffer.length;
    if (total > maxBytes) throw new FileTooLargeError(`The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
    for (let offset = 0; offset < buffer.length; ) {
      const copied = buffer.copy(chunk, filled, offset);
      filled += copied;
      offset += copied;
      if (filled === CHUNK_BYTES) {
        await store.writeChunk(internalId, seq, chunk);
        seq += 1;
        filled = 0;
      }
    }
  }
  if (filled > 0) await store.writeChunk(internalId, seq, chunk.subarray(0, filled));
  return { byteSize: total, head };
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
