import request from 'supertest';
import { startIsolatedApp, type IsolatedApp } from '../setup/isolated-app';
import { gql, type GqlResponse } from './helpers';

const INTROSPECTION = '{ __schema { queryType { fields { name } } } }';

/** No error of a response carries a stack trace (or anything else that names a file). */
const expectNoStack = (response: { errors?: unknown }) => {
  const text = JSON.stringify(response.errors ?? []);
  expect(text).not.toMatch(/stacktrace|\bat .+\.(js|ts):\d+|\/node_modules\//);
};

describe('GraphQL errors for bad arguments', () => {
  it.each([
    ['{ whatsappMessages(sort: "nope:asc") { documentId } }', 'BAD_USER_INPUT'],
    ['{ whatsappCandidates(sort: "createdAt:sideways") { documentId } }', 'BAD_USER_INPUT'],
    ['{ whatsappConversations(pagination: { page: 1, start: 0 }) { documentId } }', 'STRAPI_PAGINATION_ERROR'],
    ['{ whatsappConversations(filters: { unreadCount: { eq: "abc" } }) { documentId } }', 'GRAPHQL_VALIDATION_FAILED'],
    ['{ whatsappMessages(filters: { sentAt: { gt: "yesterday" } }) { documentId } }', 'GRAPHQL_VALIDATION_FAILED'],
  ])('%s is refused as the client\'s mistake (%s), never an internal error', async (query, code) => {
    const response: GqlResponse = await gql(query);
    expect(response.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code }) })]);
    expectNoStack(response);
  });
});

/**
 * `npm run start` runs Strapi with NODE_ENV=production: a second app in that mode, on its own
 * database, answers GraphQL without introspection and without stack traces.
 */
describe('GraphQL of an app in production mode', () => {
  let app: IsolatedApp;
  let token: string;

  const post = (query: string, bearer?: string) => {
    const call = request(app.url).post('/graphql').send({ query });
    return (bearer ? call.set('Authorization', `Bearer ${bearer}`) : call).then((response) => response);
  };

  beforeAll(async () => {
    app = await startIsolatedApp('whatsapp_production', { NODE_ENV: 'production' });
    token = app.fullAccessToken;
  }, 180_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('refuses introspection without a token, and with one', async () => {
    for (const bearer of [undefined, token]) {
      const response = await post(INTROSPECTION, bearer);
      expect(response.body.data?.__schema).toBeUndefined();
      expect(response.body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/introspection/i) })]);
      expectNoStack(response.body);
    }
  });

  it('answers errors without stack traces: a bad field, a forbidden query, bad arguments', async () => {
    const unknownField = await post('{ whatsappCandidates { nope } }');
    expect(unknownField.body.errors?.length).toBeGreaterThan(0);
    expectNoStack(unknownField.body);

    const forbidden = await post('{ whatsappCandidates { documentId } }');
    expect(forbidden.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
    expectNoStack(forbidden.body);

    const badInput = await post('{ whatsappMessages(sort: "nope:asc") { documentId } }', token);
    expect(badInput.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    expectNoStack(badInput.body);
  });

  it('still serves the plugin REST API and its bad-query 400s', async () => {
    await request(app.url).get('/api/whatsapp/candidates').set('Authorization', `Bearer ${token}`).expect(200);
    const bad = await request(app.url).get('/api/whatsapp/candidates?filters[id][$eq]=abc').set('Authorization', `Bearer ${token}`);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ data: null, error: expect.objectContaining({ status: 400, name: 'ValidationError' }) });
  });
});

describe('GraphQL: a value PostgreSQL refuses', () => {
  it('is BAD_USER_INPUT, not an internal error', async () => {
    const response = await gql('query ($id: ID!) { whatsappCandidate(documentId: $id) { documentId } }', { id: 'a\u0000b' });
    expect(response.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    expect(response.errors![0]!.message).not.toMatch(/select|invalid byte/i);
    expectNoStack(response);
  });
});
