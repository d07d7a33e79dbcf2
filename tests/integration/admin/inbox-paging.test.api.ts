import { adminApi, expectStrapiError } from '../helpers/api';
import { withDb } from '../helpers/db';
import { newSeedToken, removeSeeded, seedConversations, seedThread, type SeededConversation } from './inbox-seed';

/**
 * The inbox list and threads paged by cursor, on conversations seeded with SQL: many share a
 * last-message time (webhooks stored together do), some never had a message. Their times lie far
 * in the future, so they head the list; every row is removed afterwards.
 */

type Item = { documentId: string; lastMessageAt: string | null; unreadCount: number; candidate: { name: string; phone: string } | null };
type ListAnswer = { data: Item[]; meta: { pagination: { nextCursor: string | null; total?: number } } };

const SENDER = '+15550001234';
const TIES = ['2091-03-01T10:00:00.000Z', '2091-03-01T10:00:01.000Z', '2091-03-01T10:00:02.000Z', '2091-03-01T10:00:02.500Z'];

/** The list's order: newest first, never-messaged last, ties by the newest row first. */
const listOrder = (a: SeededConversation, b: SeededConversation) => {
  if (a.lastMessageAt !== b.lastMessageAt) {
    if (a.lastMessageAt === null) return 1;
    if (b.lastMessageAt === null) return -1;
    return a.lastMessageAt < b.lastMessageAt ? 1 : -1;
  }
  return b.id - a.id;
};

