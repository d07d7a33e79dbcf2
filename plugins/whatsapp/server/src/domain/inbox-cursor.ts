/**
 * The inbox's keyset cursors: opaque to callers (base64url JSON), each naming the last row of
 * the page it came from, so the next page starts right after it however many rows came before.
 */

/** A conversation in the list's order: last message time (null: never had one), then id. */
export type ConversationCursor = { at: string | null; id: number };
/** A message in a thread's order (the order the messages were stored). */
export type MessageCursor = { id: number };

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

const decode = (cursor: string): unknown => {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
  } catch {
    return null;
  }
};

const isRowId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

export const encodeConversationCursor = (cursor: ConversationCursor): string => encode([cursor.at, cursor.id]);

/** The cursor, or null when it is not one this API handed out. */
export const decodeConversationCursor = (cursor: string): ConversationCursor | null => {
  const value = decode(cursor);
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [at, id] = value as [unknown, unknown];
  if (!isRowId(id)) return null;
  if (at === null) return { at: null, id };
  if (typeof at !== 'string' || !ISO_UTC.test(at) || Number.isNaN(Date.parse(at))) return null;
  return { at, id };
};

export const encodeMessageCursor = (cursor: MessageCursor): string => encode([cursor.id]);

export const decodeMessageCursor = (cursor: string): MessageCursor | null => {
  const value = decode(cursor);
  if (!Array.isArray(value) || value.length !== 1 || !isRowId(value[0])) return null;
  return { id: value[0] };
};
