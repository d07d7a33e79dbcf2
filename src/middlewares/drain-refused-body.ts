import type { IncomingMessage } from 'node:http';

/** Longest refused body read to its end; a larger one is cut off (its sender gets a reset). */
const MAX_DRAIN_BYTES = 16 * 1024 * 1024;

type KoaContext = { req: IncomingMessage; status: number };
type Next = () => Promise<unknown>;

const statusOf = (error: unknown) =>
  typeof error === 'object' && error !== null ? Number((error as { status?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode) : NaN;

/** Reads and discards what is left of the request, up to MAX_DRAIN_BYTES. */
const drain = (request: IncomingMessage) =>
  new Promise<void>((resolve) => {
    if (request.readableEnded || request.destroyed) return resolve();
    let bytes = 0;
    const done = () => {
      request.removeListener('data', onData);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_DRAIN_BYTES) done();
    };
    request.on('data', onData);
    request.once('end', done);
    request.once('close', done);
    request.once('error', done);
    request.resume();
  });

/**
 * A body over the parser's limit is refused (413) as soon as the limit is reached, with the rest
 * of it still on its way. Node then closes the connection, and a client still writing gets EPIPE
 * or a reset instead of the answer (seen in CI on a 2 MB webhook post). Read the rest first, so
 * the client reads its 413.
 */
export default () => async (ctx: KoaContext, next: Next) => {
  try {
    await next();
    if (ctx.status === 413) await drain(ctx.req);
  } catch (error) {
    if (statusOf(error) === 413) await drain(ctx.req);
    throw error;
  }
};
