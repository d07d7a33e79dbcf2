import { api, ctx } from '../helpers/api';

export type GqlError = {
  message: string;
  path?: string[];
  extensions: { code: string; error?: { name: string; message: string; details: Record<string, unknown> } };
};

export type GqlResponse = { status: number; data: Record<string, any> | null | undefined; errors: GqlError[] | undefined };

/** No token at all: the public role. */
export const PUBLIC = '';

/** One GraphQL operation over HTTP, as a client of /graphql sends it (full-access token unless told). */
export const gql = async (query: string, variables: Record<string, unknown> = {}, token: string = ctx.fullAccessToken): Promise<GqlResponse> => {
  const response = await api(token).post('/graphql').send({ query, variables });
  return { status: response.status, data: response.body.data, errors: response.body.errors };
};

/** The data of an operation that must succeed; the errors are shown when it did not. */
export const gqlOk = async (query: string, variables: Record<string, unknown> = {}, token: string = ctx.fullAccessToken) => {
  const response = await gql(query, variables, token);
  expect(response.errors).toBeUndefined();
  expect(response.status).toBe(200);
  return response.data as Record<string, any>;
};

/**
 * The single error of an operation that must fail, with this code in its extensions; the
 * operation's field resolved to nothing.
 */
export const expectGqlError = (response: GqlResponse, code: string, field?: string): GqlError => {
  expect(response.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code }) })]);
  const error = response.errors![0]!;
  if (field) {
    expect(error.path).toEqual([field]);
    expect(response.data ?? null).toBeNull();
  }
  return error;
};

/** A Strapi ValidationError: BAD_USER_INPUT with the field paths in `details.errors`. */
export const expectBadInput = (response: GqlResponse, field: string) => {
  const error = expectGqlError(response, 'BAD_USER_INPUT', field);
  expect(error.extensions.error?.name).toBe('ValidationError');
  const issues = error.extensions.error?.details.errors as Array<{ path: string[]; message: string }>;
  expect(issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.any(Array), message: expect.any(String) })]));
  return issues.map((issue) => issue.path.join('.'));
};

/** A business rule's refusal (422/409): its HTTP error's name as the code and `details.code` in extensions. */
export const expectRefusal = (response: GqlResponse, field: string, status: 409 | 422, detailsCode: string) => {
  const code = status === 422 ? 'STRAPI_UNPROCESSABLE_ENTITY_ERROR' : 'STRAPI_CONFLICT_ERROR';
  const error = expectGqlError(response, code, field);
  expect(error.extensions.error?.name).toBe(status === 422 ? 'UnprocessableEntityError' : 'ConflictError');
  expect(error.extensions.error?.details).toMatchObject({ code: detailsCode });
  return error;
};

/** Polls until `done` accepts what `read` returns; fails after timeoutMs with the last value seen. */
export const waitFor = async <T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`condition never met; last: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    last = await read();
  }
  return last;
};

export const MESSAGE_FIELDS = `
  documentId direction status from to body twilioSid errorCode errorMessage errorDescription
  candidate { documentId phone } conversation { documentId } retryOf { documentId status errorCode }
`;

export const CAMPAIGN_FIELDS = 'documentId name state startedAt completedAt stateReason stats';

/** A WhatsApp message from `phone` to our sender, posted (signed) by the emulator to our webhook. */
export const receiveInbound = async (phone: string, body: string) => {
  const response = await fetch(`${ctx.emulatorUrl}/__emulator/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: `whatsapp:${phone}`, to: `whatsapp:${ctx.whatsappNumber}`, body, url: `${ctx.publicUrl}/api/whatsapp/webhook` }),
  });
  const result = (await response.json()) as { status: number | null };
  if (!response.ok || result.status !== 200) throw new Error(`inbound: ${response.status} ${JSON.stringify(result)}`);
};
