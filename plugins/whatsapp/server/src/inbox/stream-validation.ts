import { z } from 'zod';

// A message id as the stream sent it in `id:`: digits only, within Postgres' integer.
const cursor = z.string().trim().regex(/^\d{1,10}$/, 'A stream cursor is a message id (digits)').transform(Number).pipe(z.number().int().max(2_147_483_647));

/**
 * `GET /inbox/stream`: where to resume. `Last-Event-ID` (what EventSource sends when it
 * reconnects) wins over `?since=`; without either, the stream starts from now.
 */
export const inboxStreamCursorSchema = z.object({
  lastEventId: cursor.optional(),
  since: cursor.optional(),
});
