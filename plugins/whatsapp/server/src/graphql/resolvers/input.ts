/** What the graphql plugin hands every resolver: koa's state, holding the caller's auth. */
export type ResolverContext = { state: { auth?: unknown } };

export type IdArgs = { id: string };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A GraphQL client may send `null` for an optional field that a REST body would leave out; both
 * mean "not given", so nulls are dropped before the REST schema reads the input. Only the
 * input's own fields: a null inside a JSON value stays, for the schema to judge.
 */
export const withoutNulls = (input: unknown): Record<string, unknown> => {
  if (!isPlainObject(input)) return {};
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined));
};
