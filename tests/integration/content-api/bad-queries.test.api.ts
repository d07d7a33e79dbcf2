import fs from 'node:fs';
import { contentApi, ctx } from '../helpers/api';

/**
 * A query the API cannot use is the client's mistake: a 400 in Strapi's error shape, never a
 * 500 and never a database error in the log. Each row is a query string sent to each route.
 */
const everyCollection = [
  'filters[id][$eq]=abc',
  'filters[id][$in][0]=1&filters[id][$in][1]=abc',
  'filters[id][$between][0]=a&filters[id][$between][1]=b',
  'filters[id][$ne]=abc',
  'filters[id][$eq]=99999999999',
  'filters[id][$not][$gt]=abc',
  'filters[$or][0][id][$lt]=abc',
  'filters[$and][0][createdAt][$gt]=not-a-date',
  'filters[createdAt][$eq]=2026-13-45',
  'filters[updatedAt][$lte]=abc',
  'filters[createdAt][$lt]=-100000-01-01T00:00:00Z',
  'filters[nope][$eq]=x',
  'filters[documentId][$nope]=x',
  'pagination[page]=abc',
  'pagination[pageSize]=-5',
  'pagination[start]=abc',
  'pagination[limit]=many',
  'sort=nope:asc',
  'sort=createdAt:sideways',
  'sort[0]=id:up',
  'populate=nope',
  'populate[nope]=true',
  'fields[0]=nope',
  // PostgreSQL refuses a NUL in text (22021): past every check, the last line maps it.
  'filters[documentId][$eq]=a%00b',
];

const byCollection: Record<string, string[]> = {
  candidates: ['filters[lastInboundAt][$gt]=abc', 'filters[optInAt][$eq]=tomorrow', 'filters[conversations][id][$eq]=abc'],
  conversations: [
    'filters[unreadCount][$eq]=abc',
    'filters[unreadCount][$gte]=1.5.3',
    'filters[windowExpiresAt][$lt]=soon',
    'filters[candidate][id][$eq]=abc',
    'populate[candidate][filters][id][$eq]=abc',
  ],
  messages: [
    'filters[errorCode][$eq]=abc',
    'filters[errorCode][$in][0]=63016&filters[errorCode][$in][1]=x',
    'filters[sentAt][$gt]=yesterday',
    'filters[candidate][id][$eq]=abc',
    'filters[conversation][unreadCount][$gt]=lots',
  ],
  templates: ['filters[lastSyncedAt][$gt]=abc', 'filters[deletedAtTwilio][$null]=maybe-not-a-date&filters[lastSyncedAt][$eq]=x'],
  campaigns: ['filters[scheduledAt][$lt]=abc', 'filters[template][id][$eq]=abc', 'filters[startedAt][$between][0]=x&filters[startedAt][$between][1]=y'],
};

const routes: Array<[string, string]> = [];
for (const [collection, own] of Object.entries(byCollection)) {
  for (const query of [...everyCollection, ...own]) {
    routes.push([`/api/whatsapp/${collection}`, query]);
  }
  // findOne validates its query before looking the document up.
  for (const query of ['populate=nope', 'fields[0]=nope', 'filters[id][$eq]=abc']) {
    routes.push([`/api/whatsapp/${collection}/no-such-document`, query]);
  }
}
for (const query of [
  'filters[status][$in][0]=nope',
  'filters[nope]=1',
  'pagination[page]=abc',
  'pagination[pageSize]=1000',
  'sort=status:asc',
]) {
  routes.push(['/api/whatsapp/campaigns/no-such-campaign/recipients', query]);
}
for (const query of ['filters[id][$eq]=abc', 'pagination[page]=abc', 'limit=abc']) {
  routes.push(['/api/whatsapp/sync-status', query]);
}
// The same through ids in the path: the Document Service, and the recipients' own SQL.
for (const path of ['candidates', 'conversations', 'messages', 'templates', 'campaigns', 'campaigns/a%00b/recipients', 'sync-status']) {
  routes.push([`/api/whatsapp/${path.includes('/') ? path : `${path}/a%00b`}`, '']);
}

/** The same kinds of query with values that fit: still answered. */
const goodQueries: Array<[string, string]> = [
  ['/api/whatsapp/messages', 'filters[id][$eq]=1&filters[errorCode][$in][0]=63016&filters[errorCode][$in][1]=21211'],
  ['/api/whatsapp/messages', 'filters[candidate][id][$gt]=0&filters[conversation][unreadCount][$gte]=0&filters[id][$not][$lt]=1'],
  ['/api/whatsapp/conversations', 'filters[unreadCount][$between][0]=0&filters[unreadCount][$between][1]=9&pagination[page]=2&pagination[pageSize]=5'],
  ['/api/whatsapp/candidates', 'filters[id][$containsi]=1&pagination[start]=0&pagination[limit]=-1&sort=createdAt:desc'],
  ['/api/whatsapp/campaigns', 'filters[template][id][$null]=true&filters[$or][0][id][$lt]=5&filters[$or][1][scheduledAt][$gt]=2026-01-01T00:00:00Z'],
];

const SQL_TRACES = [/invalid input syntax/i, /\bselect\b.*\bfrom\b/i, /operator does not exist/i, /date\/time field value out of range/i];

describe('bad queries on the plugin content API', () => {
  let logOffset = 0;
  beforeAll(() => {
    logOffset = fs.statSync(ctx.logFile).size;
  });

  it.each(routes)('GET %s?%s answers 400 in Strapi error shape', async (path, query) => {
    const response = await contentApi().get(`${path}?${query}`);
    expect({ status: response.status, body: response.body }).toEqual({
      status: 400,
      body: {
        data: null,
        error: { status: 400, name: expect.any(String), message: expect.any(String), details: expect.any(Object) },
      },
    });
    for (const trace of SQL_TRACES) expect(response.body.error.message).not.toMatch(trace);
  });

  it.each(goodQueries)('GET %s?%s still answers 200', async (path, query) => {
    const response = await contentApi().get(`${path}?${query}`);
    expect({ status: response.status, error: response.body.error }).toEqual({ status: 200, error: undefined });
  });

  it('leaves no database error in the app log for them', () => {
    const log = fs.readFileSync(ctx.logFile, 'utf8').slice(logOffset);
    for (const trace of SQL_TRACES) expect(log).not.toMatch(trace);
  });
});