/** Every page of a query, following nextCursor from the first page (page-based, as the Inbox page asks). */
const walk = async (query: string, pageSize: number, stopWhen: (seen: Item[]) => boolean = () => false) => {
  const seen: Item[] = [];
  let cursor: string | null = null;
  let requests = 0;
  do {
    const path: string = `/whatsapp/inbox/conversations?pageSize=${pageSize}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await adminApi().get(path).expect(200);
    const body = response.body as ListAnswer;
    expect(body.data.length).toBeLessThanOrEqual(pageSize);
    if (cursor) expect(body.meta.pagination).not.toHaveProperty('total');
    seen.push(...body.data);
    cursor = body.meta.pagination.nextCursor;
    requests += 1;
    if (requests > 500) throw new Error('no end to the pages');
  } while (cursor && !stopWhen(seen));
  return seen;
};

const documentIds = (items: Array<{ documentId: string }>) => items.map((item) => item.documentId);

describe('admin inbox: cursor paging, search and the unread filter', () => {
  const token = newSeedToken();
  let mine: SeededConversation[] = [];

  beforeAll(async () => {
    // 60 conversations on 4 instants (ties of 15), 6 never messaged; every 7th unread.
    const specs = Array.from({ length: 66 }, (_, index) => ({
      name: `${token} ${index % 2 === 0 ? 'Meera' : 'Kabir'} ${index}`,
      lastMessageAt: index < 60 ? TIES[index % TIES.length]! : null,
      unreadCount: index % 7 === 0 ? 1 + (index % 3) : 0,
    }));
    mine = await withDb((client) => seedConversations(client, token, SENDER, specs));
  });

  afterAll(async () => {
    await withDb((client) => removeSeeded(client, token));
  });

  it('pages the whole list by cursor: each conversation once, in order, ties and all', async () => {
    const expected = [...mine].filter((row) => row.lastMessageAt !== null).sort(listOrder);
    const mineIds = new Set(expected.map((row) => row.documentId));
    // Ours head the list; pages of 7 cut through every group of ties.
    const seen = await walk('', 7, (items) => items.filter((item) => mineIds.has(item.documentId)).length >= expected.length);
    expect(new Set(documentIds(seen)).size).toBe(seen.length);
    expect(documentIds(seen).filter((id) => mineIds.has(id))).toEqual(documentIds(expected));
    expect(documentIds(seen.slice(0, expected.length))).toEqual(documentIds(expected));
  });

  it('pages a search by cursor, never-messaged conversations last', async () => {
    const seen = await walk(`&search=${token}`, 9);
    expect(documentIds(seen)).toEqual(documentIds([...mine].sort(listOrder)));
    expect(seen.slice(-6).every((item) => item.lastMessageAt === null)).toBe(true);
  });

  it('keeps page-based answers: page 2 follows page 1, with a total and a cursor to what follows', async () => {
    const expected = documentIds([...mine].sort(listOrder));
    const first = (await adminApi().get(`/whatsapp/inbox/conversations?pageSize=10&search=${token}`).expect(200)).body as ListAnswer;
    const second = (await adminApi().get(`/whatsapp/inbox/conversations?pageSize=10&page=2&search=${token}`).expect(200)).body as ListAnswer;
    expect(first.meta.pagination).toMatchObject({ page: 1, pageSize: 10, total: mine.length, pageCount: 7, nextCursor: expect.any(String) });
    expect(documentIds([...first.data, ...second.data])).toEqual(expected.slice(0, 20));
    const next = (await adminApi().get(`/whatsapp/inbox/conversations?pageSize=10&search=${token}&cursor=${encodeURIComponent(first.meta.pagination.nextCursor!)}`).expect(200))
      .body as ListAnswer;
    expect(documentIds(next.data)).toEqual(expected.slice(10, 20));
  });

  it('finds a conversation by number, typed whole, in part or with spaces', async () => {
    const target = mine[23]!;
    for (const search of [target.phone, target.phone.slice(-7), `${target.phone.slice(0, 3)} ${target.phone.slice(3, 8)} ${target.phone.slice(8)}`]) {
      const body = (await adminApi().get(`/whatsapp/inbox/conversations?search=${encodeURIComponent(search)}`).expect(200)).body as ListAnswer;
      expect(documentIds(body.data)).toEqual([target.documentId]);
      expect(body.data[0]!.candidate).toMatchObject({ phone: target.phone, name: target.name });
    }
    // Letters with the digits: a name, whose digits are not looked for in numbers.
    const named = (await adminApi().get(`/whatsapp/inbox/conversations?search=${encodeURIComponent(`No ${target.phone.slice(-7)}`)}`).expect(200)).body as ListAnswer;
    expect(named.data).toEqual([]);
  });

  it('finds conversations by name, in any case and in part', async () => {
    const expected = documentIds(mine.filter((row) => row.name.includes('Meera')).sort(listOrder));
    const body = (await adminApi().get(`/whatsapp/inbox/conversations?pageSize=100&search=${encodeURIComponent(`${token.toUpperCase()} meer`)}`).expect(200))
      .body as ListAnswer;
    expect(documentIds(body.data)).toEqual(expected);
    expect(body.meta.pagination.total).toBe(expected.length);
    // LIKE's wildcards are text like any other.
    const wildcard = (await adminApi().get(`/whatsapp/inbox/conversations?search=${encodeURIComponent(`${token}%`)}`).expect(200)).body as ListAnswer;
    expect(wildcard.data).toEqual([]);
  });

  it('lists only unread conversations with unread=true', async () => {
    const expected = documentIds(mine.filter((row) => row.unreadCount > 0).sort(listOrder));
    const searched = await walk(`&search=${token}&unread=true`, 4);
    expect(documentIds(searched)).toEqual(expected);
    expect(searched.every((item) => item.unreadCount > 0)).toBe(true);
    const withTimes = expected.filter((id) => mine.find((row) => row.documentId === id)!.lastMessageAt !== null);
    const top = await walk('&unread=true', 5, (items) => items.length >= withTimes.length);
    expect(documentIds(top.slice(0, withTimes.length))).toEqual(withTimes);
  });

  it('answers 400 in Strapi’s shape for a cursor it did not hand out', async () => {
    const forged = Buffer.from(JSON.stringify(['yesterday', 1])).toString('base64url');
    for (const cursor of ['nope!', 'bm90LWpzb24', forged, Buffer.from('[null,-1]').toString('base64url')]) {
      const response = await adminApi().get(`/whatsapp/inbox/conversations?cursor=${encodeURIComponent(cursor)}`);
      expect(response.status).toBe(400);
      expectStrapiError(response.body, 400, 'ValidationError');
      expect(response.body.error.details.errors[0].path).toEqual(['cursor']);
    }
    const both = await adminApi().get(`/whatsapp/inbox/conversations?page=2&cursor=${Buffer.from('[null,1]').toString('base64url')}`);
    expect(both.status).toBe(400);
    expectStrapiError(both.body, 400, 'ValidationError');
  });
});

describe('admin inbox: a broad search', () => {
  const token = newSeedToken();
  let mine: SeededConversation[] = [];

  beforeAll(async () => {
    // More matches than the search lists by id: it is then checked row by row along the list.
    const specs = Array.from({ length: 1_010 }, (_, index) => ({
      name: `${token} Broad ${index}`,
      lastMessageAt: new Date(Date.UTC(1995, 0, 1, 0, 0, Math.floor(index / 3))).toISOString(),
      unreadCount: 0,
    }));
    mine = await withDb((client) => seedConversations(client, token, SENDER, specs));
  });

  afterAll(async () => {
    await withDb((client) => removeSeeded(client, token));
  });

  it('pages every match once, in order, with the right total', async () => {
    const seen = await walk(`&search=${token}`, 100);
    expect(documentIds(seen)).toEqual(documentIds([...mine].sort(listOrder)));
    const first = (await adminApi().get(`/whatsapp/inbox/conversations?pageSize=5&search=${token}`).expect(200)).body as ListAnswer;
    expect(first.meta.pagination.total).toBe(mine.length);
  });
});

describe('admin inbox: a thread paged by cursor', () => {
  const token = newSeedToken();
  let conversation: SeededConversation;

  beforeAll(async () => {
    [conversation] = await withDb((client) => seedConversations(client, token, SENDER, [{ name: `${token} Thread`, lastMessageAt: null, unreadCount: 0 }]));
    await withDb((client) => seedThread(client, token, conversation.id, 30, token));
  });

  afterAll(async () => {
    await withDb((client) => removeSeeded(client, token));
  });

  type ThreadAnswer = { data: Array<{ body: string }>; meta: { hasOlder: boolean; olderCursor: string | null; conversation: { documentId: string } } };

  it('pages back through every message once, each page oldest first', async () => {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/whatsapp/inbox/conversations/${conversation.documentId}/messages?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const body = (await adminApi().get(path).expect(200)).body as ThreadAnswer;
      expect(body.meta.conversation.documentId).toBe(conversation.documentId);
      expect(body.meta.hasOlder).toBe(body.meta.olderCursor !== null);
      pages.push(body.data.map((message) => message.body));
      cursor = body.meta.olderCursor;
    } while (cursor && pages.length < 10);
    expect(pages.map((page) => page.length)).toEqual([7, 7, 7, 7, 2]);
    expect(pages.reverse().flat()).toEqual(Array.from({ length: 30 }, (_, index) => `${token} ${index + 1}`));
  });

  it('answers 400 in Strapi’s shape for a bad thread cursor', async () => {
    const response = await adminApi().get(`/whatsapp/inbox/conversations/${conversation.documentId}/messages?cursor=${Buffer.from('["x"]').toString('base64url')}`);
    expect(response.status).toBe(400);
    expectStrapiError(response.body, 400, 'ValidationError');
  });
});
