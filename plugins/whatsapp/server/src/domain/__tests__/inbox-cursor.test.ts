import { decodeConversationCursor, decodeMessageCursor, encodeConversationCursor, encodeMessageCursor } from '../inbox-cursor';

describe('inbox cursors', () => {
  it('round-trip what the API hands out, microseconds and never-messaged conversations included', () => {
    for (const cursor of [{ at: '2026-12-05T03:21:13.123456Z', id: 42 }, { at: '2026-12-05T03:21:13Z', id: 1 }, { at: null, id: 7 }]) {
      const encoded = encodeConversationCursor(cursor);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeConversationCursor(encoded)).toEqual(cursor);
    }
    expect(decodeMessageCursor(encodeMessageCursor({ id: 9_000_000 }))).toEqual({ id: 9_000_000 });
  });

  it('refuse anything else', () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const cursor of ['', 'a b', '!!', 'bm90LWpzb24', forged({ at: null, id: 1 }), forged(['yesterday', 1]), forged(['2026-12-05T03:21:13', 1]), forged([null, 0]), forged([null, 1.5]), forged([null, '1']), forged([null, 1, 2])]) {
      expect(decodeConversationCursor(cursor)).toBeNull();
    }
    for (const cursor of ['', forged([0]), forged([-3]), forged(['5']), forged([1, 2]), forged({ id: 1 })]) {
      expect(decodeMessageCursor(cursor)).toBeNull();
    }
  });
});
